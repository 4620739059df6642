// SPDX-License-Identifier: Apache-2.0
#include "read/metadata_date.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(MetadataDateTest, ReadsTheFormsPagesAndFeedsUse) {
  const struct {
    const char* text;
    const char* date;
  } kCases[] = {
      {"2024", "2024"},
      {"2024-02", "2024-02"},
      {"2024-02-28", "2024-02-28"},
      {"2024-02-28T10:00:00Z", "2024-02-28"},
      {" 2024-02-28T23:30:00+06:00 ", "2024-02-28"},  // the publisher's day, not UTC's
      {"2024-02-28 10:00", "2024-02-28"},
      {"28.02.2024", "2024-02-28"},
      {"28.02.2024 10:00", "2024-02-28"},
      {"Wed, 28 Feb 2024 10:00:00 +0000", "2024-02-28"},
      {"1 March 2024", "2024-03-01"},
      {"10/05/2022 05:22 pm", "2022-05-10"},  // day first, as most of the world writes it
      {"05/28/2022", "2022-05-28"},           // unless the second number cannot be a month
      {"2022/05/10", "2022-05-10"},
      {"Tue Jan 28 15:28:56 CET 2020", "2020-01-28"},
      {"March 4, 2021 at 9:15 am", "2021-03-04"},
  };
  for (const auto& c : kCases) {
    Date d;
    const Status s = ParseMetadataDate(c.text, &d);
    ASSERT_TRUE(s.ok()) << c.text << ": " << s.message();
    EXPECT_EQ(d.ToString(), c.date) << c.text;
  }
}

TEST(MetadataDateTest, BogusDatesAreErrorsQuotingTheTextAsWritten) {
  for (const char* text :
       {"last Tuesday", "2024-13-01T10:00:00Z", "31.02.2024", "", "1709114400"}) {
    Date d;
    const Status s = ParseMetadataDate(text, &d);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << text;
    EXPECT_NE(s.message().find(std::string("'") + text + "'"), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace steppe
