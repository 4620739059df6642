// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_OPTIONS_H_
#define STEPPE_OPTIONS_H_

// Options by lifetime, as LevelDB has them: IndexOptions and SearcherOptions are fixed when an
// Index or Searcher is opened; AddOptions go with one call of Index::AddPath.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "steppe/export.h"
#include "steppe/status.h"

namespace steppe {

// Options fixed when an Index is opened (Index::Open). Copied at Open.
struct STEPPE_EXPORT IndexOptions {
  // Parameters that affect behaviour.

  // Create the index if it does not exist. Default: false (Open returns NotFound).
  bool create_if_missing = false;

  // Find the companies and places each article names (a gazetteer of Kazakhstan and Central
  // Asia built in, plus company rules) and add them to its front-matter ones, under canonical
  // names, for filters and facets. Costs about 5% of indexing time (docs/performance.md).
  // Default: true.
  bool extract_entities = true;

  // A gazetteer of the user's own, added to the built-in one (format: docs/gazetteer.md); read
  // once at Open. Give searchers the same file (SearcherOptions::gazetteer_file).
  // Default: none.
  std::string gazetteer_file;

  // Files larger than this are reported and skipped by Index::AddPath, not read. Default:
  // 64 MiB.
  size_t max_file_bytes = 64u << 20;

  // How long Index::Open waits for another process's writer to finish, in seconds, polling
  // five times a second. Default: 0 (Open returns Busy at once, naming that process).
  double wait_for_writer_seconds = 0;

  // Parameters that affect performance. Most clients should leave them alone.

  // Articles added between automatic commits (per shard when building in parallel). Memory
  // grows with it; past a few hundred articles, Xapian's bigger in-memory maps make indexing
  // slower, not faster (docs/performance.md). Default: 500.
  size_t docs_per_commit = 500;

  // Threads that read and analyse files in Index::AddPath; 0 means one per core. Into an empty
  // index, each also writes shards of its own; into one with articles, the calling thread
  // writes, replacing each article in the shard that holds it. Default: 0.
  int threads = 0;

  // Articles a shard takes before a new shard starts (DIR/shards/NNN), so that no shard's
  // B-trees grow big enough to slow writes (docs/performance.md); a changed article is still
  // replaced in the shard that holds it. `steppe compact` merges shards. Default: 10000.
  size_t docs_per_shard = 10000;

  // Distinct words whose analysis (stem, transliteration, spelling key) is cached per
  // thread. Default: 200000 (roughly 40 MB per thread).
  size_t word_cache_entries = 200000;
};

// Options fixed when a Searcher is opened (Searcher::Open). Copied at Open.
struct STEPPE_EXPORT SearcherOptions {
  // The user's gazetteer the index was built with (IndexOptions::gazetteer_file), so that
  // company and place filters know its names and aliases; read at the first such filter,
  // which returns InvalidArgument when it is bad. Default: none (the built-in gazetteer).
  std::string gazetteer_file;

  // Distinct query words whose analysis is cached. Default: 200000 (up to roughly 40 MB, as
  // queries fill it).
  size_t word_cache_entries = 200000;

  // Matches over which facets are counted exactly; past them, facet counts are scaled from
  // these (SearchResults::facets_estimated), unless SearchRequest::exact_facets. Counting
  // costs about 5 µs a match, so 2,000 keep a search with facets near 10 ms. Default: 2000.
  size_t facet_sample = 2000;
};

// How far Index::AddPath has come, for a progress display.
struct STEPPE_EXPORT IndexProgress {
  size_t files_done = 0;
  size_t files_total = 0;    // counted before reading; grows if files appear meanwhile
  uint64_t bytes_done = 0;   // of the files done, and of the part read of files being read
  uint64_t bytes_total = 0;  // of all files, counted before reading
  size_t articles_done = 0;  // read from the files done (a JSON Lines file holds many)
};

// Options of one Index::AddPath call. Each callback is called on the thread that called
// AddPath, never on its worker threads, and only during that call.
struct STEPPE_EXPORT AddOptions {
  // Called for each input problem that was reported and skipped (a bad date, an unreadable
  // file). Default: none; problems are still counted in IndexStats::problems.
  std::function<void(const Problem&)> on_problem;

  // Called after each file. Default: none.
  std::function<void(const IndexProgress&)> on_progress;

  // Make input problems fatal: AddPath stops at the first one and returns InvalidArgument
  // naming it (what was indexed before it stays). Default: false.
  bool strict = false;
};

}  // namespace steppe

#endif  // STEPPE_OPTIONS_H_
