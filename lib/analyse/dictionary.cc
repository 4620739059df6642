// SPDX-License-Identifier: Apache-2.0
#include "analyse/dictionary.h"

#include <hunspell.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>

namespace steppe {
namespace {

constexpr const char* kDefaultFolder = "/usr/share/hunspell";

struct LanguageFiles {
  const char* name;      // en_US
  const char* package;   // the Debian package that installs it
  const char* language;  // English
};

LanguageFiles FilesFor(Lang lang) {
  switch (lang) {
    case Lang::kRussian:
      return {"ru_RU", "hunspell-ru", "Russian"};
    case Lang::kKazakh:
      return {"kk_KZ", "hunspell-kk", "Kazakh"};
    case Lang::kEnglish:
      break;
  }
  return {"en_US", "hunspell-en-us", "English"};
}

// Every Hunspell call, of any language: its lookups are not documented as thread-safe, and
// loading a dictionary sets up tables shared by all of them (initialize_utf_tbl, counted
// without a lock), so two languages loading at once on two threads leaked one.
std::mutex& HunspellMutex() {
  static std::mutex* mutex = new std::mutex;  // never destroyed, as the dictionaries
  return *mutex;
}

// One language's dictionary, loaded on first use. Callers cache verdicts, so lookups are rare.
class Dictionary {
 public:
  explicit Dictionary(Lang lang) : lang_(lang) {}
  ~Dictionary() {
    if (handle_ != nullptr) Hunspell_destroy(handle_);
  }

  bool Has(std::string_view word) {
    std::lock_guard<std::mutex> lock(HunspellMutex());
    if (!loaded_) Load();
    if (handle_ == nullptr) return false;
    return Hunspell_spell(handle_, std::string(word).c_str()) != 0;
  }

 private:
  void Load() {
    loaded_ = true;
    const char* env = std::getenv("STEPPE_HUNSPELL_DIR");
    const std::filesystem::path folder = env != nullptr && *env != '\0' ? env : kDefaultFolder;
    const LanguageFiles files = FilesFor(lang_);
    const std::filesystem::path aff = folder / (std::string(files.name) + ".aff");
    const std::filesystem::path dic = folder / (std::string(files.name) + ".dic");
    std::error_code ec;
    if (!std::filesystem::is_regular_file(aff, ec) || !std::filesystem::is_regular_file(dic, ec)) {
      std::fprintf(stderr,
                   "steppe: no %s dictionary at %s, so capitalised %s words are all taken for "
                   "names; install it: apt-get install %s\n",
                   files.name, dic.c_str(), files.language, files.package);
      return;
    }
    handle_ = Hunspell_create(aff.c_str(), dic.c_str());
  }

  const Lang lang_;
  bool loaded_ = false;
  Hunhandle* handle_ = nullptr;
};

Dictionary& DictionaryFor(Lang lang) {
  // Never destroyed: analysers on other threads may still look words up at exit.
  static Dictionary* english = new Dictionary(Lang::kEnglish);
  static Dictionary* russian = new Dictionary(Lang::kRussian);
  static Dictionary* kazakh = new Dictionary(Lang::kKazakh);
  switch (lang) {
    case Lang::kRussian:
      return *russian;
    case Lang::kKazakh:
      return *kazakh;
    case Lang::kEnglish:
      break;
  }
  return *english;
}

}  // namespace

bool IsDictionaryWord(std::string_view folded, Lang lang) {
  if (folded.empty()) return false;
  return DictionaryFor(lang).Has(folded);
}

}  // namespace steppe
