// SPDX-License-Identifier: Apache-2.0
// Searcher::CountByPeriod: the histogram behind `steppe facets --field month|year`.
#include <gtest/gtest.h>

#include "support/index_fixture.h"

namespace steppe {
namespace {

using Counts = std::vector<std::pair<std::string, size_t>>;

class CountByPeriodTest : public testing::IndexFixture {
 protected:
  void SetUp() override {
    Build({Make("a", "A", "Oil", Date{2022, 11, 30}), Make("b", "B", "Oil", Date{2023, 1, 5}),
           Make("c", "C", "Oil", Date{2023, 1, 0}), Make("d", "D", "Oil", Date{2023, 4, 2}),
           Make("e", "E", "Oil", Date{2023, 0, 0}), Make("f", "F", "Oil")});
  }

  Counts Count(Period period, std::optional<Date> after = std::nullopt,
               std::optional<Date> before = std::nullopt) {
    std::vector<FacetCount> out;
    const Status s = searcher_->CountByPeriod(period, after, before, &out);
    EXPECT_TRUE(s.ok()) << s.ToString();
    Counts counts;
    for (const FacetCount& c : out) counts.emplace_back(c.value, c.count);
    return counts;
  }
};

TEST_F(CountByPeriodTest, EveryMonthFromTheFirstToTheLastInDateOrderWithZeros) {
  // The year-only article counts under no month; the undated one nowhere.
  EXPECT_EQ(Count(Period::kMonth), (Counts{{"2022-11", 1},
                                           {"2022-12", 0},
                                           {"2023-01", 2},
                                           {"2023-02", 0},
                                           {"2023-03", 0},
                                           {"2023-04", 1}}));
  EXPECT_EQ(Count(Period::kYear), (Counts{{"2022", 1}, {"2023", 4}}));
}

TEST_F(CountByPeriodTest, BoundsListEveryPeriodBetweenThemWhateverTheIndexHolds) {
  EXPECT_EQ(Count(Period::kMonth, Date{2023, 2, 0}, Date{2023, 5, 0}),
            (Counts{{"2023-02", 0}, {"2023-03", 0}, {"2023-04", 1}}));
  EXPECT_EQ(Count(Period::kYear, Date{2021, 0, 0}, Date{2023, 0, 0}),
            (Counts{{"2021", 0}, {"2022", 1}}));
  // A day bound cuts inside its month: before 2023-01-06 holds b (the 5th) and c (January,
  // counted from its first day), and lists January.
  EXPECT_EQ(Count(Period::kMonth, Date{2022, 12, 0}, Date{2023, 1, 6}),
            (Counts{{"2022-12", 0}, {"2023-01", 2}}));
  EXPECT_EQ(Count(Period::kMonth, Date{2023, 5, 0}), (Counts{}));
}

TEST_F(CountByPeriodTest, AnImpossibleBoundIsInvalidArgument) {
  std::vector<FacetCount> out;
  EXPECT_TRUE(searcher_->CountByPeriod(Period::kMonth, Date{2023, 13, 0}, std::nullopt, &out)
                  .IsInvalidArgument());
  EXPECT_TRUE(searcher_->CountByPeriod(Period::kYear, std::nullopt, Date{2023, 2, 30}, &out)
                  .IsInvalidArgument());
}

}  // namespace
}  // namespace steppe
