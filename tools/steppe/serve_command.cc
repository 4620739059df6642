// SPDX-License-Identifier: Apache-2.0
// steppe serve: serve the index's local shards, read-only, to remote searchers through
// Xapian's own server, xapian-tcpsrv (package xapian-tools).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cli_common.h"
#include "commands.h"
#include "steppe/shards.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

volatile sig_atomic_t g_stop = 0;
void OnStop(int) { g_stop = 1; }

// Starts xapian-tcpsrv in a session of its own: on SIGTERM it signals its whole process group
// (killpg(0, SIGTERM)), which must not be ours.
pid_t StartServer(const std::vector<std::string>& argv) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  setsid();
  std::vector<char*> raw;
  for (const std::string& a : argv) raw.push_back(const_cast<char*>(a.c_str()));
  raw.push_back(nullptr);
  execvp(raw[0], raw.data());
  std::fprintf(stderr, "steppe: cannot run %s: %s; install the package xapian-tools\n", raw[0],
               std::strerror(errno));
  _exit(127);
}

// Waits for the server to end, passing SIGTERM or SIGINT on to it.
int WaitServer(pid_t pid) {
  struct sigaction action {};
  action.sa_handler = OnStop;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  bool stopping = false;
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, 0);
    if (done == pid) {
      if (stopping) return kExitFound;
      return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? kExitFound : kExitError;
    }
    if (done < 0 && errno != EINTR) return kExitError;
    if (g_stop && !stopping) {
      stopping = true;
      kill(pid, SIGTERM);
    }
  }
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "localhost" || address == "::1" ||
         address.starts_with("127.");
}

}  // namespace

int RunServe(const std::vector<std::string>& args) {
  std::string db, address = "127.0.0.1";
  unsigned port = 0, idle_timeout_ms = 60000;
  po::options_description visible(
      "Serves the index's local shards, read-only, to searchers on other machines, through\n"
      "Xapian's remote protocol (xapian-tcpsrv); stays in the foreground until SIGTERM or\n"
      "Ctrl-C. Attach it elsewhere with 'steppe shards add HOST:PORT'.\n"
      "The protocol has NO authentication and NO encryption: anyone who reaches the port\n"
      "reads the whole index. It listens on 127.0.0.1 unless --interface says otherwise;\n"
      "reach it over an SSH tunnel or a private network (docs/scale-out.md).\n\n"
      "Example:\n  steppe serve --db ./steppe-db --port 7010\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "port", po::value(&port), "TCP port to listen on (required)")(
      "interface", po::value(&address)->default_value("127.0.0.1"),
      "address to listen on; beyond loopback, anyone who reaches it reads the index")(
      "idle-timeout", po::value(&idle_timeout_ms)->default_value(60000),
      "milliseconds before an idle connection is closed (searchers reconnect)");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm,
                 "serve --port P [--db DIR] [--interface ADDR] [--idle-timeout MS]", &exit_code)) {
    return exit_code;
  }
  if (port == 0 || port > 65535) {
    PrintError("--port: give the TCP port to listen on, 1 to 65535, e.g. --port 7010");
    return kExitError;
  }
  const std::string dir = ResolveDb(db);
  std::vector<ShardInfo> shards;
  if (Status s = ListShards(dir, &shards); !s.ok()) {
    PrintError(s, OpenHint(s, dir));
    return kExitError;
  }
  std::vector<std::string> argv{"xapian-tcpsrv",
                                "--port",
                                std::to_string(port),
                                "--interface",
                                address,
                                "--idle-timeout",
                                std::to_string(idle_timeout_ms),
                                "--quiet"};
  const size_t options_end = argv.size();
  for (const ShardInfo& s : shards) {
    if (s.kind == "local") {
      argv.push_back(s.location);
    } else {
      std::fprintf(stderr, "steppe: not serving remote shard %s (serve it where it lives)\n",
                   s.location.c_str());
    }
  }
  if (argv.size() == options_end) {
    PrintError("index " + dir + " has no local shard to serve");
    return kExitError;
  }
  if (!IsLoopback(address)) {
    std::fprintf(stderr,
                 "steppe: warning: serving on %s: Xapian's remote protocol has no "
                 "authentication and no encryption; use a private network or an SSH tunnel\n",
                 address.c_str());
  }
  std::fprintf(stderr, "steppe: serving %s read-only on %s:%u\n", dir.c_str(), address.c_str(),
               port);
  const pid_t pid = StartServer(argv);
  if (pid < 0) {
    PrintError(std::string("cannot start xapian-tcpsrv: ") + std::strerror(errno));
    return kExitError;
  }
  return WaitServer(pid);
}

}  // namespace steppe::cli
