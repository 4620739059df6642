// SPDX-License-Identifier: Apache-2.0
// steppe: index and search news articles in English, Russian and Kazakh, every spelling.
// A thin layer over the public API: one file per subcommand, this table to find them.
#include <sys/resource.h>

#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli_common.h"
#include "commands.h"
#include "steppe/version.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const std::vector<std::string>& args);
  const char* help;
};

constexpr Command kCommands[] = {
    {"index", steppe::cli::RunIndex, "add article files and folders to the index"},
    {"search", steppe::cli::RunSearch, "find articles, in every spelling of the words"},
    {"show", steppe::cli::RunShow, "print one stored article and its metadata"},
    {"stats", steppe::cli::RunStats, "what the index holds: counts, dates, size, top values"},
    {"facets", steppe::cli::RunFacets, "facet values over the whole index"},
    {"compact", steppe::cli::RunCompact, "rewrite the index compactly, after big jobs"},
    {"check", steppe::cli::RunCheck, "verify the index and say how to repair it"},
    {"shards", steppe::cli::RunShards, "list, attach or detach the shards of an index"},
    {"serve", steppe::cli::RunServe, "serve the index read-only to other machines"},
    {"analyse", steppe::cli::RunAnalyse, "show how Steppe analyses text, word by word"},
};

// Other names a command answers to: the American spelling of the library's British one.
struct Alias {
  const char* alias;
  const char* name;
};

constexpr Alias kAliases[] = {{"analyze", "analyse"}};

void PrintUsage(std::ostream& out) {
  out << "Usage: steppe COMMAND [ARGS...]\n\nCommands:\n";
  for (const Command& c : kCommands) {
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.help << "\n";
  }
  out << "\nAliases:\n";
  for (const Alias& a : kAliases) out << "  " << a.alias << " = " << a.name << "\n";
  out << "\nRun 'steppe COMMAND --help' for a command's options. Example:\n"
         "  steppe index corpus/ && steppe search \"West Oil Software\" --after 2023-12\n";
}

// An index of many shards keeps a few files open per shard, in the writer and in each of its
// threads' views: raise the soft limit on open files (often 1024) to the hard one.
void AllowOpenFilesUpToTheHardLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return steppe::cli::kExitError;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "steppe " << STEPPE_VERSION_STRING << "\n";
    return 0;
  }
  for (const Alias& a : kAliases) {
    if (name == a.alias) name = a.name;
  }
  AllowOpenFilesUpToTheHardLimit();
  for (const Command& c : kCommands) {
    if (name == c.name) return c.run(std::vector<std::string>(argv + 2, argv + argc));
  }
  steppe::cli::PrintError("unknown command '" + name + "'; run 'steppe --help' for the list");
  return steppe::cli::kExitError;
}
