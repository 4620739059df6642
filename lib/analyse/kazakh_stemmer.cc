// SPDX-License-Identifier: Apache-2.0
#include "analyse/kazakh_stemmer.h"

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "util/utf8.h"

namespace steppe {
namespace {

using Letters = std::u32string;
using LettersView = std::u32string_view;

// Never leave a stem shorter than this, so that short words and names keep their letters.
constexpr size_t kMinStem = 3;

// What may come right before an ending: bits of a context mask.
enum : unsigned {
  kVowel = 1u << 0,
  kVoiced = 1u << 1,          // a voiced consonant
  kVoiceless = 1u << 2,       // a voiceless consonant
  kNasal = 1u << 3,           // м н ң
  kPossessive = 1u << 4,      // -ы/-і after a consonant: perhaps a third-person possessive
  kSurePossessive = 1u << 5,  // a possessive that the possessive rules take on sight
  kMyYour = 1u << 6,          // -ым/-ім/-ың/-ің after a consonant: my, your
  kPlural = 1u << 7,          // a plural ending
  kLocative = 1u << 8,        // -да/-де/-та/-те
  kLicensed = 1u << 9,        // a case ending that only follows a possessive was just removed
  kTakesSy = 1u << 10,        // a stem whose possessive is -сы/-сі
  kTakesY = 1u << 11,         // a stem in -ыс/-іс, whose possessive is -ы/-і
};

// One ending in its variants (space-separated) and the contexts it may follow. Kazakh endings
// agree with the last sound of the stem (ақтау-ға, қазақ-қа, алматы-ның, тоқаев-тың), so the
// variant that would not fit there is not an ending there: алматы does not end in -ты.
// Endings are spelt in Cyrillic; Latin words are matched through a Cyrillic copy.
struct Rule {
  unsigned after;
  LettersView endings;
};

// -ғы/-гі after a locative makes an adjective of place: маңғыстау-да-ғы, "in Mangystau".
constexpr Rule kRelative[] = {{kLocative, U"ғы гі қы кі"}};

constexpr Rule kCases[] = {
    // Genitive.
    {kVowel | kNasal, U"ның нің"},
    {kVoiced, U"дың дің"},
    {kVoiceless, U"тың тің"},
    // Dative. -на/-не follow only a possessive (қала-сы-на) and -а/-е only my/your
    // (қалам-ым-а), so that астана, ана and бала keep their last letters.
    {kVowel | kVoiced, U"ға ге"},
    {kVoiceless, U"қа ке"},
    {kPossessive, U"на не"},
    {kMyYour, U"а е"},
    // Locative. -нда/-нде only after a possessive (қала-сы-нда), or қазақстан-да would lose its н.
    {kVowel | kVoiced, U"да де"},
    {kVoiceless, U"та те"},
    {kPossessive, U"нда нде"},
    // Ablative.
    {kVowel | kVoiced, U"дан ден"},
    {kVoiceless, U"тан тен"},
    {kNasal | kPossessive, U"нан нен"},
    // Accusative. The lone -н only after a certain possessive (қала-сы-н), since тұрғын,
    // бүгін and үшін end in -ын/-ін of their own.
    {kVowel, U"ны ні"},
    {kVoiced, U"ды ді"},
    {kVoiceless, U"ты ті"},
    {kSurePossessive, U"н"},
    // Instrumental.
    {kVowel | kVoiced, U"мен"},
    {kVoiced, U"бен"},
    {kVoiceless, U"пен"},
};

constexpr Rule kPossessives[] = {
    {kTakesSy, U"сы сі"},
    {kVowel, U"мыз міз ңыз ңіз"},
    {kVoiced | kVoiceless, U"ымыз іміз ыңыз іңіз"},
    // A final -ы/-і or -ым/-ім after a consonant is as often the stem's own (алматы, мұнайшы,
    // білім), so it goes only after a plural or an -ыс/-іс stem, or where a case ending that
    // needs a possessive came after it.
    {kTakesY | kPlural | kLicensed, U"ы і"},
    {kPlural | kLicensed, U"ым ім ың ің"},
};

constexpr Rule kPlurals[] = {
    {kVowel | kVoiced, U"лар лер"},
    {kVoiced, U"дар дер"},
    {kVoiceless, U"тар тер"},
};

// Words whose last letters look like an ending but are the stem's own; a word ending in one
// of them loses nothing (Қазақстан is not қазақс-тан, Қызылорда not қызылор-да).
constexpr LettersView kLookAlikes = U"стан орда тенге теңге қазына шахта шахтер вахта басқа";

// Pairs of (Latin, Cyrillic) letters of the 2018 and 2021 Kazakh Latin alphabets.
constexpr LettersView kLatinToCyrillic =
    U"aаäәáәbбdдeеfфgгğғǵғhхıыiіjжkкlлmмnнñңńңoоöөóөpпqқrрsсşшtтuуūұüүúүvвwуyыýуzз";

constexpr LettersView kVowels = U"аәеёиоөұүыіэюяaäáeıioöóuūüúy";
// у and й are consonants here (су-ды, мұнай-дың); Latin u and y may be either, by alphabet.
constexpr LettersView kVoicedConsonants = U"йлмнңрузжғиlmnñńrzjwuyýğǵ";
// б в г д are devoiced at the end of a word, so they take voiceless variants (тоқаев-тың).
constexpr LettersView kVoicelessConsonants = U"бвгдкқпстфхһцчшщbvgdkqpstfhşcç";
constexpr LettersView kNasals = U"мнңmnñń";

constexpr LettersView kApostrophes = U"'\u2019\u02BC";

struct Word {
  Letters letters;  // as written
  Letters canon;    // the same with Latin letters turned Cyrillic, one for one
};

// Calls `visit` with each space-separated item of `list`.
template <typename Visit>
void ForEachItem(LettersView list, Visit visit) {
  while (!list.empty()) {
    const size_t space = list.find(U' ');
    visit(list.substr(0, space));
    list.remove_prefix(space == LettersView::npos ? list.size() : space + 1);
  }
}

bool EndsWithAny(LettersView text, LettersView list) {
  bool found = false;
  ForEachItem(list, [&](LettersView item) { found = found || text.ends_with(item); });
  return found;
}

bool EndsInPlural(LettersView text) {
  bool found = false;
  for (const Rule& rule : kPlurals) found = found || EndsWithAny(text, rule.endings);
  return found;
}

char32_t ToCyrillic(char32_t c) {
  for (size_t i = 0; i < kLatinToCyrillic.size(); i += 2) {
    if (kLatinToCyrillic[i] == c) return kLatinToCyrillic[i + 1];
  }
  return c;
}

unsigned LetterClass(char32_t c) {
  unsigned classes = 0;
  if (kVowels.find(c) != LettersView::npos) classes |= kVowel;
  if (kVoicedConsonants.find(c) != LettersView::npos) classes |= kVoiced;
  if (kVoicelessConsonants.find(c) != LettersView::npos) classes |= kVoiceless;
  if (kNasals.find(c) != LettersView::npos) classes |= kNasal;
  return classes;
}

bool IsConsonant(char32_t c) { return (LetterClass(c) & (kVoiced | kVoiceless)) != 0; }

// The kind of stem the first `size` letters of `word` make, as far as a possessive goes.
unsigned StemShape(const Word& word, size_t size) {
  const LettersView stem = LettersView(word.canon).substr(0, size);
  const auto letter_back = [&](size_t n) { return size > n ? word.letters[size - 1 - n] : U' '; };
  unsigned shape = 0;
  if (EndsInPlural(stem)) shape |= kPlural;
  // A vowel stem takes -сы (қала-сы). But stems in -ыс/-іс (облыс, жұмыс, өндіріс) are far
  // commoner than stems in -ы/-і, so -ысы reads облыс-ы, save for the agent nouns in -шы/-ші
  // (басшы-сы) and the pay words in -ақы (жалақы-сы, зейнетақы-сы).
  if ((LetterClass(letter_back(0)) & kVowel) != 0 &&
      (!EndsWithAny(stem, U"ы і") || EndsWithAny(stem, U"шы ші ақы"))) {
    shape |= kTakesSy;
  }
  if (EndsWithAny(stem, U"ыс іс") && IsConsonant(letter_back(2))) shape |= kTakesY;
  return shape;
}

// The contexts the first `size` letters of `word` make for an ending after them.
unsigned ContextOf(const Word& word, size_t size, bool licensed) {
  const LettersView stem = LettersView(word.canon).substr(0, size);
  const auto letter_back = [&](size_t n) { return size > n ? word.letters[size - 1 - n] : U' '; };
  unsigned context = LetterClass(letter_back(0)) | StemShape(word, size);
  if (licensed) context |= kLicensed;
  if (EndsWithAny(stem, U"да де та те")) context |= kLocative;
  if (EndsWithAny(stem, U"ы і") && IsConsonant(letter_back(1))) context |= kPossessive;
  if ((EndsWithAny(stem, U"сы сі") && (StemShape(word, size - 2) & kTakesSy) != 0) ||
      (EndsWithAny(stem, U"ы і") && (StemShape(word, size - 1) & (kPlural | kTakesY)) != 0)) {
    context |= kSurePossessive;
  }
  if (EndsWithAny(stem, U"ым ім ың ің") && IsConsonant(letter_back(2))) context |= kMyYour;
  return context;
}

// Whether `length` letters may come off the end of `word`: never leave too short a stem (one
// letter longer after a one-letter ending, which is weak evidence), nor touch a look-alike.
bool CanCut(const Word& word, size_t length) {
  const size_t min_stem = length == 1 ? kMinStem + 1 : kMinStem;
  return word.canon.size() >= length + min_stem && !EndsWithAny(word.canon, kLookAlikes);
}

// Removes the longest ending in `rules` that may follow what precedes it. When that one would
// leave too short a stem, removes nothing: a shorter ending would cut in the wrong place
// (ел-іміз is not елі-міз). Returns the contexts that allowed the cut, or 0.
unsigned StripLongest(std::span<const Rule> rules, bool licensed, Word* word) {
  const size_t size = word->canon.size();
  size_t best_length = 0;
  unsigned best_fit = 0;
  for (const Rule& rule : rules) {
    ForEachItem(rule.endings, [&](LettersView ending) {
      if (ending.size() <= best_length || ending.size() >= size || !word->canon.ends_with(ending)) {
        return;
      }
      const unsigned fit = rule.after & ContextOf(*word, size - ending.size(), licensed);
      if (fit != 0) {
        best_length = ending.size();
        best_fit = fit;
      }
    });
  }
  if (best_length == 0 || !CanCut(*word, best_length)) return 0;
  word->letters.resize(size - best_length);
  word->canon.resize(size - best_length);
  return best_fit;
}

bool IsEnding(LettersView text) {
  bool found = false;
  for (std::span<const Rule> rules :
       {std::span<const Rule>(kCases), std::span<const Rule>(kPossessives),
        std::span<const Rule>(kPlurals)}) {
    for (const Rule& rule : rules) {
      ForEachItem(rule.endings, [&](LettersView ending) { found = found || ending == text; });
    }
  }
  // A locative with the relative -ғы after it (Almaty'dağı).
  if (!found && text.size() > 2 && EndsWithAny(text, kRelative[0].endings)) {
    return IsEnding(text.substr(0, text.size() - 2));
  }
  return found;
}

std::string ToUtf8(LettersView letters) {
  std::string out;
  for (char32_t c : letters) AppendUtf8(c, &out);
  return out;
}

}  // namespace

std::string StemKazakh(std::string_view word) {
  Word w;
  for (size_t pos = 0; pos < word.size();) {
    const char32_t c = NextCodePoint(word, &pos);
    w.letters.push_back(c);
    w.canon.push_back(ToCyrillic(c));
  }
  // The writer of Qazaqstan'ğa has marked where the name ends: keep exactly the name.
  const size_t apostrophe = w.letters.find_last_of(kApostrophes);
  if (apostrophe != Letters::npos && apostrophe >= kMinStem &&
      IsEnding(LettersView(w.canon).substr(apostrophe + 1))) {
    return ToUtf8(LettersView(w.letters).substr(0, apostrophe));
  }
  // Kazakh stacks plural, possessive, case (and -ғы after a locative) in that order, so they
  // come off from the end in reverse, at most one of each.
  StripLongest(kRelative, false, &w);
  const unsigned case_fit = StripLongest(kCases, false, &w);
  const bool licensed = (case_fit & (kPossessive | kSurePossessive | kMyYour)) != 0;
  StripLongest(kPossessives, licensed, &w);
  StripLongest(kPlurals, false, &w);
  return ToUtf8(w.letters);
}

}  // namespace steppe
