// SPDX-License-Identifier: Apache-2.0
#include "analyse/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "util/utf8.h"

namespace steppe {
namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string CaseFold(std::string_view surface) {
  if (IsAscii(surface)) {
    std::string out(surface);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  if (U_FAILURE(status)) return std::string(surface);
  fold->normalize(icu::UnicodeString::fromUTF8(surface), status).toUTF8String(out);
  return U_SUCCESS(status) ? out : std::string(surface);
}

// ё is optional in Russian print (Хрущёв, Хрущев): fold it; and one apostrophe for all.
std::string FoldLetters(const std::string& word) {
  std::string out;
  out.reserve(word.size());
  for (size_t pos = 0; pos < word.size();) {
    char32_t c = NextCodePoint(word, &pos);
    if (c == U'ё') c = U'е';
    if (c == U'\u2019' || c == U'\u2018' || c == U'\u02BC' || c == U'`') c = U'\'';
    AppendUtf8(c, &out);
  }
  return out;
}

}  // namespace

std::string FoldWord(std::string_view surface) {
  std::string word = FoldLetters(CaseFold(surface));
  if (word.ends_with("'s")) {
    word.resize(word.size() - 2);
  } else if (word.size() > 2 && word.ends_with("s'")) {
    word.pop_back();
  }
  while (!word.empty() && word.back() == '\'') word.pop_back();
  return word;
}

bool IsCapitalised(std::string_view surface) {
  for (size_t pos = 0; pos < surface.size();) {
    const char32_t c = NextCodePoint(surface, &pos);
    if (u_isalpha(c)) return u_isupper(c) || u_istitle(c);
  }
  return false;
}

}  // namespace steppe
