// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_SEARCH_H_
#define STEPPE_SEARCH_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "steppe/article.h"
#include "steppe/export.h"
#include "steppe/status.h"

namespace steppe {

// The order of hits.
enum class SortOrder { kRelevance, kNewest, kOldest };

// A calendar period that articles are counted by (Searcher::CountByPeriod).
enum class Period { kMonth, kYear };

// One search. Filters of different fields combine with AND, values of one field with OR. A
// request with filters and no query words lists every matching article, newest first.
struct STEPPE_EXPORT SearchRequest {
  // Words, "quoted phrases", OR, NOT/-word, brackets and field:value (docs/query-language.md);
  // every word must match, in any of its spellings. When no article has every word, the
  // search is relaxed to any word, ranked, and SearchResults::relaxed says so.
  std::string query;
  // Only articles dated on or after the first day of this period (2023-12 = 1 Dec 2023).
  std::optional<Date> after;
  // Only articles dated before the first day of this period (2012 = before 1 Jan 2012).
  std::optional<Date> before;
  // Only articles naming one of these companies / places: any name, alias or spelling the
  // gazetteer knows for one (KMG, Мангистау), or the name itself.
  std::vector<std::string> companies;
  std::vector<std::string> places;
  // Only articles from one of these sources / in one of these languages ("en", "ru", "kk", in
  // any case; "kz" means "kk"; any other is InvalidArgument).
  std::vector<std::string> sources;
  std::vector<std::string> langs;
  // Match exact spellings only, with no transliteration, spelling key or fuzzy variants.
  bool exact = false;
  // Show every copy of a syndicated story; by default near-duplicates show once, the best
  // ranked, with Hit::similar counting the others.
  bool all_copies = false;
  SortOrder sort = SortOrder::kRelevance;
  // Count the values of each facet (company, place, year, month, source, lang) over the
  // matching articles and return the top `facet_limit` of each; 0 counts none (faster). Past
  // SearcherOptions::facet_sample matches (2,000) the counts are scaled from those
  // (SearchResults::facets_estimated), unless exact_facets.
  size_t facet_limit = 0;
  // Count facets over every match, however many: exact, and slower on broad searches.
  bool exact_facets = false;
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
  std::string date_source;  // "metadata", "dateline" or empty, as Article::date_source
  std::string source;
  double score = 0;    // relevance; only comparable within one search
  size_t similar = 0;  // near-duplicates of this article left out (unless all_copies)
  // A passage of the body around the best match, and the byte ranges in it of each matched
  // word (in any spelling), for the caller to highlight.
  std::string snippet;
  std::vector<std::pair<size_t, size_t>> highlights;
};

// How many matches (stories, as SearchResults counts them) have one value of a facet.
struct STEPPE_EXPORT FacetCount {
  std::string value;  // companies and places under one name for all their spellings
  size_t count = 0;
};

// The top values of one facet, most frequent first.
struct STEPPE_EXPORT Facet {
  std::string field;  // "company", "place", "year", "month", "source" or "lang"
  std::vector<FacetCount> values;
};

struct STEPPE_EXPORT SearchResults {
  // Matches as `hits` pages through them: a story whose copies collapse into one hit counts
  // once (every article with all_copies). An estimate, and bounds that hold for certain; all
  // three are equal, and exact, whatever offset and limit are, when up to 1000 articles
  // match, or up to SearcherOptions::facet_sample with facets, or any number with
  // exact_facets.
  size_t total_estimated = 0;
  size_t total_lower = 0;
  size_t total_upper = 0;
  std::vector<Hit> hits;
  std::vector<Facet> facets;  // when SearchRequest::facet_limit > 0
  // The facet counts are scaled from the first SearcherOptions::facet_sample matches, not
  // counted over all of them.
  bool facets_estimated = false;
  // No article had every word, so these are articles with any of them.
  bool relaxed = false;
  // Shards of the index left out because they could not be reached (only with
  // ShardOptions::allow_missing); the results are then partial.
  std::vector<std::string> missing_shards;
  // When the query found little: indexed spellings near the query's words, in both scripts.
  std::vector<std::string> suggestions;
  // How the query was understood, for `steppe search --explain`.
  std::string query_description;
};

// What an index holds, for `steppe stats`.
struct STEPPE_EXPORT IndexSummary {
  size_t documents = 0;
  std::optional<Date> first_date;  // of the dated articles
  std::optional<Date> last_date;
  size_t undated = 0;
  uint64_t size_bytes = 0;    // on disk: the files of every local shard
  std::vector<Facet> facets;  // every facet over the whole index
  // Remote shards ("HOST:PORT"): their articles are counted, their files not in size_bytes.
  std::vector<std::string> remote_shards;
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
