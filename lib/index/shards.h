// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_SHARDS_H_
#define STEPPE_LIB_INDEX_SHARDS_H_

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "steppe/status.h"

// The shards an index writes itself. An index directory DIR holds them as DIR/shards/NNN, each
// a glass database, and lists them in its manifest (index/manifest.h) as `auto shards/NNN`;
// searchers open the manifest as one database. An index of older Steppe is its own one shard,
// `.`. A shard is written as any Xapian database is, by atomic commits: a reader sees each
// shard as at its last commit, and a writer killed at any moment leaves every shard whole.
namespace steppe {

struct OwnShard {
  std::filesystem::path path;  // the glass database
  bool home = false;           // DIR itself: an index written by older Steppe
};

// Stores in *out the shards the index at `dir` writes itself, in manifest order: not the
// indexes attached to it, nor remote shards. Empty for a new index.
Status OwnShards(const std::filesystem::path& dir, std::vector<OwnShard>* out);

// Stores in *out the shards the manifest of `dir` lists that the index did not write: attached
// indexes and remote shards, each named as ShardLabel names it.
Status ForeignShards(const std::filesystem::path& dir, std::vector<std::string>* out);

// Opens `shards` for reading as one database; an empty database when there are none. Throws
// Xapian::Error.
Xapian::Database OpenForReading(const std::vector<OwnShard>& shards);

// Opens `shard` for writing. Throws Xapian::Error (DatabaseLockError when another holds it).
Xapian::WritableDatabase OpenForWriting(const OwnShard& shard);

// Creates the next shard of `dir` (DIR/shards/NNN, one past the highest there), marked with this
// build's format, and lists it last in the manifest; *db is it, open for writing. Only the
// holder of the WriterLock may call it: the manifest has one writer.
Status CreateShard(const std::filesystem::path& dir, OwnShard* shard, Xapian::WritableDatabase* db);

// Rewrites the full shard `shard` of `dir` compactly, since it takes no new articles (about
// half the size, in about 1 s for 10,000 articles): Xapian's compaction into a new shard
// directory, which takes its place in the manifest; *sealed is that directory. `manifest_mu`,
// when set, guards the manifest against the process's other writers. An older Steppe's index
// (DIR itself) is left where it is. Only the holder of the WriterLock may call it, with `shard`
// closed.
Status SealShard(const std::filesystem::path& dir, const std::filesystem::path& shard,
                 std::mutex* manifest_mu, std::filesystem::path* sealed);

// Removes the directories under DIR/shards that the manifest does not list: a shard created by
// a run killed before it was listed, a compaction cut short, or an older Steppe's unmerged
// parallel build. Only the holder of the WriterLock may call it.
void RemoveUnlistedShards(const std::filesystem::path& dir);

// Merges the shards of `dir` that it writes itself into one new shard (Xapian's compaction),
// lists it in their place, and removes them; attached and remote shards are left as they are.
// With `archive`, the new shard has no term lists: smaller, but it can no longer be changed.
// Only the holder of the WriterLock may call it.
Status CompactShards(const std::filesystem::path& dir, bool archive);

// One writer's hold on the index at DIR: an advisory lock on DIR/steppe-writer.lock, which
// the kernel releases when the process ends, however it ends.
class WriterLock {
 public:
  // Takes the lock, creating the file; Busy when another process holds it.
  static Status Take(const std::filesystem::path& dir, std::unique_ptr<WriterLock>* out);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_SHARDS_H_
