// SPDX-License-Identifier: Apache-2.0
// Indexes a folder of articles, then searches it from two threads, each with its own
// Searcher (docs/library.md). C++17. Usage: index_and_search FOLDER DB QUERY
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "steppe/index.h"
#include "steppe/searcher.h"

namespace {

// Writes every article under `folder` into the index at `db`, creating it if needed.
steppe::Status IndexFolder(const char* folder, const char* db, steppe::IndexStats* stats) {
  steppe::IndexOptions options;  // fixed while the index is open
  options.create_if_missing = true;
  steppe::AddOptions add;                          // for one AddPath call
  add.on_problem = [](const steppe::Problem& p) {  // bad files are reported, then skipped
    std::fprintf(stderr, "%s\n", p.ToString().c_str());
  };
  std::unique_ptr<steppe::Index> index;
  steppe::Status s = steppe::Index::Open(options, db, &index);
  if (s.ok()) s = index->AddPath(add, folder, stats);
  // Commit explicitly: the destructor commits too, but cannot report a failure.
  if (s.ok()) s = index->Commit();
  return s;  // the Index closes here, which releases the write lock
}

// One search, on a Searcher of its own: a Searcher must not be shared between threads.
steppe::Status Search(const char* db, const std::string& query, steppe::SortOrder sort,
                      steppe::SearchResults* results) {
  std::unique_ptr<steppe::Searcher> searcher;
  steppe::Status s = steppe::Searcher::Open(steppe::SearcherOptions(), db, &searcher);
  if (!s.ok()) return s;
  steppe::SearchRequest request;
  request.query = query;
  request.sort = sort;
  request.limit = 5;
  return searcher->Search(request, results);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "Usage: %s FOLDER DB QUERY\n", argv[0]);
    return 2;
  }
  steppe::IndexStats stats;
  if (steppe::Status s = IndexFolder(argv[1], argv[2], &stats); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return s.IsBusy() ? 3 : 1;  // Busy: another process is writing; try again later
  }

  // Two searches at once, on two threads; the results are read once both have joined.
  steppe::SearchResults best, newest;
  steppe::Status best_status, newest_status;
  std::thread other(
      [&] { newest_status = Search(argv[2], argv[3], steppe::SortOrder::kNewest, &newest); });
  best_status = Search(argv[2], argv[3], steppe::SortOrder::kRelevance, &best);
  other.join();
  for (const steppe::Status& s : {best_status, newest_status}) {
    if (s.IsInvalidQuery()) std::fprintf(stderr, "check the query: %s\n", s.message().c_str());
    if (!s.ok()) return 1;
  }

  std::printf("indexed %zu articles; %zu hits for '%s'\n", stats.indexed, best.total_estimated,
              argv[3]);
  for (const steppe::Hit& hit : best.hits) {
    std::printf("%s  %s\n", hit.date ? hit.date->ToString().c_str() : "undated", hit.title.c_str());
  }
  if (!newest.hits.empty()) std::printf("newest: %s\n", newest.hits.front().title.c_str());
  return 0;
}
