// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_SNIPPET_H_
#define STEPPE_LIB_SEARCH_SNIPPET_H_

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "analyse/analyser.h"

namespace steppe {

struct Snippet {
  std::string text;                                   // one line
  std::vector<std::pair<size_t, size_t>> highlights;  // byte ranges in `text`
};

// Whether a word of an article matches any of the query's Xapian `terms`, in any layer
// (exact, name, stem, transliteration, spelling key): what a snippet highlights.
bool TokenMatches(const WordForms& forms, const std::unordered_set<std::string>& terms);

// The passage of about `length` bytes of `text` holding the most matched words, cut at
// word boundaries, with "…" where it was cut. `tokens` are `text`'s words; `matched[i]`
// says whether tokens[i] matched. Without matches the passage is the start of the text.
Snippet MakeSnippet(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<bool>& matched, size_t length);

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_SNIPPET_H_
