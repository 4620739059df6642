// SPDX-License-Identifier: Apache-2.0
// The CSV reader on UTF-8 text, as DecodeToUtf8 leaves it.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "read/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = steppe::fuzz::AsUtf8(data, size);
  std::vector<steppe::Article> articles;
  std::vector<steppe::Problem> problems;
  steppe::ReadCsv(text, "fuzz.csv", "id", steppe::FieldNames(), &articles, &problems);
  size_t lines = 1;
  for (const char c : text) lines += c == '\n';
  steppe::fuzz::CheckProblems(problems, "fuzz.csv", lines);
  size_t previous = 0;
  for (const steppe::Article& a : articles) {
    STEPPE_FUZZ_CHECK(a.id.starts_with("id:") && a.path == "fuzz.csv");
    STEPPE_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
    // Rows come in file order, each from a line of its own.
    const size_t line = std::stoul(a.id.substr(3));
    STEPPE_FUZZ_CHECK(line > previous && line <= lines);
    previous = line;
  }
  return 0;
}
