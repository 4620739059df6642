// SPDX-License-Identifier: Apache-2.0
// steppe shards: list, attach and detach the shards of an index (docs/scale-out.md).
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "printer.h"
#include "steppe/shards.h"

namespace po = boost::program_options;

namespace steppe::cli {

int RunShards(const std::vector<std::string>& args) {
  std::string db, action, target;
  FormatFlags formats({Format::kJson});
  po::options_description visible(
      "Lists, attaches or detaches the shards of an index: other Steppe indexes on this\n"
      "machine, or indexes that 'steppe serve' serves on others. Searches see them as one.\n\n"
      "Examples:\n  steppe shards list --db ./steppe-db --json\n"
      "  steppe shards add /disk2/steppe-2023 --db ./steppe-db\n"
      "  steppe shards add 127.0.0.1:7010 --db ./steppe-db   # served by 'steppe serve'\n"
      "  steppe shards remove 001 --db ./steppe-db\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)");
  formats.AddTo(&visible);
  po::options_description hidden;
  hidden.add_options()("action", po::value(&action))("target", po::value(&target));
  po::positional_options_description positional;
  positional.add("action", 1).add("target", 1);
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, hidden, positional, &vm,
                 "shards list|add LOCATION|remove NAME|LOCATION [--db DIR] [--json]", &exit_code)) {
    return exit_code;
  }
  Format format;
  if (!formats.Get(&format)) return kExitError;
  const std::string dir = ResolveDb(db);
  Status s;
  if (action == "list" && target.empty()) {
    std::vector<ShardInfo> shards;
    s = ListShards(dir, &shards);
    if (s.ok()) Printer::Make(format)->Shards(shards);
  } else if (action == "add" && !target.empty()) {
    s = AddShard(dir, target);
    if (s.ok()) std::printf("attached %s to %s\n", target.c_str(), dir.c_str());
  } else if (action == "remove" && !target.empty()) {
    s = RemoveShard(dir, target);
    if (s.ok()) std::printf("detached %s from %s\n", target.c_str(), dir.c_str());
  } else {
    PrintError("give 'list', 'add LOCATION' or 'remove NAME|LOCATION'; see 'steppe shards --help'");
    return kExitError;
  }
  if (!s.ok()) {
    PrintError(s);
    return kExitError;
  }
  return kExitFound;
}

}  // namespace steppe::cli
