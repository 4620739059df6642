// SPDX-License-Identifier: Apache-2.0
#include "index/shard_writer.h"

#include "util/xapian_errors.h"

namespace steppe {

namespace {

// A Status from the shard functions, thrown as Xapian's errors are.
void ThrowIfFailed(const Status& s) {
  if (!s.ok()) throw Xapian::DatabaseError(s.message());
}

}  // namespace

void ShardWriter::Open() {
  if (opened_) return;
  std::vector<OwnShard> own;
  ThrowIfFailed(OwnShards(dir_, &own));
  for (size_t i = 0; i < own.size(); ++i) {
    Xapian::WritableDatabase db = OpenForWriting(own[i]);
    if (i + 1 == own.size() && db.get_doccount() < cap_) {
      open_ = std::move(db);
    } else {
      full_.add_database(db);
      ++full_count_;
    }
  }
  opened_ = true;
}

void ShardWriter::StartShard() {
  if (open_) {
    open_->commit();
    full_.add_database(*open_);
    ++full_count_;
    open_.reset();
  }
  OwnShard shard;
  Xapian::WritableDatabase db;
  ThrowIfFailed(CreateShard(dir_, &shard, &db));
  open_ = std::move(db);
}

void ShardWriter::Replace(const std::string& id_term, const Xapian::Document& doc) {
  Open();
  if (open_ && open_->term_exists(id_term)) {
    open_->replace_document(id_term, doc);
  } else if (full_count_ > 0 && full_.term_exists(id_term)) {
    full_.replace_document(id_term, doc);  // in the shard that holds it
  } else {
    if (!open_ || open_->get_doccount() >= cap_) StartShard();
    open_->add_document(doc);
  }
}

void ShardWriter::Delete(const std::string& term) {
  Open();
  if (open_) open_->delete_document(term);
  if (full_count_ > 0) full_.delete_document(term);
}

void ShardWriter::SetMetadata(const std::string& key, const std::string& value) {
  Open();
  if (full_count_ == 0 && !open_) StartShard();
  // A database of several shards keeps metadata in its first, as a reader's does.
  (full_count_ > 0 ? full_ : *open_).set_metadata(key, value);
}

Xapian::Database ShardWriter::View() {
  Open();
  Xapian::Database all;
  if (full_count_ > 0) all.add_database(full_);
  if (open_) all.add_database(*open_);
  return all;
}

size_t ShardWriter::DocumentCount() { return View().get_doccount(); }

void ShardWriter::Commit() {
  if (!opened_) return;
  if (full_count_ > 0) full_.commit();
  if (open_) open_->commit();
}

void ShardWriter::Release() {
  if (!opened_) return;
  Commit();
  if (full_count_ > 0) full_.close();
  if (open_) open_->close();
  full_ = Xapian::WritableDatabase();
  full_count_ = 0;
  open_.reset();
  opened_ = false;
}

Status ShardPool::Take(Xapian::WritableDatabase* db, std::filesystem::path* path) {
  std::lock_guard lock(mu_);
  try {
    if (!listed_) {
      std::vector<OwnShard> own;
      if (Status s = OwnShards(dir_, &own); !s.ok()) return s;
      for (const OwnShard& shard : own) {
        if (OpenForReading({shard}).get_doccount() == 0) empty_.push_back(shard);
      }
      listed_ = true;
    }
    if (!empty_.empty()) {
      *path = empty_.front().path;
      *db = OpenForWriting(empty_.front());
      empty_.erase(empty_.begin());
      return Status::OK();
    }
  } catch (...) {
    return StatusFromCurrentException("cannot open a shard", dir_);
  }
  OwnShard shard;
  if (Status s = CreateShard(dir_, &shard, db); !s.ok()) return s;
  *path = shard.path;
  return Status::OK();
}

}  // namespace steppe
