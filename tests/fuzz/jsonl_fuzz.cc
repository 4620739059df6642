// SPDX-License-Identifier: Apache-2.0
// The JSON Lines reader (and so the JSON parser) on UTF-8 text, as DecodeToUtf8 leaves it.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "read/json.h"
#include "read/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text = steppe::fuzz::AsUtf8(data, size);

  steppe::JsonValue value;
  const steppe::Status s = steppe::ParseJson(text, &value);
  STEPPE_FUZZ_CHECK(s.ok() || s.message().starts_with("column "));

  std::vector<steppe::Article> articles;
  std::vector<steppe::Problem> problems;
  steppe::ReadJsonLines(text, "fuzz.jsonl", "id", steppe::FieldNames(), &articles, &problems);
  // JSON Lines counts lines by LF only.
  size_t lines = 1;
  for (const char c : text) lines += c == '\n';
  steppe::fuzz::CheckProblems(problems, "fuzz.jsonl", lines);
  for (const steppe::Article& a : articles) {
    STEPPE_FUZZ_CHECK(a.id.starts_with("id:") && a.path == "fuzz.jsonl");
    STEPPE_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
    STEPPE_FUZZ_CHECK(std::stoul(a.id.substr(3)) >= 1 && std::stoul(a.id.substr(3)) <= lines);
  }
  return 0;
}
