// SPDX-License-Identifier: Apache-2.0
// The public shard operations of steppe/shards.h, over the manifest (index/manifest.h).
#include <cstdio>

#include "index/format.h"
#include "index/manifest.h"
#include "index/shards.h"
#include "steppe/shards.h"
#include "util/xapian_errors.h"

namespace steppe {
namespace {

std::string NameAt(size_t i) {
  char name[24];
  std::snprintf(name, sizeof name, "%03zu", i);
  return name;
}

// A remote location is HOST:PORT (digits after the last colon) and names no directory here.
bool LooksRemote(const std::string& location) {
  const size_t colon = location.rfind(':');
  if (colon == std::string::npos || colon + 1 == location.size()) return false;
  std::error_code ec;
  return location.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
         !std::filesystem::exists(location, ec);
}

// Takes the writer's lock of `dir` for a change of its manifest: a running `steppe index` adds
// shards to it too, and two read-modify-writes would lose one's change.
Status LockManifest(const std::filesystem::path& dir, std::unique_ptr<WriterLock>* lock) {
  Status s = WriterLock::Take(dir, lock);
  if (!s.IsBusy()) return s;
  return Status::Busy("index " + dir.string() +
                      " is being written by another process; change its shards when it has "
                      "finished");
}

}  // namespace

Status ListShards(const std::filesystem::path& dir, std::vector<ShardInfo>* out) {
  out->clear();
  if (!IsIndexDir(dir)) return NoIndexThere(dir);
  std::vector<ShardLine> lines;
  if (Status s = ReadManifest(dir, &lines); !s.ok()) return s;
  ShardOptions quick;
  quick.connect_timeout_ms = quick.idle_timeout_ms = 3000;
  for (size_t i = 0; i < lines.size(); ++i) {
    ShardInfo info{NameAt(i), lines[i].kind == "remote" ? "remote" : "local",
                   ShardLabel(dir, lines[i])};
    try {
      info.articles = OpenShard(dir, lines[i], quick).get_doccount();
    } catch (const Xapian::Error&) {
      info.articles = -1;
    }
    out->push_back(std::move(info));
  }
  return Status::OK();
}

Status AddShard(const std::filesystem::path& dir, const std::string& location) {
  if (!IsIndexDir(dir)) return NoIndexThere(dir);
  std::unique_ptr<WriterLock> lock;
  if (Status s = LockManifest(dir, &lock); !s.ok()) return s;
  std::vector<ShardLine> lines;
  if (Status s = ReadManifest(dir, &lines); !s.ok()) return s;
  ShardLine line{"remote", location};
  if (!LooksRemote(location) && !location.starts_with(':')) {
    std::error_code ec;
    const std::filesystem::path path = std::filesystem::weakly_canonical(location, ec);
    if (ec || !IsIndexDir(path)) {
      return Status::NotFound("cannot attach " + location +
                              ": neither HOST:PORT nor the directory of a Steppe index");
    }
    if (std::filesystem::equivalent(path, dir, ec)) {
      return Status::InvalidArgument("cannot attach " + location + " to itself");
    }
    line = {"auto", path.string()};
  }
  for (const ShardLine& old : lines) {
    if (old.kind == line.kind && old.location == line.location) {
      return Status::InvalidArgument(location + " is already a shard of " + dir.string());
    }
  }
  try {
    ShardOptions options;
    Xapian::Database db = OpenShard(dir, line, options);
    if (Status s = CheckFormat(db, ShardLabel(dir, line)); !s.ok()) return s;
  } catch (const Xapian::Error& e) {
    return Status::IoError("cannot attach " + location + ": " + e.get_description() +
                           "; is 'steppe serve' running there, or is it an index?");
  }
  lines.push_back(std::move(line));
  return WriteManifest(dir, lines);
}

Status RemoveShard(const std::filesystem::path& dir, const std::string& name_or_location) {
  if (!IsIndexDir(dir)) return NoIndexThere(dir);
  std::unique_ptr<WriterLock> lock;
  if (Status s = LockManifest(dir, &lock); !s.ok()) return s;
  std::vector<ShardLine> lines;
  if (Status s = ReadManifest(dir, &lines); !s.ok()) return s;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (name_or_location == NameAt(i) || name_or_location == lines[i].location ||
        name_or_location == ShardLabel(dir, lines[i])) {
      lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(i));
      return WriteManifest(dir, lines);
    }
  }
  return Status::NotFound("index " + dir.string() + " has no shard " + name_or_location +
                          "; 'steppe shards list' names them");
}

}  // namespace steppe
