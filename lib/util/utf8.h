// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_UTIL_UTF8_H_
#define STEPPE_LIB_UTIL_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace steppe {

// Replaces each invalid UTF-8 sequence in *text with U+FFFD. Returns how many were replaced.
size_t RepairUtf8(std::string* text);

// The offset of the first invalid UTF-8 sequence in `text`, or text.size() when it is valid.
size_t FirstInvalidUtf8(std::string_view text);

// The 1-based line of `text` that holds byte `offset`, so a problem can name where it is.
int LineAt(std::string_view text, size_t offset);

// Decodes the code point at text[*pos] and advances *pos past it. REQUIRES: valid UTF-8.
char32_t NextCodePoint(std::string_view text, size_t* pos);

// Appends `cp` to *out as UTF-8.
void AppendUtf8(char32_t cp, std::string* out);

// Whether `word` has two or more letters and none in lower case: WOS, KMG, ТОО, АҚШ.
// REQUIRES: valid UTF-8.
bool IsAllCaps(std::string_view word);

}  // namespace steppe

#endif  // STEPPE_LIB_UTIL_UTF8_H_
