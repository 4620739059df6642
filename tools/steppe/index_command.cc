// SPDX-License-Identifier: Apache-2.0
// steppe index PATH... [--db DIR]
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "progress.h"
#include "steppe/index.h"

namespace po = boost::program_options;

namespace steppe::cli {

int RunIndex(const std::vector<std::string>& args) {
  std::string db_flag;
  std::vector<std::string> paths;
  int jobs = 0;
  double wait = 0;
  bool prune = false, quiet = false, strict = false;
  std::string gazetteer;
  size_t max_mib = IndexOptions().max_file_bytes >> 20;
  size_t batch = IndexOptions().docs_per_commit;
  size_t shard_size = IndexOptions().docs_per_shard;
  po::options_description visible(
      "Adds article files, and folders of them (recursively), to the index.\n"
      "Re-indexing a file replaces its article.\n\n"
      "Example:\n  steppe index corpus/ --db ./steppe-db\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db_flag), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "jobs,j", po::value(&jobs)->default_value(0),
      "threads reading and analysing (0: one per core)")(
      "batch", po::value(&batch)->default_value(batch), "articles per commit")(
      "shard-size", po::value(&shard_size)->default_value(shard_size),
      "articles a shard takes before a new one starts")(
      "wait", po::value(&wait)->implicit_value(3600)->default_value(0),
      "wait for another writer to finish, up to SECONDS (default with --wait: 3600)")(
      "prune", po::bool_switch(&prune), "remove articles whose files under PATH are gone")(
      "quiet,q", po::bool_switch(&quiet), "no progress line")(
      "strict", po::bool_switch(&strict), "stop at the first bad file, line or date (exit 2)")(
      "gazetteer", po::value(&gazetteer),
      "your own places and companies, added to the built-in ones (docs/gazetteer.md)")(
      "max-file-size", po::value(&max_mib)->default_value(max_mib),
      "skip files larger than this many MiB");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&paths));
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, hidden, positional, &vm, "index PATH... [--db DIR]", &exit_code)) {
    return exit_code;
  }
  if (paths.empty()) {
    PrintError("index needs at least one file or folder; e.g. 'steppe index corpus/'");
    return kExitError;
  }
  const std::string db = ResolveDb(db_flag);
  const auto start = std::chrono::steady_clock::now();
  IndexOptions options;
  options.create_if_missing = true;
  options.threads = jobs;
  options.wait_for_writer_seconds = wait;
  options.max_file_bytes = max_mib << 20;
  options.gazetteer_file = gazetteer;
  options.docs_per_commit = batch > 0 ? batch : 1;
  options.docs_per_shard = shard_size > 0 ? shard_size : 1;
  ProgressLine progress;
  AddOptions add;
  add.strict = strict;
  add.on_problem = [&](const Problem& p) {
    progress.Finish();  // a problem line must not land in the middle of the progress line
    PrintError(CliText(p.ToString()));
  };
  if (!quiet) {
    add.on_progress = [&](const IndexProgress& p) { progress.Update(p); };
  }
  std::unique_ptr<Index> index;
  if (Status s = Index::Open(options, db, &index); !s.ok()) {
    PrintError(s, s.IsInvalidArgument() ? OpenHint(s, db) : "");
    return kExitError;
  }
  IndexStats stats;
  for (const std::string& path : paths) {
    Status s = index->AddPath(add, path, &stats);
    if (s.IsNotFound()) {  // one bad path: say so, and index the others
      progress.Finish();
      PrintError(s.message());
      ++stats.skipped;
      continue;
    }
    if (s.ok() && prune) s = index->Prune(path, &stats);
    if (!s.ok()) {
      PrintError(s);
      return kExitError;
    }
  }
  progress.Finish();
  if (Status s = index->Commit(); !s.ok()) {
    PrintError(s);
    return kExitError;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Articles of changed exports that were as before are named only when there are some.
  const std::string same =
      stats.unchanged_articles == 0
          ? ""
          : " (and " + Count(stats.unchanged_articles, "article") + " of changed files)";
  std::printf(
      "indexed %s, %s unchanged%s, %s removed, skipped %s, %s reported, in %.2f s (index "
      "%s, %s)\n",
      Count(stats.indexed, "article").c_str(), Count(stats.unchanged, "file").c_str(), same.c_str(),
      Count(stats.removed, "article").c_str(), Count(stats.skipped, "file").c_str(),
      Count(stats.problems, "problem").c_str(), seconds, db.c_str(),
      Count(index->document_count(), "article").c_str());
  // Exit 2 only when there was something to index and nothing could be.
  const bool did_something =
      stats.indexed + stats.unchanged + stats.unchanged_articles + stats.removed > 0;
  return did_something ? kExitFound : kExitError;
}

}  // namespace steppe::cli
