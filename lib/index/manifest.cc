// SPDX-License-Identifier: Apache-2.0
#include "index/manifest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "util/xapian_errors.h"

namespace steppe {
namespace {

// "HOST:PORT" into its parts; false for anything else.
bool SplitHostPort(const std::string& location, std::string* host, unsigned* port) {
  const size_t colon = location.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == location.size()) return false;
  const std::string digits = location.substr(colon + 1);
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 5) {
    return false;
  }
  *port = static_cast<unsigned>(std::stoul(digits));
  *host = location.substr(0, colon);
  return *port > 0 && *port < 65536;
}

std::filesystem::path LocalPath(const std::filesystem::path& dir, const std::string& location) {
  const std::filesystem::path p(location);
  return p.is_absolute() ? p : dir / p;
}

bool IsHomeShard(const ShardLine& line) { return line.kind == "auto" && line.location == "."; }

// Why a remote shard failed to open with `e`, and what to do, as best Xapian's error tells:
// nothing listening, no answer in time, or an answer that is not Xapian's remote protocol.
std::string RemoteAdvice(const Xapian::Error& e, const ShardLine& line,
                         const ShardOptions& options) {
  const std::string what = e.get_msg();
  if (what.find("connect") != std::string::npos) {
    return "nothing answers there; start it (steppe serve)";
  }
  if (std::string(e.get_type()) == "NetworkTimeoutError") {
    return "it accepted the connection but sent no Xapian greeting within " +
           std::to_string(options.idle_timeout_ms) + " ms; check that " + line.location +
           " is a 'steppe serve' port";
  }
  return "what answers there is not a Xapian server of this version (steppe serve, "
         "xapian-tcpsrv " XAPIAN_VERSION "); check that " +
         line.location + " is a 'steppe serve' port";
}

}  // namespace

bool IsIndexDir(const std::filesystem::path& dir) {
  std::error_code ec;
  return HasManifest(dir) || std::filesystem::exists(dir / "iamglass", ec);
}

bool HasManifest(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir / kManifestName, ec);
}

Status ReadManifest(const std::filesystem::path& dir, std::vector<ShardLine>* out) {
  out->clear();
  if (!HasManifest(dir)) {
    out->push_back({"auto", "."});
    return Status::OK();
  }
  std::ifstream in(dir / kManifestName);
  if (!in) return Status::IoError("cannot read " + (dir / kManifestName).string());
  std::string text;
  for (size_t number = 1; std::getline(in, text); ++number) {
    if (text.empty() || text[0] == '#') continue;
    const size_t space = text.find(' ');
    ShardLine line{text.substr(0, space), space == std::string::npos ? "" : text.substr(space + 1)};
    if ((line.kind != "auto" && line.kind != "remote") || line.location.empty()) {
      return Status::Corruption((dir / kManifestName).string() + ":" + std::to_string(number) +
                                ": not a shard line ('auto DIR' or 'remote HOST:PORT'): " + text +
                                "; fix or remove the line");
    }
    out->push_back(std::move(line));
  }
  return Status::OK();
}

bool ManifestStamp::operator==(const ManifestStamp& other) const {
  return exists == other.exists && device == other.device && inode == other.inode &&
         size == other.size && mtime.tv_sec == other.mtime.tv_sec &&
         mtime.tv_nsec == other.mtime.tv_nsec;
}

ManifestStamp StampManifest(const std::filesystem::path& dir) {
  ManifestStamp stamp;
  struct stat st;
  if (::stat((dir / kManifestName).c_str(), &st) != 0) return stamp;
  stamp.exists = true;
  stamp.device = st.st_dev;
  stamp.inode = st.st_ino;
  stamp.size = st.st_size;
  stamp.mtime = st.st_mtim;
  return stamp;
}

