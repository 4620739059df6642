// SPDX-License-Identifier: Apache-2.0
#include "analyse/analyser.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "analyse/dictionary.h"
#include "analyse/fold.h"
#include "analyse/spelling_key.h"
#include "util/utf8.h"

namespace steppe {
namespace {

// A sentence or paragraph ends in the gap between two words when it holds . ! ? or a blank
// line.
bool GapEndsSentence(std::string_view gap) {
  if (gap.find_first_of(".!?") != std::string_view::npos) return true;
  return gap.find("\n\n") != std::string_view::npos;
}

void AddKey(std::string key, std::vector<std::string>* keys) {
  if (key.size() < 2) return;  // one letter tells nothing
  if (std::find(keys->begin(), keys->end(), key) == keys->end()) keys->push_back(std::move(key));
}

}  // namespace

Analyser::Analyser(size_t cache_entries) : cache_(cache_entries) {}

WordForms Analyser::Compute(std::string_view surface, Lang article_lang, WordKind kind) {
  WordForms f;
  f.exact = FoldWord(surface);
  f.script = ScriptOf(surface);
  f.capitalised = IsCapitalised(surface);
  f.all_caps = IsAllCaps(surface);
  if (kind == WordKind::kNumber || f.script == Script::kOther) return f;
  f.lang = WordLang(f.script, HasKazakhLetters(f.exact), article_lang);
  f.stem = stemmer_.Stem(f.exact, f.lang);
  // The Latin form and the keys come from the name's stem too, so that inflected names
  // (Жаңаөзенде, в Жанаозене) meet their nominative; and from the exact word, so that a cut
  // never parts two spellings of one name.
  f.translit = translit_.ToLatin(stemmer_.StemName(f.exact, f.lang));
  f.latin = translit_.ToLatin(f.exact);
  AddKey(SpellingKey(f.latin), &f.keys);
  AddKey(SpellingKey(f.translit), &f.keys);
  for (std::string& key : OtherReadingKeys(f.latin)) AddKey(std::move(key), &f.keys);
  return f;
}

const WordForms& Analyser::AnalyseWord(std::string_view surface, Lang article_lang, WordKind kind) {
  key_.clear();
  key_ += static_cast<char>('0' + static_cast<int>(article_lang));
  key_ += kind == WordKind::kNumber ? '#' : ':';
  key_.append(surface);
  if (const WordForms* found = cache_.Find(key_)) return *found;
  return *cache_.Insert(key_, Compute(surface, article_lang, kind));
}

const WordForms& Analyser::AnalyseIndexedName(std::string_view exact, std::string_view key) {
  if (ScriptOf(exact) != Script::kCyrillic)
    return AnalyseWord(exact, Lang::kEnglish, WordKind::kWord);
  const Lang guess = GuessLanguage(exact);
  const WordForms& f = AnalyseWord(exact, guess, WordKind::kWord);
  if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end()) return f;
  const Lang other = guess == Lang::kKazakh ? Lang::kRussian : Lang::kKazakh;
  return AnalyseWord(exact, other, WordKind::kWord);
}

void Analyser::Analyse(std::string_view text, Lang article_lang, std::vector<Token>* out) {
  size_t previous_end = 0;
  uint32_t position = out->empty() ? 0 : out->back().position;
  segmenter_.ForEachWord(text, [&](size_t begin, size_t end, WordKind kind) {
    Token token;
    token.begin = begin;
    token.end = end;
    token.position = ++position;
    token.sentence_start =
        previous_end == 0 || GapEndsSentence(text.substr(previous_end, begin - previous_end));
    token.forms = &AnalyseWord(text.substr(begin, end - begin), article_lang, kind);
    previous_end = end;
    out->push_back(token);
  });
}

std::string Analyser::NameKey(std::string_view name) {
  std::vector<Token> tokens;
  Analyse(name, GuessLanguage(name), &tokens);
  std::string key;
  for (const Token& t : tokens) {
    const WordForms& f = *t.forms;
    if (!key.empty()) key += ' ';
    key += f.keys.empty() ? f.exact : f.keys.front();
  }
  return key;
}

bool OneNameSpellings(const WordForms& a, const WordForms& b) {
  if (a.exact == b.exact) return true;
  const bool latin = a.script == Script::kLatin && b.script == Script::kLatin;
  const auto similar = [&](std::string_view x, std::string_view y) {
    return SimilarSpellings(x, y) && (!latin || EndAlike(x, y));
  };
  return similar(a.translit, b.translit) || similar(a.latin, b.latin);
}

bool IsOrdinaryWord(const WordForms& f) {
  if (f.common < 0) f.common = (f.capitalised || f.all_caps) && IsDictionaryWord(f.exact, f.lang);
  return f.common != 0;
}

bool OrdinaryWordHere(const WordForms& f, bool sentence_start) {
  if (!f.capitalised && !f.all_caps) return false;
  if (f.script != Script::kLatin && !sentence_start && !f.all_caps) return false;
  return IsOrdinaryWord(f);
}

Lang GuessLanguage(std::string_view text) {
  size_t latin = 0, cyrillic = 0, kazakh = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t c = NextCodePoint(text, &pos);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++latin;
    } else if (c >= 0x400 && c <= 0x4FF) {
      ++cyrillic;
      if (HasKazakhLetters(text.substr(start, pos - start))) ++kazakh;
    }
  }
  if (cyrillic <= latin) return Lang::kEnglish;
  // Kazakh-only letters are about one letter in twelve of Kazakh text; Russian text that
  // quotes a Kazakh name or two stays at a few in a hundred.
  return kazakh * 100 >= cyrillic * 4 ? Lang::kKazakh : Lang::kRussian;
}

}  // namespace steppe
