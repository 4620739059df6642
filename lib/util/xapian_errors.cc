// SPDX-License-Identifier: Apache-2.0
#include "util/xapian_errors.h"

#include <xapian.h>

#include <exception>
#include <new>

namespace steppe {

Status NoIndexThere(const std::filesystem::path& dir) {
  return Status::NotFound("cannot open index " + dir.string() + ": no index there");
}

Status StatusFromCurrentException(const std::string& what, const std::filesystem::path& dir) {
  const std::string where = what + ": index " + dir.string() + ": ";
  try {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const Xapian::DatabaseLockError& e) {
    return Status::Busy(where +
                        "it is being written by another process; try again when "
                        "that process has finished");
  } catch (const Xapian::DatabaseNotFoundError& e) {
    return Status::NotFound(where + "no index there");
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corruption(where + e.get_msg() + "; check it, or index the files again");
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::NotFound(where + e.get_msg() + "; check the path");
  } catch (const Xapian::QueryParserError& e) {
    return Status::InvalidQuery(where + e.get_msg() + "; check quotes and brackets");
  } catch (const Xapian::DatabaseError& e) {
    return Status::IoError(where + e.get_description() + "; check the disk and permissions");
  } catch (const Xapian::Error& e) {
    return Status::Internal(where + e.get_description() + "; please report this");
  } catch (const std::filesystem::filesystem_error& e) {
    return Status::IoError(where + e.what() + "; check the path and permissions");
  } catch (const std::exception& e) {
    return Status::Internal(where + e.what() + "; please report this");
  }
}

}  // namespace steppe
