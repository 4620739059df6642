// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_SUGGEST_H_
#define STEPPE_LIB_SEARCH_SUGGEST_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "analyse/analyser.h"
#include "search/name_lexicon.h"

namespace steppe {

// "Did you mean": for each word of `text`, the indexed names whose spelling key is one or two
// edits from the word's (the same key already matched), best first, one Latin and one
// Cyrillic spelling per word, capitalised; at most `max` in all. Names are read through
// `lexicon`.
std::vector<std::string> SuggestSpellings(const Xapian::Database& db, NameLexicon* lexicon,
                                          Analyser* analyser, std::string_view text, size_t max);

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_SUGGEST_H_
