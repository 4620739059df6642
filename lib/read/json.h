// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_JSON_H_
#define STEPPE_LIB_READ_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "steppe/status.h"

namespace steppe {

struct JsonMember;

// One parsed JSON value. Only the members for its type are set.
struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  // The decoded text of a string, or the source text of a number (so "2024" stays "2024").
  std::string text;
  std::vector<JsonValue> array;
  std::vector<JsonMember> object;  // in source order; duplicates are kept

  // The value of the first member named `key` of an object, or nullptr.
  const JsonValue* Find(std::string_view key) const;
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// Nesting deeper than this is rejected, so hostile input cannot exhaust the stack.
inline constexpr int kMaxJsonDepth = 64;

// Parses `text` as exactly one JSON value (RFC 8259), with optional surrounding whitespace.
// On error returns InvalidArgument "column N: reason", N counting characters from 1, and
// leaves *out unspecified. A lone surrogate escape decodes to U+FFFD, as the RFC allows.
// REQUIRES: `text` is valid UTF-8.
Status ParseJson(std::string_view text, JsonValue* out);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_JSON_H_
