// SPDX-License-Identifier: Apache-2.0
#include "util/clean_text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "util/utf8.h"

namespace steppe {
namespace {

bool IsHidden(char32_t c) {
  return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
         (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

}  // namespace

std::string CleanText(std::string_view text) {
  std::string stripped;
  stripped.reserve(text.size());
  bool ascii = true;
  for (size_t pos = 0; pos < text.size();) {
    const size_t start = pos;
    const char32_t c = NextCodePoint(text, &pos);
    if (c == '\r') {
      // CRLF and lone CR both end lines as LF does; a lone CR (old Mac files) must not just
      // vanish, which would glue the words on either side of it into one.
      if (pos >= text.size() || text[pos] != '\n') stripped.push_back('\n');
      continue;
    }
    if (IsHidden(c)) continue;
    ascii = ascii && c < 0x80;
    stripped.append(text, start, pos - start);
  }
  if (ascii) return stripped;  // ASCII is already in NFC
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return stripped;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(stripped);
  if (nfc->isNormalized(in, status) && U_SUCCESS(status)) return stripped;
  status = U_ZERO_ERROR;
  std::string out;
  nfc->normalize(in, status).toUTF8String(out);
  return U_SUCCESS(status) ? out : stripped;
}

}  // namespace steppe
