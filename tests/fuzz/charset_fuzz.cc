// SPDX-License-Identifier: Apache-2.0
// Charset detection and conversion: any bytes in, valid UTF-8 (or a refusal) out.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "read/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string out;
  std::vector<steppe::Problem> problems;
  const bool text =
      steppe::DecodeToUtf8(steppe::fuzz::AsText(data, size), "fuzz.txt", &out, &problems);
  STEPPE_FUZZ_CHECK(steppe::fuzz::IsValidUtf8(out));
  if (!text) STEPPE_FUZZ_CHECK(out.empty() && !problems.empty());
  // A problem is about the whole file (line 0) or names a line of it.
  const int lines = 1 + static_cast<int>(std::count(data, data + size, '\n'));
  for (const steppe::Problem& p : problems) {
    STEPPE_FUZZ_CHECK(p.file == "fuzz.txt" && p.line >= 0 && p.line <= lines && !p.reason.empty());
  }
  return 0;
}
