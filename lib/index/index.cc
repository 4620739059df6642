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
#include "index/format.h"
#include "index/near_duplicates.h"
#include "index/prefixes.h"
#include "index/shards.h"
#include "read/reader.h"
#include "read/walk.h"
#include "util/directory_size.h"
#include "util/xapian_errors.h"

namespace steppe {

struct Index::Impl {
  Impl(const IndexOptions& o, const std::filesystem::path& d, Xapian::WritableDatabase database,
       std::unique_ptr<EntityExtractor> extractor)
      : options(o),
        dir(d),
        db(std::move(database)),
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
      AssignDuplicateGroup(db, &built.document);
      db.replace_document(built.id_term, built.document);
      if (++pending >= options.docs_per_commit) return Commit();
      return Status::OK();
    } catch (...) {
      return StatusFromCurrentException("cannot write " + built.id_term.substr(1), dir);
    }
  }

  // Updates the articles of one changed file: deletes those it no longer holds, replaces its
  // new or changed ones by id, and then records its content hash. Until that hash is written
  // the file is marked pending, so that a run killed in between reads it again.
  Status WriteFile(FileResult&& file) {
    if (file.unchanged) return Status::OK();
    const std::string key = FileHashKey(file.file_term);
    try {
      db.set_metadata(key, kFileHashPending);
      if (file.replace_all) db.delete_document(file.file_term);
      for (Xapian::docid doc : file.gone) DeleteIfThere(doc);
    } catch (...) {
      return StatusFromCurrentException("cannot replace " + file.file_term.substr(2), dir);
    }
    for (BuiltDocument& doc : file.documents) {
      if (Status s = Write(std::move(doc)); !s.ok()) return s;
    }
    try {
      db.set_metadata(key, file.hash);
    } catch (...) {
      return StatusFromCurrentException("cannot replace " + file.file_term.substr(2), dir);
    }
    return Status::OK();
  }

  // A document known from the last commit may be gone already: a file reached twice.
  void DeleteIfThere(Xapian::docid doc) {
    try {
      db.delete_document(doc);
    } catch (const Xapian::DocNotFoundError&) {
    }
  }

  size_t Threads() const {
    if (options.threads > 0) return static_cast<size_t>(options.threads);
    return std::max(1u, std::thread::hardware_concurrency());
  }

  Status Commit() {
    try {
      db.commit();
      pending = 0;
      return Status::OK();
    } catch (...) {
      return StatusFromCurrentException("cannot commit", dir);
    }
  }

  // Shards pay off for a big job on an empty index: with documents already there, a merge
  // would rewrite them all, and the single writer replaces in place.
  bool UseShards(size_t files) {
    return Threads() >= 2 && files >= kMinFilesToShard && db.get_doccount() == 0;
  }

  // Merges the shards under dir/shards (this run's, or a killed run's) into the index, and
  // reopens it: the merged copy has taken the old directory's place. Tells call.on_merge.
  Status MergeShards(const AddOptions& call) {
    const std::vector<std::filesystem::path> shards = LeftoverShards(dir);
    if (shards.empty()) return Status::OK();
    if (Status s = Commit(); !s.ok()) return s;
    if (call.on_merge) call.on_merge(shards.size());
    std::vector<std::filesystem::path> sources;
    if (db.get_doccount() > 0) sources.push_back(dir);
    sources.insert(sources.end(), shards.begin(), shards.end());
    if (Status s = MergeIntoPlace(dir, sources); !s.ok()) return s;
    return Reopen();
  }

  Status Reopen();

  // Fewer files than this are written by one writer: a merge is not worth it.
  static constexpr size_t kMinFilesToShard = 64;

  IndexOptions options;
  std::filesystem::path dir;
  Xapian::WritableDatabase db;
  Analyser analyser;
  std::unique_ptr<EntityExtractor> entities;  // null when extraction is off
  DocumentBuilder builder;
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

