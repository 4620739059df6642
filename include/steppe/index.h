// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_INDEX_H_
#define STEPPE_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "steppe/article.h"
#include "steppe/export.h"
#include "steppe/options.h"
#include "steppe/status.h"

namespace steppe {

// What calls that add or remove articles did (Index::AddPath, Index::Prune). The counts
// accumulate: each call adds to them and never resets them, so one IndexStats can total
// several calls (AddPath of two folders, then Prune); start from a fresh one to count one
// call. A call that fails part way has added what it did before it failed.
struct STEPPE_EXPORT IndexStats {
  size_t indexed = 0;    // articles added or replaced
  size_t unchanged = 0;  // files skipped because their bytes are as when last indexed
  // Articles of changed files (JSON Lines, CSV) that are as when last indexed: not analysed
  // again. Appending one record to an indexed export gives indexed 1 and this the rest.
  size_t unchanged_articles = 0;
  // Articles removed: by Prune because their file is gone, or because their changed file no
  // longer holds them (a record deleted from an export).
  size_t removed = 0;
  size_t skipped = 0;   // files that could not be read, or held no article (binary, empty)
  size_t problems = 0;  // problems reported through AddOptions::on_problem (bad dates too)
};

// A writable index at a directory. Only one Index may be open on a directory at a time, in
// any process. Not thread-safe: use one Index from one thread at a time.
class STEPPE_EXPORT Index {
 public:
  // Opens the index at `dir`, creating it when options.create_if_missing is set. On success
  // stores it in *out. Returns NotFound when it does not exist, Busy when another process
  // is writing it, Corruption when it is damaged.
  static Status Open(const IndexOptions& options, const std::filesystem::path& dir,
                     std::unique_ptr<Index>* out);

  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;
  // Commits what was added, swallowing errors: call Commit() to see them.
  ~Index();

  // Adds the article file at `path`, or every article file under the folder `path`
  // (recursively; hidden files and README files are skipped): Markdown or text with optional
  // front matter, HTML, JSON Lines and CSV, in any common charset. A file whose bytes are as
  // when last indexed is skipped; a changed one has all its articles replaced. Ids are the
  // file's canonical path (path:line for each record of JSON Lines and CSV). Per-file problems
  // go to options.on_problem and are counted; the call fails only when the index itself is at
  // risk, with NotFound when `path` does not exist, or at a problem with options.strict.
  // Adds what it did to *stats; `stats` may be null when the caller does not count.
  Status AddPath(const AddOptions& options, const std::filesystem::path& path, IndexStats* stats);

  // Removes the articles of files under `path` (a folder or a file) that no longer exist,
  // adding them to stats->removed; `stats` may be null.
  Status Prune(const std::filesystem::path& path, IndexStats* stats);

  // Adds `article`, replacing any article with the same id. Returns InvalidArgument when it
  // has no id or an impossible date (Date::Validate).
  Status AddArticle(const Article& article);

  // Makes everything added so far durable and visible to searchers.
  Status Commit();

  // The number of articles in the index, committed or not.
  size_t document_count() const;

  // What Compact may leave out.
  struct CompactOptions {
    // Also leave out every article's term list, about a fifth of a compact index. Searches
    // find and rank the same, but the index can never be updated: Open refuses it.
    bool archive = false;
  };

  // What one Compact call did: the bytes of the index directory on disk before and after,
  // and the shards it left as they are (attached indexes and remote shards, as ListShards
  // names them): compact each where it lives.
  struct CompactStats {
    uint64_t bytes_before = 0;
    uint64_t bytes_after = 0;
    std::vector<std::string> skipped;
  };

  // Merges the shards the index at `dir` wrote itself into one compact shard (Xapian's
  // compaction: full blocks, no free space), leaving out what `options` says, and lists it in
  // their place; fills *stats when it is not null. Needs the index not to be open for writing
  // (Busy otherwise); searchers that have it open move to the new shard at their next search.
  static Status Compact(const std::filesystem::path& dir, const CompactOptions& options,
                        CompactStats* stats);

 private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace steppe

#endif  // STEPPE_INDEX_H_
