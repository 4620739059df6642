// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_CHARSET_H_
#define STEPPE_LIB_READ_CHARSET_H_

#include <string>
#include <string_view>
#include <vector>

#include "steppe/status.h"

namespace steppe {

// Converts the raw `bytes` of the file `path` to valid UTF-8 in *out, without a byte-order
// mark. In order:
//   1. a UTF-8, UTF-16 or UTF-32 byte-order mark decides;
//   2. valid UTF-8 is kept as it is;
//   3. UTF-8 with a few invalid bytes has them replaced with U+FFFD;
//   4. an HTML <meta charset> declaration in the first 1024 bytes is honoured;
//   5. otherwise the charset is detected (ICU), choosing only among the charsets news in
//      English, Russian and Kazakh really comes in: windows-1251, KOI8-R, ISO-8859-1 and
//      windows-1252; Cyrillic text is told apart by letter case, which is reliable even for
//      one line, where ICU's statistics are not.
// Each conversion or repair is reported to *problems with line 0 (they are informational:
// the text is still read). Returns false, with a problem, when the bytes look binary (NUL
// bytes without a UTF-16 or UTF-32 byte-order mark); *out is then empty.
bool DecodeToUtf8(std::string_view bytes, const std::string& path, std::string* out,
                  std::vector<Problem>* problems);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_CHARSET_H_
