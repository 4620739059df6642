// SPDX-License-Identifier: Apache-2.0
#include "read/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "util/utf8.h"

namespace steppe {
namespace {

// Detection looks at the start of the file only: 64 KiB is plenty to tell charsets apart,
// and running ICU's statistics over a 64 MiB file would cost far more than reading it.
constexpr size_t kSampleBytes = 64 << 10;

struct ByteOrderMark {
  std::string_view bytes;
  const char* charset;
};

// UTF-32LE's mark starts with UTF-16LE's, so it is tried first.
constexpr ByteOrderMark kByteOrderMarks[] = {
    {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
};

void Report(const std::string& path, std::string reason, std::string hint,
            std::vector<Problem>* problems, int line = 0) {
  problems->push_back({path, line, std::move(reason), std::move(hint)});
}

// Converts `bytes` from `charset` to UTF-8 with ucnv. Bytes the charset does not map become
// U+FFFD. Returns false when ICU does not know the charset.
bool ConvertToUtf8(std::string_view bytes, const char* charset, std::string* out) {
  // Each input byte yields at most 3 bytes of UTF-8 (4 for a 4-byte surrogate pair).
  out->resize(bytes.size() * 3 + 4);
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_convert("UTF-8", charset, out->data(), static_cast<int32_t>(out->size()),
                                 bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    out->clear();
    return false;
  }
  out->resize(static_cast<size_t>(n));
  RepairUtf8(out);  // a malformed UTF-16 or UTF-32 file may hold lone surrogates
  return true;
}

bool IsControl(unsigned char b) {
  return (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F;
}

// Why the start of `bytes` is not text, or "" when it may be. Text in any charset Steppe
// reads holds no NUL byte and next to no other control character; compressed, encrypted or
// image data holds one in nine (29 byte values of 256), NUL or not.
std::string WhyBinary(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kSampleBytes);
  if (sample.find('\0') != std::string_view::npos) return "it contains NUL bytes";
  const size_t controls = std::count_if(sample.begin(), sample.end(), [](char c) {
    return IsControl(static_cast<unsigned char>(c));
  });
  if (controls < 8 || controls * 100 < sample.size()) return "";
  return std::to_string(controls) + " of its first " + std::to_string(sample.size()) +
         " bytes are control characters";
}

// The value of charset= in the first <meta> tag of the first 1024 bytes that has one
// (lower-cased), or "". The HTML standard looks no further either.
std::string DeclaredHtmlCharset(std::string_view bytes) {
  std::string head(bytes.substr(0, 1024));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return c < 0x80 ? std::tolower(c) : c; });
  for (size_t meta = head.find("<meta"); meta != std::string::npos;
       meta = head.find("<meta", meta + 1)) {
    const size_t end = std::min(head.find('>', meta), head.size());
    const size_t at = head.substr(0, end).find("charset=", meta);
    if (at == std::string::npos) continue;
    size_t start = at + 8;
    while (start < end && (head[start] == '"' || head[start] == '\'' || head[start] == ' ')) {
      ++start;
    }
    size_t stop = start;
    while (stop < end && std::string_view("\"' ;/").find(head[stop]) == std::string::npos) ++stop;
    return head.substr(start, stop - start);
  }
  return "";
}

bool IsCyrillicCharset(std::string_view name) { return name == "windows-1251" || name == "KOI8-R"; }

// ICU's best guess among the charsets Steppe expects (see charset.h), or "" for none.
// ICU ranks every charset it knows; the others (Shift_JIS, ISO-8859-8...) only mislead here.
std::string DetectWithIcu(std::string_view sample, std::string* best_cyrillic) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status),
                                                                      &ucsdet_close);
  ucsdet_setText(detector.get(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector.get(), &found, &status);
  if (U_FAILURE(status)) return "";
  std::string best;
  for (int32_t i = 0; i < found; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    if (U_FAILURE(status)) return best;
    if (IsCyrillicCharset(name) && best_cyrillic->empty()) *best_cyrillic = name;
    if ((IsCyrillicCharset(name) || name == "ISO-8859-1" || name == "windows-1252") &&
        best.empty()) {
      best = name;
    }
  }
  return best;
}

struct CyrillicCounts {
  size_t latin = 0;       // ASCII letters
  size_t upper_half = 0;  // bytes 0xE0-0xFF: lower case in windows-1251, upper in KOI8-R
  size_t lower_half = 0;  // bytes 0xC0-0xDF: upper case in windows-1251, lower in KOI8-R
};

