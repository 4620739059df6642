// SPDX-License-Identifier: Apache-2.0
#include "read/record.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(RecordTest, FieldsAreFoundByAnyDefaultNameRegardlessOfCase) {
  const RecordFields fields = {{"Headline", "Strike  in\nAktau"},
                               {"CONTENT", "Workers struck."},
                               {"pubDate", "2024-01-05T08:00:00Z"},
                               {"link", "https://x"},
                               {"Publisher", "Wire"},
                               {"Language", "RU"},
                               {"companies", "KMG, West Oil Software"},
                               {"places", "Aktau"}};
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ArticleFromRecord(fields, FieldNames(), "f.csv", 2, &a, &problems));
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(a.title, "Strike in Aktau");  // one line
  EXPECT_EQ(a.body, "Workers struck.");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2024-01-05");
  EXPECT_EQ(a.url, "https://x");
  EXPECT_EQ(a.source, "Wire");
  EXPECT_EQ(a.lang, "ru");
  EXPECT_EQ(a.companies, (std::vector<std::string>{"KMG", "West Oil Software"}));
  EXPECT_EQ(a.places, (std::vector<std::string>{"Aktau"}));
}

TEST(RecordTest, EarlierNamesWinAndBlankValuesDoNotCount) {
  const RecordFields fields = {{"content", "third"}, {"body", "second"}, {"text", "  "}};
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ArticleFromRecord(fields, FieldNames(), "f", 1, &a, &problems));
  EXPECT_EQ(a.body, "second");
}

TEST(RecordTest, WithoutTitleTheFirstLineOfTheTextIsTheTitle) {
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ArticleFromRecord({{"text", "\nFirst line\nSecond line"}}, FieldNames(), "f", 1, &a,
                                &problems));
  EXPECT_EQ(a.title, "First line");
  EXPECT_EQ(a.body, "\nFirst line\nSecond line");
}

TEST(RecordTest, CustomFieldNamesReplaceTheDefaults) {
  FieldNames names;
  names.title = {"heading"};
  names.body = {"article_text"};
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ArticleFromRecord({{"heading", "H"}, {"article_text", "B"}, {"title", "no"}}, names,
                                "f", 1, &a, &problems));
  EXPECT_EQ(a.title, "H");
  EXPECT_EQ(a.body, "B");
}

TEST(RecordTest, RecordWithoutTitleOrTextIsReportedAndSkipped) {
  Article a;
  std::vector<Problem> problems;
  EXPECT_FALSE(ArticleFromRecord({{"date", "2024"}}, FieldNames(), "f.jsonl", 7, &a, &problems));
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 7);
  EXPECT_NE(problems[0].hint.find("title"), std::string::npos);
}

TEST(RecordTest, BadDateIsReportedAndTheArticleKeptUndated) {
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ArticleFromRecord({{"title", "T"}, {"date", "soon"}}, FieldNames(), "f.csv", 3, &a,
                                &problems));
  EXPECT_FALSE(a.date.has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].ToString().substr(0, 25), "f.csv:3: bad date 'soon':");
  EXPECT_NE(problems[0].hint.find("undated"), std::string::npos);
}

TEST(RecordTest, NamesAnyFieldIgnoresCase) {
  EXPECT_TRUE(NamesAnyField({"id", "TITLE"}, {"title"}));
  EXPECT_FALSE(NamesAnyField({"id", "name"}, {"title", "headline"}));
}

}  // namespace
}  // namespace steppe
