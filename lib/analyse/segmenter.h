// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_SEGMENTER_H_
#define STEPPE_LIB_ANALYSE_SEGMENTER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace steppe {

enum class WordKind { kWord, kNumber };

// Splits text into words with ICU's word BreakIterator (Unicode UAX #29): hyphens split
// (Kazmunaigas-owned), apostrophes inside words do not (Tokayev's, O'zbekiston), numbers
// and dates stay whole (16.12.2023). Not thread-safe: use one per thread.
class Segmenter {
 public:
  Segmenter();
  ~Segmenter();

  // Calls `fn(begin, end, kind)` with the UTF-8 byte range of each word and number in
  // `text` (valid UTF-8), in order. Punctuation and spaces are skipped.
  void ForEachWord(std::string_view text, const std::function<void(size_t, size_t, WordKind)>& fn);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_SEGMENTER_H_
