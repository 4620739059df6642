// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_FOLD_H_
#define STEPPE_LIB_ANALYSE_FOLD_H_

#include <string>
#include <string_view>

namespace steppe {

// The search form of one word as written: case and width folded (NFKC_Casefold), ё as е,
// typographic apostrophes as ', and an English possessive ('s, s') removed. Other
// diacritics are kept: they tell spellings apart, and the transliteration folds them.
std::string FoldWord(std::string_view surface);

// Whether the first letter of `surface` is upper or title case.
bool IsCapitalised(std::string_view surface);

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_FOLD_H_
