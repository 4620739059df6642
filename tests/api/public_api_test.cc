// SPDX-License-Identifier: Apache-2.0
// The public API as a user links it: only include/steppe headers.
#include <gtest/gtest.h>

#include "steppe/index.h"
#include "steppe/search.h"
#include "steppe/searcher.h"
#include "steppe/status.h"
#include "steppe/version.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

TEST(StatusTest, ToStringNamesTheCode) {
  EXPECT_EQ(Status::OK().ToString(), "OK");
  EXPECT_EQ(Status::NotFound("index ./db: none").ToString(), "NotFound: index ./db: none");
  EXPECT_FALSE(Status::Busy("x").ok());
}

TEST(ProblemTest, ToStringIsFileLineReasonHint) {
  EXPECT_EQ((Problem{"a.md", 3, "bad date", "fix it"}).ToString(), "a.md:3: bad date; fix it");
  EXPECT_EQ((Problem{"a.md", 0, "unreadable", ""}).ToString(), "a.md: unreadable");
}

TEST(PublicApiTest, SearcherOnMissingIndexIsNotFoundNamingThePath) {
  testing::TempDir dir;
  std::unique_ptr<Searcher> searcher;
  const Status s = Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_FALSE(s.IsInvalidArgument() || s.IsBusy() || s.IsCorruption() || s.IsIoError());
  EXPECT_EQ(s.message(), "cannot open index " + (dir.path() / "db").string() + ": no index there");
}

TEST(PublicApiTest, EachStatusPredicateMatchesItsCodeOnly) {
  const std::vector<std::pair<Status, bool (Status::*)() const>> cases = {
      {Status::NotFound("x"), &Status::IsNotFound},
      {Status::InvalidArgument("x"), &Status::IsInvalidArgument},
      {Status::InvalidQuery("x"), &Status::IsInvalidQuery},
      {Status::Busy("x"), &Status::IsBusy},
      {Status::Corruption("x"), &Status::IsCorruption},
      {Status::IoError("x"), &Status::IsIoError},
      {Status::Internal("x"), &Status::IsInternal},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    for (size_t j = 0; j < cases.size(); ++j) {
      EXPECT_EQ((cases[i].first.*cases[j].second)(), i == j) << cases[i].first.ToString();
    }
    EXPECT_FALSE((Status::OK().*cases[i].second)());
  }
}

TEST(PublicApiTest, AnalyseTextShowsVariantKeysForNames) {
  std::vector<AnalysedWord> words;
  ASSERT_TRUE(AnalyseText("Жаңаөзенде workers, Zhanaozen", "", &words).ok());
  ASSERT_EQ(words.size(), 3u);
  EXPECT_EQ(words[0].script, "cyrillic");
  EXPECT_EQ(words[0].lang, "kk");
  EXPECT_EQ(words[0].stem, "жаңаөзен");
  EXPECT_TRUE(words[0].name);
  EXPECT_FALSE(words[1].name);
  EXPECT_TRUE(words[1].keys.empty());
  EXPECT_EQ(words[2].translit, "zhanaozen");
  // The spelling key the two spellings share is what makes them match.
  bool shared = false;
  for (const std::string& k : words[0].keys) {
    for (const std::string& l : words[2].keys) shared = shared || k == l;
  }
  EXPECT_TRUE(shared);
}

TEST(PublicApiTest, VersionComesFromTheBuild) {
  EXPECT_GE(STEPPE_VERSION_MAJOR, 0);
  EXPECT_STRNE(STEPPE_VERSION_STRING, "");
}

TEST(PublicApiTest, PagesDoNotOverlapAndCoverTheResults) {
  testing::TempDir dir;
  IndexOptions options;
  options.create_if_missing = true;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
  for (int i = 0; i < 25; ++i) {
    Article a;
    a.id = "a" + std::to_string(i);
    a.title = "Strike " + std::to_string(i);
    a.body = std::string(i + 1, 'x') + " strike";
    ASSERT_TRUE(index->AddArticle(a).ok());
  }
  ASSERT_TRUE(index->Commit().ok());
  index.reset();
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  std::set<std::string> seen;
  for (size_t offset = 0; offset < 30; offset += 10) {
    SearchResults page;
    ASSERT_TRUE(searcher->Search({.query = "strike", .offset = offset, .limit = 10}, &page).ok());
    EXPECT_EQ(page.total_estimated, 25u);
    for (const Hit& h : page.hits) EXPECT_TRUE(seen.insert(h.id).second) << h.id;
  }
  EXPECT_EQ(seen.size(), 25u);
}

// Callbacks go with the AddPath call they are given to (AddOptions), not with the open Index:
// two calls on one Index report each its own problems to its own callback.
TEST(PublicApiTest, AddOptionsBelongToOneCall) {
  testing::TempDir dir;
  dir.Write("a/bad.md", "---\ntitle: A\ndate: 2024-13-01\n---\nBody\n");
  dir.Write("b/bad.md", "---\ntitle: B\ndate: 2024-02-30\n---\nBody\n");
  IndexOptions options;
  options.create_if_missing = true;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
  std::vector<Problem> first, second;
  AddOptions add_first, add_second;
  add_first.on_problem = [&](const Problem& p) { first.push_back(p); };
  add_second.on_problem = [&](const Problem& p) { second.push_back(p); };
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(add_first, dir.path() / "a", &stats).ok());
  ASSERT_TRUE(index->AddPath(add_second, dir.path() / "b", &stats).ok());
  ASSERT_EQ(first.size(), 1u);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_NE(first[0].file.find("a/bad.md"), std::string::npos) << first[0].ToString();
  EXPECT_NE(second[0].file.find("b/bad.md"), std::string::npos) << second[0].ToString();
  // strict, too, is the call's: the same Index stops at a problem only when asked to.
  AddOptions strict;
  strict.strict = true;
  dir.Write("c/bad.md", "---\ntitle: C\ndate: 2024-13-01\n---\nBody\n");
  EXPECT_TRUE(index->AddPath(strict, dir.path() / "c", &stats).IsInvalidArgument());
}

// A Searcher is given the user's gazetteer through SearcherOptions, so that a company
// filter by one of its aliases finds the articles indexed under its canonical name.
TEST(PublicApiTest, SearcherOptionsGiveTheUsersGazetteer) {
  testing::TempDir dir;
  const auto gazetteer =
      dir.Write("mine.tsv", "company\tCaspian Tug Fleet\tKaspiy Buksir | Каспий Буксир\n");
  dir.Write("c/tug.md", "Tugs\nCaspian Tug Fleet added two boats at Aktau port.\n");
  IndexOptions options;
  options.create_if_missing = true;
  options.gazetteer_file = gazetteer.string();
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  ASSERT_TRUE(index->Commit().ok());
  index.reset();
  SearchRequest request;
  request.companies = {"Kaspiy Buksir"};
  for (const bool mine : {false, true}) {
    SearcherOptions searcher_options;
    if (mine) searcher_options.gazetteer_file = gazetteer.string();
    std::unique_ptr<Searcher> searcher;
    ASSERT_TRUE(Searcher::Open(searcher_options, dir.path() / "db", &searcher).ok());
    SearchResults results;
    ASSERT_TRUE(searcher->Search(request, &results).ok());
    EXPECT_EQ(results.hits.size(), mine ? 1u : 0u) << "with the user's gazetteer: " << mine;
  }
}

}  // namespace
}  // namespace steppe
