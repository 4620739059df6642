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

}  // namespace steppe

#endif  // STEPPE_LIB_UTIL_XAPIAN_ERRORS_H_
