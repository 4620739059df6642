// SPDX-License-Identifier: Apache-2.0
#include "index/document_pipeline.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "analyse/analyser.h"
#include "index/document_builder.h"
#include "index/facets_value.h"
#include "index/near_duplicates.h"
#include "index/prefixes.h"
#include "index/shard_writer.h"
#include "read/reader.h"
#include "read/walk.h"
#include "util/xapian_errors.h"

namespace steppe {
namespace {

// What a worker hands the writer: a file's documents, a problem, "this file was skipped", or
// the error that stopped the worker's shard.
struct Skipped {};
struct BytesRead {  // part of a big file read: progress within it
  uint64_t bytes;
};
using Item = std::variant<FileResult, Problem, Skipped, Status, BytesRead>;

// A bounded queue, so that fast readers cannot fill memory while the writer commits.
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}

  void Push(Item item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  // Waits for an item; returns false once every producer is done and the queue is empty.
  bool Pop(Item* item) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  void AddProducer() {
    std::lock_guard lock(mu_);
    ++producers_;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    if (--producers_ == 0) not_empty_.notify_all();
  }
  // Drops what is queued and unblocks producers: the writer has stopped.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    items_.clear();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Item> items_;
  size_t capacity_;
  size_t producers_ = 0;
  bool closed_ = false;
};

// The content hash of the file as at the last commit, or "" when it must be read again: its
// metadata entry, else (for an index built in shards) the value stored with its documents.
std::string IndexedHash(Xapian::Database* db, const std::string& file_term) {
  if (db == nullptr) return "";
  try {
    const std::string hash = db->get_metadata(FileHashKey(file_term));
    if (hash == kFileHashPending) return "";
    if (!hash.empty()) return hash;
    Xapian::PostingIterator it = db->postlist_begin(file_term);
    if (it == db->postlist_end(file_term)) return "";
    return db->get_document(*it).get_value(slot::kFileHash);
  } catch (const Xapian::Error&) {
    return "";  // cannot tell: read the file again
  }
}

// The file's documents at the last commit: by docid, and by the line of the record each was
// read from, with the hash of that record (slot::kRecordHash holds "<line>:<hash>").
class IndexedRecords {
 public:
  IndexedRecords(Xapian::Database* db, const std::string& file_term) {
    if (db == nullptr) return;
    try {
      Xapian::ValueIterator value = db->valuestream_begin(slot::kRecordHash);
      for (auto it = db->postlist_begin(file_term); it != db->postlist_end(file_term); ++it) {
        docs_.push_back(*it);
        if (value == db->valuestream_end(slot::kRecordHash)) continue;
        value.skip_to(*it);
        if (value == db->valuestream_end(slot::kRecordHash) || value.get_docid() != *it) continue;
        const std::string entry = *value;
        const size_t colon = entry.find(':');
        if (colon == std::string::npos) continue;
        lines_[std::atoi(entry.c_str())] = {*it, entry.substr(colon + 1)};
      }
      known_ = true;
    } catch (const Xapian::Error&) {
      docs_.clear();  // cannot tell: every article is built again
      lines_.clear();
    }
  }

  // Whether the file's documents could be listed (false without an index to read).
  bool known() const { return known_; }

  // The document of the record on `line` (0 if none), and whether it was read from a record
  // with `hash`.
  Xapian::docid Find(int line, const std::string& hash, bool* same) const {
    const auto it = lines_.find(line);
    *same = it != lines_.end() && it->second.hash == hash;
    return it == lines_.end() ? 0 : it->second.doc;
  }

  // The file's documents that are not in `kept` (sorted).
  std::vector<Xapian::docid> Others(const std::vector<Xapian::docid>& kept) const {
    std::vector<Xapian::docid> gone;
    std::set_difference(docs_.begin(), docs_.end(), kept.begin(), kept.end(),
                        std::back_inserter(gone));
    return gone;
  }

