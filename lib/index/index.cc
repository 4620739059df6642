// SPDX-License-Identifier: Apache-2.0
// Index::Impl: the writable database, the analyser and document builder that feed it, and
// batched commits.
#include "steppe/index.h"

#include <xapian.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <optional>
#include <thread>

#include "analyse/analyser.h"
#include "index/document_builder.h"
#include "index/document_pipeline.h"
#include "index/facets_value.h"
#include "index/format.h"
#include "index/manifest.h"
#include "index/near_duplicates.h"
#include "index/prefixes.h"
#include "index/shard_writer.h"
#include "index/shards.h"
#include "read/reader.h"
#include "read/walk.h"
#include "util/directory_size.h"
#include "util/xapian_errors.h"

namespace steppe {

struct Index::Impl {
  Impl(const IndexOptions& o, const std::filesystem::path& d, std::unique_ptr<WriterLock> l,
       std::unique_ptr<EntityExtractor> extractor)
      : options(o),
        dir(d),
        lock(std::move(l)),
        writer(d, o.docs_per_shard),
        analyser(o.word_cache_entries),
        entities(std::move(extractor)),
        builder(&analyser, entities.get()) {}

  Status Add(const Article& article) {
    if (article.id.empty()) {
      return Status::InvalidArgument("cannot add article '" + article.title +
                                     "': it has no id; set Article::id to a unique key");
    }
    if (article.date) {
      if (Status s = article.date->Validate(); !s.ok()) {
        return Status::InvalidArgument("cannot add article " + article.id + ": " + s.message() +
                                       "; or leave Article::date empty for an undated article");
      }
    }
    try {
      return Write({IdTerm(article.id), builder.Build(article)});
    } catch (...) {
      return StatusFromCurrentException("cannot add " + article.id, dir);
    }
  }

  // Replaces the document with the same id term, committing every docs_per_commit.
  Status Write(BuiltDocument&& built) {
    try {
      Groups()->Assign(&built.document);
      AddFacetsValue(&built.document);
      writer.Replace(built.id_term, built.document);
      if (++pending >= options.docs_per_commit) return Commit();
      return Status::OK();
    } catch (...) {
      return StatusFromCurrentException("cannot write " + built.id_term.substr(1), dir);
    }
  }

  // The near-duplicate groups of the index, read from it at the first article written.
  DuplicateGroups* Groups() {
    if (!groups) {
      groups = std::make_unique<DuplicateGroups>();
      groups->Seed(writer.View());
    }
    return groups.get();
  }

  // Updates the articles of one changed file: deletes those it no longer holds, replaces its
  // new or changed ones by id, and then records its content hash. Until that hash is written
  // the file is marked pending, so that a run killed in between reads it again.
  Status WriteFile(FileResult&& file) {
    if (file.unchanged) return Status::OK();
    const std::string key = FileHashKey(file.file_term);
    try {
      writer.SetMetadata(key, kFileHashPending);
      if (file.replace_all) writer.Delete(file.file_term);
      for (const std::string& id_term : file.gone) {
        if (!id_term.empty()) writer.Delete(id_term);
      }
    } catch (...) {
      return StatusFromCurrentException("cannot replace " + file.file_term.substr(2), dir);
    }
    for (BuiltDocument& doc : file.documents) {
      if (Status s = Write(std::move(doc)); !s.ok()) return s;
    }
    try {
      writer.SetMetadata(key, file.hash);
    } catch (...) {
      return StatusFromCurrentException("cannot replace " + file.file_term.substr(2), dir);
    }
    return Status::OK();
  }

  size_t Threads() const {
    if (options.threads > 0) return static_cast<size_t>(options.threads);
    return std::max(1u, std::thread::hardware_concurrency());
  }

  Status Commit() {
    try {
      writer.Commit();
      pending = 0;
      return Status::OK();
    } catch (...) {
      return StatusFromCurrentException("cannot commit", dir);
    }
  }

  // The worker threads write shards of their own into a new index: every file is new, so no
  // article needs looking up. Into an index that holds articles, the calling thread writes,
  // replacing each in the shard that holds it.
  bool WriteInParallel(size_t files) {
    return Threads() >= 2 && files >= 2 && writer.DocumentCount() == 0;
  }

