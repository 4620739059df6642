// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_SEARCHER_H_
#define STEPPE_SEARCHER_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "steppe/export.h"
#include "steppe/options.h"
#include "steppe/search.h"
#include "steppe/shards.h"
#include "steppe/status.h"

namespace steppe {

// What Searcher::Check covered.
struct STEPPE_EXPORT CheckCoverage {
  size_t articles = 0;               // articles checked: those of the local shards
  std::vector<std::string> skipped;  // remote shards not checked ("HOST:PORT")
};

// A read-only view of an index; each search sees the last commit made before it. Many
// Searchers may be open while one Index writes. Not thread-safe: use one Searcher per thread.
class STEPPE_EXPORT Searcher {
 public:
  // Opens the index at `dir` for searching; on success stores it in *out. Returns NotFound,
  // naming the path and the command that creates it, when there is no index there.
  static Status Open(const SearcherOptions& options, const std::filesystem::path& dir,
                     std::unique_ptr<Searcher>* out);
  // The same, for an index of several shards (DIR/XAPIANDB): how to reach remote ones, and
  // whether to search without a shard that cannot be reached (see steppe/shards.h).
  static Status Open(const SearcherOptions& options, const ShardOptions& shards,
                     const std::filesystem::path& dir, std::unique_ptr<Searcher>* out);

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // Runs `request`, storing the matching page in *out. Returns InvalidQuery for a malformed
  // query, InvalidArgument for a bad filter: an impossible date (Date::Validate), a language
  // other than en, ru, kk (any case; kz is taken for kk), a bad user gazetteer.
  Status Search(const SearchRequest& request, SearchResults* out);

  // Stores in *out the article with this id (for a file, its canonical path; a path to an
  // existing file is resolved to that). Returns NotFound when there is none.
  Status Get(const std::string& id, Article* out);

  // Summarises the index: counts, date range, size and the top `facet_limit` values of every
  // facet.
  Status Summarise(size_t facet_limit, IndexSummary* out);

  // Counts the dated articles of each month (or year) from `after` to before `before` (or
  // from the first dated article to the last), every period in date order, zeros kept:
  // {"2023-11", 0}, {"2023-12", 7}. Articles dated only to the year count under no month.
  // Returns InvalidArgument for a bound that is not a calendar date.
  Status CountByPeriod(Period period, const std::optional<Date>& after,
                       const std::optional<Date>& before, std::vector<FacetCount>* out);

  // Verifies the index's local shards: Xapian's own structural check, then Steppe's
  // invariants (each article has one id term, a stored record with that id, a well-formed
  // date value). Appends one Problem per problem found to *problems: `file` is the shard's
  // directory, `line` 0, `reason` names the document (number in that shard, and id), `hint`
  // says how to repair it; a local shard that cannot be opened is a problem too. The index is
  // sound when none is added. Remote shards are skipped (Xapian cannot check a database over
  // the network) and named in coverage->skipped. Returns an error only when the check itself
  // cannot run.
  Status Check(std::vector<Problem>* problems, CheckCoverage* coverage = nullptr);

  // The number of articles in the index.
  size_t document_count() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace steppe

#endif  // STEPPE_SEARCHER_H_
