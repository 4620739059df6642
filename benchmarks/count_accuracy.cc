// SPDX-License-Identifier: Apache-2.0
// How far the match count a search reports is from the true one: for each query, the total of
// an ordinary first page (10 hits, no facets), and the exact total (counted with facets, which
// see every match), with and without near-duplicate collapsing. Uses the public API only.
// Prints one TSV line per query and the worst error of the estimated ones.
//
//   count_accuracy DB QUERY...      e.g. count_accuracy /tmp/bench/db said government oil
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>

#include "steppe/searcher.h"

namespace {

struct Count {
  size_t reported = 0;
  bool exact = false;
};

bool Total(steppe::Searcher* searcher, const std::string& query, bool all_copies,
           size_t facet_limit, Count* out) {
  steppe::SearchResults r;
  steppe::Status s =
      searcher->Search({.query = query, .all_copies = all_copies, .facet_limit = facet_limit}, &r);
  if (!s.ok()) {
    std::fprintf(stderr, "count_accuracy: %s: %s\n", query.c_str(), s.ToString().c_str());
    return false;
  }
  out->reported = r.total_estimated;
  out->exact = r.total_lower == r.total_upper;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: count_accuracy DB QUERY...\n");
    return 2;
  }
  std::unique_ptr<steppe::Searcher> searcher;
  if (steppe::Status s = steppe::Searcher::Open(steppe::SearcherOptions(), argv[1], &searcher);
      !s.ok()) {
    std::fprintf(stderr, "count_accuracy: %s\n", s.ToString().c_str());
    return 2;
  }
  std::printf("# %zu articles\nquery\tcopies\treported\texact?\ttrue\terror\n",
              searcher->document_count());
  double worst = 0;
  for (int i = 2; i < argc; ++i) {
    for (bool all_copies : {false, true}) {
      Count page, truth;
      if (!Total(searcher.get(), argv[i], all_copies, 0, &page) ||
          !Total(searcher.get(), argv[i], all_copies, 1, &truth)) {
        return 2;
      }
      const double error =
          truth.reported == 0 ? 0 : (double(page.reported) - truth.reported) / truth.reported;
      if (!page.exact) worst = std::max(worst, std::fabs(error));
      std::printf("%s\t%s\t%zu\t%s\t%zu\t%+.1f%%\n", argv[i], all_copies ? "all" : "collapsed",
                  page.reported, page.exact ? "exact" : "about", truth.reported, 100 * error);
    }
  }
  std::printf("# worst error of an estimate: %.1f%%\n", 100 * worst);
  return 0;
}
