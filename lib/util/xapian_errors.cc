// SPDX-License-Identifier: Apache-2.0
#include "util/xapian_errors.h"

#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <new>
#include <vector>

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
    if (!LockHeldByAnother(e.get_msg())) return ReadOnlyIndex(dir, e.get_msg());
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

// Xapian 1.4 (FlintLock::throw_databaselockerror) says "already locked" only when another
// process holds the lock; it explains every other failure ("Couldn't open lockfile: ...").
bool LockHeldByAnother(const std::string& lock_error_message) {
  return lock_error_message.find("already locked") != std::string::npos;
}

std::string WriteRefusal(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths = {dir};
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) paths.push_back(entry.path());
  }
  for (const std::filesystem::path& path : paths) {
    if (access(path.c_str(), W_OK) == 0) continue;
    const int error = errno;
    if (error == EACCES || error == EPERM || error == EROFS) {
      return "cannot write " + path.string() + ": " + std::strerror(error);
    }
  }
  return "";
}

Status ReadOnlyIndex(const std::filesystem::path& dir, const std::string& why) {
  return Status::IoError("index " + dir.string() + " is read-only for this user: " + why +
                         "; search, show, stats and check still work; to change it, run as a "
                         "user who may write there, or index into a copy with --db");
}

}  // namespace steppe
