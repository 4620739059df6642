// SPDX-License-Identifier: Apache-2.0
#include "index/shards.h"

#include <xapian.h>

#include <fcntl.h>
#include <stdio.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "index/format.h"
#include "index/near_duplicates.h"
#include "index/prefixes.h"
#include "util/xapian_errors.h"

namespace steppe {

namespace fs = std::filesystem;

fs::path ShardsDir(const fs::path& dir) { return dir / "shards"; }

std::vector<fs::path> LeftoverShards(const fs::path& dir) {
  std::vector<fs::path> shards;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(ShardsDir(dir), ec)) {
    // A shard killed before its first commit has no iamglass: nothing in it to keep.
    if (fs::exists(entry.path() / "iamglass", ec)) shards.push_back(entry.path());
  }
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