Status OpenWritable(const IndexOptions& options, const std::filesystem::path& dir,
                    Xapian::WritableDatabase* db) {
  if (Status s = CheckWritable(dir); !s.ok()) return s;
  try {
    const int action = options.create_if_missing ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN;
    *db = Xapian::WritableDatabase(dir.string(), action);
    std::ofstream(PidFile(dir)) << getpid() << "\n";
    return Status::OK();
  } catch (const Xapian::DatabaseLockError& e) {
    if (!LockHeldByAnother(e.get_msg())) return ReadOnlyIndex(dir, e.get_msg());
    return BusyMessage(dir);
  } catch (...) {
    return StatusFromCurrentException("cannot open index for writing", dir);
  }
}

// A new index gets this build's format; an existing one must have it.
Status CheckOrMarkFormat(const std::filesystem::path& dir, Xapian::WritableDatabase* db) {
  try {
    if (db->get_doccount() == 0) {
      MarkFormat(db);
      return Status::OK();
    }
    return CheckFormat(*db, dir);
  } catch (...) {
    return StatusFromCurrentException("cannot read the index's format", dir);
  }
}

// Whether `dir` holds an archive. Read through a read-only handle: Xapian 1.4 cannot open an
// index without term lists for writing at all.
bool IsArchiveAt(const std::filesystem::path& dir) {
  try {
    return IsArchive(Xapian::Database(dir.string()));
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

}  // namespace

Status Index::Impl::Reopen() {
  IndexOptions existing = options;
  existing.create_if_missing = false;
  Xapian::WritableDatabase fresh;
  if (Status s = OpenWritable(existing, dir, &fresh); !s.ok()) return s;
  try {
    db.close();  // the old directory's, already replaced
  } catch (const Xapian::Error&) {
    // Nothing was pending: it was committed before the merge.
  }
  db = std::move(fresh);
  return Status::OK();
}

Status Index::Open(const IndexOptions& options, const std::filesystem::path& dir,
                   std::unique_ptr<Index>* out) {
  std::error_code ec;
  if (!options.create_if_missing && !std::filesystem::exists(dir, ec)) {
    return NoIndexThere(dir);
  }
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::duration<double>(options.wait_for_writer_seconds);
  std::unique_ptr<EntityExtractor> entities;
  if (options.extract_entities) {
    Analyser analyser(20000);
    if (Status s = EntityExtractor::Create(options.gazetteer_file, &analyser, &entities); !s.ok()) {
      return s;
    }
  }
  if (IsArchiveAt(dir)) return ArchiveRefusal(dir);
  Xapian::WritableDatabase db;
  Status s = OpenWritable(options, dir, &db);
  while (s.code() == Status::Code::kBusy && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    s = OpenWritable(options, dir, &db);
  }
  if (!s.ok()) return s;
  if (Status f = CheckOrMarkFormat(dir, &db); !f.ok()) {
    std::filesystem::remove(PidFile(dir), ec);
    return f;
  }
  out->reset(new Index(std::make_unique<Impl>(options, dir, std::move(db), std::move(entities))));
  return Status::OK();
}

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

Index::~Index() {
  if (!impl_) return;
  // Xapian's destructor would commit too, but swallow any error silently; this is the same,
  // and the header tells callers to Commit() when they care.
  (void)impl_->Commit();
  // The pid file goes first: removed after the lock, it could be the next writer's.
  std::error_code ec;
  std::filesystem::remove(PidFile(impl_->dir), ec);
  try {
    impl_->db.close();
  } catch (const Xapian::Error&) {
    // Nothing left to report to: the commit above already said what it could.
  }
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
  // Counted first, for progress and the choice of shards; the files are then walked again
  // as the workers need them, so the run never holds the whole list.
  uint64_t total_bytes = 0;
  const size_t total = CountArticleFiles(path, &total_bytes);
  ArticleFileWalk files(path);
  files.ReadAhead(kFilesReadAhead);
  // A killed run's shards first: their files are then known, and not read again. The workers
  // compare files with the last commit, so what an earlier call wrote is committed too.
  if (Status s = impl_->MergeShards(options); !s.ok()) return s;
  if (Status s = impl_->Commit(); !s.ok()) return s;  // nothing to do when nothing changed
  const bool sharded = impl_->UseShards(total);
  size_t problems = 0;
  DocumentPipeline pipeline({.threads = std::max<size_t>(1, std::min(impl_->Threads(), total)),
                             .cache_entries = impl_->options.word_cache_entries,
                             .max_file_bytes = impl_->options.max_file_bytes,
                             .index_dir = impl_->dir,
                             .entities = impl_->entities.get(),
                             .shard_dir = sharded ? ShardsDir(impl_->dir) : "",
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
        return sharded ? Status::OK() : impl_->WriteFile(std::move(file));
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
  if (sharded) {
    // What the shards hold is merged even after an error: it was committed.
    Status merged = impl_->MergeShards(options);
    if (s.ok()) s = merged;
  }
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
    std::vector<std::string> gone;
    for (auto it = impl_->db.allterms_begin(prefix); it != impl_->db.allterms_end(prefix); ++it) {
      const std::string file = (*it).substr(std::char_traits<char>::length(prefix::kFile));
      std::error_code ec;
      // A hashed term (a path too long to keep) cannot be checked: leave it.
      if (file.find('#') == std::string::npos && !std::filesystem::exists(file, ec)) {
        gone.push_back(*it);
      }
    }
    for (const std::string& term : gone) {
      stats->removed += impl_->db.get_termfreq(term);
      impl_->db.delete_document(term);
      impl_->db.set_metadata(FileHashKey(term), "");  // removes the entry
    }
    return Status::OK();
  } catch (...) {
    return StatusFromCurrentException("cannot prune " + path.string(), impl_->dir);
  }
}

Status Index::AddArticle(const Article& article) { return impl_->Add(article); }

Status Index::Commit() { return impl_->Commit(); }

size_t Index::document_count() const { return impl_->db.get_doccount(); }

namespace {

// Removes the term lists of the archive at `dir` (Xapian reads a glass database without
// termlist.glass; see DB_NO_TERMLIST in xapian/constants.h).
Status RemoveTermLists(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::remove(dir / "termlist.glass", ec);
  if (!ec) return Status::OK();
  return Status::IoError("cannot remove " + (dir / "termlist.glass").string() + ": " +
                         ec.message() + "; fix that and compact it as an archive again");
}

// Marks the compacted index at `dir` as an archive, then removes its term lists. Cut short
// in between, the next Compact finishes it.
Status MakeArchive(const std::filesystem::path& dir) {
  try {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_OPEN);
    db.set_metadata(kArchiveKey, "no term lists");
    db.commit();
    db.close();
  } catch (...) {
    return StatusFromCurrentException("cannot mark the index as an archive", dir);
  }
  return RemoveTermLists(dir);
}

}  // namespace

Status Index::Compact(const std::filesystem::path& dir, const CompactOptions& options,
                      CompactStats* stats) {
  CompactStats ignored;
  if (stats == nullptr) stats = &ignored;
  if (IsArchiveAt(dir)) {  // never written since it was compacted: at most, finish it
    stats->bytes_before = DirectorySize(dir);
    if (Status s = RemoveTermLists(dir); !s.ok()) return s;
    stats->bytes_after = DirectorySize(dir);
    return Status::OK();
  }
  if (const std::string why = WriteRefusal(dir); !why.empty()) return ReadOnlyIndex(dir, why);
  Xapian::WritableDatabase db;
  try {
    // Holding the write lock keeps writers out while the copy is made.
    db = Xapian::WritableDatabase(dir.string(), Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError& e) {
    if (!LockHeldByAnother(e.get_msg())) return ReadOnlyIndex(dir, e.get_msg());
    return BusyMessage(dir);
  } catch (...) {
    return StatusFromCurrentException("cannot compact", dir);
  }
  stats->bytes_before = DirectorySize(dir);
  // A killed run's shards go into the copy too: the old directory, with them, is removed.
  std::vector<std::filesystem::path> sources = {dir};
  for (const auto& shard : LeftoverShards(dir)) sources.push_back(shard);
  if (Status s = MergeIntoPlace(dir, sources); !s.ok()) return s;
  db.close();  // the old files' lock; the merged copy has taken their place
  if (options.archive) {
    if (Status s = MakeArchive(dir); !s.ok()) return s;
  }
  stats->bytes_after = DirectorySize(dir);
  return Status::OK();
}

}  // namespace steppe
