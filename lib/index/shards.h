// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_SHARDS_H_
#define STEPPE_LIB_INDEX_SHARDS_H_

#include <xapian.h>

#include <filesystem>
#include <vector>

#include "steppe/status.h"

// Building a new index in parallel: a Xapian database takes one writer, and writing (not
// analysis) is most of the cost of indexing, so each worker thread writes a shard of its own
// under DIR/shards/, and the shards are then merged by Xapian's compaction into DIR. A killed
// run leaves its finished shards behind; the next run merges them first, and reads again only
// the files of the shards it was still writing.
//
// A shard is private until merged, so it is written the cheap way: in place, not copy on write
// (Xapian::DB_DANGEROUS), and without fsync (DB_NO_SYNC). A file `committed` in the shard,
// holding the boot id, says that its last commit finished under the running kernel; a shard
// without it (killed while writing, or written before the machine restarted) may be damaged,
// and is never merged.
namespace steppe {

// DIR/shards: where the shards of a run in progress live.
std::filesystem::path ShardsDir(const std::filesystem::path& dir);

// Creates a shard at `dir`, written in place and without fsync (without fsync only where the
// boot id can be read). Call MarkShardWriting before changing it, MarkShardCommitted after.
Xapian::WritableDatabase CreateShard(const std::filesystem::path& dir);

// Marks the shard at `dir` as changing: until MarkShardCommitted, it is not whole.
Status MarkShardWriting(const std::filesystem::path& dir);

// Marks the shard at `dir` whole: its last commit has finished, under the running kernel.
Status MarkShardCommitted(const std::filesystem::path& dir);

// The whole shards a run left under DIR/shards/, each a Xapian database. Removes the others:
// no index holds their files, so the next run reads those files again.
std::vector<std::filesystem::path> LeftoverShards(const std::filesystem::path& dir);

// Merges `sources` (databases, DIR itself first when it is not empty) into a compact copy;
// when there are several, keeps one article per id (the last) and regroups near-duplicates
// across them; and puts the copy in DIR's place in one step. DIR must not be open for writing in
// this process afterwards: reopen it. The old DIR, shards included, is removed.
Status MergeIntoPlace(const std::filesystem::path& dir,
                      const std::vector<std::filesystem::path>& sources);

// Swaps two directories in one step (renameat2 RENAME_EXCHANGE), so that at every moment each
// path holds a whole index; where the file system cannot, by two renames.
Status ExchangeDirectories(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_SHARDS_H_
