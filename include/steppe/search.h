// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_SEARCH_H_
#define STEPPE_SEARCH_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "steppe/article.h"
#include "steppe/export.h"
#include "steppe/status.h"

namespace steppe {

// One search. Filters combine with AND; a request with filters and no query words lists
// every matching article, newest first.
struct STEPPE_EXPORT SearchRequest {
  // Words and "quoted phrases"; every word must match, in any of its spellings.
  std::string query;
  // Only articles dated on or after the first day of this period (2023-12 = 1 Dec 2023).
  std::optional<Date> after;
  // Only articles dated before the first day of this period (2012 = before 1 Jan 2012).
  std::optional<Date> before;
  // Only articles naming one of these companies / places, in any spelling.
  std::vector<std::string> companies;
  std::vector<std::string> places;
  // Match exact spellings only, with no transliteration, spelling key or fuzzy variants.
  bool exact = false;
  size_t offset = 0;            // hits to skip, for paging
  size_t limit = 10;            // hits to return
  size_t snippet_length = 200;  // bytes of body text around the best match
};

// One matching article.
struct STEPPE_EXPORT Hit {
  std::string id;
  std::string path;
  std::string title;
  std::optional<Date> date;
  std::string source;
  double score = 0;  // relevance; only comparable within one search
  // A passage of the body around the best match, and the byte ranges in it of each matched
  // word (in any spelling), for the caller to highlight.
  std::string snippet;
  std::vector<std::pair<size_t, size_t>> highlights;
};

struct STEPPE_EXPORT SearchResults {
  // Estimated number of matching articles (exact for small results).
  size_t total_estimated = 0;
  std::vector<Hit> hits;
  // How the query was understood, for `steppe search --explain`.
  std::string query_description;
};

// How Steppe analyses one word, for both indexing and querying.
struct STEPPE_EXPORT AnalysedWord {
  std::string surface;            // the word as written
  std::string script;             // "latin", "cyrillic" or "other"
  std::string lang;               // "en", "ru" or "kk"
  bool name = false;              // capitalised: gets the spelling-variant terms
  std::string exact;              // folded form, the term that matches this spelling only
  std::string stem;               // language stem
  std::string translit;           // Latin transliteration (names)
  std::vector<std::string> keys;  // spelling keys (names), shared by variant spellings
};

// Analyses `text` exactly as it would be indexed, into *out. `lang_hint` ("en", "ru", "kk" or
// empty) settles Russian against Kazakh for Cyrillic words without Kazakh letters.
STEPPE_EXPORT Status AnalyseText(std::string_view text, std::string_view lang_hint,
                                 std::vector<AnalysedWord>* out);

}  // namespace steppe

#endif  // STEPPE_SEARCH_H_
