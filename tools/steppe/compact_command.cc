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
  po::options_description visible(
      "Rewrites the index compactly (no free space in its blocks), which makes it smaller\n"
      "and searches a little faster; run it after a large indexing job. Writers must wait.\n\n"
      "Example:\n  steppe compact --db ./steppe-db\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm, "compact [--db DIR]", &exit_code)) return exit_code;
  uint64_t before = 0, after = 0;
  if (Status s = Index::Compact(ResolveDb(db), &before, &after); !s.ok()) {
    PrintError(s.message());
    return kExitError;
  }
  std::printf("compacted %s: %.1f MiB -> %.1f MiB\n", ResolveDb(db).c_str(), before / 1048576.0,
              after / 1048576.0);
  return kExitFound;
}

}  // namespace steppe::cli
