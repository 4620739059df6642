// SPDX-License-Identifier: Apache-2.0
// An index made of shards (DIR/XAPIANDB) answers as the same articles indexed as one: local
// shards, a shard served by a program (xapian-progsrv), and one served by `steppe serve` on
// 127.0.0.1. No traffic leaves the loopback interface.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "steppe/searcher.h"
#include "steppe/shards.h"
#include "support/cli_run.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::Quote;
using testing::ReadAll;

bool HaveProgram(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

// A TCP port on 127.0.0.1 that nothing listens on now.
// Stops a server process at the end of a test, however the test ends: SIGTERM, then SIGKILL
// after 10 s. Stores its exit status.
struct ServerGuard {
  pid_t pid;
  int status = -1;
  bool stopped_by_term = false;
  void Stop() {
    if (pid <= 0) return;
    kill(pid, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        stopped_by_term = true;
        pid = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    pid = -1;
  }
  ~ServerGuard() { Stop(); }
};

// A TCP socket bound to a free port of 127.0.0.1, which it stores in *port.
int BindLoopback(unsigned* port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  *port = ntohs(addr.sin_port);
  return fd;
}

unsigned FreePort() {
  unsigned port = 0;
  close(BindLoopback(&port));
  return port;
}

// A TCP listener on 127.0.0.1 that is no Xapian server: it accepts every connection, sends
// `reply` (none: it stays silent), then closes it when `close_after` is set, else holds it
// open until the test ends.
class NotAXapianServer {
 public:
  NotAXapianServer(std::string reply, bool close_after)
      : reply_(std::move(reply)), close_after_(close_after) {
    listen_fd_ = BindLoopback(&port_);
    listen(listen_fd_, 16);
    thread_ = std::thread([this] { Serve(); });
  }
  ~NotAXapianServer() {
    stop_ = true;
    thread_.join();
    for (int fd : open_) close(fd);
    close(listen_fd_);
  }
  std::string location() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  void Serve() {
    while (!stop_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (poll(&p, 1, 50) != 1) continue;
      const int fd = accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) continue;
      if (!reply_.empty()) send(fd, reply_.data(), reply_.size(), MSG_NOSIGNAL);
      if (close_after_) {
        close(fd);
      } else {
        open_.push_back(fd);
      }
    }
  }

  std::string reply_;
  bool close_after_;
  int listen_fd_ = -1;
  unsigned port_ = 0;
  std::atomic<bool> stop_ = false;
  std::vector<int> open_;
  std::thread thread_;
};

// The bytes of every file under `dir`.
uintmax_t FilesSize(const fs::path& dir) {
  uintmax_t size = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) size += e.file_size();
  }
  return size;
}

// Appends a shard line to the manifest of `db`, as an older Steppe or a hand edit may have.
void AppendShardLine(const std::string& db, const std::string& line) {
  std::ofstream(fs::path(db) / "XAPIANDB", std::ios::app) << line << "\n";
}

const std::vector<std::vector<std::string>> kQueries = {
    {"strike"},
    {"Zhanaozen"},
    {"West Oil Software"},
    {"Жанаозен", "--all-copies"},
    {"oil", "--sort", "-date"},
    {"--after", "2022", "--lang", "en"},
    {"KazMunaiGas"},
    {"ҚазМұнайГаз", "--exact"},
    {"\"West Oil Software\""},
    {"strike", "--company", "KMG"},
    {"забастовка", "--place", "Mangystau"},
    {"Janaozen", "--before", "2012"},
    {"oil workers", "--after", "2023-12", "--sort", "date"},
    {"company:Ozenmunaigas"},
    {"place:Aktau -strike"},
    {"date:2011..2012"},
    {"Жаңаөзен", "--lang", "kk"},
    {"strike OR protest", "--offset", "2"},
    {"Жетыбай"},
    {"dismissed", "--source", "Steppe Wire"},
};

class ShardsCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    const fs::path all = dir_->path() / "all";
    fs::create_directories(all);
    size_t i = 0;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(STEPPE_CORPUS_DIR)) {
      if (e.path().filename() != "README.md") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      const fs::path part = dir_->path() / "parts" / std::to_string(i++ % 3);
      fs::create_directories(part);
      fs::copy(f, part / f.filename());
      fs::copy(f, all / f.filename());
    }
    Steppe({"index", all.string(), "--db", Db("one")});
    for (int p = 0; p < 3; ++p) {
      Steppe({"index", (dir_->path() / "parts" / std::to_string(p)).string(), "--db",
              Db("part" + std::to_string(p))});
    }
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string Db(const std::string& name) { return (dir_->path() / name).string(); }

  static CliRun Steppe(const std::vector<std::string>& args) {
    return testing::RunSteppe("", args, dir_->path() / "stderr");
  }

  // The JSON of a search with facets, ids and paths cut to file names (the copies differ
  // only in their folders).
  static nlohmann::json Search(const std::string& db, std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    for (const char* a : {"--json", "--facets", "--limit", "50", "--db"}) args.push_back(a);
    args.push_back(db);
    const CliRun run = Steppe(args);
    EXPECT_LE(run.exit_code, 1) << run.err;
    nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
    if (j.is_discarded()) return nlohmann::json();
    for (auto& hit : j["hits"]) {
      hit["id"] = fs::path(hit["id"].get<std::string>()).filename().string();
      hit["path"] = fs::path(hit["path"].get<std::string>()).filename().string();
    }
    return j;
  }

  // Every query answers the same from `db` as from the index of all articles: the same hits,
  // snippets, totals and facets. Scores agree within 25%, and so does the order but for hits
  // that close: Xapian weighs a group of spellings (OP_SYNONYM) by an estimate of the articles
  // it matches, made in each shard from the spellings that shard holds, so a name's weight
  // moves with the layout. Plain words score the same to the last digit.
  static void ExpectSameAsOne(const std::string& db) {
    for (const auto& query : kQueries) {
      nlohmann::json one = Search(Db("one"), query);
      nlohmann::json sharded = Search(db, query);
      EXPECT_FALSE(one["hits"].empty()) << query[0];
      ASSERT_EQ(one["hits"].size(), sharded["hits"].size()) << query[0];
      std::map<std::string, double> scores;
      for (const auto& hit : one["hits"]) scores[hit["id"]] = hit["score"];
      const bool by_score = std::find(query.begin(), query.end(), "--sort") == query.end();
      double top = 0;
      for (const auto& [id, score] : scores) top = std::max(top, score);
      const double slack = 0.05 * top;  // the weakest hits move most, relative to their score
      double last = 1e9;                // the sharded order: never below a hit clearly better
      for (const auto& hit : sharded["hits"]) {
        const double before = scores[hit["id"]], now = hit["score"];
        EXPECT_NEAR(before, now, 0.25 * std::max(before, now) + slack)
            << query[0] << " " << hit["id"];
        if (by_score) {
          EXPECT_LE(before, last * 1.25 + slack) << query[0] << " " << hit["id"];
        }
        last = std::min(last, before);
      }
      for (nlohmann::json* j : {&one, &sharded}) {
        for (auto& hit : (*j)["hits"]) hit.erase("score");
        std::sort((*j)["hits"].begin(), (*j)["hits"].end(),
                  [](const auto& a, const auto& b) { return a["id"] < b["id"]; });
      }
      EXPECT_EQ(one, sharded) << query[0] << "\none: " << one.dump()
                              << "\nsharded: " << sharded.dump();
    }
  }

  // A copy of part0 with part1 attached, ready for a third shard.
  static std::string TwoLocalShards(const std::string& name) {
    fs::copy(Db("part0"), Db(name), fs::copy_options::recursive);
    EXPECT_EQ(Steppe({"shards", "add", Db("part1"), "--db", Db(name)}).exit_code, 0);
    return Db(name);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* ShardsCliTest::dir_ = nullptr;

TEST_F(ShardsCliTest, ThreeLocalShardsAnswerAsOneIndex) {
  const std::string db = TwoLocalShards("three");
  ASSERT_EQ(Steppe({"shards", "add", Db("part2"), "--db", db}).exit_code, 0);
  ExpectSameAsOne(db);

  const CliRun list = Steppe({"shards", "list", "--json", "--db", db});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const nlohmann::json shards = nlohmann::json::parse(list.out)["shards"];
  // part0's own shards (one per indexing thread), then the two attached indexes.
  ASSERT_GE(shards.size(), 3u);
  const nlohmann::json& last = shards[shards.size() - 1];
  char name[8];
  std::snprintf(name, sizeof name, "%03zu", shards.size() - 1);
  EXPECT_EQ(last["name"], name);
  EXPECT_EQ(last["kind"], "local");
  EXPECT_EQ(last["location"], Db("part2"));
  long long total = 0;
  for (const auto& s : shards) total += s["articles"].get<long long>();
  const nlohmann::json one =
      nlohmann::json::parse(Steppe({"stats", "--json", "--db", Db("one")}).out);
  const nlohmann::json all = nlohmann::json::parse(Steppe({"stats", "--json", "--db", db}).out);
  EXPECT_EQ(total, one["documents"].get<long long>());
  EXPECT_EQ(all["documents"], one["documents"]);
  EXPECT_EQ(all["facets"], one["facets"]);

  ASSERT_EQ(Steppe({"shards", "remove", name, "--db", db}).exit_code, 0);
  EXPECT_EQ(Steppe({"shards", "remove", name, "--db", db}).exit_code, 2);
  EXPECT_NE(Search(Db("one"), {"strike"}), Search(db, {"strike"}));
}

TEST_F(ShardsCliTest, ShardServedByProgramAnswersAsOneIndex) {
  if (!HaveProgram("xapian-progsrv")) GTEST_SKIP() << "xapian-progsrv (xapian-tools) missing";
  const std::string db = TwoLocalShards("progsrv");
  const CliRun add = Steppe({"shards", "add", ":xapian-progsrv " + Db("part2"), "--db", db});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  ExpectSameAsOne(db);
  const nlohmann::json one =
      nlohmann::json::parse(Steppe({"stats", "--json", "--db", Db("one")}).out);
  const nlohmann::json all = nlohmann::json::parse(Steppe({"stats", "--json", "--db", db}).out);
  EXPECT_EQ(all["facets"], one["facets"]);
}

TEST_F(ShardsCliTest, ServedShardOnLoopbackAnswersAsOneAndNamedWhenItStops) {
  if (!HaveProgram("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv (xapian-tools) missing";
  const std::string db = TwoLocalShards("served");
  const std::string location = "127.0.0.1:" + std::to_string(FreePort());
  const pid_t server = fork();
  if (server == 0) {
    freopen("/dev/null", "w", stderr);
    execl(STEPPE_CLI_PATH, "steppe", "serve", "--db", Db("part2").c_str(), "--port",
          location.substr(10).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  ServerGuard guard{server};
  CliRun add;
  for (int i = 0; i < 100; ++i) {  // up to 10 s for the server to listen
    add = Steppe({"shards", "add", location, "--db", db});
    if (add.exit_code == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(add.exit_code, 0) << add.err;
  if (add.exit_code == 0) ExpectSameAsOne(db);

  guard.Stop();
  EXPECT_TRUE(guard.stopped_by_term) << "steppe serve did not stop on SIGTERM";
  EXPECT_TRUE(WIFEXITED(guard.status) && WEXITSTATUS(guard.status) == 0) << guard.status;

  const CliRun down = Steppe({"search", "strike", "--db", db});
  EXPECT_EQ(down.exit_code, 2);
  EXPECT_NE(down.err.find("shard " + location), std::string::npos) << down.err;
  const CliRun partial =
      Steppe({"search", "strike", "--json", "--allow-missing-shards", "--db", db});
  EXPECT_EQ(partial.exit_code, 0) << partial.err;
  EXPECT_NE(partial.err.find(location), std::string::npos) << partial.err;
  const nlohmann::json j = nlohmann::json::parse(partial.out);
  EXPECT_EQ(j["partial"], true);
  EXPECT_EQ(j["missing_shards"], nlohmann::json::array({location}));
}

TEST_F(ShardsCliTest, SearcherReconnectsWhenTheServerDroppedAnIdleConnection) {
  if (!HaveProgram("xapian-tcpsrv")) GTEST_SKIP() << "xapian-tcpsrv (xapian-tools) missing";
  const std::string db = TwoLocalShards("idle");
  const std::string port = std::to_string(FreePort());
  const pid_t server = fork();
  if (server == 0) {
    freopen("/dev/null", "w", stderr);
    execl(STEPPE_CLI_PATH, "steppe", "serve", "--db", Db("part2").c_str(), "--port", port.c_str(),
          "--idle-timeout", "200", static_cast<char*>(nullptr));
    _exit(127);
  }
  ServerGuard guard{server};
  Status added;
  for (int i = 0; i < 100; ++i) {  // up to 10 s for the server to listen
    added = AddShard(db, "127.0.0.1:" + port);
    if (added.ok()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(added.ok()) << added.message();
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchRequest request;
  request.query = "strike";
  SearchResults first, later;
  ASSERT_TRUE(searcher->Search(request, &first).ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));  // past the idle timeout
  const Status s = searcher->Search(request, &later);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(later.total_upper, first.total_upper);
}

TEST_F(ShardsCliTest, OpenSearcherSeesShardsAttachedAfterItOpened) {
  const std::string db = TwoLocalShards("api");
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchRequest request;
  request.query = "strike";
  request.all_copies = true;
  SearchResults before, after;
  ASSERT_TRUE(searcher->Search(request, &before).ok());
  ASSERT_TRUE(AddShard(db, Db("part2")).ok());
  ASSERT_TRUE(searcher->Search(request, &after).ok());
  std::unique_ptr<Searcher> fresh;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), Db("one"), &fresh).ok());
  SearchResults one;
  ASSERT_TRUE(fresh->Search(request, &one).ok());
  EXPECT_LT(before.total_upper, one.total_upper);
  EXPECT_EQ(after.total_upper, one.total_upper);

  EXPECT_EQ(AddShard(db, Db("part2")).code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(AddShard(db, (dir_->path() / "nowhere").string()).code(), Status::Code::kNotFound);
  EXPECT_EQ(RemoveShard(db, "no-such-shard").code(), Status::Code::kNotFound);
}

TEST_F(ShardsCliTest, CheckChecksLocalShardsAndNamesSkippedRemoteOnes) {
  if (!HaveProgram("xapian-progsrv")) GTEST_SKIP() << "xapian-progsrv (xapian-tools) missing";
  const std::string db = TwoLocalShards("check");
  const std::string remote = ":xapian-progsrv " + Db("part2");
  ASSERT_EQ(Steppe({"shards", "add", remote, "--db", db}).exit_code, 0);
  const std::string down = "127.0.0.1:" + std::to_string(FreePort());  // nothing listens
  AppendShardLine(db, "remote " + down);
  auto articles = [](const std::string& index) {
    return nlohmann::json::parse(Steppe({"stats", "--json", "--db", index}).out)["documents"]
        .get<long long>();
  };
  const long long local = articles(Db("part0")) + articles(Db("part1"));

  const CliRun check = Steppe({"check", "--db", db});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("skipped remote shard " + remote +
                           ": Xapian cannot check a database over the network; run 'steppe "
                           "check' on the machine that serves it"),
            std::string::npos)
      << check.out;
  EXPECT_NE(check.out.find("skipped remote shard " + down + ": "), std::string::npos) << check.out;
  EXPECT_NE(check.out.find("is sound: " + std::to_string(local) + " articles of the local shards"),
            std::string::npos)
      << check.out;

  std::vector<Problem> problems;
  CheckCoverage coverage;
  std::unique_ptr<Searcher> searcher;
  ShardOptions local_only;
  local_only.local_only = true;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), local_only, db, &searcher).ok());
  ASSERT_TRUE(searcher->Check(&problems, &coverage).ok());
  EXPECT_TRUE(problems.empty()) << problems.front().ToString();
  EXPECT_EQ(coverage.skipped, std::vector<std::string>({remote, down}));
  EXPECT_EQ(static_cast<long long>(coverage.articles), local);

  // A local shard that is gone is a problem of the index, named with how to repair it.
  const std::string gone = (dir_->path() / "gone").string();
  AppendShardLine(db, "auto " + gone);
  const CliRun broken = Steppe({"check", "--db", db});
  EXPECT_EQ(broken.exit_code, 1) << broken.out << broken.err;
  EXPECT_NE(broken.out.find(gone + ": shard of index " + db + " cannot be opened"),
            std::string::npos)
      << broken.out;
  EXPECT_NE(broken.out.find("steppe shards remove " + gone), std::string::npos) << broken.out;
}

TEST_F(ShardsCliTest, StatsSizeCountsEveryLocalShardAndNamesRemoteOnes) {
  const std::string db = TwoLocalShards("size");
  const nlohmann::json two = nlohmann::json::parse(Steppe({"stats", "--json", "--db", db}).out);
  // The index's own files, and the shards of the one attached (not its manifest).
  const uintmax_t local = FilesSize(db) + FilesSize(fs::path(Db("part1")) / "shards");
  EXPECT_EQ(two["size_bytes"].get<uintmax_t>(), local);
  EXPECT_FALSE(two.contains("size_leaves_out")) << two.dump();

  if (!HaveProgram("xapian-progsrv")) GTEST_SKIP() << "xapian-progsrv (xapian-tools) missing";
  const std::string remote = ":xapian-progsrv " + Db("part2");
  ASSERT_EQ(Steppe({"shards", "add", remote, "--db", db}).exit_code, 0);
  const nlohmann::json three = nlohmann::json::parse(Steppe({"stats", "--json", "--db", db}).out);
  EXPECT_EQ(three["size_bytes"].get<uintmax_t>(),  // the manifest has grown by a line
            FilesSize(db) + FilesSize(fs::path(Db("part1")) / "shards"));
  EXPECT_EQ(three["size_leaves_out"], nlohmann::json::array({remote}));
  const CliRun text = Steppe({"stats", "--db", db});
  EXPECT_NE(text.out.find("(not counted: remote shard " + remote + ")"), std::string::npos)
      << text.out;
}

TEST_F(ShardsCliTest, CheckAndStatsFollowAShardThatIsOnlyAManifest) {
  // A directory holding only a manifest stands for the shards it lists, as Xapian opens it.
  const fs::path nest = dir_->path() / "nest";
  fs::create_directories(nest);
  std::ofstream(nest / "XAPIANDB") << "auto " << Db("part1") << "\nauto " << Db("part2") << "\n";
  fs::copy(Db("part0"), Db("nested"), fs::copy_options::recursive);
  AppendShardLine(Db("nested"), "auto " + nest.string());
  const nlohmann::json one =
      nlohmann::json::parse(Steppe({"stats", "--json", "--db", Db("one")}).out);
  const nlohmann::json nested =
      nlohmann::json::parse(Steppe({"stats", "--json", "--db", Db("nested")}).out);
  EXPECT_EQ(nested["documents"], one["documents"]);
  EXPECT_EQ(nested["size_bytes"].get<uintmax_t>(), FilesSize(Db("nested")) +
                                                       FilesSize(fs::path(Db("part1")) / "shards") +
                                                       FilesSize(fs::path(Db("part2")) / "shards"));

  const CliRun check = Steppe({"check", "--db", Db("nested")});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("is sound: " + one["documents"].dump() + " articles checked"),
            std::string::npos)
      << check.out;
}

TEST_F(ShardsCliTest, ShardThatIsNoXapianServerIsNamedAndExits2) {
  // An HTTP server, say: it answers something else and hangs up.
  NotAXapianServer http("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", true);
  const std::string db = TwoLocalShards("http");
  AppendShardLine(db, "remote " + http.location());
  const CliRun search = Steppe({"search", "strike", "--db", db});
  EXPECT_EQ(search.exit_code, 2) << search.err;
  EXPECT_NE(search.err.find("shard " + http.location() + " of index " + db + " cannot be reached"),
            std::string::npos)
      << search.err;
  EXPECT_NE(search.err.find("is not a Xapian server"), std::string::npos) << search.err;
  const CliRun add = Steppe({"shards", "add", http.location(), "--db", Db("part2")});
  EXPECT_EQ(add.exit_code, 2) << add.err;
  EXPECT_NE(add.err.find(http.location()), std::string::npos) << add.err;
}

TEST_F(ShardsCliTest, SilentOrBabblingServerGivesAnErrorWithinTheTimeouts) {
  // One that accepts and says nothing, one that sends bytes of no protocol and waits: the
  // searcher gives up after ShardOptions' timeouts instead of waiting for ever.
  NotAXapianServer silent("", false);
  NotAXapianServer babbling(std::string("\x01\x7f\x7f\x7fnot xapian", 14), false);
  ShardOptions quick;
  quick.connect_timeout_ms = quick.idle_timeout_ms = 300;
  for (const NotAXapianServer* server : {&silent, &babbling}) {
    const std::string db = TwoLocalShards("quiet" + server->location().substr(10));
    AppendShardLine(db, "remote " + server->location());
    std::unique_ptr<Searcher> searcher;
    const Status s = Searcher::Open(SearcherOptions(), quick, db, &searcher);
    EXPECT_EQ(s.code(), Status::Code::kIoError) << s.ToString();
    EXPECT_NE(s.message().find("shard " + server->location()), std::string::npos) << s.message();
    EXPECT_NE(s.message().find("no Xapian greeting within 300 ms"), std::string::npos)
        << s.message();

    quick.allow_missing = true;
    ASSERT_TRUE(Searcher::Open(SearcherOptions(), quick, db, &searcher).ok());
    SearchResults results;
    ASSERT_TRUE(searcher->Search({.query = "strike"}, &results).ok());
    EXPECT_EQ(results.missing_shards, std::vector<std::string>({server->location()}));
    quick.allow_missing = false;
  }
}

// How many times the file at `path` is opened while `run` runs. Closes are watched too:
// inotify merges an event into an identical one not yet read, which open-close-open is not.
template <typename Run>
int OpensOf(const fs::path& path, Run run) {
  const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  inotify_add_watch(fd, path.c_str(), IN_OPEN | IN_CLOSE_NOWRITE);
  run();
  int opens = 0;
  alignas(inotify_event) char buf[4096];
  for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) {
    for (char* p = buf; p < buf + n;) {
      const auto* event = reinterpret_cast<inotify_event*>(p);
      if (event->mask & IN_OPEN) ++opens;
      p += sizeof(inotify_event) + event->len;
    }
  }
  close(fd);
  return opens;
}

