// SPDX-License-Identifier: Apache-2.0
#include "read/reader.h"

#include <gtest/gtest.h>

#include "read/article_file.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;

fs::path Fixture(const std::string& name) { return fs::path(STEPPE_TEST_DATA) / "read" / name; }

struct Result {
  Status status;
  std::vector<Article> articles;
  std::vector<Problem> problems;
};

Result Read(const fs::path& path, const FieldNames& names = FieldNames()) {
  Result r;
  r.status = ReadArticles(path, names, &r.articles, &r.problems);
  return r;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

TEST(ReaderTest, Windows1251MarkdownKeepsItsFrontMatter) {
  const Result r = Read(Fixture("ru-windows-1251.md"));
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Нефтяники Жанаозена требуют повышения зарплаты");
  EXPECT_EQ(a.date->ToString(), "2024-03-05");
  EXPECT_EQ(a.source, "Степной вестник");
  EXPECT_TRUE(a.body.starts_with("Работники нефтесервисной компании в Жанаозене"));
  EXPECT_EQ(a.id, fs::canonical(Fixture("ru-windows-1251.md")).string());
  EXPECT_EQ(a.path, Fixture("ru-windows-1251.md").string());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].line, 0);
  EXPECT_TRUE(Contains(r.problems[0].reason, "converted from windows-1251"));
}

TEST(ReaderTest, Koi8rTextTakesItsFirstLineAsTitle) {
  const Result r = Read(Fixture("ru-koi8-r.txt"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Сильный ветер оставил без света несколько сёл Мангистау");
  EXPECT_FALSE(r.articles[0].date.has_value());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(Contains(r.problems[0].reason, "KOI8-R"));
}

TEST(ReaderTest, Utf16WithByteOrderMark) {
  const Result r = Read(Fixture("kk-utf-16le-bom.txt"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Ақтауда жаңа мектеп ашылды");
  EXPECT_TRUE(Contains(r.articles[0].body, "Ата-аналар"));
}

TEST(ReaderTest, Latin1Text) {
  const Result r = Read(Fixture("en-latin-1.txt"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Café owners in Almaty welcome the new façade rules");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(Contains(r.problems[0].reason, "converted from"));
}

TEST(ReaderTest, HtmlPageIsOneArticleWithTheFilesId) {
  const Result r = Read(Fixture("page.html"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Aktau port resumes grain shipments");
  EXPECT_EQ(r.articles[0].id, fs::canonical(Fixture("page.html")).string());
  EXPECT_FALSE(Contains(r.articles[0].body, "cookies"));
  EXPECT_TRUE(r.problems.empty());
}

TEST(ReaderTest, JsonLinesRecordsAreIdentifiedByPathAndLine) {
  const Result r = Read(Fixture("articles.jsonl"));
  ASSERT_TRUE(r.status.ok());
  const std::string id = fs::canonical(Fixture("articles.jsonl")).string();
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].id, id + ":1");
  EXPECT_EQ(r.articles[1].id, id + ":2");
  EXPECT_EQ(r.articles[2].id, id + ":5");
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_TRUE(r.problems[0].ToString().starts_with(Fixture("articles.jsonl").string() +
                                                   ":4: not valid JSON"));
}

TEST(ReaderTest, CsvRowsAreIdentifiedByTheirFirstLine) {
  const Result r = Read(Fixture("articles.csv"));
  const std::string id = fs::canonical(Fixture("articles.csv")).string();
  ASSERT_EQ(r.articles.size(), 3u);
  EXPECT_EQ(r.articles[0].id, id + ":2");
  EXPECT_EQ(r.articles[1].id, id + ":4");
  EXPECT_EQ(r.articles[2].id, id + ":7");
  EXPECT_EQ(r.problems.size(), 3u);
}

TEST(ReaderTest, ContentDecidesWhenTheExtensionIsWrongOrMissing) {
  testing::TempDir dir;
  Result r = Read(dir.Write("saved-page.txt",
                            "<!DOCTYPE html><title>Saved page</title><nav>Menu</nav><p>Body</p>"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Saved page");
  EXPECT_EQ(r.articles[0].body, "Body");

  r = Read(dir.Write("export.csv", "{\"title\": \"A\"}\n{\"title\": \"B\"}\n"));
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.articles[1].id.ends_with("export.csv:2"));

  r = Read(dir.Write("dump.dat", "title,text\nA,Body a\nB,Body b\n"));
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[1].body, "Body b");

  r = Read(dir.Write("notes", "Plain title\nPlain body, with a comma\n"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Plain title");
}

TEST(ReaderTest, FrontMatterMarksATextFileWhateverItsExtension) {
  testing::TempDir dir;
  const Result r = Read(dir.Write("odd.html", "---\ntitle: Front matter\n---\n<p>Body</p>\n"));
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Front matter");
  EXPECT_EQ(r.articles[0].body, "<p>Body</p>\n");
}

TEST(ReaderTest, FieldNamesAreHonoured) {
  testing::TempDir dir;
  FieldNames names;
  names.title = {"name"};
  const Result r = Read(dir.Write("a.jsonl", "{\"name\": \"N\", \"title\": \"T\"}\n"), names);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "N");
}

TEST(ReaderTest, EmptyAndBinaryFilesAreReportedAndSkipped) {
  testing::TempDir dir;
  Result r = Read(dir.Write("empty.md", " \n\n"));
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(Contains(r.problems[0].reason, "empty"));

  r = Read(dir.Write("image.txt", std::string_view("\x89PNG\r\n\x1A\n\x00\x00", 10)));
  EXPECT_TRUE(r.status.ok());
  EXPECT_TRUE(r.articles.empty());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_TRUE(Contains(r.problems[0].reason, "not a text file"));
}

TEST(ReaderTest, MissingOrOversizedFileIsAnIoErrorNamingThePath) {
  Result r = Read("/nonexistent/steppe.jsonl");
  EXPECT_EQ(r.status.code(), Status::Code::kIoError);
  EXPECT_TRUE(Contains(r.status.message(), "/nonexistent/steppe.jsonl"));

  testing::TempDir dir;
  const fs::path big = dir.Write("big.txt", "");
  fs::resize_file(big, kMaxArticleFileBytes + 1);  // sparse: costs no disk
  r = Read(big);
  EXPECT_EQ(r.status.code(), Status::Code::kIoError);
  EXPECT_TRUE(Contains(r.status.message(), "64 MiB"));
  EXPECT_TRUE(r.articles.empty());
}

}  // namespace
}  // namespace steppe
