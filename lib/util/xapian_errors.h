// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_UTIL_XAPIAN_ERRORS_H_
#define STEPPE_LIB_UTIL_XAPIAN_ERRORS_H_

#include <filesystem>
#include <string>

#include "steppe/status.h"

namespace steppe {

// Converts the exception being handled (Xapian's, or a standard one) into a Status whose
// message starts with `what` and names `dir`. Call only from inside a catch block.
// std::bad_alloc is rethrown: it is the one exception Steppe lets escape.
Status StatusFromCurrentException(const std::string& what, const std::filesystem::path& dir);

// NotFound: "cannot open index DIR: no index there", for every call that opens one.
Status NoIndexThere(const std::filesystem::path& dir);

// Whether Xapian's DatabaseLockError message says that another writer holds the lock, rather
// than that the lock could not be taken at all (no permission, a read-only file system).
bool LockHeldByAnother(const std::string& lock_error_message);

// Why this user may not write the existing folder `dir` or one of the files in it (Xapian
// opens each table for writing), e.g. "cannot write DIR/iamglass: Permission denied"; empty
// when nothing refuses.
std::string WriteRefusal(const std::filesystem::path& dir);

// The IoError for an index this user may read but not change, `why` saying what refused.
Status ReadOnlyIndex(const std::filesystem::path& dir, const std::string& why);

}  // namespace steppe

#endif  // STEPPE_LIB_UTIL_XAPIAN_ERRORS_H_
