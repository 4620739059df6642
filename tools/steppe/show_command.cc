// SPDX-License-Identifier: Apache-2.0
// steppe show ID|PATH: one stored article with its metadata.
#include "cli_common.h"
#include "commands.h"
#include "printer.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {

int RunShow(const std::vector<std::string>& args) {
  std::string db_flag, id;
  FormatFlags formats({Format::kJson});
  po::options_description visible(
      "Shows one stored article: its metadata (date, source, language, companies, places)\n"
      "and its text, by id or by the path of its file.\n\n"
      "Example:\n  steppe show corpus/2023-12-12-wos-strike-begins.en.md\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db_flag), "index directory (default: $STEPPE_DB, else ./steppe-db)");
  formats.AddTo(&visible);
  po::options_description hidden;
  hidden.add_options()("id", po::value(&id));
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map vm;
  int exit_code = 0;
  Format format;
  if (!ParseArgs(args, visible, hidden, positional, &vm, "show ID|PATH", &exit_code)) {
    return exit_code;
  }
  if (!formats.Get(&format)) return kExitError;
  if (id.empty()) {
    PrintError("show needs an article id or file path; e.g. 'steppe show corpus/a.md'");
    return kExitError;
  }
  std::unique_ptr<Searcher> searcher = OpenSearcher(ResolveDb(db_flag));
  if (!searcher) return kExitError;
  Article a;
  if (Status s = searcher->Get(id, &a); !s.ok()) {  // Get resolves a file's path to its id
    PrintError(s);
    return s.IsNotFound() ? kExitNothing : kExitError;
  }
  Printer::Make(format)->Article(a);
  return kExitFound;
}

}  // namespace steppe::cli
