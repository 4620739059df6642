// SPDX-License-Identifier: Apache-2.0
#include "read/article_file.h"

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace steppe {
namespace {

TEST(ArticleFileTest, ReadsFrontMatterIntoArticle) {
  testing::TempDir dir;
  const auto path = dir.Write("a.md",
                              "---\ntitle: Strike\ndate: 2024-01\nsource: Wire\nurl: https://x\n"
                              "lang: en\ncompanies: West Oil Software, KMG\nplaces: Aktau\n---\n"
                              "Workers struck.\n");
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ReadArticleFile(path, &a, &problems).ok());
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(a.title, "Strike");
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2024-01");
  EXPECT_EQ(a.source, "Wire");
  EXPECT_EQ(a.url, "https://x");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.companies, (std::vector<std::string>{"West Oil Software", "KMG"}));
  EXPECT_EQ(a.places, (std::vector<std::string>{"Aktau"}));
  EXPECT_EQ(a.body, "Workers struck.\n");
  EXPECT_EQ(a.id, std::filesystem::canonical(path).string());
}

TEST(ArticleFileTest, WithoutFrontMatterFirstLineIsTitleAndArticleIsUndated) {
  testing::TempDir dir;
  const auto path = dir.Write("notes.txt", "\n\n  Zhanaozen, ten years on  \nBody text.\n");
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ReadArticleFile(path, &a, &problems).ok());
  EXPECT_EQ(a.title, "Zhanaozen, ten years on");
  EXPECT_EQ(a.body, "Body text.\n");
  EXPECT_FALSE(a.date.has_value());  // never the file's mtime
}

TEST(ArticleFileTest, AFirstLineTooLongForATitleStaysInTheBody) {
  testing::TempDir dir;
  std::string paragraph;
  for (int i = 0; i < 200; ++i) paragraph += "Жаңаөзендегі ереуіл " + std::to_string(i) + " ";
  const auto path = dir.Write("one-line.txt", paragraph + "\nSecond line.\n");
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ReadArticleFile(path, &a, &problems).ok());
  EXPECT_EQ(a.body, paragraph + "\nSecond line.\n");
  EXPECT_LE(a.title.size(), 300u + std::string("…").size());
  ASSERT_TRUE(a.title.ends_with("…"));
  const std::string opening = a.title.substr(0, a.title.size() - std::string("…").size());
  EXPECT_TRUE(paragraph.starts_with(opening + " ")) << a.title;  // whole words only
}

TEST(ArticleFileTest, BadDateIsReportedWithLineAndArticleKeptUndated) {
  testing::TempDir dir;
  const auto path = dir.Write("bad.md", "---\ntitle: T\ndate: 2024-02-30\n---\nBody\n");
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ReadArticleFile(path, &a, &problems).ok());
  EXPECT_FALSE(a.date.has_value());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].line, 3);
  EXPECT_EQ(problems[0].file, path.string());
  EXPECT_NE(problems[0].reason.find("2024-02-30"), std::string::npos);
  EXPECT_NE(problems[0].hint.find("undated"), std::string::npos);
}

TEST(ArticleFileTest, InvalidUtf8IsRepairedAndReportedOnce) {
  testing::TempDir dir;
  const auto path = dir.Write("latin1.txt", "Title\nCaf\xE9 and na\xEFve\n");
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ReadArticleFile(path, &a, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("2 invalid UTF-8"), std::string::npos);
  EXPECT_EQ(problems[0].line, 2);  // where the first bad byte is
  EXPECT_EQ(a.body, "Caf\uFFFD and na\uFFFDve\n");
}

TEST(ArticleFileTest, MissingFileIsAnIoErrorNamingThePath) {
  Article a;
  std::vector<Problem> problems;
  const Status s = ReadArticleFile("/nonexistent/steppe.md", &a, &problems);
  EXPECT_EQ(s.code(), Status::Code::kIoError);
  EXPECT_NE(s.message().find("/nonexistent/steppe.md"), std::string::npos);
}

TEST(ArticleFileTest, UnknownKeyAndUnclosedFrontMatterAreReported) {
  testing::TempDir dir;
  Article a;
  std::vector<Problem> problems;
  ASSERT_TRUE(ReadArticleFile(dir.Write("k.md", "---\nauthor: X\n---\nB"), &a, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("author"), std::string::npos);
  problems.clear();
  ASSERT_TRUE(ReadArticleFile(dir.Write("u.md", "---\ntitle: X\nBody"), &a, &problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("never closes"), std::string::npos);
  EXPECT_NE(a.body.find("Body"), std::string::npos);  // nothing lost
}

}  // namespace
}  // namespace steppe
