// SPDX-License-Identifier: Apache-2.0
#include "index/shards.h"

#include <xapian.h>

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "index/format.h"
#include "index/near_duplicates.h"
#include "index/prefixes.h"
#include "util/xapian_errors.h"

namespace steppe {

namespace fs = std::filesystem;

fs::path ShardsDir(const fs::path& dir) { return dir / "shards"; }

namespace {

constexpr char kCommittedFile[] = "committed";

// Changes at every boot, so a shard marked under another boot may have lost writes that
// never reached the disk. Empty where it cannot be read.
const std::string& BootId() {
  static const std::string id = [] {
    std::string line;
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::getline(in, line);
    return line;
  }();
  return id;
}

bool IsWhole(const fs::path& shard) {
  std::ifstream in(shard / kCommittedFile);
  std::string boot;
  return in && std::getline(in, boot) && boot == BootId();
}

}  // namespace

Xapian::WritableDatabase CreateShard(const fs::path& dir) {
  int flags = Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_DANGEROUS;
  if (!BootId().empty()) flags |= Xapian::DB_NO_SYNC;
  return Xapian::WritableDatabase(dir.string(), flags);
}

Status MarkShardWriting(const fs::path& dir) {
  std::error_code ec;
  fs::remove(dir / kCommittedFile, ec);
  if (ec) {
    return Status::IoError("cannot mark the shard " + dir.string() +
                           " as being written: " + ec.message() + "; check the permissions there");
  }
  return Status::OK();
}

Status MarkShardCommitted(const fs::path& dir) {
  std::ofstream out(dir / kCommittedFile, std::ios::trunc);
  out << BootId() << '\n';
  out.close();
  if (!out) {
    return Status::IoError("cannot mark the shard " + dir.string() +
                           " committed; check the free space and the permissions there");
  }
  return Status::OK();
}

std::vector<fs::path> LeftoverShards(const fs::path& dir) {
  std::vector<fs::path> shards, broken;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(ShardsDir(dir), ec)) {
    (IsWhole(entry.path()) ? shards : broken).push_back(entry.path());
  }
  for (const fs::path& shard : broken) fs::remove_all(shard, ec);
  std::sort(shards.begin(), shards.end());
  return shards;
}

Status ExchangeDirectories(const fs::path& a, const fs::path& b) {
  if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) {
    return Status::OK();
  }
  if (errno != EINVAL && errno != ENOSYS) {
    return Status::IoError("cannot put " + b.string() + " in place of " + a.string() + ": " +
                           std::strerror(errno) + "; check the permissions of " +
                           a.parent_path().string());
  }
  // A file system without exchange: for a moment only `b` holds the new index.
  const fs::path aside = a.string() + ".swapping";
  std::error_code ec;
  fs::rename(a, aside, ec);
  if (!ec) fs::rename(b, a, ec);
  if (!ec) fs::rename(aside, b, ec);
  if (ec) {
    return Status::IoError("cannot put " + b.string() + " in place of " + a.string() + ": " +
                           ec.message() + "; the original is at " + aside.string() +
                           " if it was moved");
  }
  return Status::OK();
}

namespace {

// Two files of one run may hold articles with the same id (a file and a link to it): a single
// writer keeps the one it wrote last, but shards add every article without looking its id up,
// which is cheaper. Keeps the last in docid order, which is the order the shards were written in.
void RemoveRepeatedIds(Xapian::WritableDatabase* db) {
  std::vector<Xapian::docid> repeated;
  for (auto t = db->allterms_begin(prefix::kId); t != db->allterms_end(prefix::kId); ++t) {
    if (t.get_termfreq() < 2) continue;
    std::vector<Xapian::docid> ids(db->postlist_begin(*t), db->postlist_end(*t));
    repeated.insert(repeated.end(), ids.begin(), ids.end() - 1);
  }
  for (Xapian::docid id : repeated) db->delete_document(id);
}

// Writes the new groups of the shards' documents into the shards themselves, so that the
// compacted copy is written once and stays compact. `changes` come in source order.
void WriteGroupChanges(const std::vector<fs::path>& sources,
                       const std::vector<GroupChange>& changes) {
  for (size_t i = 0; i < changes.size();) {
    Xapian::WritableDatabase shard(sources[changes[i].source].string(), Xapian::DB_OPEN);
    const size_t source = changes[i].source;
    for (; i < changes.size() && changes[i].source == source; ++i) {
      Xapian::Document doc = shard.get_document(changes[i].id);
      doc.add_value(slot::kDuplicateGroup, changes[i].group);
      shard.replace_document(changes[i].id, doc);
    }
    shard.commit();
  }
}

}  // namespace

Status MergeIntoPlace(const fs::path& dir, const std::vector<fs::path>& sources) {
  const fs::path merged = dir.string() + ".merging";
  std::error_code ec;
  fs::remove_all(merged, ec);
  try {
    // Shards are written without looking for copies (AddDuplicateBands): group them here,
    // even when there is only one.
    const size_t kept = sources.front() == dir ? 1 : 0;
    if (kept < sources.size()) {
      std::vector<Xapian::Database> dbs;
      for (const fs::path& source : sources) dbs.emplace_back(source.string());
      WriteGroupChanges(sources, RegroupDuplicates(dbs, kept));
    }
    Xapian::Database all;
    for (const fs::path& source : sources) all.add_database(Xapian::Database(source.string()));
    all.compact(merged.string(), Xapian::Compactor::FULL);
    Xapian::WritableDatabase db(merged.string(), Xapian::DB_OPEN);
    if (kept < sources.size()) RemoveRepeatedIds(&db);
    MarkFormat(&db);
    db.commit();
    db.close();
  } catch (...) {
    fs::remove_all(merged, ec);
    return StatusFromCurrentException("cannot merge the shards of the new index", dir);
  }
  if (Status s = ExchangeDirectories(dir, merged); !s.ok()) return s;
  fs::remove_all(merged, ec);  // now the old index, and the shards inside it
  return Status::OK();
}

}  // namespace steppe
