// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_SHARD_WRITER_H_
#define STEPPE_LIB_INDEX_SHARD_WRITER_H_

#include <xapian.h>

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>

#include "index/shards.h"
#include "steppe/status.h"

// Writing into an index's own shards (index/shards.h). Xapian functions throw Xapian::Error.
namespace steppe {

// The writer of one thread: replaces an article in whichever shard holds its id, adds a new
// one to the open shard (the last, while it holds fewer than the cap), and starts a new shard
// when that one is full, so that no shard's B-trees grow without bound. The index's metadata
// (the content hash of each file written) lives in its first shard, which commits last: a run
// killed between the commits of two shards leaves a file's articles written but its hash not,
// and the file is read again, never the other way round. Opens the shards at the first call
// that needs them, and lets them go at Release.
class ShardWriter {
 public:
  ShardWriter(std::filesystem::path dir, size_t docs_per_shard)
      : dir_(std::move(dir)), cap_(docs_per_shard) {}

  // Replaces the article with `id_term` wherever it is, or adds it to the open shard.
  void Replace(const std::string& id_term, const Xapian::Document& doc);

  // Deletes every article with `term`, in every shard.
  void Delete(const std::string& term);

  // The index's metadata, kept in its first shard (the first a reader of the manifest sees).
  void SetMetadata(const std::string& key, const std::string& value);

  // All the shards as one, uncommitted changes included.
  Xapian::Database View();

  size_t DocumentCount();

  // Commits every shard changed since the last commit, the first shard last.
  void Commit();

  // Commits and closes the shards, for other writers to take; the next call opens them again.
  void Release();

 private:
  void Open();
  void StartShard();
  // The handles open, the first shard's last.
  std::vector<Xapian::WritableDatabase*> Handles();

  std::filesystem::path dir_;
  size_t cap_;
  bool opened_ = false;
  // The first shard, unless it is the open one: the metadata, committed last.
  std::optional<Xapian::WritableDatabase> first_;
  Xapian::WritableDatabase middle_;               // the full shards between, as one; may hold none
  size_t middle_count_ = 0;                       // how many
  std::optional<Xapian::WritableDatabase> open_;  // made at the first new article if none
  std::filesystem::path open_path_;
};

// Shards for the worker threads of a parallel build, each its own: first the index's empty
// shards, then new ones. Safe to use from many threads.
class ShardPool {
 public:
  explicit ShardPool(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // Stores in *db a shard no other thread writes: an empty one of the index, or a new one.
  Status Take(Xapian::WritableDatabase* db, std::filesystem::path* path);

  // Rewrites the full, closed shard at `path` compactly (SealShard).
  Status Seal(const std::filesystem::path& path);

 private:
  std::mutex mu_;
  std::filesystem::path dir_;
  bool listed_ = false;          // empty_ filled
  std::vector<OwnShard> empty_;  // the index's empty shards not taken yet
};

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_SHARD_WRITER_H_
