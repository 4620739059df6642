// SPDX-License-Identifier: Apache-2.0
#include "search/query_builder.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "index/prefixes.h"

namespace steppe {
namespace {

std::set<std::string> Terms(const Xapian::Query& q) {
  return std::set<std::string>(q.get_terms_begin(), q.get_terms_end());
}

bool AnyStartsWith(const std::set<std::string>& terms, const std::string& prefix) {
  for (const std::string& t : terms) {
    if (t.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

class QueryBuilderTest : public ::testing::Test {
 protected:
  // Builds the query for `text` against an empty in-memory index.
  Status Build(const std::string& text, bool exact, Xapian::Query* out, bool* positive) {
    QueryNode tree;
    if (Status s = ParseQuery(text, &tree); !s.ok()) return s;
    return builder_.Build(tree, exact, out, positive);
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Analyser analyser_;
  QueryBuilder builder_{&db_, &analyser_};
};

TEST_F(QueryBuilderTest, ANameGetsItsVariantLayersUnlessExact) {
  Xapian::Query loose, exact;
  bool positive = false;
  ASSERT_TRUE(Build("Zhanaozen", false, &loose, &positive).ok());
  EXPECT_TRUE(positive);
  ASSERT_TRUE(Build("Zhanaozen", true, &exact, &positive).ok());
  const std::set<std::string> exact_terms = Terms(exact);
  EXPECT_TRUE(exact_terms.count("zhanaozen")) << exact.get_description();
  EXPECT_FALSE(AnyStartsWith(exact_terms, prefix::kTranslit)) << exact.get_description();
  EXPECT_FALSE(AnyStartsWith(exact_terms, prefix::kName)) << exact.get_description();
  const std::set<std::string> loose_terms = Terms(loose);
  EXPECT_TRUE(loose_terms.count("zhanaozen")) << loose.get_description();
  EXPECT_TRUE(AnyStartsWith(loose_terms, prefix::kTranslit)) << loose.get_description();
  // Stems are not a spelling variant: --exact keeps them.
  EXPECT_TRUE(AnyStartsWith(exact_terms, prefix::kStem)) << exact.get_description();
  EXPECT_GT(loose_terms.size(), exact_terms.size());
}

TEST_F(QueryBuilderTest, OnlyNegatedWordsHaveNothingToRankBy) {
  Xapian::Query q;
  bool positive = true;
  ASSERT_TRUE(Build("-Aktau", false, &q, &positive).ok());
  EXPECT_FALSE(positive);
  ASSERT_TRUE(Build("strike -Aktau", false, &q, &positive).ok());
  EXPECT_TRUE(positive);
  EXPECT_NE(q.get_description().find("AND_NOT"), std::string::npos) << q.get_description();
}

TEST_F(QueryBuilderTest, FieldsAreFiltersByKeyAndBadDatesInvalidQueries) {
  Xapian::Query q;
  bool positive = false;
  ASSERT_TRUE(Build("company:KazMunayGas", false, &q, &positive).ok());
  EXPECT_FALSE(positive) << "a filter alone has nothing to rank by";
  EXPECT_EQ(Terms(q), std::set<std::string>{prefix::kCompany + analyser_.NameKey("KazMunayGas")});
  Xapian::Query other;
  ASSERT_TRUE(Build("company:KAZMUNAYGAS", false, &other, &positive).ok());
  EXPECT_EQ(Terms(other), Terms(q)) << "one key for every spelling of the name";
  const Status s = Build("strike date:2023-13", false, &q, &positive);
  EXPECT_TRUE(s.IsInvalidQuery()) << s.ToString();
  EXPECT_NE(s.message().find("YYYY-MM"), std::string::npos) << s.message();
}

TEST(DateRangeQueryTest, EndsIncludeTheirWholePeriod) {
  Xapian::Query q;
  ASSERT_TRUE(DateRangeQuery("2023-02..2024", &q).ok());
  EXPECT_NE(q.get_description().find("20230201 20241231"), std::string::npos)
      << q.get_description();
  ASSERT_TRUE(DateRangeQuery("2023-12", &q).ok());
  EXPECT_NE(q.get_description().find("20231201 20231231"), std::string::npos)
      << q.get_description();
  ASSERT_TRUE(DateRangeQuery("2024-02-29..", &q).ok());
  EXPECT_NE(q.get_description().find("VALUE_GE 0 20240229"), std::string::npos)
      << q.get_description();
}

TEST(DateRangeQueryTest, BadEndsAreInvalidQueries) {
  Xapian::Query q;
  EXPECT_TRUE(DateRangeQuery("..", &q).IsInvalidQuery());
  EXPECT_TRUE(DateRangeQuery("2023-13", &q).IsInvalidQuery());
  EXPECT_TRUE(DateRangeQuery("yesterday..2024", &q).IsInvalidQuery());
}

}  // namespace
}  // namespace steppe
