// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_FORMAT_H_
#define STEPPE_LIB_INDEX_FORMAT_H_

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

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

// The terms and hashes the writer stores and the searcher looks up (prefixes in
// index/prefixes.h): the contract between index/ and search/.

// Xapian terms may not exceed 245 bytes; longer words are junk (URLs, base64) anyway.
inline constexpr size_t kMaxTermBytes = 200;

// The unique id term of an article id ("Q" + id, hashed when too long for a Xapian term).
std::string IdTerm(std::string_view id);

// The term every article read from the file at canonical `path` carries.
std::string FileTerm(std::string_view path);

// "<FNV-1a 64 hex>:<size>" of a file's bytes: changes when the content does.
std::string ContentHash(std::string_view bytes);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_FORMAT_H_
