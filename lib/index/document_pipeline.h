// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_DOCUMENT_PIPELINE_H_
#define STEPPE_LIB_INDEX_DOCUMENT_PIPELINE_H_

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "extract/entities.h"
#include "index/shards.h"
#include "read/walk.h"
#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// One article read and analysed, ready for the writer.
struct BuiltDocument {
  std::string id_term;
  Xapian::Document document;
};

// Everything read from one file. A changed file is updated by record: only its new or changed
// articles are built, and those of its last indexed version that no record gives any more go.
struct FileResult {
  std::string file_term;   // FileTerm(canonical path): every document of the file carries it
  std::string hash;        // ContentHash of its bytes
  bool unchanged = false;  // same bytes as when last indexed: nothing to write
  uint64_t bytes = 0;      // the file's size
  std::vector<BuiltDocument> documents;  // new or changed articles, replaced by id term
  std::vector<std::string> gone;         // id terms of the file's last version's articles to delete
  bool replace_all = false;  // the last commit could not be read: delete all, then write
  size_t articles = 0;       // articles built (and written, when sharded)
  size_t same_records = 0;   // articles as when last indexed: not built again
};

// The metadata key that holds a file's content hash once all its articles are written.
std::string FileHashKey(const std::string& file_term);

// Written under FileHashKey before a file's articles change, so that a run killed in the
// middle of a file leaves it to be read again, not taken as done.
inline constexpr char kFileHashPending[] = "pending";

// "<hash>:<bytes>" of everything an article is indexed from (id, path and every field).
std::string RecordHash(const Article& article);

class DuplicateGroups;
class ShardPool;

// Reads and analyses files on worker threads. By default the results go to one writer on the
// calling thread (index/shard_writer.h). With a shard pool (a new index), each worker writes
// its documents into shards of its own, a new one every docs_per_shard articles so that no
// shard's B-trees grow big enough to slow its writes, and the calling thread only counts and
// reports. Each worker has its own Analyser and word cache, and its own read-only view of the
// index's last commit, to skip files whose bytes have not changed. A file reached twice in one
// run (through a link) is read once.
class DocumentPipeline {
 public:
  struct Settings {
    size_t threads = 1;
    size_t cache_entries = 200000;
    size_t max_file_bytes = 64u << 20;
    std::filesystem::path index_dir;            // read for content hashes; may be empty
    const EntityExtractor* entities = nullptr;  // shared by the workers; may be null
    ShardPool* pool = nullptr;          // when set, workers write shards from it (a new index only)
    DuplicateGroups* groups = nullptr;  // with a pool: groups the workers' near-duplicates
    size_t docs_per_commit = 2000;      // shards commit after the file that reaches this many
    size_t docs_per_shard = 10000;      // a worker starts a new shard after the file reaching this
  };
  struct Counts {
    size_t read = 0;          // articles built
    size_t unchanged = 0;     // files skipped as unchanged
    size_t skipped = 0;       // files that could not be read, or held no article
    uint64_t bytes = 0;       // bytes of the files read, and of the part read of files being read
    size_t same_records = 0;  // articles of changed files not built again: as last indexed
    size_t removed = 0;       // articles of changed files that their file no longer holds
  };

  explicit DocumentPipeline(Settings settings) : settings_(std::move(settings)) {}

  // Reads each file of the walk and builds its documents. Calls `report` for every problem,
  // `write` for every file (its documents already written when sharded) and `progress` after
  // it and while a big file is read, all on the calling thread; stops early, returning the error,
  // when `write` or a shard fails. Workers take files from the walk one at a time, as they need
  // them.
  Status Run(ArticleFileWalk* files, const std::function<void(const Problem&)>& report,
             const std::function<Status(FileResult&&)>& write,
             const std::function<void(const Counts&, size_t files_done)>& progress, Counts* counts);

 private:
  Settings settings_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_DOCUMENT_PIPELINE_H_
