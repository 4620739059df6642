// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_SHARDS_H_
#define STEPPE_SHARDS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "steppe/export.h"
#include "steppe/status.h"

namespace steppe {

// One shard of an index, as its manifest (DIR/XAPIANDB, a Xapian stub file) lists it.
struct ShardInfo {
  std::string name;         // "000", "001", ...: its place in the manifest
  std::string kind;         // "local" or "remote"
  std::string location;     // a directory, "HOST:PORT", or ":xapian-progsrv PATH"
  long long articles = -1;  // its article count; -1 when it cannot be reached
};

// How a Searcher reaches the shards of an index (see docs/scale-out.md).
struct ShardOptions {
  // Search the shards that answer when some do not: each missing one is named in
  // SearchResults::missing_shards. Off: a missing shard is an error naming it.
  bool allow_missing = false;
  unsigned connect_timeout_ms = 10000;  // to connect to a remote shard
  unsigned idle_timeout_ms = 10000;     // to wait for a remote shard's answer
  // Open only the local shards, leaving remote ones out unnamed: for Searcher::Check, which
  // cannot check those, without waiting on the network.
  bool local_only = false;
};

// Stores in *out the shards of the index at `dir`, in manifest order: without a manifest, the
// one local shard that is the index itself. Counts articles of each shard it can reach.
STEPPE_EXPORT Status ListShards(const std::filesystem::path& dir, std::vector<ShardInfo>* out);

// Attaches `location` to the index at `dir`: "HOST:PORT" of an index that `steppe serve`
// serves, or the directory of another Steppe index. Checks that it opens first; rewrites the
// manifest by write-then-rename, so searchers see the old list or the new one. Busy while
// another process writes the index.
STEPPE_EXPORT Status AddShard(const std::filesystem::path& dir, const std::string& location);

// Detaches the shard named `name_or_location` (its name from ListShards, or its location)
// from the index at `dir`. Nothing is deleted: a detached directory stays where it is. Busy
// while another process writes the index.
STEPPE_EXPORT Status RemoveShard(const std::filesystem::path& dir,
                                 const std::string& name_or_location);

}  // namespace steppe

#endif  // STEPPE_SHARDS_H_
