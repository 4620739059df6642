// SPDX-License-Identifier: Apache-2.0
// The analyser on text as the readers hand it over (valid UTF-8, cleaned): segment, fold,
// stem, transliterate and key every word, in each of the three languages.
#include <cstddef>
#include <cstdint>

#include "analyse/analyser.h"
#include "fuzz_util.h"
#include "util/clean_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One analyser for the whole run, as an indexing thread keeps one: its cache is fuzzed too.
  static steppe::Analyser analyser(1000);
  if (size == 0) return 0;
  // The first byte picks the article's language; the rest is the text.
  const auto lang = static_cast<steppe::Lang>(data[0] % 3);
  const std::string text = steppe::CleanText(steppe::fuzz::AsUtf8(data + 1, size - 1));
  STEPPE_FUZZ_CHECK(steppe::fuzz::IsValidUtf8(text));

  analyser.BeginText();
  std::vector<steppe::Token> tokens;
  analyser.Analyse(text, lang, &tokens);
  size_t previous_end = 0;
  uint32_t position = 0;
  for (const steppe::Token& t : tokens) {
    STEPPE_FUZZ_CHECK(t.begin >= previous_end && t.begin < t.end && t.end <= text.size());
    STEPPE_FUZZ_CHECK(t.position == ++position);
    STEPPE_FUZZ_CHECK(t.forms != nullptr);
    for (const std::string& key : t.forms->keys) STEPPE_FUZZ_CHECK(key.size() >= 2);
    previous_end = t.end;
  }
  steppe::GuessLanguage(text);
  analyser.NameKey(text);
  return 0;
}
