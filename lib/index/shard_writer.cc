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
      open_path_ = own[i].path;
    } else if (i == 0) {
      first_ = std::move(db);
    } else {
      middle_.add_database(db);
      ++middle_count_;
    }
  }
  opened_ = true;
}

std::vector<Xapian::WritableDatabase*> ShardWriter::Handles() {
  std::vector<Xapian::WritableDatabase*> handles;
  if (middle_count_ > 0) handles.push_back(&middle_);
  if (open_) handles.push_back(&*open_);
  if (first_) handles.push_back(&*first_);
  return handles;
}

void ShardWriter::StartShard() {
  if (open_) {
    // Full: it takes no new articles, so it is rewritten compactly, and then only replaces.
    if (middle_count_ > 0) middle_.commit();  // before the first shard's metadata, if it is this
    open_->commit();
    open_->close();
    std::filesystem::path sealed;
    ThrowIfFailed(SealShard(dir_, open_path_, nullptr, &sealed));
    std::optional<Xapian::WritableDatabase> full = OpenForWriting({sealed, sealed == dir_});
    open_.reset();
    if (!first_) {
      first_ = std::move(full);
    } else {
      middle_.add_database(*full);
      ++middle_count_;
    }
  }
  OwnShard shard;
  Xapian::WritableDatabase db;
  ThrowIfFailed(CreateShard(dir_, &shard, &db));
  open_ = std::move(db);
  open_path_ = shard.path;
}

void ShardWriter::Replace(const std::string& id_term, const Xapian::Document& doc) {
  Open();
  for (Xapian::WritableDatabase* db : Handles()) {
    if (db->term_exists(id_term)) {
      db->replace_document(id_term, doc);  // in the shard that holds it
      return;
    }
  }
  if (!open_ || open_->get_doccount() >= cap_) StartShard();
  open_->add_document(doc);
}

void ShardWriter::Delete(const std::string& term) {
  Open();
  for (Xapian::WritableDatabase* db : Handles()) db->delete_document(term);
}

void ShardWriter::SetMetadata(const std::string& key, const std::string& value) {
  Open();
  if (!first_ && !open_) StartShard();
  (first_ ? *first_ : *open_).set_metadata(key, value);
}

Xapian::Database ShardWriter::View() {
  Open();
  Xapian::Database all;
  for (Xapian::WritableDatabase* db : Handles()) all.add_database(*db);
  return all;
}

size_t ShardWriter::DocumentCount() { return View().get_doccount(); }

void ShardWriter::Commit() {
  if (!opened_) return;
  for (Xapian::WritableDatabase* db : Handles()) db->commit();  // the first shard last
}

void ShardWriter::Release() {
  if (!opened_) return;
  Commit();
  for (Xapian::WritableDatabase* db : Handles()) db->close();
  first_.reset();
  middle_ = Xapian::WritableDatabase();
  middle_count_ = 0;
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

Status ShardPool::Seal(const std::filesystem::path& path) {
  std::filesystem::path sealed;
  return SealShard(dir_, path, &mu_, &sealed);
}

}  // namespace steppe
