// SPDX-License-Identifier: Apache-2.0
// steppe check: verify the index.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {

int RunCheck(const std::vector<std::string>& args) {
  std::string db;
  po::options_description visible(
      "Verifies the index: Xapian's own structural check, then Steppe's invariants for\n"
      "every article. Prints each problem and how to repair it. Exit 0 when the index is\n"
      "sound, 1 when problems were found, 2 when it cannot be checked.\n\n"
      "Example:\n  steppe check --db ./steppe-db\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm, "check [--db DIR]", &exit_code)) return exit_code;
  std::unique_ptr<Searcher> searcher = OpenSearcher(ResolveDb(db));
  if (!searcher) return kExitError;
  std::vector<Problem> problems;
  if (Status s = searcher->Check(&problems); !s.ok()) {
    PrintError(s);
    return kExitError;
  }
  for (const Problem& p : problems) std::printf("%s\n", p.ToString().c_str());
  if (!problems.empty()) {
    std::printf("index %s: %s in %s\n", ResolveDb(db).c_str(),
                Count(problems.size(), "problem").c_str(),
                Count(searcher->document_count(), "article").c_str());
    return kExitNothing;
  }
  std::printf("index %s is sound: %s checked\n", ResolveDb(db).c_str(),
              Count(searcher->document_count(), "article").c_str());
  return kExitFound;
}

}  // namespace steppe::cli
