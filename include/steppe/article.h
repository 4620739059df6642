// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_ARTICLE_H_
#define STEPPE_ARTICLE_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "steppe/export.h"
#include "steppe/status.h"

namespace steppe {

// A calendar date known to the year, the month or the day. Unknown parts are 0.
struct STEPPE_EXPORT Date {
  int year = 0;
  int month = 0;  // 1-12, or 0 when only the year is known
  int day = 0;    // 1-31, or 0 when only the year and month are known

  // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date, years 1000-9999).
  // Returns InvalidArgument, naming the accepted forms, for anything else.
  static Status Parse(std::string_view text, Date* out);

  // OK when this is a date Parse could give (a real calendar date, years 1000-9999; a day
  // needs a month), else InvalidArgument saying what is wrong, e.g. for {2023, 2, 30}.
  Status Validate() const;

  // "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as the date is known.
  std::string ToString() const;
  // The first day of the period as YYYYMMDD, e.g. 2023-12 gives 20231201.
  int FirstDay() const;

  // Written out, not defaulted, so that the header stays C++17.
  friend bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
  }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
};

// One news article, as read from a file or built by the caller.
struct STEPPE_EXPORT Article {
  std::string id;    // unique key; re-adding an article with the same id replaces it
  std::string path;  // the file it came from, or empty
  std::string title;
  std::string body;
  std::optional<Date> date;  // publication date; empty when undated (never the file's mtime)
  // Where `date` came from: "metadata" (the page's or file's own fields, or the caller),
  // "dateline" (the opening line of the body), or empty when undated.
  std::string date_source;
  std::string source;        // the outlet, e.g. "Steppe Wire"
  std::string url;
  std::string lang;  // "en", "ru" or "kk"; guessed from the text when empty
  std::vector<std::string> companies;
  std::vector<std::string> places;
};

// Reads one article file: optional front matter between "---" lines (title, date, source, url,
// lang, companies, places), then the body. Without front matter the first non-empty line is the
// title (unless over 300 bytes: then it stays in the body, and its opening words are the title).
// Problems that do not stop the read (a bad date, an unknown key) go to `problems`.
// Returns IoError when the file cannot be read.
STEPPE_EXPORT Status ReadArticleFile(const std::filesystem::path& path, Article* out,
                                     std::vector<Problem>* problems);

}  // namespace steppe

#endif  // STEPPE_ARTICLE_H_
