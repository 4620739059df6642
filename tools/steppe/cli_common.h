// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TOOLS_STEPPE_CLI_COMMON_H_
#define STEPPE_TOOLS_STEPPE_CLI_COMMON_H_

#include <boost/program_options.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "steppe/search.h"
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

// "1 article", "2 articles": a count and its noun, in the plural unless the count is 1.
std::string Count(size_t n, std::string_view noun);

// Prints "steppe: message" to stderr.
void PrintError(std::string_view message);

// Whether the count option --`name` is 0 or more; prints why not. Count options are parsed
// signed, so that --limit -1 is refused rather than wrapped round to "no limit".
bool CheckCount(std::string_view name, long long value);

// Writes `s` as a JSON string literal (quotes included) to `out`.
void AppendJsonString(std::string_view s, std::string* out);

// {"company":[{"value":"KazMunayGas","count":4},...],...}
std::string FacetsJson(const std::vector<Facet>& facets);

}  // namespace steppe::cli

#endif  // STEPPE_TOOLS_STEPPE_CLI_COMMON_H_