CyrillicCounts CountLetters(std::string_view sample) {
  CyrillicCounts c;
  for (const char ch : sample) {
    const auto b = static_cast<unsigned char>(ch);
    if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++c.latin;
    if (b >= 0xE0) ++c.upper_half;
    if (b >= 0xC0 && b < 0xE0) ++c.lower_half;
  }
  return c;
}

// Picks the charset of text that is not UTF-8. In windows-1251 and KOI8-R the Russian
// alphabet fills 0xC0-0xFF in both, but with the cases swapped; running text is mostly lower
// case, so the half that holds most letters names the charset. Latin-1 text, by contrast,
// has only the odd accented letter up there.
std::string GuessCharset(std::string_view sample) {
  std::string best_cyrillic;
  std::string best = DetectWithIcu(sample, &best_cyrillic);
  const CyrillicCounts c = CountLetters(sample);
  const size_t cyrillic = c.upper_half + c.lower_half;
  const bool looks_cyrillic = cyrillic * 10 >= (c.latin + cyrillic) * 3;
  if (!looks_cyrillic && !IsCyrillicCharset(best)) return best.empty() ? "windows-1252" : best;
  if (c.upper_half * 3 >= cyrillic * 2) return "windows-1251";
  if (c.lower_half * 3 >= cyrillic * 2) return "KOI8-R";
  // Mixed case (say, a headline in capitals): fall back on ICU's ranking.
  return best_cyrillic.empty() ? "windows-1251" : best_cyrillic;
}

// Decodes bytes that are not valid UTF-8 (step 4 and 5 of DecodeToUtf8).
void DecodeLegacy(std::string_view bytes, const std::string& path, std::string* out,
                  std::vector<Problem>* problems) {
  std::string declared = DeclaredHtmlCharset(bytes);
  // As browsers do: pages that say Latin-1 or ASCII are really windows-1252, which gives
  // 0x80-0x9F curly quotes and dashes instead of control characters.
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "us-ascii") {
    declared = "windows-1252";
  }
  if (!declared.empty() && !declared.starts_with("utf-") &&
      ConvertToUtf8(bytes, declared.c_str(), out)) {
    Report(path, "converted from " + declared + " to UTF-8, as its <meta charset> says",
           "nothing to do; save the file as UTF-8 to skip the conversion", problems);
    return;
  }
  const std::string charset = GuessCharset(bytes.substr(0, kSampleBytes));
  ConvertToUtf8(bytes, charset.c_str(), out);
  Report(path, "converted from " + charset + " to UTF-8 (detected from the text)",
         "if the text reads wrongly, save the file as UTF-8", problems);
}

}  // namespace

bool DecodeToUtf8(std::string_view bytes, const std::string& path, std::string* out,
                  std::vector<Problem>* problems) {
  out->clear();
  for (const ByteOrderMark& bom : kByteOrderMarks) {
    if (!bytes.starts_with(bom.bytes)) continue;
    bytes.remove_prefix(bom.bytes.size());
    if (std::string_view(bom.charset) == "UTF-8") break;  // checked as UTF-8 below
    ConvertToUtf8(bytes, bom.charset, out);
    Report(path, std::string("converted from ") + bom.charset + " to UTF-8 (byte-order mark)",
           "nothing to do; UTF-8 files are read a little faster", problems);
    return true;
  }
  if (const std::string why = WhyBinary(bytes); !why.empty()) {
    Report(path, "not a text file (" + why + ")",
           "skipped; if it is text (UTF-16 or a legacy charset), save it as UTF-8", problems);
    return false;
  }
  *out = std::string(bytes);
  const size_t first_bad = FirstInvalidUtf8(bytes);
  if (first_bad == bytes.size()) return true;
  const size_t bad = RepairUtf8(out);
  // Bytes >= 0xC0 start a multi-byte sequence; each replacement added one (U+FFFD's EF).
  const size_t leads = std::count_if(out->begin(), out->end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0xC0; });
  if (leads - bad >= bad) {  // mostly good UTF-8 with some damage: keep it, repaired
    // The line of the first bad byte, so that it can be found and fixed.
    Report(path, std::to_string(bad) + " invalid UTF-8 byte(s) replaced with U+FFFD",
           "convert the file to UTF-8 for exact text", problems, LineAt(bytes, first_bad));
    return true;
  }
  DecodeLegacy(bytes, path, out, problems);
  return true;
}

}  // namespace steppe
