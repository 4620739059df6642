// SPDX-License-Identifier: Apache-2.0
#include "index/shards.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "index/format.h"
#include "index/manifest.h"
#include "util/xapian_errors.h"

namespace steppe {

namespace fs = std::filesystem;

namespace {

constexpr char kShardsDir[] = "shards";
constexpr char kLockFile[] = "steppe-writer.lock";

bool IsGlass(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "iamglass", ec);
}

// The manifest's lines; without a manifest, the index's own glass database if it has one.
Status Lines(const fs::path& dir, std::vector<ShardLine>* lines) {
  if (Status s = ReadManifest(dir, lines); !s.ok()) return s;
  if (!HasManifest(dir) && !IsGlass(dir)) lines->clear();  // a new index
  return Status::OK();
}

// A line Steppe wrote for a shard of its own: "auto ." or "auto shards/NNN". Attached indexes
// are absolute paths.
bool IsOwn(const ShardLine& line) {
  return line.kind == "auto" && !fs::path(line.location).is_absolute();
}

// The number of a shard directory's name ("007" -> 7), or -1 for another name.
long ShardNumber(const std::string& name) {
  if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) return -1;
  return std::stol(name);
}

std::string ShardLocation(long number) {
  char name[32];
  std::snprintf(name, sizeof name, "%s/%03ld", kShardsDir, number);
  return name;
}

// One past the highest shard number listed or on disk.
long NextShardNumber(const fs::path& dir, const std::vector<ShardLine>& lines) {
  long next = 0;
  for (const ShardLine& line : lines) {
    if (IsOwn(line)) next = std::max(next, ShardNumber(fs::path(line.location).filename()) + 1);
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / kShardsDir, ec)) {
    next = std::max(next, ShardNumber(entry.path().filename()) + 1);
  }
  return next;
}

// Removes an older Steppe's database files from DIR itself, once its articles are in a shard.
void RemoveHomeDatabase(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename();
    if (name.ends_with(".glass") || name == "iamglass" || name == "flintlock") {
      fs::remove(entry.path(), ec);
    }
  }
}

// Marks `shards` as an archive before they are compacted, so that the mark is written in the
// compacted copy's own blocks: written after, it would add blocks to a compact table. A run cut
// short leaves an archive with term lists, which the next compaction finishes.
void MarkArchive(const std::vector<OwnShard>& shards) {
  for (const OwnShard& shard : shards) {
    Xapian::WritableDatabase db = OpenForWriting(shard);
    db.set_metadata(kArchiveKey, "no term lists");
    db.commit();
    db.close();
  }
}

}  // namespace

Status OwnShards(const fs::path& dir, std::vector<OwnShard>* out) {
  out->clear();
  std::vector<ShardLine> lines;
  if (Status s = Lines(dir, &lines); !s.ok()) return s;
  for (const ShardLine& line : lines) {
    if (!IsOwn(line)) continue;
    const bool home = line.location == ".";
    out->push_back({home ? dir : dir / line.location, home});
  }
  return Status::OK();
}

Status ForeignShards(const fs::path& dir, std::vector<std::string>* out) {
  out->clear();
  std::vector<ShardLine> lines;
  if (Status s = Lines(dir, &lines); !s.ok()) return s;
  for (const ShardLine& line : lines) {
    if (!IsOwn(line)) out->push_back(ShardLabel(dir, line));
  }
  return Status::OK();
}

Xapian::Database OpenForReading(const std::vector<OwnShard>& shards) {
  Xapian::Database all;
  for (const OwnShard& shard : shards) {
    // Named as glass: DIR itself also holds the manifest, which Xapian would take for a stub.
    all.add_database(Xapian::Database(shard.path.string(), Xapian::DB_BACKEND_GLASS));
  }
  return all;
}

Xapian::WritableDatabase OpenForWriting(const OwnShard& shard) {
  return Xapian::WritableDatabase(shard.path.string(), Xapian::DB_OPEN | Xapian::DB_BACKEND_GLASS);
}

