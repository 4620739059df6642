// SPDX-License-Identifier: Apache-2.0
#include "cli_common.h"

#include <cstdlib>
#include <iostream>

namespace po = boost::program_options;

namespace steppe::cli {

std::string Count(size_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " ";
  out.append(noun);
  if (n != 1) out += 's';
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.append(separator);
    out += items[i];
  }
  return out;
}

std::string ResolveDb(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("STEPPE_DB"); env != nullptr && *env != '\0') return env;
  return "./steppe-db";
}

bool ParseArgs(const std::vector<std::string>& args, const po::options_description& visible,
               const po::options_description& hidden,
               const po::positional_options_description& positional, po::variables_map* vm,
               std::string_view usage, int* exit_code) {
  po::options_description all;
  all.add(visible).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    PrintError(std::string(e.what()) + "; see 'steppe " +
               std::string(usage.substr(0, usage.find(' '))) + " --help'");
    *exit_code = kExitError;
    return false;
  }
  if (vm->count("help")) {
    std::cout << "Usage: steppe " << usage << "\n" << visible;
    *exit_code = kExitFound;
    return false;
  }
  return true;
}

namespace {

// The option `arg` names in `options` ("--limit", "--limit=5", "-h"), or null.
const po::option_description* FindOption(const std::string& arg,
                                         const po::options_description& options) {
  if (arg.rfind("--", 0) == 0) {
    return options.find_nothrow(arg.substr(2, arg.find('=') - 2), false);
  }
  if (arg.size() >= 2 && arg[0] == '-') return options.find_nothrow(arg.substr(0, 2), false);
  return nullptr;
}

}  // namespace

void SplitWords(const std::vector<std::string>& args, const po::options_description& options,
                std::vector<std::string>* flags, std::vector<std::string>* words) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      words->insert(words->end(), args.begin() + i + 1, args.end());
      return;
    }
    const po::option_description* option = FindOption(arg, options);
    // An unknown "--name" goes to Boost too, which says it is not an option.
    if (option == nullptr && arg.rfind("--", 0) != 0) {
      words->push_back(arg);
      continue;
    }
    flags->push_back(arg);
    // "--limit 5", "-j 4": the next argument is the value, whatever it looks like.
    const bool inline_value =
        arg.find('=') != std::string::npos || (arg.rfind("--", 0) != 0 && arg.size() > 2);
    if (option != nullptr && !inline_value && option->semantic()->min_tokens() > 0 &&
        i + 1 < args.size()) {
      flags->push_back(args[++i]);
    }
  }
}

bool ParseDateFlag(const std::string& name, const std::string& value, std::optional<Date>* out) {
  if (value.empty()) return true;
  Date date;
  if (Status s = Date::Parse(value, &date); !s.ok()) {
    PrintError("--" + name + ": " + s.message());
    return false;
  }
  *out = date;
  return true;
}

void PrintError(std::string_view message) { std::cerr << "steppe: " << message << "\n"; }

std::string CliText(std::string message) {
  static const std::pair<std::string_view, std::string_view> kFlags[] = {
      {"IndexOptions::wait_for_writer_seconds", "--wait"},
      {"IndexOptions::max_file_bytes", "--max-file-size"},
      {"the gazetteer_file option", "--gazetteer"},
      {"AddOptions::strict", "--strict"},
  };
  for (const auto& [name, flag] : kFlags) {
    for (size_t at; (at = message.find(name)) != std::string::npos;) {
      message.replace(at, name.size(), flag);
    }
  }
  return message;
}

void PrintError(const Status& status, std::string_view hint) {
  std::string message = CliText(status.message());
  if (!hint.empty()) message.append("; ").append(hint);
  PrintError(message);
}

std::string OpenHint(const Status& status, const std::string& db) {
  if (status.IsNotFound()) return "create it with 'steppe index PATH --db " + db + "'";
  if (status.IsCorruption()) return "'steppe check --db " + db + "' says more";
  if (status.IsInvalidArgument()) return "e.g. 'steppe index PATH --db NEWDIR'";
  return "";
}

std::unique_ptr<Searcher> OpenSearcher(const std::string& db, bool allow_missing_shards) {
  std::unique_ptr<Searcher> searcher;
  ShardOptions shards;
  shards.allow_missing = allow_missing_shards;
  if (Status s = Searcher::Open(SearcherOptions(), shards, db, &searcher); !s.ok()) {
    PrintError(s, OpenHint(s, db));
    return nullptr;
  }
  return searcher;
}

bool CheckCount(std::string_view name, long long value) {
  if (value >= 0) return true;
  const std::string option = "--" + std::string(name);
  PrintError(option + ": " + std::to_string(value) + " is negative; give 0 or more, e.g. " +
             option + " 20");
  return false;
}

}  // namespace steppe::cli
