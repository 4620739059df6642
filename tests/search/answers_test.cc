// SPDX-License-Identifier: Apache-2.0
// Answers a newcomer can trust (issue 23), through the public API: filters by any name the
// gazetteer knows, exact counts whatever the page, valid UTF-8 in every printed field, and
// arguments validated.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/index_fixture.h"
#include "util/utf8.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;
using testing::IndexFixture;

// Issue 23, item 1.
class EntityFilterTest : public IndexFixture {
 protected:
  void SetUp() override {
    Build({Make("mangystau", "Drillers stop work in Mangystau Region",
                "The oil workers of KazMunayGas stopped work in Mangystau Region on Monday."),
           Make("almaty", "A rally in Almaty", "People gathered in Almaty to hear ExxonMobil."),
           Make("other", "Weather", "Snow fell in the north of the country.")});
  }

  std::set<std::string> Filtered(std::vector<std::string> companies,
                                 std::vector<std::string> places) {
    SearchRequest r;
    r.companies = std::move(companies);
    r.places = std::move(places);
    r.limit = 100;
    return Set(IdsOf(Search(r)));
  }
};

TEST_F(EntityFilterTest, APlaceFilterTakesEveryNameAndSpellingOfThePlace) {
  for (const char* name :
       {"Mangystau Region", "Mangystau", "Маңғыстау", "Мангистау", "Mangistau", "Mangyshlak",
        "Мангистауская область", "mangystau", "MANGYSTAU", "маңғыстау"}) {
    EXPECT_EQ(Filtered({}, {name}), (std::set<std::string>{"mangystau"})) << name;
    EXPECT_EQ(Set(Ids(std::string("place:\"") + name + "\"")), (std::set<std::string>{"mangystau"}))
        << name;
  }
  for (const char* name : {"Almaty", "Alma-Ata", "Алматы", "Алма-Ата"}) {
    EXPECT_EQ(Filtered({}, {name}), (std::set<std::string>{"almaty"})) << name;
  }
}

TEST_F(EntityFilterTest, ACompanyFilterTakesEveryAliasOfTheCompany) {
  for (const char* name :
       {"KazMunayGas", "KMG", "kmg", "KazMunaiGas", "kazmunaigas", "КазМунайГаз", "ҚазМұнайГаз"}) {
    EXPECT_EQ(Filtered({name}, {}), (std::set<std::string>{"mangystau"})) << name;
  }
  for (const char* name : {"ExxonMobil", "Exxon", "Exxon Mobil"}) {
    EXPECT_EQ(Filtered({name}, {}), (std::set<std::string>{"almaty"})) << name;
  }
  // A place is no company, and the other way round.
  EXPECT_TRUE(Filtered({"Almaty"}, {}).empty());
  EXPECT_TRUE(Filtered({}, {"KMG"}).empty());
}

// Issue 23, item 2: totals count what the list pages through (copies of one story once),
// exactly, whatever the page; facets count the same stories.
class CountTest : public IndexFixture {
 protected:
  // A story of its own words, so that stories differ in every shingle; its copies are the
  // same text, as syndicated.
  static std::string Story(const std::string& topic) {
    std::string text = "The workers walked out on Monday.";
    for (char c = 'a'; c <= 'z'; ++c) text += " " + topic + c + "x";
    return text;
  }

  void SetUp() override {
    std::vector<Article> articles;
    // Twelve stories, the first three syndicated in three copies each: 18 articles.
    const char* topics[] = {"oil",   "gas",    "rail",  "port", "mine",   "steel",
                            "power", "cement", "grain", "bus",  "school", "water"};
    for (int t = 0; t < 12; ++t) {
      for (int copy = 0; copy < (t < 3 ? 3 : 1); ++copy) {
        Article a = Make(std::string(topics[t]) + "-" + std::to_string(copy),
                         std::string("Strike at the ") + topics[t] + " depot", Story(topics[t]),
                         Date{2020 + t % 3, 1 + t, 0}, "en");
        articles.push_back(a);
      }
    }
    Build(articles);
  }

  SearchResults Page(size_t offset, size_t limit, bool all_copies = false, size_t facets = 0) {
    return Search({.query = "strike depot",
                   .all_copies = all_copies,
                   .facet_limit = facets,
                   .offset = offset,
                   .limit = limit});
  }
};

TEST_F(CountTest, TotalsAreExactWhateverTheLimitAndOffset) {
  const SearchResults whole = Page(0, 100);
  ASSERT_EQ(whole.hits.size(), 12u) << "three stories of three copies show once each";
  for (size_t limit : {0, 1, 5, 11, 12, 50}) {
    for (size_t offset : {0, 3, 11, 40}) {
      const SearchResults r = Page(offset, limit);
      EXPECT_EQ(r.total_estimated, 12u) << limit << "+" << offset;
      EXPECT_EQ(r.total_lower, 12u) << limit << "+" << offset;
      EXPECT_EQ(r.total_upper, 12u) << limit << "+" << offset;
      EXPECT_EQ(r.hits.size(), std::min(limit, offset < 12 ? 12 - offset : 0));
    }
  }
  for (size_t limit : {1, 5, 100}) {
    const SearchResults r = Page(0, limit, true);
    EXPECT_EQ(r.total_lower, 18u) << "every copy, with --all-copies";
    EXPECT_EQ(r.total_upper, 18u);
  }
}

