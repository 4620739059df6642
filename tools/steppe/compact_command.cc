// SPDX-License-Identifier: Apache-2.0
// steppe compact: rewrite the index compactly.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "steppe/index.h"

namespace po = boost::program_options;

namespace steppe::cli {

int RunCompact(const std::vector<std::string>& args) {
  std::string db;
  Index::CompactOptions options;
  po::options_description visible(
      "Merges the shards the index wrote into one compact shard (no free space in its\n"
      "blocks), which makes it smaller and searches faster; run it after a large indexing\n"
      "job. Attached indexes and remote shards are left as they are. Writers must wait.\n\n"
      "Examples:\n  steppe compact --db ./steppe-db\n"
      "  steppe compact --archive --db ./archive-2023   # about a fifth smaller, read-only\n\n"
      "Options");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "archive", po::bool_switch(&options.archive),
      "also leave out each article's term list: searches are the same, but the index can "
      "never be updated again ('steppe index' refuses it)");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm, "compact [--archive] [--db DIR]", &exit_code)) {
    return exit_code;
  }
  Index::CompactStats stats;
  if (Status s = Index::Compact(ResolveDb(db), options, &stats); !s.ok()) {
    PrintError(s, OpenHint(s, ResolveDb(db)));
    return kExitError;
  }
  std::printf("compacted %s%s: %.1f MiB -> %.1f MiB\n", ResolveDb(db).c_str(),
              options.archive ? " as a read-only archive" : "", stats.bytes_before / 1048576.0,
              stats.bytes_after / 1048576.0);
  for (const std::string& shard : stats.skipped) {
    std::printf(
        "left %s as it is: it is another index or a remote shard; compact it where it "
        "lives\n",
        shard.c_str());
  }
  return kExitFound;
}

}  // namespace steppe::cli
