// SPDX-License-Identifier: Apache-2.0
#include "read/metadata_date.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "extract/dates.h"

namespace steppe {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

// 1-12 for an English month name or its abbreviation ("Feb", "february"), else 0.
int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  std::string lower(name.substr(0, 3));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 0; i < 12; ++i) {
    if (kMonths[i] == lower) return i + 1;
  }
  return 0;
}

// "[Wed,] 28 Feb 2024[ ...]" as "2024-02-28", or "" when `s` is not in that form.
std::string FromRfc822(std::string_view s) {
  if (const size_t comma = s.find(','); comma != std::string_view::npos && comma <= 9) {
    s = Trim(s.substr(comma + 1));
  }
  const size_t sp1 = s.find(' ');
  const size_t sp2 = sp1 == std::string_view::npos ? sp1 : s.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return "";
  const std::string_view day = s.substr(0, sp1);
  const int month = MonthNumber(s.substr(sp1 + 1, sp2 - sp1 - 1));
  const std::string_view year = s.substr(sp2 + 1, 4);
  if (!AllDigits(day) || day.size() > 2 || month == 0 || !AllDigits(year) || year.size() != 4) {
    return "";
  }
  const std::string mm = (month < 10 ? "0" : "") + std::to_string(month);
  return std::string(year) + "-" + mm + "-" + (day.size() == 1 ? "0" : "") + std::string(day);
}

std::string Iso(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int Number(std::string_view s) {
  int value = 0;
  for (const char c : s) value = value * 10 + (c - '0');
  return value;
}

// "10/05/2022 05:22 pm" (day first, unless the first number cannot be a month's day... the
// second cannot be a month) and "2022/05/10", or "".
std::string FromSlashed(std::string_view s) {
  const size_t a = s.find('/');
  const size_t b = a == std::string_view::npos ? a : s.find('/', a + 1);
  if (b == std::string_view::npos) return "";
  size_t end = b + 1;
  while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
  const std::string_view x = s.substr(0, a), y = s.substr(a + 1, b - a - 1),
                         z = s.substr(b + 1, end - b - 1);
  if (!AllDigits(x) || !AllDigits(y) || !AllDigits(z) || y.size() > 2) return "";
  if (end < s.size() && s[end] != ' ' && s[end] != 'T') return "";
  if (x.size() == 4 && z.size() <= 2) return Iso(Number(x), Number(y), Number(z));
  if (z.size() != 4 || x.size() > 2) return "";
  const int first = Number(x), second = Number(y);
  if (second > 12 && first <= 12) return Iso(Number(z), first, second);  // US order
  return Iso(Number(z), second, first);
}

// "Tue Jan 28 15:28:56 CET 2020", as C's ctime() and Java's Date.toString() write it, or "".
std::string FromCtime(std::string_view s) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t end = std::min(s.find(' ', pos), s.size());
    if (end > pos) words.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
  if (words.size() < 4 || words.size() > 6) return "";
  const size_t m = MonthNumber(words[0]) != 0 && words[0].size() == 3 ? 0 : 1;
  const int month = words[m].size() == 3 ? MonthNumber(words[m]) : 0;
  const std::string_view day = words[m + 1], year = words.back();
  if (month == 0 || !AllDigits(day) || day.size() > 2 || !AllDigits(year) || year.size() != 4 ||
      words[m + 2].find(':') == std::string_view::npos) {
    return "";
  }
  return Iso(Number(year), month, Number(day));
}

// Rewrites the forms listed in metadata_date.h as "YYYY-MM-DD"; leaves others unchanged.
std::string Normalise(std::string_view s) {
  const bool has_time = s.size() > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == ' ');
  if (s.size() >= 10 && s[4] == '-' && s[7] == '-' && (s.size() == 10 || has_time)) {
    return std::string(s.substr(0, 10));
  }
  if (s.size() >= 10 && s[2] == '.' && s[5] == '.' && (s.size() == 10 || has_time)) {
    return std::string(s.substr(6, 4)) + "-" + std::string(s.substr(3, 2)) + "-" +
           std::string(s.substr(0, 2));
  }
  if (std::string rfc = FromRfc822(s); !rfc.empty()) return rfc;
  if (std::string slashed = FromSlashed(s); !slashed.empty()) return slashed;
  if (std::string ctime = FromCtime(s); !ctime.empty()) return ctime;
  // "January 28, 2020", "28 января 2020 г.": a written date at the start.
  if (const std::vector<DateMention> dates = FindDateMentions(s);
      !dates.empty() && dates.front().begin <= 16) {
    return dates.front().date.ToString();
  }
  return std::string(s);
}

}  // namespace

Status ParseMetadataDate(std::string_view text, Date* out) {
  text = Trim(text);
  const std::string normal = Normalise(text);
  Status s = Date::Parse(normal, out);
  if (s.ok() || normal == text) return s;
  // Name the date as the file writes it, not as it was rewritten.
  const std::string rewritten = "bad date '" + normal + "'";
  std::string message = s.message();
  if (message.starts_with(rewritten)) {
    message.replace(0, rewritten.size(), "bad date '" + std::string(text) + "'");
  }
  return Status::InvalidArgument(message);
}

}  // namespace steppe