  IndexOptions options;
  std::filesystem::path dir;
  std::unique_ptr<WriterLock> lock;
  ShardWriter writer;
  Analyser analyser;
  std::unique_ptr<EntityExtractor> entities;  // null when extraction is off
  DocumentBuilder builder;
  std::unique_ptr<DuplicateGroups> groups;  // made at the first article written
  size_t pending = 0;
};

namespace {

// How many files ahead of the workers the walk asks the kernel to read: at 2 ms an article,
// tens of milliseconds of warning, where a cold read takes a tenth of a millisecond.
constexpr size_t kFilesReadAhead = 32;

// Xapian's lock says that a writer exists, not which; Steppe leaves the writer's pid beside it
// so that the next one can say who holds the index.
std::filesystem::path PidFile(const std::filesystem::path& dir) {
  return dir / "steppe-writer.pid";
}

// AddOptions::strict stopped the run at `fatal`.
Status StrictStop(const Problem& fatal) {
  return Status::InvalidArgument("stopped at " + fatal.ToString() +
                                 " (AddOptions::strict makes problems fatal); fix it, or index "
                                 "without AddOptions::strict to skip such input");
}

Status BusyMessage(const std::filesystem::path& dir) {
  std::ifstream in(PidFile(dir));
  std::string pid;
  std::getline(in, pid);
  return Status::Busy(
      "index " + dir.string() + " is being written by another process" +
      (pid.empty() ? "" : " (pid " + pid + ")") +
      "; try again when it has finished, or wait for it (IndexOptions::wait_for_writer_seconds)");
}

// IoError when this user may not write the index at `dir` (or create it in its folder):
// Xapian would only say that it cannot take the write lock, or cannot open a table.
Status CheckWritable(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir, ec)) {
    const std::string why = WriteRefusal(dir);
    return why.empty() ? Status::OK() : ReadOnlyIndex(dir, why);
  }
  const std::filesystem::path parent = dir.parent_path().empty() ? "." : dir.parent_path();
  if (!std::filesystem::exists(parent, ec) || access(parent.c_str(), W_OK) == 0) {
    return Status::OK();  // Xapian creates it, or reports what is missing
  }
  const int error = errno;
  if (error != EACCES && error != EPERM && error != EROFS) return Status::OK();
  return Status::IoError("cannot create index " + dir.string() + ": cannot write " +
                         parent.string() + ": " + std::strerror(error) + "; choose another --db");
}

// Takes the writer's lock on `dir`, waiting up to `seconds` for another process to let go.
Status TakeLock(const std::filesystem::path& dir, double seconds,
                std::unique_ptr<WriterLock>* lock) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  Status s = WriterLock::Take(dir, lock);
  while (s.IsBusy() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    s = WriterLock::Take(dir, lock);
  }
  return s.IsBusy() ? BusyMessage(dir) : s;
}

// The index's own shards, read as one.
Xapian::Database ReadOwnShards(const std::filesystem::path& dir) {
  std::vector<OwnShard> shards;
  if (Status s = OwnShards(dir, &shards); !s.ok()) throw Xapian::DatabaseError(s.message());
  return OpenForReading(shards);
}

// An empty index takes this build's format (each new shard is marked); one with articles must
// have it.
Status CheckFormatOf(const std::filesystem::path& dir) {
  try {
    const Xapian::Database db = ReadOwnShards(dir);
    return db.get_doccount() == 0 ? Status::OK() : CheckFormat(db, dir);
  } catch (...) {
    return StatusFromCurrentException("cannot read the index's format", dir);
  }
}

// Whether `dir` holds an archive (its own shards; attached ones are not written).
bool IsArchiveAt(const std::filesystem::path& dir) {
  try {
    return IsIndexDir(dir) && IsArchive(ReadOwnShards(dir));
  } catch (const Xapian::Error&) {
    return false;  // no index there, or a broken one: opening it for writing says which
  }
}

Status ArchiveRefusal(const std::filesystem::path& dir) {
  return Status::InvalidArgument(
      "index " + dir.string() +
      " is an archive (compacted without the term lists that updates need), so it cannot be "
      "changed; index the files into a new index");
}

