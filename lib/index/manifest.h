// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_MANIFEST_H_
#define STEPPE_LIB_INDEX_MANIFEST_H_

#include <sys/types.h>
#include <xapian.h>

#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "steppe/shards.h"
#include "steppe/status.h"

// An index's manifest: DIR/XAPIANDB, a Xapian stub database file, one shard a line, which
// Xapian's own tools open too ("delve DIR/XAPIANDB"). Lines Steppe writes:
//   auto .                      the index's own glass database (an index of older Steppe)
//   auto /abs/dir               another Steppe index on this machine
//   remote HOST:PORT            an index served by `steppe serve` (xapian-tcpsrv)
//   remote :PROGRAM ARGS        a served-by-program shard (xapian-progsrv PATH), for tests
namespace steppe {

inline constexpr char kManifestName[] = "XAPIANDB";

struct ShardLine {
  std::string kind;      // "auto" or "remote"
  std::string location;  // the rest of the line
};

// Whether `dir` has a manifest.
bool HasManifest(const std::filesystem::path& dir);

// Whether `dir` holds an index: a manifest, or (older Steppe) a glass database of its own.
bool IsIndexDir(const std::filesystem::path& dir);

// Reads the shards of `dir`: its manifest's lines, or the one line "auto ." without one.
Status ReadManifest(const std::filesystem::path& dir, std::vector<ShardLine>* out);

// What stat says of the manifest of `dir`, to see it change without reading it. WriteManifest
// renames a new file in, so every rewrite changes the inode, even within one mtime tick.
struct ManifestStamp {
  bool exists = false;
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = 0;
  timespec mtime{};

  bool operator==(const ManifestStamp& other) const;
};

// The stamp of the manifest of `dir` now; `exists` false without one.
ManifestStamp StampManifest(const std::filesystem::path& dir);

// Replaces the manifest of `dir` by `lines`: a temporary file, fsynced, renamed over it.
Status WriteManifest(const std::filesystem::path& dir, const std::vector<ShardLine>& lines);

// A name for what a shard line points at, for messages: "HOST:PORT", or a directory.
std::string ShardLabel(const std::filesystem::path& dir, const ShardLine& line);

// The local shard directories of `dir` as listed by its manifest `lines`, in order, and the
// labels (ShardLabel) of its remote shards. A shard directory that holds only a manifest (no
// glass database) stands for the shards it lists, as Xapian opens it; each directory once.
// Returns Corruption when such a nested manifest cannot be read.
Status ShardDirs(const std::filesystem::path& dir, const std::vector<ShardLine>& lines,
                 std::vector<std::filesystem::path>* local, std::vector<std::string>* remote);

// Opens one shard of `dir` for reading, remote ones with the timeouts of `options`. Throws
// Xapian::Error when it cannot.
Xapian::Database OpenShard(const std::filesystem::path& dir, const ShardLine& line,
                           const ShardOptions& options);

// Opens every shard of `dir` as one database. A shard that cannot be opened is an
// IoError naming it, or, with options.allow_missing, is named in *missing and left out.
Status OpenShards(const std::filesystem::path& dir, const ShardOptions& options,
                  Xapian::Database* out, std::vector<std::string>* missing);

// The same, for the shard `lines` of `dir` as ReadManifest read them.
Status OpenShards(const std::filesystem::path& dir, const std::vector<ShardLine>& lines,
                  const ShardOptions& options, Xapian::Database* out,
                  std::vector<std::string>* missing);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_MANIFEST_H_
