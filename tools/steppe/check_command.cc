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
      "sound, 1 when problems were found, 2 when it cannot be checked. Checks the local\n"
      "shards and names each remote one it skips: run it where that shard is served.\n\n"
      "Example:\n  steppe check --db ./steppe-db\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm, "check [--db DIR]", &exit_code)) return exit_code;
  // Remote shards are skipped (and named) without a connection to them; a local shard that
  // cannot be opened is a problem the check reports.
  ShardOptions shards;
  shards.local_only = shards.allow_missing = true;
  std::unique_ptr<Searcher> searcher;
  if (Status s = Searcher::Open(SearcherOptions(), shards, ResolveDb(db), &searcher); !s.ok()) {
    PrintError(s, OpenHint(s, ResolveDb(db)));
    return kExitError;
  }
  std::vector<Problem> problems;
  CheckCoverage coverage;
  if (Status s = searcher->Check(&problems, &coverage); !s.ok()) {
    PrintError(s);
    return kExitError;
  }
  for (const Problem& p : problems) std::printf("%s\n", p.ToString().c_str());
  for (const std::string& shard : coverage.skipped) {
    std::printf(
        "skipped remote shard %s: Xapian cannot check a database over the network; run "
        "'steppe check' on the machine that serves it\n",
        shard.c_str());
  }
  const std::string checked = Count(coverage.articles, "article") +
                              (coverage.skipped.empty() ? "" : " of the local shards");
  if (!problems.empty()) {
    std::printf("index %s: %s in %s\n", ResolveDb(db).c_str(),
                Count(problems.size(), "problem").c_str(), checked.c_str());
    return kExitNothing;
  }
  std::printf("index %s is sound: %s checked\n", ResolveDb(db).c_str(), checked.c_str());
  return kExitFound;
}

}  // namespace steppe::cli
