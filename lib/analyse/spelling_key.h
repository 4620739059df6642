// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_SPELLING_KEY_H_
#define STEPPE_LIB_ANALYSE_SPELLING_KEY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace steppe {

// The spelling key of a name in Latin letters (LatinTransliterator's output): one string for
// the spellings that transliteration schemes and scripts give the same name, so Zhanaozen,
// Janaozen, Zhanoezen and Жаңаөзен share "Janasan". It folds what schemes disagree on
// (zh/j/dzh; kh/h/q/k/c; sh/sch/ch/ş; gh/g; ng/n; w/v; z/s; doubled letters) and, since
// names are written with every vowel, vowel quality: each run of vowels becomes one 'a' and
// a final vowel is dropped. Apply it to names only: it is meant to merge.
std::string SpellingKey(std::string_view latin);

// The keys of `latin` under the other reading of a letter that schemes use for two sounds,
// one key per reading that changes it: a w after a vowel as у (Kazakh Latin Atıraw, Temirtaw;
// SpellingKey reads it as в, German Gorbatschow, Kyjiw), and sch as ж (German Schukow;
// SpellingKey reads ш, Schymkent).
std::vector<std::string> OtherReadingKeys(std::string_view latin);

// Damerau-Levenshtein distance between `a` and `b`, or `limit + 1` once it exceeds `limit`.
size_t EditDistance(std::string_view a, std::string_view b, size_t limit);

// Whether two names' Latin forms, which may share a spelling key, are spellings of one name:
// with what schemes disagree on folded but not the vowels, they are under a third of their
// letters apart (one edit up to 7 letters, two up to 10): Zhanaozen and Zhanoezen, Kunaev and
// Qonayev, Kyiv and Kiev. Baker and Bukhara, or Houston and Kostanay, share a key but not this.
bool SimilarSpellings(std::string_view latin_a, std::string_view latin_b);

// Whether two Latin-script names end alike once folded as for SimilarSpellings: in the same
// letter, or both in a vowel (Karaganda, Karagandy). Schemes change a name's letters, not its
// ending: Frank is not France, nor Germain Germany. Not for the Latin form of a Cyrillic word's
// stem, which the stemmer cut.
bool EndAlike(std::string_view latin_a, std::string_view latin_b);

// The edits a key of this length may be away from another and still be a fuzzy match:
// none below 5 letters, one for 5-8, two above.
size_t FuzzyEditsFor(size_t key_length);

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_SPELLING_KEY_H_
