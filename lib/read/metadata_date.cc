// SPDX-License-Identifier: Apache-2.0
#include "read/metadata_date.h"

#include <cctype>
#include <string>

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