 private:
  struct Record {
    Xapian::docid doc;
    std::string hash;
  };
  std::vector<Xapian::docid> docs_;  // ascending, as posting lists are
  std::unordered_map<int, Record> lines_;
  bool known_ = false;
};

// The line an article's id ends with ("<path>:<line>"), or 0 for a one-article file.
int LineOf(const std::string& id, const std::string& file_id) {
  if (id.size() <= file_id.size() + 1 || id[file_id.size()] != ':') return 0;
  return std::atoi(id.c_str() + file_id.size() + 1);
}

// The id term of document `doc` of `db`.
std::string IdTermOf(Xapian::Database* db, Xapian::docid doc) {
  Xapian::TermIterator term = db->termlist_begin(doc);
  term.skip_to(prefix::kId);
  if (term == db->termlist_end(doc) || !(*term).starts_with(prefix::kId)) return "";
  return *term;
}

// The files this run has taken: a file reached twice (through a link) is read once. Kept as
// 64-bit hashes of their terms, 32 bytes a file where the paths would take a hundred or more;
// two paths of one run share a hash with odds of about 1 in 10^7 at 10^6 files.
class ClaimedFiles {
 public:
  // Whether `file_term` was not taken before.
  bool Claim(const std::string& file_term) {
    const uint64_t hash = std::hash<std::string>()(file_term);
    std::lock_guard lock(mu_);
    return claimed_.insert(hash).second;
  }

 private:
  std::mutex mu_;
  std::unordered_set<uint64_t> claimed_;
};

// What a worker keeps: its analyser, its view of the index's last commit, and its shard.
struct Worker {
  explicit Worker(const DocumentPipeline::Settings& s)
      : analyser(s.cache_entries), builder(&analyser, s.entities), index_dir(s.index_dir) {
    OpenKnown();
  }

  // The index's last commit: reopened, or opened again from the manifest when the writer has
  // replaced a shard (a full one, compacted). Null when it cannot be read: every file is read.
  Xapian::Database* Known() {
    try {
      if (known) {
        known->reopen();
        return &*known;
      }
    } catch (const Xapian::Error&) {
    }
    OpenKnown();
    return known ? &*known : nullptr;
  }

  void OpenKnown() {
    known.reset();
    std::vector<OwnShard> shards;
    if (index_dir.empty() || !OwnShards(index_dir, &shards).ok()) return;
    try {
      known.emplace(OpenForReading(shards));
    } catch (const Xapian::Error&) {
      // Cannot tell what is indexed: every file is read.
    }
  }

  // Writes a file's documents into this worker's shard, committing only between files, so that
  // a shard never holds part of a file. A shard is new, so documents are added, not replaced
  // by id: looking each id up costs a B-tree search per article. A full shard is closed and
  // rewritten compactly, and the next file goes to a new one.
  Status Write(const DocumentPipeline::Settings& settings, FileResult* result) {
    if (result->documents.empty()) return Status::OK();
    if (!shard) {
      if (Status s = settings.pool->Take(&shard.emplace(), &shard_path); !s.ok()) {
        shard.reset();
        return s;
      }
      pending = shard_docs = 0;
    }
    try {
      for (BuiltDocument& built : result->documents) {
        settings.groups->Assign(&built.document);
        AddFacetsValue(&built.document);
        shard->add_document(built.document);
      }
      pending += result->documents.size();
      shard_docs += result->documents.size();
      result->documents.clear();
      if (pending >= settings.docs_per_commit) {
        shard->commit();
        pending = 0;
      }
    } catch (...) {
      return StatusFromCurrentException("cannot write a shard", shard_path);
    }
    if (shard_docs < settings.docs_per_shard) return Status::OK();
    if (Status s = CloseShard(); !s.ok()) return s;
    return settings.pool->Seal(shard_path);  // full: rewritten compactly
  }

  // Commits and closes the shard.
  Status CloseShard() {
    try {
      shard->commit();
      shard->close();
      shard.reset();
      pending = 0;
      return Status::OK();
    } catch (...) {
      return StatusFromCurrentException("cannot commit a shard", shard_path);
    }
  }

