// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TOOLS_STEPPE_COMMANDS_H_
#define STEPPE_TOOLS_STEPPE_COMMANDS_H_

#include <string>
#include <vector>

namespace steppe::cli {

// Each subcommand takes its arguments (without the program and subcommand names) and
// returns the process exit code.
int RunIndex(const std::vector<std::string>& args);
int RunSearch(const std::vector<std::string>& args);
int RunAnalyse(const std::vector<std::string>& args);
int RunShow(const std::vector<std::string>& args);
int RunStats(const std::vector<std::string>& args);
int RunFacets(const std::vector<std::string>& args);
int RunCheck(const std::vector<std::string>& args);
int RunCompact(const std::vector<std::string>& args);
int RunShards(const std::vector<std::string>& args);
int RunServe(const std::vector<std::string>& args);

}  // namespace steppe::cli

#endif  // STEPPE_TOOLS_STEPPE_COMMANDS_H_
