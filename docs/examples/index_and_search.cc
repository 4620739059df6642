// SPDX-License-Identifier: Apache-2.0
// Indexes a folder of articles and prints the hits for a query, in every spelling.
// Usage: index_and_search FOLDER DB QUERY
#include <cstdio>
#include <memory>

#include "steppe/index.h"
#include "steppe/searcher.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "Usage: %s FOLDER DB QUERY\n", argv[0]);
    return 2;
  }
  // Open the index for writing, creating it if needed, and report bad files as we go.
  steppe::Options options;
  options.create_if_missing = true;
  options.on_problem = [](const steppe::Problem& p) {
    std::fprintf(stderr, "%s\n", p.ToString().c_str());
  };
  std::unique_ptr<steppe::Index> index;
  steppe::Status s = steppe::Index::Open(options, argv[2], &index);
  steppe::IndexStats stats;
  if (s.ok()) s = index->AddPath(argv[1], &stats);
  // Commit explicitly: the destructor commits too, but cannot report a failure.
  if (s.ok()) s = index->Commit();
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  index.reset();  // release the write lock before searching

  std::unique_ptr<steppe::Searcher> searcher;
  steppe::SearchResults results;
  s = steppe::Searcher::Open(steppe::Options(), argv[2], &searcher);
  if (s.ok()) s = searcher->Search(steppe::SearchRequest{.query = argv[3]}, &results);
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("indexed %zu articles; %zu hits for '%s'\n", stats.indexed, results.total_estimated,
              argv[3]);
  for (const steppe::Hit& hit : results.hits) {
    std::printf("%s  %s\n", hit.date ? hit.date->ToString().c_str() : "undated", hit.title.c_str());
  }
  return 0;
}
