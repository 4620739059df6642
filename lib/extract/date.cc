// SPDX-License-Identifier: Apache-2.0
// Date is a public type; its parsing lives here, in the extraction stage, beside the other
// date handling.
#include <charconv>
#include <cstdio>

#include "steppe/article.h"

namespace steppe {
namespace {

bool ParseNumber(std::string_view text, int* out) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return std::from_chars(text.data(), text.data() + text.size(), *out).ec == std::errc();
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

Status BadDate(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("bad date '" + std::string(text) + "': " + std::string(why) +
                                 "; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2023-12");
}

}  // namespace

Status Date::Parse(std::string_view text, Date* out) {
  Date date;
  const std::string_view year = text.substr(0, 4);
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) {
    return BadDate(text, "not one of the accepted forms");
  }
  if (!ParseNumber(year, &date.year) || date.year < 1000) {
    return BadDate(text, "the year must be four digits from 1000");
  }
  if (text.size() >= 7) {
    if (text[4] != '-' || !ParseNumber(text.substr(5, 2), &date.month)) {
      return BadDate(text, "not one of the accepted forms");
    }
    if (date.month < 1 || date.month > 12) return BadDate(text, "the month must be 01-12");
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !ParseNumber(text.substr(8, 2), &date.day)) {
      return BadDate(text, "not one of the accepted forms");
    }
    if (date.day < 1 || date.day > DaysInMonth(date.year, date.month)) {
      return BadDate(text, "there is no such day in that month");
    }
  }
  *out = date;
  return Status::OK();
}

Status Date::Validate() const {
  // Written out and parsed back: Parse knows every rule, and the text names the date.
  Date parsed;
  if (Status s = Parse(ToString(), &parsed); !s.ok()) return s;
  if (!(parsed == *this)) return BadDate(ToString(), "a day needs a month");
  return Status::OK();
}

std::string Date::ToString() const {
  char buf[48];
  if (day > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  } else if (month > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", year);
  }
  return buf;
}

int Date::FirstDay() const {
  return year * 10000 + (month > 0 ? month : 1) * 100 + (day > 0 ? day : 1);
}

}  // namespace steppe
