// SPDX-License-Identifier: Apache-2.0
#include "index/format.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "index/prefixes.h"

namespace steppe {
namespace {

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// prefix + value, or prefix + the value's tail and hash when too long for a Xapian term.
std::string BoundedTerm(const char* prefix, std::string_view value) {
  if (value.size() + std::strlen(prefix) <= kMaxTermBytes) return prefix + std::string(value);
  char hash[17];
  std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(Fnv1a(value)));
  return prefix + std::string(value.substr(value.size() - 150)) + "#" + hash;
}

}  // namespace

std::string IdTerm(std::string_view id) { return BoundedTerm(prefix::kId, id); }

std::string FileTerm(std::string_view path) { return BoundedTerm(prefix::kFile, path); }

std::string ContentHash(std::string_view bytes) {
  char hash[40];
  std::snprintf(hash, sizeof hash, "%016llx:%zu", static_cast<unsigned long long>(Fnv1a(bytes)),
                bytes.size());
  return hash;
}

void MarkFormat(Xapian::WritableDatabase* db) { db->set_metadata(kFormatKey, kFormat); }

bool IsArchive(const Xapian::Database& db) { return !db.get_metadata(kArchiveKey).empty(); }

Status CheckFormat(const Xapian::Database& db, const std::filesystem::path& dir) {
  if (db.get_doccount() == 0) return Status::OK();
  std::string found = db.get_metadata(kFormatKey);
  if (found == kFormat) return Status::OK();
  if (found.empty()) found = "1";
  return Status::InvalidArgument("index " + dir.string() + " has format " + found +
                                 ", and this Steppe reads format " + kFormat +
                                 "; rebuild it: move it aside and index the files again");
}

}  // namespace steppe
