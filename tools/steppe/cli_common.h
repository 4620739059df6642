// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TOOLS_STEPPE_CLI_COMMON_H_
#define STEPPE_TOOLS_STEPPE_CLI_COMMON_H_

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "steppe/article.h"
#include "steppe/searcher.h"
#include "steppe/status.h"

namespace steppe::cli {

// Exit codes shared by every subcommand, as grep uses them.
inline constexpr int kExitFound = 0;
inline constexpr int kExitNothing = 1;
inline constexpr int kExitError = 2;

// The index directory: --db, else $STEPPE_DB, else ./steppe-db.
std::string ResolveDb(const std::string& flag);

// Parses `args` against `visible` options plus hidden positional ones; prints usage errors
// to stderr. Returns false when the command should stop, with *exit_code set (0 after
// --help, 2 after a usage error).
bool ParseArgs(const std::vector<std::string>& args,
               const boost::program_options::options_description& visible,
               const boost::program_options::options_description& hidden,
               const boost::program_options::positional_options_description& positional,
               boost::program_options::variables_map* vm, std::string_view usage, int* exit_code);

// Splits `args` by the option table `options`: options and their values go to *flags, in
// order, for ParseArgs; everything else, including words that start with "-" but name no
// option (-Aktau, -lang:en), to *words. After "--" every argument is a word.
void SplitWords(const std::vector<std::string>& args,
                const boost::program_options::options_description& options,
                std::vector<std::string>* flags, std::vector<std::string>* words);

// "1 article", "2 articles": a count and its noun, in the plural unless the count is 1.
std::string Count(size_t n, std::string_view noun);

// The items with `separator` between them.
std::string Join(const std::vector<std::string>& items, std::string_view separator);

// Parses the date given to --`name` into *out; leaves it empty for an empty value. Prints the
// accepted forms and returns false for a bad one.
bool ParseDateFlag(const std::string& name, const std::string& value, std::optional<Date>* out);

// Prints "steppe: message" to stderr.
void PrintError(std::string_view message);

// `message` with the library's names for its options (AddOptions::strict, ...) replaced by this
// tool's flags (--strict, ...): the library speaks to programmers, the tool to its users.
std::string CliText(std::string message);

// Whether the count option --`name` is 0 or more; prints why not. Count options are parsed
// signed, so that --limit -1 is refused rather than wrapped round to "no limit".
bool CheckCount(std::string_view name, long long value);

// Prints a library error as "steppe: message", with the library's names for its options
// replaced by this tool's flags (AddOptions::strict -> --strict, ...), then "; hint" if any.
void PrintError(const Status& status, std::string_view hint = "");

// What to do when the index at `db` cannot be opened: create it, check it or rebuild it.
std::string OpenHint(const Status& status, const std::string& db);

// Opens the index at `db` for searching, or prints why not (with OpenHint) and returns null.
// With `allow_missing_shards`, shards that cannot be reached are left out with a warning.
std::unique_ptr<Searcher> OpenSearcher(const std::string& db, bool allow_missing_shards = false);

}  // namespace steppe::cli

#endif  // STEPPE_TOOLS_STEPPE_CLI_COMMON_H_
