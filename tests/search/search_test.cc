// SPDX-License-Identifier: Apache-2.0
// Search behaviour through the public API: filters, ranking, snippets, errors.
#include <gtest/gtest.h>

#include <map>

#include "support/index_fixture.h"

namespace steppe {
namespace {

using testing::IndexFixture;

class DateFilterTest : public IndexFixture {
 protected:
  void SetUp() override {
    Build({Make("nov30", "Strike", "strike news", Date{2023, 11, 30}),
           Make("dec01", "Strike", "strike news", Date{2023, 12, 1}),
           Make("dec-month", "Strike", "strike news", Date{2023, 12, 0}),
           Make("feb29", "Strike", "strike news", Date{2024, 2, 29}),
           Make("dec31-2011", "Strike", "strike news", Date{2011, 12, 31}),
           Make("year-2011", "Strike", "strike news", Date{2011, 0, 0}),
           Make("jan01-2012", "Strike", "strike news", Date{2012, 1, 1}),
           Make("undated", "Strike", "strike news")});
  }

  std::set<std::string> Filtered(std::optional<Date> after, std::optional<Date> before) {
    SearchRequest r;
    r.query = "strike";
    r.after = after;
    r.before = before;
    r.limit = 100;
    return Set(IdsOf(Search(r)));
  }
};

TEST_F(DateFilterTest, AfterAMonthMeansOnOrAfterItsFirstDay) {
  EXPECT_EQ(Filtered(Date{2023, 12, 0}, std::nullopt),
            (std::set<std::string>{"dec01", "dec-month", "feb29"}));
}

TEST_F(DateFilterTest, BeforeAYearMeansBeforeItsFirstDay) {
  EXPECT_EQ(Filtered(std::nullopt, Date{2012, 0, 0}),
            (std::set<std::string>{"dec31-2011", "year-2011"}));
}

TEST_F(DateFilterTest, BothEndsAndDayPrecision) {
  EXPECT_EQ(Filtered(Date{2011, 12, 31}, Date{2012, 1, 2}),
            (std::set<std::string>{"dec31-2011", "jan01-2012"}));
}

TEST_F(DateFilterTest, UndatedArticlesOnlyMatchWithoutDateFilters) {
  EXPECT_EQ(Filtered(std::nullopt, std::nullopt).count("undated"), 1u);
  EXPECT_EQ(Filtered(Date{1000, 0, 0}, std::nullopt).count("undated"), 0u);
}

TEST_F(DateFilterTest, DateFieldInTheQueryLanguage) {
  EXPECT_EQ(Set(Ids("strike date:2023-12..2024-02")),
            (std::set<std::string>{"dec01", "dec-month", "feb29"}));
  EXPECT_EQ(Set(Ids("strike date:..2011")), (std::set<std::string>{"dec31-2011", "year-2011"}));
}

class DatelineTest : public IndexFixture {};

TEST_F(DatelineTest, UndatedArticleTakesItsDatelineAndMentionsAreSearchable) {
  Build({Make("dateline", "Strike", "ALMATY, Feb. 28, 2024 — Workers recalled 16 December 2011."),
         Make("dated", "Strike", "28 февраля 2024 г. рабочие вышли.", Date{2024, 3, 1}),
         Make("none", "Strike", "Workers said the strike would go on."),
         Make("born", "Strike", "Born on 3 May 1950, he led the strike of 1995.")});
  Article a;
  ASSERT_TRUE(searcher_->Get("dateline", &a).ok());
  ASSERT_TRUE(a.date.has_value());
  EXPECT_EQ(a.date->ToString(), "2024-02-28");
  EXPECT_EQ(a.date_source, "dateline");
  ASSERT_TRUE(searcher_->Get("dated", &a).ok());
  EXPECT_EQ(a.date->ToString(), "2024-03-01");  // metadata wins over the dateline
  EXPECT_EQ(a.date_source, "metadata");
  ASSERT_TRUE(searcher_->Get("none", &a).ok());
  EXPECT_FALSE(a.date.has_value());
  EXPECT_EQ(a.date_source, "");
  // A date in the opening sentence is what the story is about, not when it was written.
  ASSERT_TRUE(searcher_->Get("born", &a).ok());
  EXPECT_FALSE(a.date.has_value());
  SearchResults results;
  ASSERT_TRUE(searcher_->Search({.query = "workers"}, &results).ok());
  ASSERT_FALSE(results.hits.empty());
  for (const Hit& hit : results.hits) {
    EXPECT_EQ(hit.date_source, hit.date ? (hit.id == "dated" ? "metadata" : "dateline") : "")
        << hit.id;
  }
  EXPECT_EQ(Set(Ids("mentions:2011-12-16")), (std::set<std::string>{"dateline"}));
  EXPECT_EQ(Set(Ids("mentions:2024-02")), (std::set<std::string>{"dateline", "dated"}));
  EXPECT_EQ(Set(Ids("strike mentions:2011")), (std::set<std::string>{"dateline"}));
}

class NearDuplicateTest : public IndexFixture {};

TEST_F(NearDuplicateTest, SyndicatedCopiesShowOnceWithACountAndAllWithAllCopies) {
  const std::string story =
      "An oil services company in western Kazakhstan whose operations have been hampered by a "
      "strike that began in December has escalated the standoff by announcing that it will "
      "dismiss fifty employees involved in industrial action, the largest dismissal since the "
      "strike started, and warned that more would follow if the protest went on.";
  std::string edited = story;
  edited.replace(edited.find("fifty"), 5, "50");  // a copy with a small edit
  Build({Make("wire", "Fifty strikers to be fired", story),
         Make("copy", "Company to fire 50 strikers", edited),
         Make("other", "Strike",
              "The strike in Zhetybai went on for a third month as drivers "
              "camped outside the company offices in the snow and the cold "
              "and their families gathered at the regional administration.")});
  const SearchResults r = Search({.query = "strike", .limit = 10});
  ASSERT_EQ(r.hits.size(), 2u);
  size_t similar = 0;
  for (const Hit& h : r.hits) similar += h.similar;
  EXPECT_EQ(similar, 1u);
  EXPECT_EQ(Search({.query = "strike", .all_copies = true}).hits.size(), 3u);
}

class RankingTest : public IndexFixture {};

TEST_F(RankingTest, ExactSpellingRanksFirstThenVariants) {
  Build({Make("ru", "Новости", "Рабочие вышли на площадь в Жанаозене во вторник."),
         Make("kk", "Жаңалықтар", "Жұмысшылар сейсенбіде Жаңаөзенде алаңға шықты."),
         Make("en-jan", "News", "Workers gathered in Janaozen on Tuesday."),
         Make("en-zh", "News", "Workers gathered in Zhanaozen on Tuesday.")});
  for (const std::string query : {"Zhanaozen", "Janaozen", "Жаңаөзен", "Жанаозене"}) {
    const auto ids = Ids(query);
    EXPECT_EQ(Set(ids), (std::set<std::string>{"ru", "kk", "en-jan", "en-zh"})) << query;
  }
  EXPECT_EQ(Ids("Zhanaozen").front(), "en-zh");
  EXPECT_EQ(Ids("Janaozen").front(), "en-jan");
  EXPECT_EQ(Ids("Жаңаөзен").front(), "kk");
}

TEST_F(RankingTest, AWordFindsItsInflectionsAndTheyFindIt) {
  // "oil" and "выбор" are their own stems, indexed without a stem term of their own.
  Build({Make("oil", "News", "The price of oil rose."),
         Make("oils", "News", "Taxes on edible oils were cut."),
         Make("vybor", "Новости", "Сделан выбор в пользу нефти."),
         Make("vybory", "Новости", "Выборы прошли спокойно."),
         Make("other", "News", "Nothing about either.")});
  EXPECT_EQ(Set(Ids("oil")), (std::set<std::string>{"oil", "oils"}));
  EXPECT_EQ(Set(Ids("oils")), (std::set<std::string>{"oil", "oils"}));
  EXPECT_EQ(Ids("oils").front(), "oils");
  EXPECT_EQ(Set(Ids("выбор")), (std::set<std::string>{"vybor", "vybory"}));
  EXPECT_EQ(Set(Ids("выборы")), (std::set<std::string>{"vybor", "vybory"}));
}

TEST_F(RankingTest, ExactFlagTurnsVariantsOff) {
  Build({Make("a", "News", "Workers gathered in Janaozen."),
         Make("b", "News", "Workers gathered in Zhanaozen.")});
  SearchRequest r{.query = "Zhanaozen", .exact = true};
  EXPECT_EQ(IdsOf(Search(r)), (std::vector<std::string>{"b"}));
}

TEST_F(RankingTest, TitleMatchRanksAboveBodyMatch) {
  Build({Make("body", "Weather",
              "A long report that mentions the strike once among other "
              "words about snow and cold and wind."),
         Make("title", "Strike",
              "A long report about snow and cold and wind and other words "
              "that never say it.")});
  EXPECT_EQ(Ids("strike").front(), "title");
}

TEST_F(RankingTest, CapitalisedQueryFindsTheNameNotTheCommonWord) {
  Build({Make("city", "News", "Teachers in Oral held a meeting on Monday."),
         Make("word", "News", "The court heard oral arguments on Monday.")});
  EXPECT_EQ(Ids("Oral"), (std::vector<std::string>{"city"}));
  EXPECT_EQ(Set(Ids("oral")), (std::set<std::string>{"city", "word"}));
}

TEST_F(RankingTest, LowerCaseCommonWordsGetNoVariants) {
  // "Oil" is a name once here (West Oil Software), but mostly a word: "oil" must not match
  // words whose spelling key is the same (Ал, Ол, Ali, Ella).
  Build({Make("a", "News", "The price of oil rose."), Make("b", "News", "Oil prices fell."),
         Make("c", "News", "Drivers of West Oil Software struck."),
         Make("d", "News", "Ali spoke to Ola and Ella. Ал мен Ол келді.")});
  EXPECT_EQ(Set(Ids("oil")), (std::set<std::string>{"a", "b", "c"}));
}

class QueryLanguageTest : public IndexFixture {
 protected:
  void SetUp() override {
    Build({Make("a", "One", "strike in Aktau over pay"),
           Make("b", "Two", "strike in Aktobe over hours"),
           Make("c", "Three", "protest in Aktau over pay")});
  }
};

TEST_F(QueryLanguageTest, AndIsTheDefault) {
  EXPECT_EQ(Set(Ids("strike Aktau")), (std::set<std::string>{"a"}));
  EXPECT_EQ(Set(Ids("strike AND pay")), (std::set<std::string>{"a"}));
}

TEST_F(QueryLanguageTest, OrNotMinusAndBrackets) {
  EXPECT_EQ(Set(Ids("Aktobe OR protest")), (std::set<std::string>{"b", "c"}));
  EXPECT_EQ(Set(Ids("strike -Aktobe")), (std::set<std::string>{"a"}));
  EXPECT_EQ(Set(Ids("pay NOT protest")), (std::set<std::string>{"a"}));
  EXPECT_EQ(Set(Ids("(strike OR protest) Aktau")), (std::set<std::string>{"a", "c"}));
}

TEST_F(RankingTest, PhrasesMatchAcrossSpellingsAndScripts) {
  Build({Make("ru", "News", "Жанаозен oil workers went on strike."),
         Make("en", "News", "Zhanaozen oil workers went on strike."),
         Make("apart", "News", "In Zhanaozen the workers said oil prices rose.")});
  EXPECT_EQ(Set(Ids("\"Zhanaozen oil workers\"")), (std::set<std::string>{"ru", "en"}));
  EXPECT_EQ(Ids("\"Zhanaozen oil workers\"").front(), "en");
  EXPECT_EQ(Set(Ids("exact:\"Zhanaozen oil workers\"")), (std::set<std::string>{"en"}));
}

TEST_F(RankingTest, PhrasesWithFunctionWordsKeepTheirOrder) {
  Build({Make("en", "News", "The Bank of England raised rates on Monday."),
         Make("apart", "News", "England said the bank would raise rates."),
         Make("ru", "News", "Встреча в Алматы прошла спокойно."),
         Make("ru-apart", "News", "В Алматы прошла встреча.")});
  EXPECT_EQ(Set(Ids("\"Bank of England\"")), (std::set<std::string>{"en"}));
  EXPECT_EQ(Set(Ids("\"the bank of England\"")), (std::set<std::string>{"en"}));
  EXPECT_EQ(Set(Ids("\"встреча в Алматы\"")), (std::set<std::string>{"ru"}));
  EXPECT_EQ(Set(Ids("exact:\"встреча в Алматы\"")), (std::set<std::string>{"ru"}));
  EXPECT_EQ(Set(Ids("\"the bank\"")), (std::set<std::string>{"en", "apart"}));
}

TEST_F(QueryLanguageTest, TrailingStarMatchesEveryWordWithThatPrefix) {
  EXPECT_EQ(Set(Ids("strik*")), (std::set<std::string>{"a", "b"}));
  EXPECT_EQ(Set(Ids("Akt* pay")), (std::set<std::string>{"a", "c"}));
  EXPECT_TRUE(Ids("zzz*").empty());
}

TEST_F(QueryLanguageTest, PhrasesMatchWordsInOrder) {
  EXPECT_EQ(Set(Ids("\"over pay\"")), (std::set<std::string>{"a", "c"}));
  EXPECT_TRUE(Ids("\"pay over\"").empty());
}

TEST_F(QueryLanguageTest, MalformedQueryNamesTheColumn) {
  SearchResults results;
  SearchRequest r{.query = "strike \"Aktau"};
  Status s = searcher_->Search(r, &results);
  EXPECT_EQ(s.code(), Status::Code::kInvalidQuery);
  EXPECT_NE(s.message().find("column 8"), std::string::npos) << s.message();
  r.query = "(strike OR";
  s = searcher_->Search(r, &results);
  EXPECT_EQ(s.code(), Status::Code::kInvalidQuery);
}

class FilterTest : public IndexFixture {};

TEST_F(FilterTest, CompanyAndPlaceFiltersMatchAnySpelling) {
  Article a = Make("a", "Strike", "Drivers struck.", Date{2024, 1, 10});
  a.companies = {"West Oil Software", "KazMunayGas"};
  a.places = {"Жаңаөзен"};
  Article b = Make("b", "Strike", "Drivers struck.", Date{2023, 12, 20});
  b.companies = {"КазМунайГаз"};
  Article c = Make("c", "Strike", "Drivers struck.", Date{2022, 1, 5});
  c.places = {"Aktau"};
  Build({a, b, c});
  EXPECT_EQ(IdsOf(Search({.companies = {"KazMunaiGas"}})), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(IdsOf(Search({.places = {"Zhanaozen"}})), (std::vector<std::string>{"a"}));
  EXPECT_EQ(Set(Ids("company:\"west oil software\"")), (std::set<std::string>{"a"}));
  EXPECT_EQ(Set(Ids("company:KazMunaiGas place:Жанаозен")), (std::set<std::string>{"a"}));
}

TEST_F(FilterTest, FiltersWithoutWordsListNewestFirst) {
  Build({Make("old", "A", "x", Date{2011, 12, 16}), Make("new", "B", "x", Date{2024, 2, 28}),
         Make("mid", "C", "x", Date{2022, 1, 4})});
  EXPECT_EQ(IdsOf(Search({.after = Date{2000, 0, 0}})),
            (std::vector<std::string>{"new", "mid", "old"}));
}

class SnippetTest : public IndexFixture {};

TEST_F(SnippetTest, HighlightsCrossScriptMatches) {
  Build({Make("ru", "Новости", "Вчера в городе Жанаозене рабочие провели собрание.")});
  const SearchResults r = Search({.query = "Zhanaozen"});
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  ASSERT_EQ(h.highlights.size(), 1u);
  EXPECT_EQ(h.snippet.substr(h.highlights[0].first, h.highlights[0].second - h.highlights[0].first),
            "Жанаозене");
}

TEST_F(SnippetTest, PicksThePassageWithTheMatch) {
  std::string body;
  for (int i = 0; i < 60; ++i) body += "filler words here. ";
  body += "The strike began at dawn.";
  Build({Make("long", "Report", body)});
  const SearchResults r = Search({.query = "strike", .snippet_length = 80});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("strike"), std::string::npos);
  EXPECT_LE(r.hits[0].snippet.size(), 100u);
  EXPECT_EQ(r.hits[0].snippet.rfind("… ", 0), 0u);  // cut at the front
}

class FacetTest : public IndexFixture {
 protected:
  void SetUp() override {
    auto make = [](std::string id, Date date, std::string lang, std::string source,
                   std::vector<std::string> companies, std::vector<std::string> places) {
      Article a = Make(std::move(id), "Strike", "The strike went on.", date, std::move(lang));
      a.source = std::move(source);
      a.companies = std::move(companies);
      a.places = std::move(places);
      return a;
    };
    Build({make("a", {2023, 12, 12}, "en", "Steppe Wire", {"KazMunayGas", "West Oil Software"},
                {"Zhanaozen"}),
           make("b", {2024, 1, 29}, "ru", "Каспий", {"КазМунайГаз"}, {"Жанаозен"}),
           make("c", {2024, 2, 27}, "kk", "Каспий", {"ҚазМұнайГаз"}, {"Жаңаөзен", "Ақтау"}),
           make("d", {2011, 12, 16}, "en", "Steppe Wire", {"KazMunaiGas"}, {"Janaozen"})});
  }

