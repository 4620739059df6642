// SPDX-License-Identifier: Apache-2.0
#include "read/html_reader.h"

#include "read/markup_limit.h"

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
            "Exporters welcomed the news.\nFreight rates, however, remain high.");
  for (const char* boilerplate :
       {"cookies", "Business", "Sport", "Most read", "Share on Facebook", "ADVERTISEMENT",
        "Caspian storms close ports", "reader42", "rights reserved", "JavaScript", "tracking",
        "renderWidget", "Dana Seitova", "height", "Cranes"}) {
    EXPECT_EQ(r.article.body.find(boilerplate), std::string::npos) << boilerplate;
  }
}

TEST(HtmlReaderTest, JsonLdDateComesBeforeMetaAndTime) {
  const Result r = Read(
      "<html><head><meta property=\"article:published_time\" content=\"2023-05-01\">"
      "<script type=\"application/ld+json\">{\"datePublished\": \"2022-01-01\"}</script></head>"
      "<body><article><time datetime=\"2021-01-01\">then</time><p>Text</p></article></body>");
  EXPECT_EQ(r.article.date->ToString(), "2022-01-01");
  EXPECT_EQ(r.article.date_source, "metadata");
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
      "<html>\n<head>\n<script type=\"application/ld+json\">{\"datePublished\": \"yesterday\"}"
      "</script>\n<meta name=\"date\" content=\"2024-02-28\">\n"
      "</head><body><p>Text</p></body></html>");
  EXPECT_EQ(r.article.date->ToString(), "2024-02-28");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].file, "page.html");
  EXPECT_EQ(r.problems[0].line, 3);
  EXPECT_NE(r.problems[0].reason.find("bad date 'yesterday'"), std::string::npos);
  EXPECT_NE(r.problems[0].hint.find("<meta>"), std::string::npos);
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

TEST(HtmlReaderTest, ShortPagesGiveTheirText) {
  EXPECT_EQ(Read("<body><nav>Menu</nav><p>One</p><p>Two</p></body>").article.body, "One\n\nTwo");
}

// Found by the HTML fuzzer: text straight in <body>, beside blocks, scored the <html> above it.
TEST(HtmlReaderTest, TextDirectlyInBodyIsRead) {
  const std::string text(120, 'x');
  const Result r = Read("<body>" + text + "<div>Block</div></body>");
  EXPECT_NE(r.article.body.find(text), std::string::npos) << r.article.body;
}

TEST(HtmlReaderTest, AdMustBeAWordOfItsOwnInAClassName) {
  const Result r = Read(
      "<body><div class=\"head-line\">Kept</div><div class=\"thread\">Also kept</div>"
      "<div class=\"ad\">Gone</div><div class=\"top-ads\">Gone</div>"
      "<div class=\"mainMenu\">Gone</div><div hidden>Gone</div></body>");
  EXPECT_EQ(r.article.body, "Kept\n\nAlso kept");
}

// What real pages taught: the article sits inside wrappers named like furniture (a menu's
// off-canvas wrapper, an ASP.NET page-wide <form>, a <main> named for a share bar), among
// lists of other stories, and its metadata disagrees with itself.
TEST(HtmlReaderTest, ArticleInsideWrappersNamedLikeFurnitureIsRead) {
  const Result r = Read(ReadFixture("wrapped-article.html"));
  const std::string& body = r.article.body;
  for (const char* text :
       {"Operators add a second vessel as freight waits for weeks at the Caspian terminal.",
        "The ferry operator at Kuryk said on Thursday", "contracts with buyers in Georgia",
        "returns to service on the route."}) {
    EXPECT_NE(body.find(text), std::string::npos) << text << " missing from:\n" << body;
  }
  for (const char* text :
       {"Most read", "Tengiz output", "Rail tariffs", "Khorgos", "Read more", "Aktau grain exports",
        "Sign up", "Rail freight", "Home", "Photograph by", "all rights reserved"}) {
    EXPECT_EQ(body.find(text), std::string::npos) << text << " leaked into:\n" << body;
  }
}

TEST(HtmlReaderTest, TitleIsTheFullHeadlineWithoutTheSiteSuffix) {
  // og:title is cut short by an unescaped quote; <title> ends in the site's name.
  EXPECT_EQ(Read(ReadFixture("wrapped-article.html")).article.title,
            "Ferry link from Kuryk to Baku doubles its \"sailings\" this spring");
  EXPECT_EQ(Read("<head><title>Grain trains resume in Kostanay - Steppe Wire</title>"
                 "<meta property=\"og:site_name\" content=\"Steppe Wire\"></head><body>x</body>")
                .article.title,
            "Grain trains resume in Kostanay");
  EXPECT_EQ(Read("<title>Why the tenge fell again | Dana Seitova</title><body><h1>Why the tenge "
                 "fell again</h1><p>x</p></body>")
                .article.title,
            "Why the tenge fell again");
  EXPECT_EQ(
      Read("<title>Новый мост через Урил открыт_Новости_Степь</title><body>x</body>").article.title,
      "Новый мост через Урил открыт");
  // A kicker printed inside the <h1> is not part of the headline.
  EXPECT_EQ(Read("<head><meta property=\"og:title\" content=\"Why the copper price rose\">"
                 "</head><body><h1><span class=\"kicker\">Mines</span> <span class=\"headline\">"
                 "Why the copper price rose</span></h1><p>x</p></body>")
                .article.title,
            "Why the copper price rose");
  // og:title cut by an unescaped quote, with no <h1>: the full <title>.
  EXPECT_EQ(
      Read("<head><meta property=\"og:title\" content=\"Senator calls the plan \"reckless\"\">"
           "<title>Senator calls the plan \"reckless\" | Steppe Wire</title></head><body>x</body>")
          .article.title,
      "Senator calls the plan \"reckless\"");
  // A dash inside a headline stays.
  EXPECT_EQ(Read("<title>Almaty - Astana trains run faster from today on the new line</title>"
                 "<body>x</body>")
                .article.title,
            "Almaty - Astana trains run faster from today on the new line");
}