Status WriteManifest(const std::filesystem::path& dir, const std::vector<ShardLine>& lines) {
  const std::filesystem::path final_path = dir / kManifestName;
  const std::filesystem::path temp = dir / (std::string(kManifestName) + ".new");
  std::string text;
  for (const ShardLine& line : lines) text += line.kind + " " + line.location + "\n";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IoError("cannot write " + temp.string() + "; check permissions");
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (!written || !synced || std::rename(temp.c_str(), final_path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return Status::IoError("cannot replace " + final_path.string() + "; check the disk");
  }
  return Status::OK();
}

std::string ShardLabel(const std::filesystem::path& dir, const ShardLine& line) {
  if (line.kind == "remote") return line.location;
  return IsHomeShard(line) ? dir.string() : LocalPath(dir, line.location).string();
}

namespace {

bool IsGlass(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::exists(dir / "iamglass", ec);
}

Status AddShardDirs(const std::filesystem::path& dir, const std::vector<ShardLine>& lines,
                    std::vector<std::filesystem::path>* seen,
                    std::vector<std::filesystem::path>* local, std::vector<std::string>* remote) {
  for (const ShardLine& line : lines) {
    if (line.kind == "remote") {
      remote->push_back(ShardLabel(dir, line));
      continue;
    }
    const std::filesystem::path path = ShardLabel(dir, line);
    std::error_code ec;
    std::filesystem::path key = std::filesystem::weakly_canonical(path, ec);
    if (ec) key = path;
    if (std::find(seen->begin(), seen->end(), key) != seen->end()) continue;
    seen->push_back(key);
    if (IsHomeShard(line) || IsGlass(path) || !HasManifest(path)) {
      local->push_back(path);
      continue;
    }
    std::vector<ShardLine> nested;
    if (Status s = ReadManifest(path, &nested); !s.ok()) return s;
    if (Status s = AddShardDirs(path, nested, seen, local, remote); !s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Status ShardDirs(const std::filesystem::path& dir, const std::vector<ShardLine>& lines,
                 std::vector<std::filesystem::path>* local, std::vector<std::string>* remote) {
  local->clear();
  remote->clear();
  std::vector<std::filesystem::path> seen;
  return AddShardDirs(dir, lines, &seen, local, remote);
}

Xapian::Database OpenShard(const std::filesystem::path& dir, const ShardLine& line,
                           const ShardOptions& options) {
  if (line.kind == "auto") {
    // The home shard is the glass database beside the manifest: name the backend, so that
    // Xapian does not take the directory for the stub.
    if (IsHomeShard(line)) return Xapian::Database(dir.string(), Xapian::DB_BACKEND_GLASS);
    return Xapian::Database(LocalPath(dir, line.location).string());
  }
  std::string host;
  unsigned port = 0;
  if (line.location.starts_with(':')) {
    const size_t space = line.location.find(' ');
    const std::string program =
        line.location.substr(1, space == std::string::npos ? std::string::npos : space - 1);
    const std::string args = space == std::string::npos ? "" : line.location.substr(space + 1);
    return Xapian::Remote::open(program, args, options.idle_timeout_ms);
  }
  if (!SplitHostPort(line.location, &host, &port)) {
    throw Xapian::InvalidArgumentError("not HOST:PORT: " + line.location);
  }
  return Xapian::Remote::open(host, port, options.idle_timeout_ms, options.connect_timeout_ms);
}

Status OpenShards(const std::filesystem::path& dir, const ShardOptions& options,
                  Xapian::Database* out, std::vector<std::string>* missing) {
  std::vector<ShardLine> lines;
  if (Status s = ReadManifest(dir, &lines); !s.ok()) return s;
  return OpenShards(dir, lines, options, out, missing);
}

Status OpenShards(const std::filesystem::path& dir, const std::vector<ShardLine>& lines,
                  const ShardOptions& options, Xapian::Database* out,
                  std::vector<std::string>* missing) {
  if (lines.empty()) {
    return Status::NotFound("index " + dir.string() + " lists no shards in its " + kManifestName +
                            "; add one with 'steppe shards add'");
  }
  Xapian::Database all;
  missing->clear();
  for (const ShardLine& line : lines) {
    if (options.local_only && line.kind == "remote") continue;
    try {
      all.add_database(OpenShard(dir, line, options));
    } catch (const Xapian::Error& e) {
      const std::string label = ShardLabel(dir, line);
      if (!options.allow_missing) {
        const std::string advice =
            line.kind == "remote" ? RemoteAdvice(e, line, options) : "restore it";
        return Status::IoError("shard " + label + " of index " + dir.string() +
                               " cannot be reached: " + e.get_description() + "; " + advice +
                               "; else detach it (steppe shards remove " + line.location +
                               ") or search with --allow-missing-shards");
      }
      missing->push_back(label);  // the caller says so (SearchResults::missing_shards)
    }
  }
  *out = std::move(all);
  return Status::OK();
}

}  // namespace steppe