Status CreateShard(const fs::path& dir, OwnShard* shard, Xapian::WritableDatabase* db) {
  std::vector<ShardLine> lines;
  if (Status s = Lines(dir, &lines); !s.ok()) return s;
  const std::string location = ShardLocation(NextShardNumber(dir, lines));
  *shard = {dir / location, false};
  try {
    fs::create_directories(shard->path.parent_path());
    *db = Xapian::WritableDatabase(shard->path.string(),
                                   Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    MarkFormat(db);
    db->commit();
  } catch (...) {
    return StatusFromCurrentException("cannot create a shard", shard->path);
  }
  lines.push_back({"auto", location});
  return WriteManifest(dir, lines);
}

Status SealShard(const fs::path& dir, const fs::path& shard, std::mutex* manifest_mu,
                 fs::path* sealed) {
  std::error_code ec;
  if (fs::equivalent(shard, dir, ec)) {  // an older Steppe's index: it stays where it is
    *sealed = shard;
    return Status::OK();
  }
  std::unique_lock<std::mutex> lock;  // held only while the manifest is read and rewritten
  if (manifest_mu != nullptr) lock = std::unique_lock(*manifest_mu);
  std::vector<ShardLine> lines;
  if (Status s = Lines(dir, &lines); !s.ok()) return s;
  const std::string location = ShardLocation(NextShardNumber(dir, lines));
  *sealed = dir / location;
  fs::create_directories(*sealed, ec);  // the number is taken, for the other writers
  if (manifest_mu != nullptr) lock.unlock();
  try {
    Xapian::Database(shard.string(), Xapian::DB_BACKEND_GLASS)
        .compact(sealed->string(), Xapian::Compactor::FULL);
  } catch (...) {
    fs::remove_all(*sealed, ec);
    return StatusFromCurrentException("cannot compact a full shard", shard);
  }
  if (manifest_mu != nullptr) lock.lock();
  if (Status s = Lines(dir, &lines); !s.ok()) return s;
  for (ShardLine& line : lines) {
    if (IsOwn(line) && fs::equivalent(dir / line.location, shard, ec)) line.location = location;
  }
  if (Status s = WriteManifest(dir, lines); !s.ok()) return s;
  fs::remove_all(shard, ec);
  return Status::OK();
}

void RemoveUnlistedShards(const fs::path& dir) {
  std::vector<OwnShard> own;
  if (!OwnShards(dir, &own).ok()) return;  // an unreadable manifest: touch nothing
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir / kShardsDir, ec)) {
    bool listed = false;
    for (const OwnShard& shard : own) listed = listed || fs::equivalent(shard.path, entry, ec);
    if (!listed) fs::remove_all(entry.path(), ec);
  }
}

Status CompactShards(const fs::path& dir, bool archive) {
  std::vector<ShardLine> lines;
  if (Status s = Lines(dir, &lines); !s.ok()) return s;
  std::vector<OwnShard> own;
  if (Status s = OwnShards(dir, &own); !s.ok()) return s;
  const std::string location = ShardLocation(NextShardNumber(dir, lines));
  const fs::path merged = dir / location;
  std::error_code ec;
  try {
    fs::create_directories(merged.parent_path());
    if (archive) MarkArchive(own);
    OpenForReading(own).compact(merged.string(), Xapian::Compactor::FULL);
    // Xapian reads a glass database without its term lists (DB_NO_TERMLIST in constants.h).
    if (archive) fs::remove(merged / "termlist.glass");
  } catch (...) {
    fs::remove_all(merged, ec);
    return StatusFromCurrentException("cannot compact", dir);
  }
  // The merged shard takes the place of the first of those it holds; the others go.
  std::vector<ShardLine> kept;
  for (const ShardLine& line : lines) {
    if (!IsOwn(line)) {
      kept.push_back(line);
    } else if (&line == &*std::find_if(lines.begin(), lines.end(), IsOwn)) {
      kept.push_back({"auto", location});
    }
  }
  if (own.empty()) kept.insert(kept.begin(), {"auto", location});
  if (Status s = WriteManifest(dir, kept); !s.ok()) return s;
  for (const OwnShard& shard : own) {
    if (shard.home) {
      RemoveHomeDatabase(dir);
    } else {
      fs::remove_all(shard.path, ec);
    }
  }
  return Status::OK();
}

Status WriterLock::Take(const fs::path& dir, std::unique_ptr<WriterLock>* out) {
  const fs::path file = dir / kLockFile;
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IoError("cannot open " + file.string() + ": " + std::strerror(errno) +
                           "; check the permissions of " + dir.string());
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK) return Status::Busy("held by another process");
    return Status::IoError("cannot lock " + file.string() + ": " + std::strerror(error));
  }
  out->reset(new WriterLock(fd));
  return Status::OK();
}

WriterLock::~WriterLock() { ::close(fd_); }

}  // namespace steppe
