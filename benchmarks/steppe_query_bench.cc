// SPDX-License-Identifier: Apache-2.0
// Steppe's query latency for the end-to-end benchmark (benchmarks/run.sh): opens the index once,
// then runs every query of a queries file, printing hits and latency per query as TSV (the
// format of e2e_common.h, shared with xapian_baseline and fts5_baseline). Timing `steppe search`
// would mostly measure process start and index open. Uses the public API only.
//
//   steppe_query_bench DB QUERIES [--reps N] [--facets]
//
// With --facets each timed search also counts the six facets (top 5 of each), as
// `steppe search --facets` does.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "e2e_common.h"
#include "steppe/searcher.h"

int main(int argc, char** argv) {
  int reps = 5;
  bool facets = false;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--facets") {
      facets = true;
    } else if (!steppe_bench::ParseReps(argc, argv, &i, &reps)) {
      args.emplace_back(argv[i]);
    }
  }
  if (args.size() != 2) {
    std::fprintf(stderr, "usage: steppe_query_bench DB QUERIES [--reps N] [--facets]\n");
    return 2;
  }
  std::vector<steppe_bench::Query> queries;
  std::string error;
  if (!steppe_bench::ReadQueries(args[1], &queries, &error)) {
    std::fprintf(stderr, "steppe_query_bench: %s\n", error.c_str());
    return 2;
  }
  std::unique_ptr<steppe::Searcher> searcher;
  if (steppe::Status s = steppe::Searcher::Open(steppe::SearcherOptions(), args[0], &searcher);
      !s.ok()) {
    std::fprintf(stderr, "steppe_query_bench: %s\n", s.ToString().c_str());
    return 2;
  }
  // The request a user's search makes: the first page of 10 hits, with snippets.
  auto make_request = [&](const steppe_bench::Query& q, steppe::SearchRequest* request) {
    request->query = q.text;
    steppe::Status s;
    if (!q.after.empty()) s = steppe::Date::Parse(q.after, &request->after.emplace());
    if (s.ok() && !q.before.empty()) s = steppe::Date::Parse(q.before, &request->before.emplace());
    return s;
  };
  steppe::SearchResults results;
  auto run = [&](const steppe_bench::Query& q, size_t offset, bool with_facets) {
    steppe::SearchRequest request;
    request.offset = offset;
    request.facet_limit = with_facets ? 5 : 0;
    steppe::Status s = make_request(q, &request);
    if (s.ok()) s = searcher->Search(request, &results);
    if (!s.ok()) {
      std::fprintf(stderr, "steppe_query_bench: %s: %s\n", q.line.c_str(), s.ToString().c_str());
    }
    return s.ok();
  };
  // total_estimated is exact once every match has been seen: ask for the page past the last
  // document, which makes Xapian count them all (and builds no snippets).
  auto count = [&](const steppe_bench::Query& q) {
    return run(q, searcher->document_count(), false) ? static_cast<long>(results.total_estimated)
                                                     : -1L;
  };
  auto search = [&](const steppe_bench::Query& q) { return run(q, 0, facets); };
  return steppe_bench::RunQueries("steppe", queries, reps, count, search);
}