// A new index gets its first shard at once, so that searchers can open it empty.
Status CreateIfNew(const std::filesystem::path& dir) {
  if (IsIndexDir(dir)) return Status::OK();
  OwnShard shard;
  Xapian::WritableDatabase db;
  if (Status s = CreateShard(dir, &shard, &db); !s.ok()) return s;
  db.close();
  return Status::OK();
}

}  // namespace

Status Index::Open(const IndexOptions& options, const std::filesystem::path& dir,
                   std::unique_ptr<Index>* out) {
  std::error_code ec;
  if (!options.create_if_missing && !IsIndexDir(dir)) return NoIndexThere(dir);
  std::unique_ptr<EntityExtractor> entities;
  if (options.extract_entities) {
    Analyser analyser(20000);
    if (Status s = EntityExtractor::Create(options.gazetteer_file, &analyser, &entities); !s.ok()) {
      return s;
    }
  }
  if (IsArchiveAt(dir)) return ArchiveRefusal(dir);
  if (Status s = CheckWritable(dir); !s.ok()) return s;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status::IoError("cannot create index " + dir.string() + ": " + ec.message() +
                           "; choose another --db");
  }
  std::unique_ptr<WriterLock> lock;
  if (Status s = TakeLock(dir, options.wait_for_writer_seconds, &lock); !s.ok()) return s;
  std::ofstream(PidFile(dir)) << getpid() << "\n";
  RemoveUnlistedShards(dir);  // what a killed run or compaction left
  Status s = CreateIfNew(dir);
  if (s.ok()) s = CheckFormatOf(dir);
  if (!s.ok()) {
    std::filesystem::remove(PidFile(dir), ec);
    return s;
  }
  out->reset(new Index(std::make_unique<Impl>(options, dir, std::move(lock), std::move(entities))));
  return Status::OK();
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

Index::~Index() {
  if (!impl_) return;
  try {
    // Xapian's destructor would commit too, but swallow any error silently; this is the same,
    // and the header tells callers to Commit() when they care.
    impl_->writer.Release();
  } catch (const Xapian::Error&) {
    // Nothing left to report to.
  }
  // The pid file goes first: removed after the lock, it could be the next writer's.
  std::error_code ec;
  std::filesystem::remove(PidFile(impl_->dir), ec);
}

Status Index::AddPath(const AddOptions& options, const std::filesystem::path& path,
                      IndexStats* stats) {
  IndexStats uncounted;
  if (stats == nullptr) stats = &uncounted;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && !ec) {
    return Status::NotFound("cannot index " + path.string() +
                            ": no such file or folder; check the path");
  }
  // Counted first, for progress and the choice of writers; the files are then walked again
  // as the workers need them, so the run never holds the whole list.
  uint64_t total_bytes = 0;
  const size_t total = CountArticleFiles(path, &total_bytes);
  ArticleFileWalk files(path);
  files.ReadAhead(kFilesReadAhead);
  // The workers compare files with the last commit, so what an earlier call wrote is
  // committed first.
  if (Status s = impl_->Commit(); !s.ok()) return s;
  bool parallel = false;
  std::optional<ShardPool> pool;
  try {
    parallel = impl_->WriteInParallel(total);
    if (parallel) {
      impl_->Groups();          // read from the shards before the workers take them
      impl_->writer.Release();  // the workers write the index's empty shards first
      pool.emplace(impl_->dir);
    }
  } catch (...) {
    return StatusFromCurrentException("cannot open the index's shards", impl_->dir);
  }
  size_t problems = 0;
  DocumentPipeline pipeline({.threads = std::max<size_t>(1, std::min(impl_->Threads(), total)),
                             .cache_entries = impl_->options.word_cache_entries,
                             .max_file_bytes = impl_->options.max_file_bytes,
                             .index_dir = impl_->dir,
                             .entities = impl_->entities.get(),
                             .pool = parallel ? &*pool : nullptr,
                             .groups = parallel ? impl_->groups.get() : nullptr,
                             .docs_per_commit = impl_->options.docs_per_commit,
                             .docs_per_shard = impl_->options.docs_per_shard});
  DocumentPipeline::Counts counts;
  std::optional<Problem> fatal;  // with AddOptions::strict, the first problem stops the run
  Status s = pipeline.Run(
      &files,
      [&](const Problem& p) {
        ++problems;
        ++stats->problems;
        if (options.on_problem) options.on_problem(p);
        if (options.strict && !fatal) fatal = p;
      },
      [&](FileResult&& file) {
        if (fatal) {
          return StrictStop(*fatal);
        }
        return parallel ? Status::OK() : impl_->WriteFile(std::move(file));
      },
      [&](const DocumentPipeline::Counts& c, size_t done) {
        // Files added since the count make `done` pass `total`; the count is an estimate.
        if (options.on_progress) {
          options.on_progress({.files_done = done,
                               .files_total = std::max(total, done),
                               .bytes_done = c.bytes,
                               .bytes_total = std::max(total_bytes, c.bytes),
                               .articles_done = c.read});
        }
      },
      &counts);
  stats->indexed += counts.read;
  stats->unchanged += counts.unchanged;
  stats->unchanged_articles += counts.same_records;
  stats->removed += counts.removed;
  stats->skipped += counts.skipped;
  if (total == 0 && problems > 0) ++stats->skipped;  // a missing path, an unreadable folder
  if (s.ok() && fatal) {
    s = StrictStop(*fatal);
  }
  return s;
}