  static const Facet& Field(const SearchResults& r, const std::string& field) {
    for (const Facet& f : r.facets) {
      if (f.field == field) return f;
    }
    static const Facet kNone;
    return kNone;
  }
};

TEST_F(FacetTest, CompanyAndPlaceFacetsMergeEverySpelling) {
  const SearchResults r = Search({.query = "strike", .facet_limit = 10});
  const Facet& companies = Field(r, "company");
  ASSERT_EQ(companies.values.size(), 2u);
  EXPECT_EQ(companies.values[0].count, 4u);  // four spellings of KazMunayGas, one entry
  EXPECT_EQ(companies.values[1].value, "West Oil Software");
  const Facet& places = Field(r, "place");
  ASSERT_EQ(places.values.size(), 2u);
  EXPECT_EQ(places.values[0].count, 4u);
  EXPECT_EQ(places.values[1].value, "Aktau");  // the gazetteer's name for Ақтау
}

TEST_F(FacetTest, FacetsCountOnlyTheMatchingArticles) {
  const SearchResults r = Search({.query = "strike", .after = Date{2024, 0, 0}, .facet_limit = 5});
  EXPECT_EQ(r.total_estimated, 2u);
  const Facet& years = Field(r, "year");
  ASSERT_EQ(years.values.size(), 1u);
  EXPECT_EQ(years.values[0].value, "2024");
  EXPECT_EQ(years.values[0].count, 2u);
  const Facet& langs = Field(r, "lang");
  EXPECT_EQ(langs.values.size(), 2u);  // ru and kk
}

TEST_F(FacetTest, SourceAndLangFiltersOrWithinAFieldAndAcrossFields) {
  EXPECT_EQ(Set(IdsOf(Search({.query = "strike", .sources = {"Steppe Wire"}}))),
            (std::set<std::string>{"a", "d"}));
  EXPECT_EQ(Set(IdsOf(Search({.query = "strike", .langs = {"ru", "kk"}}))),
            (std::set<std::string>{"b", "c"}));
  EXPECT_EQ(Set(IdsOf(Search({.query = "strike", .sources = {"Каспий"}, .langs = {"kk"}}))),
            (std::set<std::string>{"c"}));
  EXPECT_EQ(Set(Ids("strike -lang:en")), (std::set<std::string>{"b", "c"}));
}

TEST_F(FacetTest, SortsByDateEitherWay) {
  EXPECT_EQ(IdsOf(Search({.query = "strike", .sort = SortOrder::kOldest})),
            (std::vector<std::string>{"d", "a", "b", "c"}));
  EXPECT_EQ(IdsOf(Search({.query = "strike", .sort = SortOrder::kNewest})),
            (std::vector<std::string>{"c", "b", "a", "d"}));
}

TEST_F(FacetTest, SummaryCoversTheWholeIndex) {
  IndexSummary summary;
  ASSERT_TRUE(searcher_->Summarise(3, &summary).ok());
  EXPECT_EQ(summary.documents, 4u);
  EXPECT_EQ(summary.undated, 0u);
  ASSERT_TRUE(summary.first_date && summary.last_date);
  EXPECT_EQ(summary.first_date->ToString(), "2011-12-16");
  EXPECT_EQ(summary.last_date->ToString(), "2024-02-27");
  EXPECT_GT(summary.size_bytes, 0u);
  EXPECT_EQ(summary.facets.size(), 6u);
}

TEST_F(FacetTest, GetReturnsTheStoredArticle) {
  Article a;
  ASSERT_TRUE(searcher_->Get("c", &a).ok());
  EXPECT_EQ(a.lang, "kk");
  // Under the gazetteer's canonical names.
  EXPECT_EQ(a.places, (std::vector<std::string>{"Zhanaozen", "Aktau"}));
  EXPECT_EQ(searcher_->Get("nope", &a).code(), Status::Code::kNotFound);
}

class RelaxTest : public IndexFixture {};

TEST_F(RelaxTest, NoArticleWithEveryWordRelaxesToAnyWordAndSaysSo) {
  Build({Make("a", "News", "A strike in Aktau."), Make("b", "News", "A protest in Aktobe.")});
  const SearchResults r = Search({.query = "strike Aktobe"});
  EXPECT_TRUE(r.relaxed);
  EXPECT_EQ(Set(IdsOf(r)), (std::set<std::string>{"a", "b"}));
  // NOT stays a condition when relaxing.
  const SearchResults n = Search({.query = "strike protest -Aktobe"});
  EXPECT_EQ(IdsOf(n), (std::vector<std::string>{"a"}));
  EXPECT_FALSE(Search({.query = "strike Aktau"}).relaxed);
}

TEST_F(RelaxTest, SuggestsNearSpellingsInBothScriptsWhenLittleIsFound) {
  Build({Make("a", "News", "Workers met in Kalamkas on Monday."),
         Make("b", "Новости", "Рабочие собрались в Каламкасе в понедельник.")});
  // A consonant typo: its key is one edit from Kalamkas's, and a different last letter rules
  // out the fuzzy match, so nothing is found.
  const SearchResults r = Search({.query = "Kalamkat"});
  EXPECT_TRUE(r.hits.empty());
  EXPECT_EQ(r.suggestions, (std::vector<std::string>{"Kalamkas", "Каламкасе"}));
  EXPECT_TRUE(Search({.query = "Kalamkas"}).suggestions.empty());  // found: nothing to suggest
}

TEST_F(RelaxTest, SuggestsNoWordThatOnlyKeysAlike) {
  Build({Make("a", "News", "Officials said Bekas Ltd and Baker met on Monday.")});
  // Bekas's key is one edit from Bukhara's, and Baker shares it, but neither is spelt alike.
  const SearchResults r = Search({.query = "Bukhara"});
  EXPECT_TRUE(r.hits.empty());
  EXPECT_TRUE(r.suggestions.empty());
}

}  // namespace
}  // namespace steppe