TEST(HtmlReaderTest, PublishedDateIsThePrintedLocalDayNotModifiedTweetOrCaption) {
  const Result r = Read(ReadFixture("wrapped-article.html"));
  ASSERT_TRUE(r.article.date.has_value());
  // datePublished is 2024-03-15T01:49Z; the byline prints March 14, the publisher's day.
  EXPECT_EQ(r.article.date->ToString(), "2024-03-14");
  EXPECT_EQ(r.article.date_source, "metadata");
}

TEST(HtmlReaderTest, TimeInsideAFigureATweetOrAnAsideIsNotTheArticles) {
  const Result r = Read(
      "<body><aside><time datetime=\"2020-01-01\">x</time></aside><article>"
      "<figure><figcaption><time datetime=\"2019-06-01\">1 June 2019</time></figcaption></figure>"
      "<blockquote class=\"twitter-tweet\"><time datetime=\"2024-03-10\">x</time></blockquote>"
      "<p>By us, <time datetime=\"2024-03-12T10:00\">12 March</time></p>"
      "<p>Some text of the article, long enough to be one.</p></article></body>");
  EXPECT_EQ(r.article.date->ToString(), "2024-03-12");
}

TEST(HtmlReaderTest, ModifiedDateOnlyWhenNothingElseDatesThePage) {
  EXPECT_EQ(Read("<head><meta property=\"article:modified_time\" content=\"2024-05-02\">"
                 "<meta name=\"pubdate\" content=\"2024-04-30\"></head><body>x</body>")
                .article.date->ToString(),
            "2024-04-30");
  EXPECT_EQ(Read("<head><meta property=\"article:modified_time\" content=\"2024-05-02\">"
                 "</head><body>x</body>")
                .article.date->ToString(),
            "2024-05-02");
}

TEST(HtmlReaderTest, DatelineDatesAPageWithoutMetadata) {
  const Result r = Read(
      "<body><article><p>АКТАУ, 14 декабря 2023 года. Порт отгрузил зерно в Баку, сообщили в "
      "администрации порта.</p></article></body>");
  ASSERT_TRUE(r.article.date.has_value());
  EXPECT_EQ(r.article.date->ToString(), "2023-12-14");
  EXPECT_EQ(r.article.date_source, "dateline");
  const Result born = Read("<body><p>Born on 3 May 1950, he ran the port for thirty years.</p>");
  EXPECT_FALSE(born.article.date.has_value());
  EXPECT_EQ(born.article.date_source, "");
}

TEST(HtmlReaderTest, ArticleBodyMarkedByItempropIsTrusted) {
  std::string links;
  for (int i = 0; i < 30; ++i) {
    links += "<p>Another story about something else entirely, number " + std::to_string(i) +
             ", with commas, many, many, of them.</p>";
  }
  const Result r = Read("<body><div class=\"sidebar-list\">" + links +
                        "</div><div itemprop=\"articleBody\"><p>The wind farm near Yereymentau "
                        "signed a power deal with the grid operator on Monday, its owners "
                        "said.</p><p>It will sell power for fifteen years at a fixed price, "
                        "which the regulator approved.</p><p>Construction of a second phase "
                        "starts next year.</p></div></body>");
  EXPECT_EQ(r.article.body.find("Another story"), std::string::npos) << r.article.body;
  EXPECT_NE(r.article.body.find("Yereymentau"), std::string::npos) << r.article.body;
}

// Real pages have tags with a hundred attributes and markup that the estimate of open
// elements counts deep: the excess is dropped and the page read to its end.
TEST(HtmlReaderTest, ExcessMarkupIsDroppedAndTheRestRead) {
  std::string attributes;
  for (int i = 0; i < 100; ++i) attributes += " data-a" + std::to_string(i) + "=\"x\"";
  const Result r = Read("<body><p>Start of the text, <span" + attributes +
                        ">the middle of it</span> and the end of the paragraph.</p></body>");
  EXPECT_NE(r.article.body.find("the middle of it and the end"), std::string::npos)
      << r.article.body;
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(r.problems[0].reason.find("attributes"), std::string::npos);
  std::string deep;
  for (int i = 0; i < 600; ++i) deep += "<div>";
  const Result d = Read("<body>" + deep + "<p>End of the text, after the deep markup.</p></body>");
  EXPECT_NE(d.article.body.find("End of the text"), std::string::npos) << d.article.body;
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].reason.find("nest more than 512"), std::string::npos);
}

TEST(HtmlReaderTest, LimitMarkupDropsOnlyTheExcess) {
  MarkupLimit limit;
  EXPECT_EQ(LimitMarkup("<div a b c>x</div>", 8, 2, &limit), "<div a b >x</div>");
  EXPECT_EQ(limit.line, 1);
  EXPECT_EQ(LimitMarkup("<div><div><div>x", 2, 8, &limit), "<div><div>x");
  EXPECT_EQ(LimitMarkup("<p>fine</p>", 2, 2, &limit), "<p>fine</p>");
  EXPECT_EQ(limit.end, std::string_view::npos);
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
