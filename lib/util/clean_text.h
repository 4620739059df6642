// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_UTIL_CLEAN_TEXT_H_
#define STEPPE_LIB_UTIL_CLEAN_TEXT_H_

#include <string>
#include <string_view>

namespace steppe {

// Returns `text` (valid UTF-8) in NFC, without the characters that hide inside words and
// split them for no reader's benefit: soft hyphens, zero-width spaces and joiners, word
// joiners, byte-order marks, and control characters other than tab and newline.
std::string CleanText(std::string_view text);

}  // namespace steppe

#endif  // STEPPE_LIB_UTIL_CLEAN_TEXT_H_
