// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TESTS_SUPPORT_CLI_RUN_H_
#define STEPPE_TESTS_SUPPORT_CLI_RUN_H_

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace steppe::testing {

// What one run of the steppe CLI printed, and how it exited.
struct CliRun {
  int exit_code = -1;
  std::string out, err;
};

// `arg` quoted for the shell: 'it'\''s'.
inline std::string Quote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// The whole file at `path`, or "" when it cannot be read.
inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// Runs `prefix` STEPPE_CLI_PATH `args`... through the shell (prefix: "cd DIR &&", variables,
// a command that runs it as another user), standard error kept in `err_file`.
inline CliRun RunSteppe(const std::string& prefix, const std::vector<std::string>& args,
                        const std::filesystem::path& err_file) {
  std::string cmd = prefix + " " + Quote(STEPPE_CLI_PATH);
  for (const std::string& a : args) cmd += " " + Quote(a);
  cmd += " 2>" + Quote(err_file.string());
  CliRun run;
  FILE* pipe = popen(cmd.c_str(), "r");
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) run.out.append(buf, n);
  run.exit_code = WEXITSTATUS(pclose(pipe));
  run.err = ReadAll(err_file);
  return run;
}

}  // namespace steppe::testing

#endif  // STEPPE_TESTS_SUPPORT_CLI_RUN_H_
