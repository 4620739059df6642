// SPDX-License-Identifier: Apache-2.0
#include "analyse/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>

#include "analyse/kazakh_stemmer.h"

namespace steppe {
namespace {

sb_stemmer* NewStemmer(const char* language) {
  sb_stemmer* stemmer = sb_stemmer_new(language, "UTF_8");
  if (stemmer == nullptr) throw std::bad_alloc();  // the only way sb_stemmer_new fails
  return stemmer;
}

std::string RunSnowball(sb_stemmer* stemmer, std::string_view word) {
  const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

// Russian noun case endings, longest first; a name keeps at least four letters.
constexpr std::string_view kRussianNameEndings[] = {
    "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им",
    "ам",  "ям",  "ах",  "ях",  "а",   "я",   "у",  "ю",  "е",  "ы",  "и"};
constexpr size_t kMinNameBytes = 8;  // four Cyrillic letters

std::string StripRussianCase(std::string_view word) {
  for (std::string_view ending : kRussianNameEndings) {
    if (word.size() >= ending.size() + kMinNameBytes && word.ends_with(ending)) {
      return std::string(word.substr(0, word.size() - ending.size()));
    }
  }
  return std::string(word);
}

}  // namespace

Stemmer::Stemmer() : english_(NewStemmer("english")), russian_(NewStemmer("russian")) {}

Stemmer::~Stemmer() {
  sb_stemmer_delete(english_);
  sb_stemmer_delete(russian_);
}

std::string Stemmer::Stem(std::string_view word, Lang lang) {
  switch (lang) {
    case Lang::kEnglish:
      return RunSnowball(english_, word);
    case Lang::kRussian:
      return RunSnowball(russian_, word);
    case Lang::kKazakh:
      return StemKazakh(word);
  }
  return std::string(word);
}

std::string Stemmer::StemName(std::string_view word, Lang lang) {
  switch (lang) {
    case Lang::kRussian:
      return StripRussianCase(word);
    case Lang::kKazakh:
      return StemKazakh(word);
    case Lang::kEnglish:
      break;
  }
  return std::string(word);
}

}  // namespace steppe