  Analyser analyser;
  DocumentBuilder builder;
  std::filesystem::path index_dir;
  std::optional<Xapian::Database> known;
  std::optional<Xapian::WritableDatabase> shard;
  std::filesystem::path shard_path;
  size_t pending = 0;     // documents written to the shard since its last commit
  size_t shard_docs = 0;  // documents written to the shard in all
};

// Progress within a file: a big one is reported every this many articles.
constexpr size_t kArticlesPerProgress = 256;

void ReadAndBuild(const std::filesystem::path& file, const DocumentPipeline::Settings& settings,
                  ClaimedFiles* claimed, Worker* worker, Queue* queue) {
  std::string bytes;
  if (Status s = ReadFileBytes(file, settings.max_file_bytes, &bytes); !s.ok()) {
    queue->Push(Problem{file.string(), 0, s.message(), ""});
    queue->Push(Skipped{});
    return;
  }
  FileResult result;
  result.file_term = FileTerm(CanonicalPath(file));
  result.bytes = bytes.size();
  result.hash = ContentHash(bytes);
  if (!claimed->Claim(result.file_term)) {  // read already, under another name
    result.unchanged = true;
    queue->Push(std::move(result));
    return;
  }
  Xapian::Database* known = worker->Known();  // the last commit: this run's too
  if (IndexedHash(known, result.file_term) == result.hash) {
    result.unchanged = true;
    queue->Push(std::move(result));
    return;
  }
  // A new index (the only one written by the workers) has nothing to compare with.
  const IndexedRecords indexed(settings.pool ? nullptr : known, result.file_term);
  std::vector<Xapian::docid> kept;
  // A record of an export is compared by the hash of its text before it is read: an
  // unchanged one is never parsed or analysed. A one-article file is compared as an article.
  std::unordered_map<int, std::string> record_hashes;
  std::unordered_map<int, Xapian::docid> changed;  // line -> the document it replaces
  auto unread = [&](int line, std::string_view record) {
    std::string hash = ContentHash(record);
    bool same = false;
    const Xapian::docid doc = indexed.Find(line, hash, &same);
    if (same) {
      kept.push_back(doc);
      ++result.same_records;
      return false;
    }
    // Kept only if the record still gives an article (not if its JSON broke, say).
    if (doc != 0) changed[line] = doc;
    record_hashes[line] = std::move(hash);
    return true;
  };
  const std::string file_id = CanonicalPath(file);
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ParseArticles(file, std::move(bytes), FieldNames(), &articles, &problems, unread);
  for (Problem& p : problems) queue->Push(std::move(p));
  uint64_t reported = 0;
  for (size_t i = 0; i < articles.size(); ++i) {
    const Article& article = articles[i];
    const int line = LineOf(article.id, file_id);
    std::string hash;
    if (auto it = record_hashes.find(line); line > 0 && it != record_hashes.end()) {
      hash = it->second;
      if (auto c = changed.find(line); c != changed.end()) kept.push_back(c->second);
    } else {
      hash = RecordHash(article);
      bool same = false;
      if (const Xapian::docid doc = indexed.Find(line, hash, &same)) kept.push_back(doc);
      if (same) {
        ++result.same_records;
        continue;
      }
    }
    Xapian::Document doc = worker->builder.Build(article);
    doc.add_boolean_term(result.file_term);
    doc.add_value(slot::kFileHash, result.hash);
    doc.add_value(slot::kRecordHash, std::to_string(line) + ":" + hash);
    result.documents.push_back({IdTerm(article.id), std::move(doc)});
    if ((i + 1) % kArticlesPerProgress == 0 && i + 1 < articles.size()) {
      const uint64_t done = result.bytes * (i + 1) / articles.size();
      queue->Push(BytesRead{done - reported});
      reported = done;
    }
  }
  std::sort(kept.begin(), kept.end());
  result.replace_all = !indexed.known();
  try {
    for (Xapian::docid doc : indexed.Others(kept)) result.gone.push_back(IdTermOf(known, doc));
  } catch (const Xapian::Error&) {
    result.replace_all = true;  // cannot tell which went: the file is replaced whole
  }
  result.bytes -= reported;
  result.articles = result.documents.size();
  if (settings.pool) {
    if (Status s = worker->Write(settings, &result); !s.ok()) {
      queue->Push(std::move(s));
      return;
    }
  }
  queue->Push(std::move(result));
}

}  // namespace

