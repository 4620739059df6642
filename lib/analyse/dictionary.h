// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_DICTIONARY_H_
#define STEPPE_LIB_ANALYSE_DICTIONARY_H_

#include <string_view>

#include "analyse/script.h"

namespace steppe {

// Whether `folded`, a case-folded word, is an ordinary word of `lang` by Debian's hunspell
// dictionary of that language (en_US, ru_RU, kk_KZ in /usr/share/hunspell, or the folder
// $STEPPE_HUNSPELL_DIR names), with its affix rules: "act", "being", "putting", "total". The
// word is checked in lower case, so an entry the dictionary writes capitalised (Aston, Kiev,
// HIV) is a name, not an ordinary word. A dictionary is loaded on first use; a missing one is
// reported once on stderr, and then no word of that language is an ordinary word.
// Thread-safe; costs a hunspell lookup, so callers cache the verdict (WordForms::common).
bool IsDictionaryWord(std::string_view folded, Lang lang);

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_DICTIONARY_H_
