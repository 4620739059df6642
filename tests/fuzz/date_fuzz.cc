// SPDX-License-Identifier: Apache-2.0
// The date parsers: Date::Parse (front matter, --after/--before, date: in queries) and
// ParseMetadataDate (HTML, JSON Lines and CSV). When lib/extract/dates.cc is built, the
// CMakeLists defines STEPPE_FUZZ_DATE_MENTIONS and the text scanner is fuzzed too.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "read/metadata_date.h"
#include "steppe/article.h"
#ifdef STEPPE_FUZZ_DATE_MENTIONS
#include "extract/dates.h"
#endif

namespace {

// A parsed date is a real calendar date that prints and parses back to itself.
void CheckDate(const steppe::Date& d) {
  STEPPE_FUZZ_CHECK(d.year >= 1000 && d.year <= 9999);
  STEPPE_FUZZ_CHECK(d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31);
  STEPPE_FUZZ_CHECK(d.month > 0 || d.day == 0);
  steppe::Date again;
  STEPPE_FUZZ_CHECK(steppe::Date::Parse(d.ToString(), &again).ok() && again == d);
  const int first = d.FirstDay();
  STEPPE_FUZZ_CHECK(first >= 10000101 && first <= 99991231);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = steppe::fuzz::AsText(data, size);
  steppe::Date date;
  if (const steppe::Status s = steppe::Date::Parse(text, &date); s.ok()) {
    CheckDate(date);
  } else {
    STEPPE_FUZZ_CHECK(s.code() == steppe::Status::Code::kInvalidArgument);
  }
  steppe::Date metadata;
  if (const steppe::Status s = steppe::ParseMetadataDate(text, &metadata); s.ok()) {
    CheckDate(metadata);
  }
#ifdef STEPPE_FUZZ_DATE_MENTIONS
  const std::string utf8 = steppe::fuzz::AsUtf8(data, size);
  size_t previous_end = 0;
  for (const steppe::DateMention& m : steppe::FindDateMentions(utf8)) {
    CheckDate(m.date);
    STEPPE_FUZZ_CHECK(m.begin >= previous_end && m.begin < m.end && m.end <= utf8.size());
    previous_end = m.end;
  }
  if (const auto dateline = steppe::FindDateline(utf8)) CheckDate(*dateline);
#endif
  return 0;
}