TEST_F(ShardsCliTest, SearcherReadsTheManifestOnceAndNotBeforeEverySearch) {
  const std::string db = TwoLocalShards("stat");
  const fs::path manifest = fs::path(db) / "XAPIANDB";
  std::unique_ptr<Searcher> searcher;
  const int at_open = OpensOf(
      manifest, [&] { EXPECT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok()); });
  EXPECT_EQ(at_open, 1);
  ASSERT_TRUE(searcher);
  SearchResults results;
  const int at_searches = OpensOf(manifest, [&] {
    for (int i = 0; i < 3; ++i) EXPECT_TRUE(searcher->Search({.query = "strike"}, &results).ok());
  });
  EXPECT_EQ(at_searches, 0);
}

TEST_F(ShardsCliTest, SearcherSeesAManifestRewrittenWithTheSameSizeAndTime) {
  // Two manifests of the same length, the second renamed in with the first's mtime: only the
  // inode tells them apart.
  const std::string db = TwoLocalShards("inode");
  const fs::path manifest = fs::path(db) / "XAPIANDB";
  std::string text = ReadAll(manifest);
  const size_t at = text.find(Db("part1"));
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, Db("part1").size(), Db("part2"));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchRequest request{.query = "strike", .all_copies = true};
  SearchResults before, after, expected;
  ASSERT_TRUE(searcher->Search(request, &before).ok());

  struct stat old;
  ASSERT_EQ(stat(manifest.c_str(), &old), 0);
  const fs::path temp = fs::path(db) / "XAPIANDB.test";
  std::ofstream(temp) << text;
  const timespec times[2] = {old.st_atim, old.st_mtim};
  ASSERT_EQ(utimensat(AT_FDCWD, temp.c_str(), times, 0), 0);
  fs::rename(temp, manifest);
  ASSERT_TRUE(searcher->Search(request, &after).ok());

  std::unique_ptr<Searcher> fresh;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &fresh).ok());
  ASSERT_TRUE(fresh->Search(request, &expected).ok());
  EXPECT_NE(before.total_upper, expected.total_upper);
  EXPECT_EQ(after.total_upper, expected.total_upper);
}

}  // namespace
}  // namespace steppe