namespace steppe {
namespace {

// Past SearcherOptions::facet_sample matches, facets are counted over that many and scaled to
// the total, and the results say so; exact_facets counts every match.
TEST(FacetSampleTest, BroadSearchesScaleFacetsFromASampleUnlessAskedToCountAll) {
  testing::TempDir dir;
  IndexOptions options;
  options.create_if_missing = true;
  options.extract_entities = false;
  {
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
    for (int i = 0; i < 300; ++i) {
      Article a;
      a.id = std::to_string(i);
      a.title = "Report " + a.id;
      a.body = "Oil strike, day " + a.id + ".";
      a.source = i % 3 == 0 ? "Wire A" : "Wire B";
      ASSERT_TRUE(index->AddArticle(a).ok());
    }
  }
  auto search = [&](size_t sample, bool exact_facets) {
    SearcherOptions searcher_options;
    searcher_options.facet_sample = sample;
    std::unique_ptr<Searcher> searcher;
    EXPECT_TRUE(Searcher::Open(searcher_options, dir.path() / "db", &searcher).ok());
    SearchResults r;
    EXPECT_TRUE(
        searcher->Search({.query = "strike", .facet_limit = 5, .exact_facets = exact_facets}, &r)
            .ok());
    return r;
  };
  auto sources = [](const SearchResults& r) {
    std::map<std::string, size_t> counts;
    for (const Facet& f : r.facets) {
      if (f.field != "source") continue;
      for (const FacetCount& v : f.values) counts[v.value] = v.count;
    }
    return counts;
  };
  const SearchResults sampled = search(60, false);
  EXPECT_TRUE(sampled.facets_estimated);
  EXPECT_NEAR(sampled.total_estimated, 300, 30);
  EXPECT_NEAR(sources(sampled)["Wire A"], 100, 20);
  EXPECT_NEAR(sources(sampled)["Wire B"], 200, 20);
  for (const SearchResults& exact : {search(60, true), search(10000, false)}) {
    EXPECT_FALSE(exact.facets_estimated);
    EXPECT_EQ(exact.total_lower, 300u);
    EXPECT_EQ(exact.total_upper, 300u);
    EXPECT_EQ(sources(exact)["Wire A"], 100u);
    EXPECT_EQ(sources(exact)["Wire B"], 200u);
  }
}

}  // namespace
}  // namespace steppe
