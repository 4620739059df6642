// SPDX-License-Identifier: Apache-2.0
// What an index spends its postings and positions on, by term prefix (lib/index/prefixes.h):
//
//   build/benchmarks/term_stats DB [ARTICLES]     # the first ARTICLES articles (1000)
//
// Prints one line per prefix: postings (a term in an article) and positions, per article.
// Xapian's cost to write an index grows with both (docs/performance.md).
#include <xapian.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: term_stats DB [ARTICLES]\n");
    return 2;
  }
  const long wanted = argc > 2 ? std::atol(argv[2]) : 1000;
  try {
    Xapian::Database db(argv[1]);
    std::map<std::string, std::pair<long, long>> by_prefix;  // postings, positions
    long articles = 0;
    for (auto doc = db.postlist_begin(""); doc != db.postlist_end("") && articles < wanted;
         ++doc, ++articles) {
      for (auto t = db.termlist_begin(*doc); t != db.termlist_end(*doc); ++t) {
        const std::string term = *t;
        // Steppe's prefixes are one capital, or X and a capital (lib/index/prefixes.h).
        const bool prefixed = !term.empty() && term[0] >= 'A' && term[0] <= 'Z';
        const size_t n = !prefixed ? 0 : term[0] == 'X' && term.size() > 1 ? 2 : 1;
        auto& [postings, positions] = by_prefix[n == 0 ? "(word)" : term.substr(0, n)];
        ++postings;
        positions += t.positionlist_count();
      }
    }
    long postings = 0, positions = 0;
    std::printf("%-8s %10s %10s\n", "prefix", "postings", "positions");
    for (const auto& [prefix, counts] : by_prefix) {
      std::printf("%-8s %10.1f %10.1f\n", prefix.c_str(), double(counts.first) / articles,
                  double(counts.second) / articles);
      postings += counts.first;
      positions += counts.second;
    }
    std::printf("%-8s %10.1f %10.1f   per article, over %ld articles\n", "total",
                double(postings) / articles, double(positions) / articles, articles);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "term_stats: %s: %s; is %s a Steppe index?\n", argv[1],
                 e.get_msg().c_str(), argv[1]);
    return 1;
  }
  return 0;
}
