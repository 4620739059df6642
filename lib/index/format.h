// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_FORMAT_H_
#define STEPPE_LIB_INDEX_FORMAT_H_

#include <xapian.h>

#include <filesystem>

#include "steppe/status.h"

// Which terms an index holds changes between versions of Steppe; a query built for other
// terms would quietly miss spellings. So the index records the version of its terms, and a
// reader or writer of another version stops with a message that says to rebuild.
namespace steppe {

// The metadata key, and the version this build writes. Version 1 (no key) had spelling-key
// terms (XK); version 2 finds spellings through one name term per key (XW key:exact);
// version 3 keys more schemes (tch, dj, ts, ou, w as у, sch as ж) and gives ordinary words
// (the dictionary's) no XW terms.
inline constexpr char kFormatKey[] = "steppe.format";
inline constexpr char kFormat[] = "3";

// Set on an index that `steppe compact --archive` wrote without its per-article term lists:
// Xapian cannot replace or delete an article without them, so such an index is read-only.
inline constexpr char kArchiveKey[] = "steppe.archive";

// Whether `db` is such an archive.
bool IsArchive(const Xapian::Database& db);

// Records kFormat in *db; it is written with the next commit.
void MarkFormat(Xapian::WritableDatabase* db);

// OK for an empty index or one of this build's format; otherwise says how to rebuild `dir`.
Status CheckFormat(const Xapian::Database& db, const std::filesystem::path& dir);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_FORMAT_H_
