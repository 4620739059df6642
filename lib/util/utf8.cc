// SPDX-License-Identifier: Apache-2.0
#include "util/utf8.h"

#include <simdjson.h>
#include <unicode/uchar.h>

#include <algorithm>

namespace steppe {
namespace {

// Length of the valid UTF-8 sequence starting at text[pos], or 0 when it is invalid
// (bad lead byte, truncated, overlong, surrogate or above U+10FFFF).
size_t ValidSequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t len;
  char32_t cp;
  if ((lead & 0xE0) == 0xC0) {
    len = 2, cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    len = 3, cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    len = 4, cp = lead & 0x07;
  } else {
    return 0;
  }
  if (pos + len > text.size()) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  static constexpr char32_t kMinForLength[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinForLength[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

int LineAt(std::string_view text, size_t offset) {
  const std::string_view before = text.substr(0, offset);
  return 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
}

size_t FirstInvalidUtf8(std::string_view text) {
  // Nearly all text is valid: simdjson checks that at gigabytes a second (with the CPU's
  // vector instructions, chosen at run time), and only damaged text is walked to the fault.
  if (simdjson::validate_utf8(text.data(), text.size())) return text.size();
  size_t pos = 0;
  while (pos < text.size() && ValidSequenceLength(text, pos) != 0) {
    pos += ValidSequenceLength(text, pos);
  }
  return pos;
}

size_t RepairUtf8(std::string* text) {
  size_t pos = FirstInvalidUtf8(*text), bad = 0;
  if (pos == text->size()) return 0;  // the common case: nothing to copy
  std::string out = text->substr(0, pos);
  while (pos < text->size()) {
    const size_t len = ValidSequenceLength(*text, pos);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++bad;
      ++pos;
    } else {
      out.append(*text, pos, len);
      pos += len;
    }
  }
  *text = std::move(out);
  return bad;
}

char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(*pos);
  size_t len = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
  if (*pos + len > text.size()) len = text.size() - *pos;
  char32_t cp = len == 1 ? lead : lead & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (byte(*pos + i) & 0x3F);
  *pos += len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsAllCaps(std::string_view word) {
  size_t letters = 0;
  for (size_t pos = 0; pos < word.size();) {
    const char32_t c = NextCodePoint(word, &pos);
    if (u_islower(c)) return false;
    if (u_isalpha(c)) ++letters;
  }
  return letters >= 2;
}

}  // namespace steppe