TEST_F(CountTest, FacetsCountTheStoriesTheTotalCounts) {
  for (bool all_copies : {false, true}) {
    const SearchResults r = Page(0, 2, all_copies, 10);
    const size_t expected = all_copies ? 18 : 12;
    EXPECT_EQ(r.total_lower, expected);
    EXPECT_EQ(r.total_upper, expected);
    for (const Facet& f : r.facets) {
      if (f.field != "lang" && f.field != "year") continue;  // one value per article
      size_t sum = 0;
      for (const FacetCount& c : f.values) sum += c.count;
      EXPECT_EQ(sum, expected) << f.field << (all_copies ? " all copies" : "");
    }
  }
}

// Issue 23, item 2: above 1,000 matches the count is an estimate, and a close one.
class EstimateTest : public IndexFixture {
 protected:
  void SetUp() override {
    std::vector<Article> articles;
    for (int i = 0; i < 2400; ++i) {
      // Every other note says "alpha", every third "beta"; all say "gamma".
      std::string body = "gamma note " + std::to_string(i);
      if (i % 2 == 0) body += " alpha";
      if (i % 3 == 0) body += " beta";
      articles.push_back(Make("n" + std::to_string(i), "Note", body));
    }
    Build(articles);
  }
};

TEST_F(EstimateTest, BigCountsAreEstimatedWithinTenPercent) {
  for (const auto& [query, truth] :
       {std::pair("alpha", 1200), std::pair("beta", 800), std::pair("gamma", 2400),
        std::pair("alpha beta", 400), std::pair("alpha OR beta", 1600)}) {
    const SearchResults r = Search({.query = query});
    if (truth <= 1000) {
      EXPECT_EQ(r.total_lower, r.total_upper) << query << ": exact up to 1,000";
      EXPECT_EQ(r.total_estimated, static_cast<size_t>(truth)) << query;
      continue;
    }
    EXPECT_LE(r.total_lower, static_cast<size_t>(truth)) << query;
    EXPECT_GE(r.total_upper, static_cast<size_t>(truth)) << query;
    EXPECT_NEAR(static_cast<double>(r.total_estimated), truth, 0.1 * truth) << query;
    // With facets every match is counted.
    EXPECT_EQ(Search({.query = query, .facet_limit = 1}).total_estimated,
              static_cast<size_t>(truth))
        << query;
  }
}

// Issue 23, item 3: every field a search returns is valid UTF-8, whatever the snippet length,
// for every article of the bundled corpus and the test data.
class Utf8OutputTest : public IndexFixture {};

void ExpectValidUtf8(const Hit& h, const std::string& context) {
  for (const std::string* field : {&h.id, &h.path, &h.title, &h.source, &h.snippet}) {
    ASSERT_EQ(FirstInvalidUtf8(*field), field->size()) << context << ": " << *field;
  }
  nlohmann::json j = {{"title", h.title}, {"snippet", h.snippet}, {"source", h.source}};
  std::string dumped;
  EXPECT_NO_THROW(dumped = j.dump()) << context;  // throws on invalid UTF-8
  EXPECT_TRUE(nlohmann::json::accept(dumped)) << context;
  for (const auto& [begin, end] : h.highlights) {
    ASSERT_LE(end, h.snippet.size()) << context;
    EXPECT_EQ(FirstInvalidUtf8(std::string_view(h.snippet).substr(begin, end - begin)), end - begin)
        << context;
  }
}

TEST_F(Utf8OutputTest, SnippetsEndOnWholeCharacters) {
  // A word followed by punctuation of two, three and four bytes, and a cluster of two code
  // points (a thumb and its skin tone), with no space to stop at.
  Build({Make("marks", "Marks",
              "Забастовка»—«продолжается» strike👍🏽👍🏽 "
              "Ozenmunaigas«»—…")});
  for (const char* word : {"Забастовка", "strike", "Ozenmunaigas", "продолжается"}) {
    for (size_t length = 1; length < 60; ++length) {
      const SearchResults r = Search({.query = word, .snippet_length = length});
      ASSERT_EQ(r.hits.size(), 1u) << word;
      ExpectValidUtf8(r.hits[0], std::string(word) + " length " + std::to_string(length));
      const std::string& s = r.hits[0].snippet;
      // A grapheme cluster is not split: the thumb keeps its skin tone.
      size_t thumbs = 0, toned = 0;
      for (size_t at = s.find("👍"); at != std::string::npos; at = s.find("👍", at + 1)) ++thumbs;
      for (size_t at = s.find("👍🏽"); at != std::string::npos; at = s.find("👍🏽", at + 1))
        ++toned;
      EXPECT_EQ(thumbs, toned) << s;
    }
  }
}

