// SPDX-License-Identifier: Apache-2.0
#include "read/jsonl_reader.h"

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

TEST(JsonlReaderTest, ReadsEveryGoodLineAndReportsTheBrokenOne) {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ReadJsonLines(ReadFixture("articles.jsonl"), "articles.jsonl", "/data/articles.jsonl",
                FieldNames(), &articles, &problems);

  ASSERT_EQ(articles.size(), 3u);
  EXPECT_EQ(articles[0].id, "/data/articles.jsonl:1");
  EXPECT_EQ(articles[0].path, "articles.jsonl");
  EXPECT_EQ(articles[0].title, "Caspian ferry timetable changes");
  EXPECT_EQ(articles[0].date->ToString(), "2024-02-20");
  EXPECT_EQ(articles[0].url, "https://example.org/ferry");
  EXPECT_EQ(articles[0].lang, "en");

  EXPECT_EQ(articles[1].id, "/data/articles.jsonl:2");
  EXPECT_EQ(articles[1].title, "Забастовка в Жанаозене продолжается");
  EXPECT_EQ(articles[1].body,
            "Рабочие не вышли на смену — уже третий день.\nПереговоры назначены на пятницу.");
  EXPECT_EQ(articles[1].date->ToString(), "2024-03-01");
  EXPECT_EQ(articles[1].source, "Степной вестник");  // {"name": ...}
  EXPECT_EQ(articles[1].companies, (std::vector<std::string>{"ОзенМунайГаз"}));

  EXPECT_EQ(articles[2].id, "/data/articles.jsonl:5");  // the empty line 3 still counts
  EXPECT_EQ(articles[2].title, "Ақтауда жаңа мектеп ашылды");
  EXPECT_FALSE(articles[2].date.has_value());

  ASSERT_EQ(problems.size(), 2u);  // the empty line is not a problem
  EXPECT_EQ(problems[0].file, "articles.jsonl");
  EXPECT_EQ(problems[0].line, 4);
  EXPECT_NE(problems[0].reason.find("not valid JSON: column"), std::string::npos);
  EXPECT_NE(problems[0].hint.find("fix or remove the line"), std::string::npos);
  EXPECT_EQ(problems[1].line, 5);
  EXPECT_NE(problems[1].reason.find("last Tuesday"), std::string::npos);
}

TEST(JsonlReaderTest, LinesThatAreNotObjectsAreReported) {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ReadJsonLines("[\"a\"]\n\"text\"\n{\"title\": \"ok\"}\r\n", "f.jsonl", "f.jsonl", FieldNames(),
                &articles, &problems);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "f.jsonl:3");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_TRUE(
      problems[0].ToString().starts_with("f.jsonl:1: line holds an array, not a JSON object"));
  EXPECT_EQ(problems[1].line, 2);
}

TEST(JsonlReaderTest, CustomFieldNamesAndNonStringValues) {
  FieldNames names;
  names.title = {"heading"};
  names.date = {"year"};
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ReadJsonLines(R"({"heading": "H", "text": "B", "year": 2023, "views": 12, "tags": null})", "f",
                "f", names, &articles, &problems);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(articles[0].title, "H");
  EXPECT_EQ(articles[0].date->ToString(), "2023");
}

TEST(JsonlReaderTest, ObjectWithoutTitleOrTextIsReported) {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  ReadJsonLines(R"({"url": "https://x"})", "f", "f", FieldNames(), &articles, &problems);
  EXPECT_TRUE(articles.empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 1);
}

// The indexer skips records it has indexed already: they are not parsed, so not reported.
TEST(JsonlReaderTest, RecordsTheFilterRefusesAreNotRead) {
  std::vector<Article> articles;
  std::vector<Problem> problems;
  std::vector<int> asked;
  ReadJsonLines("{\"title\": \"one\"}\n{broken\n\n{\"title\": \"four\"}\n", "f", "f", FieldNames(),
                &articles, &problems, [&](int line, std::string_view record) {
                  asked.push_back(line);
                  return record != "{broken";
                });
  EXPECT_EQ(asked, (std::vector<int>{1, 2, 4}));  // not the blank line
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_EQ(articles[1].id, "f:4");
  EXPECT_TRUE(problems.empty());
}

}  // namespace
}  // namespace steppe
