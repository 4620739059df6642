// SPDX-License-Identifier: Apache-2.0
#include "read/html_reader.h"

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
  Article article;
  std::vector<Problem> problems;
};

Result Read(std::string_view html) {
  Result r;
  ReadHtml(html, "page.html", &r.article, &r.problems);
  return r;
}

TEST(HtmlReaderTest, ReadsMetadataOfANewsPage) {
  const Result r = Read(ReadFixture("page.html"));
  EXPECT_TRUE(r.problems.empty());
  EXPECT_EQ(r.article.title, "Aktau port resumes grain shipments");  // og:title, no site suffix
  ASSERT_TRUE(r.article.date.has_value());
  EXPECT_EQ(r.article.date->ToString(), "2024-02-28");  // JSON-LD, not the sidebar's <time>
  EXPECT_EQ(r.article.url, "https://wire.example.org/2024/aktau-grain");  // canonical
  EXPECT_EQ(r.article.source, "Steppe Wire");
  EXPECT_EQ(r.article.lang, "en");
}

TEST(HtmlReaderTest, BodyIsTheArticleTextInParagraphsWithoutBoilerplate) {
  const Result r = Read(ReadFixture("page.html"));
  EXPECT_EQ(r.article.body,
            "The seaport of Aktau resumed grain shipments to Baku on Wednesday after a two-week "
            "pause caused by storms on the Caspian.\n\n"
            "Port officials said three bulk carriers were loaded overnight, and that the backlog "
            "of wagons at the rail terminal should clear by Friday.\n\n"
            "Cranes at the grain terminal.\n\n"
            "Exporters welcomed the news.\nFreight rates, however, remain high.");
  for (const char* boilerplate :
       {"cookies", "Business", "Sport", "Most read", "Share on Facebook", "ADVERTISEMENT",
        "Caspian storms close ports", "reader42", "rights reserved", "JavaScript", "tracking",
        "renderWidget", "Dana Seitova", "height"}) {
    EXPECT_EQ(r.article.body.find(boilerplate), std::string::npos) << boilerplate;
  }
}

TEST(HtmlReaderTest, MetaDateComesBeforeJsonLdAndTime) {
  const Result r = Read(
      "<html><head><meta property=\"article:published_time\" content=\"2023-05-01T09:00:00Z\">"
      "<script type=\"application/ld+json\">{\"datePublished\": \"2022-01-01\"}</script></head>"
      "<body><article><time datetime=\"2021-01-01\">then</time><p>Text</p></article></body>");
  EXPECT_EQ(r.article.date->ToString(), "2023-05-01");
}

TEST(HtmlReaderTest, TheArticlesOwnTimeElementBeatsOneInASidebar) {
  const Result r = Read(
      "<body><div class=\"top-stories\"><time datetime=\"2020-01-01\">old</time></div>"
      "<article><p>By us, <time datetime=\"2024-03-08T12:00\">8 March</time></p>"
      "<p>Text</p></article></body>");
  EXPECT_EQ(r.article.date->ToString(), "2024-03-08");
}

TEST(HtmlReaderTest, BogusDateIsReportedWithItsLineAndTheNextSourceUsed) {
  const Result r = Read(
      "<html>\n<head>\n<meta name=\"date\" content=\"yesterday\">\n"
      "<script type=\"application/ld+json\">{\"datePublished\": \"2024-02-28\"}</script>\n"
      "</head><body><p>Text</p></body></html>");
  EXPECT_EQ(r.article.date->ToString(), "2024-02-28");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].file, "page.html");
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_NE(r.problems[0].reason.find("bad date 'yesterday'"), std::string::npos);
  EXPECT_NE(r.problems[0].hint.find("JSON-LD"), std::string::npos);
}

TEST(HtmlReaderTest, OnlyBogusDatesLeaveTheArticleUndated) {
  const Result r = Read("<body><time datetime=\"soon\">soon</time><p>Text</p></body>");
  EXPECT_FALSE(r.article.date.has_value());
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].hint.find("undated"), std::string::npos);
}

TEST(HtmlReaderTest, TitleFallsBackToTitleElementThenHeading) {
  EXPECT_EQ(Read("<title> Strike \n in Aktau </title><body>x</body>").article.title,
            "Strike in Aktau");
  EXPECT_EQ(Read("<body><h1>Heading <b>bold</b></h1><p>x</p></body>").article.title,
            "Heading bold");
}

TEST(HtmlReaderTest, WithoutArticleTheMainElementOrBodyIsRead) {
  EXPECT_EQ(Read("<body><p>Intro</p><main><p>Main text</p></main></body>").article.body,
            "Main text");
  EXPECT_EQ(Read("<body><nav>Menu</nav><p>One</p><p>Two</p></body>").article.body, "One\n\nTwo");
}

TEST(HtmlReaderTest, AdMustBeAWordOfItsOwnInAClassName) {
  const Result r = Read(
      "<body><div class=\"head-line\">Kept</div><div class=\"thread\">Also kept</div>"
      "<div class=\"ad\">Gone</div><div class=\"top-ads\">Gone</div>"
      "<div class=\"mainMenu\">Gone</div><div hidden>Gone</div></body>");
  EXPECT_EQ(r.article.body, "Kept\n\nAlso kept");
}

TEST(HtmlReaderTest, BrokenMarkupAndEntitiesAreReadAsBrowsersDo) {
  const Result r = Read("<p>Tom &amp; Jerry&nbsp;&mdash; <b>bold<p>Next &lt;para&gt;");
  EXPECT_EQ(r.article.body, "Tom & Jerry\u00A0— bold\n\nNext <para>");
}

TEST(HtmlReaderTest, HtmlLangOutsideSteppesLanguagesIsLeftForGuessing) {
  EXPECT_EQ(Read("<html lang=\"ru-RU\"><body>x</body></html>").article.lang, "ru");
  EXPECT_EQ(Read("<html lang=\"de\"><body>x</body></html>").article.lang, "");
}

}  // namespace
}  // namespace steppe
