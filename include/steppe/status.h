// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_STATUS_H_
#define STEPPE_STATUS_H_

#include <string>

#include "steppe/export.h"

namespace steppe {

// The outcome of a call. Steppe reports every failure through a Status, never an exception
// (only std::bad_alloc escapes). Messages read "what failed: where: why; what to do next",
// in the library's terms (Options fields, not command-line flags).
class [[nodiscard]] STEPPE_EXPORT Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // a database, file or document is not there
    kInvalidArgument,  // a caller's value is malformed (a date, an option)
    kInvalidQuery,     // the query text cannot be parsed; the message names the column
    kBusy,             // another process is writing the index
    kCorruption,       // the index is damaged; run `steppe check`
    kIoError,          // reading or writing a file failed
    kInternal,         // a bug in Steppe; please report it
  };

  // Creates a success status.
  Status() = default;

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status InvalidQuery(std::string msg) {
    return Status(Code::kInvalidQuery, std::move(msg));
  }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // One predicate per code, as in LevelDB: `if (s.IsNotFound()) ...`.
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsInvalidArgument() const { return code_ == Code::kInvalidArgument; }
  bool IsInvalidQuery() const { return code_ == Code::kInvalidQuery; }
  bool IsBusy() const { return code_ == Code::kBusy; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsIoError() const { return code_ == Code::kIoError; }
  bool IsInternal() const { return code_ == Code::kInternal; }
  // The human-readable message; empty on success.
  const std::string& message() const { return message_; }
  // "OK", or the code's name and the message, e.g. "NotFound: index ./db: ...".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// One problem with one input item (a file, a line, a record) that was reported and skipped
// or repaired while the run went on: delivered to AddOptions::on_problem and counted in
// IndexStats. Searcher::Check reports what it finds in an index the same way.
struct STEPPE_EXPORT Problem {
  std::string file;    // the input file, as given
  int line = 0;        // 1-based line in `file`, or 0 when the problem is about the whole file
  std::string reason;  // what is wrong, e.g. "bad date '2024-13-01'"
  std::string hint;    // what to do next, e.g. "write dates as YYYY, YYYY-MM or YYYY-MM-DD"

  // "file:line: reason; hint".
  std::string ToString() const;
};

}  // namespace steppe

#endif  // STEPPE_STATUS_H_
