// SPDX-License-Identifier: Apache-2.0
// A conservative Kazakh suffix stripper. Kazakh stacks endings in a fixed order, stem +
// plural + possessive + case (мұнайшы-лар-ы-ның), so they are removed from the outside in.
// Snowball has no Kazakh stemmer; this one strips only the inflections that matter for
// finding names and nouns, and never leaves fewer than four letters, so that short words
// (тенге, қала, ана) and names (Алматы, Ақтау) keep their stem.
#include "analyse/kazakh_stemmer.h"

#include <algorithm>
#include <vector>

#include "util/utf8.h"

namespace steppe {
namespace {

constexpr size_t kMinStem = 4;

// Where an ending may be stripped: Kazakh endings change with the sound before them, and
// checking it keeps a name's own last letters (Алматы is not Алма + accusative -ты, since
// after a vowel the accusative is -ны; Қазақстан is not Қазақс + ablative -тан).
enum class After { kAny, kConsonant, kVowel, kNotS };

struct Ending {
  std::u32string text;
  After after;
};

// Case endings, Cyrillic then Latin (2017-2021 alphabets); longest first.
const std::vector<Ending> kCaseEndings = {
    // locative + relative -ғы (Маңғыстаудағы "the one in Mangystau")
    {U"дағы", After::kAny},
    {U"дегі", After::kAny},
    {U"тағы", After::kAny},
    {U"тегі", After::kAny},
    // ablative
    {U"дан", After::kAny},
    {U"ден", After::kAny},
    {U"тан", After::kNotS},
    {U"тен", After::kNotS},
    {U"нан", After::kAny},
    {U"нен", After::kAny},
    // genitive
    {U"ның", After::kAny},
    {U"нің", After::kAny},
    {U"дың", After::kAny},
    {U"дің", After::kAny},
    {U"тың", After::kAny},
    {U"тің", After::kAny},
    // instrumental
    {U"мен", After::kAny},
    {U"бен", After::kAny},
    {U"пен", After::kAny},
    // locative, dative
    {U"да", After::kAny},
    {U"де", After::kAny},
    {U"та", After::kConsonant},
    {U"те", After::kConsonant},
    {U"ға", After::kAny},
    {U"ге", After::kAny},
    {U"қа", After::kConsonant},
    {U"ке", After::kConsonant},
    // accusative: -ны/-ні after vowels, -ды/-ді/-ты/-ті after consonants
    {U"ны", After::kVowel},
    {U"ні", After::kVowel},
    {U"ды", After::kConsonant},
    {U"ді", After::kConsonant},
    {U"ты", After::kConsonant},
    {U"ті", After::kConsonant},
    // Latin
    {U"dağı", After::kAny},
    {U"degi", After::kAny},
    {U"dan", After::kAny},
    {U"den", After::kAny},
    {U"tan", After::kNotS},
    {U"ten", After::kNotS},
    {U"nan", After::kAny},
    {U"nen", After::kAny},
    {U"nıñ", After::kAny},
    {U"niñ", After::kAny},
    {U"nıń", After::kAny},
    {U"niń", After::kAny},
    {U"dıñ", After::kAny},
    {U"diñ", After::kAny},
    {U"dıń", After::kAny},
    {U"diń", After::kAny},
    {U"tıñ", After::kAny},
    {U"tiñ", After::kAny},
    {U"tıń", After::kAny},
    {U"tiń", After::kAny},
    {U"men", After::kAny},
    {U"ben", After::kAny},
    {U"pen", After::kAny},
    {U"da", After::kAny},
    {U"de", After::kAny},
    {U"ta", After::kConsonant},
    {U"te", After::kConsonant},
    {U"ğa", After::kAny},
    {U"ǵa", After::kAny},
    {U"ge", After::kAny},
    {U"qa", After::kConsonant},
    {U"ke", After::kConsonant},
    {U"nı", After::kVowel},
    {U"ni", After::kVowel},
    {U"dı", After::kConsonant},
    {U"di", After::kConsonant},
    {U"tı", After::kConsonant},
    {U"ti", After::kConsonant}};

// Case endings that follow only a possessive (компания-сы-на, үй-і-нде, -сы-н): alone they
// would eat the last letters of ordinary words (қала, ана) and names (Жаңаөзен-де).
const std::vector<std::u32string> kAfterPossessive = {U"ндағы", U"ндегі", U"нда", U"нде", U"на",
                                                      U"не",    U"н",     U"а",   U"е",   U"nda",
                                                      U"nde",   U"na",    U"ne",  U"n"};

const std::vector<std::u32string> kPossessive = {U"ымыз", U"іміз", U"ыңыз", U"іңіз", U"мыз", U"міз",
                                                 U"ңыз",  U"ңіз",  U"сы",   U"сі",   U"ым",  U"ім",
                                                 U"ың",   U"ің",   U"sı",   U"si"};

const std::vector<std::u32string> kPlural = {U"лар", U"лер", U"дар", U"дер", U"тар", U"тер",
                                             U"lar", U"ler", U"dar", U"der", U"tar", U"ter"};

bool IsVowel(char32_t c) {
  static constexpr std::u32string_view kVowels = U"аәеёиоөуұүыіэюяaäeéıioöuüúyýáó";
  return kVowels.find(c) != std::u32string_view::npos;
}

bool Allowed(After after, char32_t before) {
  switch (after) {
    case After::kAny:
      return true;
    case After::kConsonant:
      return !IsVowel(before);
    case After::kVowel:
      return IsVowel(before);
    case After::kNotS:
      return before != U'с' && before != U's';
  }
  return false;
}

bool StripCase(std::u32string* word) {
  for (const Ending& e : kCaseEndings) {
    if (word->size() < e.text.size() + kMinStem || !word->ends_with(e.text)) continue;
    if (!Allowed(e.after, (*word)[word->size() - e.text.size() - 1])) continue;
    word->resize(word->size() - e.text.size());
    return true;
  }
  return false;
}

bool StripOne(const std::vector<std::u32string>& endings, std::u32string* word) {
  for (const std::u32string& e : endings) {
    if (word->size() >= e.size() + kMinStem && word->ends_with(e)) {
      word->resize(word->size() - e.size());
      return true;
    }
  }
  return false;
}

bool EndsWithPossessive(const std::u32string& word) {
  for (const std::u32string& e : kPossessive) {
    if (word.ends_with(e)) return true;
  }
  return false;
}

// The third-person possessive after a plural: жұмысшылар-ы. Alone, a final ы/і is too often
// part of the word (Алматы) to strip.
bool StripPluralPossessive(std::u32string* word) {
  if (word->empty() || (word->back() != U'ы' && word->back() != U'і' && word->back() != U'ı' &&
                        word->back() != U'i')) {
    return false;
  }
  std::u32string rest = word->substr(0, word->size() - 1);
  if (!StripOne(kPlural, &rest)) return false;
  word->pop_back();
  return true;
}

// "Qazaqstan'ğa": the Latin alphabets mark the ending of a name with an apostrophe.
bool StripAfterApostrophe(std::u32string* word) {
  const size_t apostrophe = word->find_last_of(U"'’");
  if (apostrophe == std::u32string::npos || apostrophe < 3) return false;
  if (word->size() - apostrophe > 6) return false;
  word->resize(apostrophe);
  return true;
}

std::u32string Decode(std::string_view word) {
  std::u32string out;
  for (size_t pos = 0; pos < word.size();) out += NextCodePoint(word, &pos);
  return out;
}

std::string Encode(const std::u32string& word) {
  std::string out;
  for (char32_t c : word) AppendUtf8(c, &out);
  return out;
}

}  // namespace

std::string StemKazakh(std::string_view word) {
  std::u32string w = Decode(word);
  if (StripAfterApostrophe(&w)) return Encode(w);
  if (!StripCase(&w)) {
    std::u32string rest = w;
    if (StripOne(kAfterPossessive, &rest) && EndsWithPossessive(rest)) w = rest;
  }
  if (!StripOne(kPossessive, &w)) StripPluralPossessive(&w);
  StripOne(kPlural, &w);
  return Encode(w);
}

}  // namespace steppe