Status Index::Prune(const std::filesystem::path& path, IndexStats* stats) {
  IndexStats uncounted;
  if (stats == nullptr) stats = &uncounted;
  // Files are known by their canonical path, so every file under `path` shares its prefix.
  const std::string prefix = FileTerm(CanonicalPath(path));
  try {
    const Xapian::Database db = impl_->writer.View();
    std::vector<std::string> gone;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      const std::string file = (*it).substr(std::char_traits<char>::length(prefix::kFile));
      std::error_code ec;
      // A hashed term (a path too long to keep) cannot be checked: leave it.
      if (file.find('#') == std::string::npos && !std::filesystem::exists(file, ec)) {
        gone.push_back(*it);
      }
    }
    for (const std::string& term : gone) {
      stats->removed += db.get_termfreq(term);
      impl_->writer.Delete(term);
      impl_->writer.SetMetadata(FileHashKey(term), "");  // removes the entry
    }
    return Status::OK();
  } catch (...) {
    return StatusFromCurrentException("cannot prune " + path.string(), impl_->dir);
  }
}

Status Index::AddArticle(const Article& article) { return impl_->Add(article); }

Status Index::Commit() { return impl_->Commit(); }

size_t Index::document_count() const {
  try {
    return impl_->writer.DocumentCount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

namespace {

// Removes the term lists of the archive at `dir`'s own shards: what a compaction cut short
// left to do.
Status FinishArchive(const std::filesystem::path& dir) {
  std::vector<OwnShard> shards;
  if (Status s = OwnShards(dir, &shards); !s.ok()) return s;
  for (const OwnShard& shard : shards) {
    std::error_code ec;
    std::filesystem::remove(shard.path / "termlist.glass", ec);
    if (ec) {
      return Status::IoError("cannot remove " + (shard.path / "termlist.glass").string() + ": " +
                             ec.message() + "; fix that and compact it as an archive again");
    }
  }
  return Status::OK();
}

}  // namespace

Status Index::Compact(const std::filesystem::path& dir, const CompactOptions& options,
                      CompactStats* stats) {
  CompactStats ignored;
  if (stats == nullptr) stats = &ignored;
  if (!IsIndexDir(dir)) return NoIndexThere(dir);
  if (const std::string why = WriteRefusal(dir); !why.empty()) return ReadOnlyIndex(dir, why);
  std::unique_ptr<WriterLock> lock;  // keeps writers out while the copy is made
  if (Status s = TakeLock(dir, 0, &lock); !s.ok()) return s;
  stats->bytes_before = DirectorySize(dir);
  // An archive was never written since it was compacted: at most, finish it.
  Status s = IsArchiveAt(dir) ? FinishArchive(dir) : CompactShards(dir, options.archive);
  if (!s.ok()) return s;
  stats->bytes_after = DirectorySize(dir);
  return ForeignShards(dir, &stats->skipped);
}

}  // namespace steppe
