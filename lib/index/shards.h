// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_SHARDS_H_
#define STEPPE_LIB_INDEX_SHARDS_H_

#include <filesystem>
#include <vector>

#include "steppe/status.h"

// Building a new index in parallel: a Xapian database takes one writer, and writing (not
// analysis) is most of the cost of indexing, so each worker thread writes a shard of its own
// under DIR/shards/, and the shards are then merged by Xapian's compaction into DIR. A killed
// run leaves committed shards behind; the next run merges them first, so nothing is redone.
namespace steppe {

// DIR/shards: where the shards of a run in progress live.
std::filesystem::path ShardsDir(const std::filesystem::path& dir);

// The shards a run left under DIR/shards/, each a whole Xapian database.
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
