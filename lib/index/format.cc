// SPDX-License-Identifier: Apache-2.0
#include "index/format.h"

#include <string>

namespace steppe {

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
