// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_EXTRACT_DATES_H_
#define STEPPE_LIB_EXTRACT_DATES_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "steppe/article.h"

namespace steppe {

// A full date (day, month and year) written in a text, and where.
struct DateMention {
  Date date;
  size_t begin = 0;  // UTF-8 byte range in the text
  size_t end = 0;
};

// The publication date that a dateline or publication line at the start of an article gives,
// in English ("ALMATY, Feb. 28, 2024 -", "December 16, 2023", "28 February 2024"), Russian
// ("АКТАУ, 14 декабря 2023 года.", "16.12.2023") or Kazakh ("2024 жылғы 28 ақпан"). Only
// the body's first date can be one, and only with nothing but a place, weekday, byline or
// label before it and nothing but punctuation, a time or a new line after it. Empty when the
// article opens with none: "Born on 3 May 1950, he..." is a mention, not a dateline.
std::optional<Date> FindDateline(std::string_view text);

// Every full date the text mentions, in the same forms, in order.
std::vector<DateMention> FindDateMentions(std::string_view text);

}  // namespace steppe

#endif  // STEPPE_LIB_EXTRACT_DATES_H_
