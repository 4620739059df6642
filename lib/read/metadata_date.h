// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_METADATA_DATE_H_
#define STEPPE_LIB_READ_METADATA_DATE_H_

#include <string_view>

#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// Parses a publication date as web pages, feeds and data dumps write it, to the day:
//   "2024", "2024-02", "2024-02-28"                      as Date::Parse
//   "2024-02-28T10:00:00Z", "2024-02-28 10:00:00+06:00"  ISO 8601 timestamps
//   "28.02.2024"                                         as Russian and Kazakh sites write it
//   "Wed, 28 Feb 2024 10:00:00 +0000", "28 Feb 2024"     RFC 822, RSS's pubDate
//   "10/05/2022 05:22 pm", "2022/05/10"                  slashed; day first unless the
//                                                        second number cannot be a month
//   "Tue Jan 28 15:28:56 CET 2020"                       ctime, Java's Date.toString()
//   "January 28, 2020", "28 января 2020 г."              as FindDateMentions reads them
// The time of day and the zone are dropped, not applied: the day is the one the publisher
// printed. Anything else returns Date::Parse's InvalidArgument, quoting `text`.
Status ParseMetadataDate(std::string_view text, Date* out);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_METADATA_DATE_H_
