// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "steppe/article.h"

namespace steppe {
namespace {

TEST(DateTest, ParsesTheThreeForms) {
  Date d;
  ASSERT_TRUE(Date::Parse("2023", &d).ok());
  EXPECT_EQ(d, (Date{2023, 0, 0}));
  ASSERT_TRUE(Date::Parse("2023-12", &d).ok());
  EXPECT_EQ(d, (Date{2023, 12, 0}));
  ASSERT_TRUE(Date::Parse("2024-02-29", &d).ok());  // a leap day
  EXPECT_EQ(d, (Date{2024, 2, 29}));
}

TEST(DateTest, RejectsBogusDatesWithAMessageNamingTheForms) {
  for (const char* bad : {"2023-13", "2023-00", "2023-02-29", "2024-02-30", "0000-00-00", "23",
                          "2023/12", "2023-1", "December 2023", "", "2023-12-01x"}) {
    Date d;
    const Status s = Date::Parse(bad, &d);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find("YYYY-MM-DD"), std::string::npos) << bad;
  }
}

TEST(DateTest, FirstDayIsStartOfThePeriod) {
  EXPECT_EQ((Date{2023, 12, 0}).FirstDay(), 20231201);
  EXPECT_EQ((Date{2012, 0, 0}).FirstDay(), 20120101);
  EXPECT_EQ((Date{2024, 2, 28}).FirstDay(), 20240228);
}

TEST(DateTest, PrintsAsPreciseAsKnown) {
  EXPECT_EQ((Date{2023, 0, 0}).ToString(), "2023");
  EXPECT_EQ((Date{2023, 1, 0}).ToString(), "2023-01");
  EXPECT_EQ((Date{2023, 1, 5}).ToString(), "2023-01-05");
}

}  // namespace
}  // namespace steppe
