// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TESTS_FUZZ_FUZZ_UTIL_H_
#define STEPPE_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "steppe/status.h"
#include "util/utf8.h"

namespace steppe::fuzz {

// The fuzzer's bytes as text.
inline std::string_view AsText(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// The bytes as the readers get them after DecodeToUtf8: valid UTF-8.
inline std::string AsUtf8(const uint8_t* data, size_t size) {
  std::string text(AsText(data, size));
  RepairUtf8(&text);
  return text;
}

// Stops the run, so that libFuzzer saves the input, when an invariant does not hold.
#define STEPPE_FUZZ_CHECK(cond)                                                         \
  do {                                                                                  \
    if (!(cond)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                                     \
    }                                                                                   \
  } while (false)

inline bool IsValidUtf8(std::string_view text) {
  std::string copy(text);
  return RepairUtf8(&copy) == 0;
}

// The lines of `text`, counting a lone CR as a line end as CleanText does.
inline size_t CountLines(std::string_view text) {
  size_t lines = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    lines += text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
  }
  return lines;
}

// Every problem names the file, has a reason, and a line from 0 (the whole file) to
// `max_line`.
inline void CheckProblems(const std::vector<Problem>& problems, const std::string& path,
                          size_t max_line) {
  for (const Problem& p : problems) {
    STEPPE_FUZZ_CHECK(p.file == path);
    STEPPE_FUZZ_CHECK(!p.reason.empty());
    STEPPE_FUZZ_CHECK(p.line >= 0 && static_cast<size_t>(p.line) <= max_line);
  }
}

}  // namespace steppe::fuzz

#endif  // STEPPE_TESTS_FUZZ_FUZZ_UTIL_H_