std::string FileHashKey(const std::string& file_term) {
  // A metadata key is limited as a term is, and a file term may be near that limit.
  return "steppe.file:" + ContentHash(file_term);
}

std::string RecordHash(const Article& a) {
  std::string all;
  for (const std::string* field : {&a.id, &a.path, &a.title, &a.body, &a.source, &a.url, &a.lang}) {
    all.append(*field).push_back('\0');
  }
  all.append(a.date ? a.date->ToString() : "-").push_back('\0');
  for (const auto* list : {&a.companies, &a.places}) {
    for (const std::string& name : *list) all.append(name).push_back('\x1F');
    all.push_back('\0');
  }
  return ContentHash(all);
}

Status DocumentPipeline::Run(ArticleFileWalk* files,
                             const std::function<void(const Problem&)>& report,
                             const std::function<Status(FileResult&&)>& write,
                             const std::function<void(const Counts&, size_t)>& progress,
                             Counts* counts) {
  Queue queue(64);
  std::mutex walk_mu;
  bool stopped = false;  // under walk_mu: the writer failed, so no new files
  // The next file to read, or false at the end; the walk's problems go to the writer's thread.
  auto next_file = [&](std::filesystem::path* file) {
    std::vector<Problem> problems;
    bool more;
    {
      std::lock_guard lock(walk_mu);
      more = !stopped && files->Next(file, &problems);
    }
    for (Problem& p : problems) queue.Push(std::move(p));
    return more;
  };
  auto stop_walk = [&] {
    std::lock_guard lock(walk_mu);
    stopped = true;
  };
  ClaimedFiles claimed;
  std::vector<std::thread> workers;
  for (size_t t = 0; t < std::max<size_t>(1, settings_.threads); ++t) {
    queue.AddProducer();
    workers.emplace_back([&] {
      Worker worker(settings_);
      Status s;
      for (std::filesystem::path file; next_file(&file);) {
        ReadAndBuild(file, settings_, &claimed, &worker, &queue);
      }
      if (s.ok() && worker.shard) s = worker.CloseShard();
      if (!s.ok()) queue.Push(std::move(s));
      queue.ProducerDone();
    });
  }
  Status status;
  Item item;
  size_t files_done = 0;
  while (queue.Pop(&item)) {
    if (auto* file = std::get_if<FileResult>(&item)) {
      const bool unchanged = file->unchanged;
      const size_t documents = file->articles;
      const bool had_articles = documents + file->same_records > 0;
      counts->bytes += file->bytes;
      counts->same_records += file->same_records;
      counts->removed += file->gone.size();
      status = write(std::move(*file));
      if (!status.ok()) {
        stop_walk();
        queue.Close();
        break;
      }
      if (unchanged) {
        ++counts->unchanged;
      } else if (!had_articles) {
        ++counts->skipped;  // nothing in it could be read (binary, empty): reported already
      } else {
        counts->read += documents;
      }
      if (progress) progress(*counts, ++files_done);
    } else if (auto* problem = std::get_if<Problem>(&item)) {
      report(*problem);
    } else if (auto* part = std::get_if<BytesRead>(&item)) {
      counts->bytes += part->bytes;
      if (progress) progress(*counts, files_done);
    } else if (auto* failed = std::get_if<Status>(&item)) {
      status = std::move(*failed);
      stop_walk();
      queue.Close();
      break;
    } else {
      ++counts->skipped;
      if (progress) progress(*counts, ++files_done);
    }
  }
  for (std::thread& w : workers) w.join();
  return status;
}

}  // namespace steppe
