// SPDX-License-Identifier: Apache-2.0
#include "read/csv_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace steppe {
namespace {

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(STEPPE_TEST_DATA) + "/read/" + name, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

struct Result {
  std::vector<Article> articles;
  std::vector<Problem> problems;
};

Result Read(std::string_view text, const FieldNames& names = FieldNames()) {
  Result r;
  ReadCsv(text, "f.csv", "/abs/f.csv", names, &r.articles, &r.problems);
  return r;
}

TEST(CsvReaderTest, QuotedFieldsKeepCommasQuotesAndNewlines) {
  const Result r = Read(ReadFixture("articles.csv"));
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].title, "Tariffs rise, again");
  EXPECT_EQ(r.articles[0].body,
            "Gas prices in Mangystau rose by 5%.\nThe akimat blamed \"transport costs\".");
  EXPECT_EQ(r.articles[0].date->ToString(), "2024-01-15");
  EXPECT_EQ(r.articles[0].url, "https://example.org/tariffs");
  EXPECT_EQ(r.articles[0].id, "/abs/f.csv:2");
  EXPECT_EQ(r.articles[0].path, "f.csv");
  // The quoted newline in row 2 makes the next row start on line 4.
  EXPECT_EQ(r.articles[1].title, "Atyrau bridge opens");
  EXPECT_EQ(r.articles[1].id, "/abs/f.csv:4");
  EXPECT_EQ(r.articles[2].id, "/abs/f.csv:7");
  EXPECT_FALSE(r.articles[2].date.has_value());
}

TEST(CsvReaderTest, BadRowsAreReportedWithTheirLineAndSkipped) {
  const Result r = Read(ReadFixture("articles.csv"));
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].line, 5);
  EXPECT_NE(r.problems[0].reason.find("6 fields, the header has 4"), std::string::npos);
  EXPECT_NE(r.problems[0].hint.find("quote fields"), std::string::npos);
  EXPECT_EQ(r.problems[1].line, 6);
  EXPECT_NE(r.problems[1].reason.find("after the closing quote"), std::string::npos);
  EXPECT_EQ(r.problems[2].line, 7);
  EXPECT_NE(r.problems[2].reason.find("bad date '2024-13-01'"), std::string::npos);
}

TEST(CsvReaderTest, UnclosedQuoteCostsOneRowNotTheFile) {
  const Result r = Read("title,text\n\"Broken,body\nGood,Text\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Good");
  EXPECT_EQ(r.articles[0].id, "/abs/f.csv:3");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 2);
  EXPECT_NE(r.problems[0].reason.find("never closes"), std::string::npos);
}

TEST(CsvReaderTest, CrlfBlankLinesAndATrailingEmptyField) {
  const Result r = Read("\r\ntitle,text,url\r\nA,Body a,\r\n\r\nB,\"Body\r\nb\",https://b\r\n");
  EXPECT_TRUE(r.problems.empty());
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].body, "Body a");
  EXPECT_EQ(r.articles[0].id, "/abs/f.csv:3");
  EXPECT_EQ(r.articles[1].url, "https://b");
  EXPECT_EQ(r.articles[1].body, "Body\nb");  // CR is dropped as in any text
  EXPECT_EQ(r.articles[1].id, "/abs/f.csv:5");
}

TEST(CsvReaderTest, SemicolonsOrTabsSeparateWhenTheHeaderHasNoComma) {
  Result r = Read("title;text\nA, with comma;Body\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "A, with comma");
  r = Read("title\ttext\nA\tBody\n");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].body, "Body");
}

TEST(CsvReaderTest, HeaderWithoutTitleOrTextColumnSkipsTheFile) {
  const Result r = Read("id,name\n1,x\n");
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 1);
  EXPECT_NE(r.problems[0].hint.find("header row"), std::string::npos);
}

TEST(CsvReaderTest, CustomFieldNames) {
  FieldNames names;
  names.body = {"Article Body"};
  const Result r = Read(" title , Article Body \nT,B\n", names);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].body, "B");
}

// The filter sees each row with its header, so a renamed column changes every record.
TEST(CsvReaderTest, RowsTheFilterRefusesAreNotRead) {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  std::vector<std::string> seen;
  ReadCsv("title,text\nOne,first\nTwo,second\n", "f.csv", "f.csv", FieldNames(), &articles,
          &problems, [&](int line, std::string_view record) {
            seen.emplace_back(record);
            return line != 2;
          });
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "f.csv:3");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], std::string("title\0One\0text\0first\0", 21));
}

}  // namespace
}  // namespace steppe