TEST_F(Utf8OutputTest, EveryBundledAndTestArticleGivesValidFields) {
  IndexOptions options;
  options.create_if_missing = true;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir_.path() / "db", &index).ok());
  IndexStats stats;
  for (const char* dir : {STEPPE_CORPUS_DIR, STEPPE_TEST_DATA "/read", STEPPE_TEST_DATA "/bad"}) {
    ASSERT_TRUE(index->AddPath(AddOptions(), dir, &stats).ok()) << dir;
  }
  ASSERT_TRUE(index->Commit().ok());
  index.reset();
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir_.path() / "db", &searcher_).ok());
  // Every article, by a filter that all match.
  const SearchResults all =
      Search({.langs = {"en", "ru", "kk"}, .all_copies = true, .limit = 10000});
  ASSERT_GE(all.hits.size(), 30u);
  size_t searches = 0;
  for (const Hit& listed : all.hits) {
    ExpectValidUtf8(listed, listed.id);
    Article a;
    ASSERT_TRUE(searcher_->Get(listed.id, &a).ok()) << listed.id;
    std::vector<AnalysedWord> words;
    ASSERT_TRUE(AnalyseText(a.body, a.lang, &words).ok());
    // Some of its words, each searched as written, with short snippets.
    for (size_t w = 0; w < words.size(); w += std::max<size_t>(1, words.size() / 6)) {
      for (size_t length : {1, 9, 17, 33, 65}) {
        const SearchResults r = Search({.query = "exact:\"" + words[w].surface + "\"",
                                        .all_copies = true,
                                        .limit = 3,
                                        .snippet_length = length});
        for (const Hit& h : r.hits) ExpectValidUtf8(h, words[w].surface);
        ++searches;
      }
    }
  }
  EXPECT_GE(searches, 100u);
}

// Issue 23, item 6: impossible values are refused, in the library as in the CLI.
class ValidationTest : public IndexFixture {
 protected:
  void SetUp() override {
    Build({Make("kk", "Жаңаөзен", "Жаңаөзенде жұмысшылар жиналды.", Date{2023, 1, 5}, "kk"),
           Make("en", "Zhanaozen", "Workers gathered in Zhanaozen.", Date{2023, 1, 6}, "en")});
  }
};

TEST_F(ValidationTest, AddArticleRefusesImpossibleDates) {
  IndexOptions options;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir_.path() / "db", &index).ok());
  for (const Date& bad : {Date{2023, 2, 30}, Date{2023, 13, 0}, Date{2023, 0, 5}, Date{99, 0, 0},
                          Date{2023, 4, 31}, Date{2023, -1, 0}}) {
    Article a = Make("bad", "Bad date", "text", bad);
    const Status s = index->AddArticle(a);
    EXPECT_TRUE(s.IsInvalidArgument()) << bad.ToString() << ": " << s.ToString();
    EXPECT_NE(s.message().find("bad date"), std::string::npos) << s.message();
  }
  EXPECT_TRUE(index->AddArticle(Make("leap", "Leap day", "text", Date{2024, 2, 29})).ok());
  EXPECT_TRUE((Date{2024, 2, 29}).Validate().ok());
  EXPECT_TRUE((Date{2024, 0, 0}).Validate().ok());
}

TEST_F(ValidationTest, SearchRefusesImpossibleDatesAndUnknownLanguages) {
  SearchResults r;
  for (const Date& bad : {Date{2023, 13, 0}, Date{2023, 2, 30}}) {
    EXPECT_TRUE(searcher_->Search({.query = "Zhanaozen", .after = bad}, &r).IsInvalidArgument());
    EXPECT_TRUE(searcher_->Search({.query = "Zhanaozen", .before = bad}, &r).IsInvalidArgument());
  }
  for (const char* lang : {"de", "english", ""}) {
    const Status s = searcher_->Search({.query = "Zhanaozen", .langs = {lang}}, &r);
    EXPECT_TRUE(s.IsInvalidArgument()) << lang;
    EXPECT_NE(s.message().find("en, ru, kk"), std::string::npos) << s.message();
  }
  EXPECT_TRUE(searcher_->Search({.query = "Zhanaozen lang:de"}, &r).IsInvalidQuery());
  // Codes in any case; kz, the country, is taken for kk, as the readers take it.
  for (const char* lang : {"kk", "KK", "kz", "Kk"}) {
    EXPECT_EQ(IdsOf(Search({.query = "Zhanaozen", .langs = {lang}})),
              (std::vector<std::string>{"kk"}))
        << lang;
  }
  EXPECT_EQ(IdsOf(Search({.query = "Zhanaozen lang:EN"})), (std::vector<std::string>{"en"}));
}

TEST_F(ValidationTest, AddPathOfAMissingPathIsNotFound) {
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(IndexOptions(), dir_.path() / "db", &index).ok());
  IndexStats stats;
  const Status s = index->AddPath(AddOptions(), dir_.path() / "missing/", &stats);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("missing"), std::string::npos) << s.message();
  EXPECT_FALSE(s.IsInvalidArgument() || s.IsIoError() || s.IsBusy() || s.IsCorruption() ||
               s.IsInvalidQuery() || s.IsInternal() || s.ok());
}

}  // namespace
}  // namespace steppe
