// SPDX-License-Identifier: Apache-2.0
#include "steppe/status.h"

namespace steppe {
namespace {

const char* CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kNotFound:
      return "NotFound";
    case Status::Code::kInvalidArgument:
      return "InvalidArgument";
    case Status::Code::kInvalidQuery:
      return "InvalidQuery";
    case Status::Code::kBusy:
      return "Busy";
    case Status::Code::kCorruption:
      return "Corruption";
    case Status::Code::kIoError:
      return "IoError";
    case Status::Code::kInternal:
      return "Internal";
  }
  return "Unknown";
}

}  // namespace

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(CodeName(code_)) + ": " + message_;
}

std::string Problem::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": " + reason;
  if (!hint.empty()) out += "; " + hint;
  return out;
}

}  // namespace steppe
