// SPDX-License-Identifier: Apache-2.0
// Facets counted by Xapian's own spy over the one value that holds every facet
// (index/facets_value.h), so that a remote shard counts them as a local one does; and an
// index of older Steppe, without that value, still counted.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <map>
#include <string>

#include "index/facets_value.h"
#include "index/prefixes.h"
#include "steppe/shards.h"
#include "support/index_fixture.h"

namespace steppe {
namespace {

using testing::IndexFixture;

// value -> count of one facet field.
std::map<std::string, size_t> Counts(const std::vector<Facet>& facets, const std::string& field) {
  std::map<std::string, size_t> out;
  for (const Facet& f : facets) {
    if (f.field != field) continue;
    for (const FacetCount& c : f.values) out[c.value] = c.count;
  }
  return out;
}

class FacetsTest : public IndexFixture {
 protected:
  // One story in three copies, the first from AP and two from Reuters; and a story of its own.
  void SetUp() override {
    const std::string story =
        "Oil workers in Zhanaozen stopped work on Monday, asking for higher pay and "
        "safer shifts, and said they would stay out until the managers answered them.";
    std::vector<Article> articles;
    for (const char* source : {"AP", "Reuters", "Reuters"}) {
      articles.push_back(Make(std::string(source) + std::to_string(articles.size()),
                              "Strike in Zhanaozen", story, Date{2011, 5, 0}, "en"));
      articles.back().source = source;
    }
    articles.push_back(Make("own", "Strike at a mine",
                            "Miners in Karaganda walked out over pay; the strike is the "
                            "third this year at the pit.",
                            Date{2012, 3, 0}, "en"));
    articles.back().source = "Tengrinews";
    Build(articles);
  }

  SearchResults Facets(bool all_copies) {
    return Search({.query = "strike", .all_copies = all_copies, .facet_limit = 10});
  }

  // Removes slot::kFacets from every article of every local shard, as older Steppe wrote it.
  void DropFacetsValue() {
    searcher_.reset();
    for (const auto& shard : std::filesystem::directory_iterator(dir_.path() / "db/shards")) {
      Xapian::WritableDatabase db(shard.path().string());
      for (auto id = db.postlist_begin(""); id != db.postlist_end(""); ++id) {
        Xapian::Document doc = db.get_document(*id);
        doc.remove_value(slot::kFacets);
        db.replace_document(*id, doc);
      }
      db.commit();
    }
    ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir_.path() / "db", &searcher_).ok());
  }
};

TEST_F(FacetsTest, CopiesOfOneStoryCountOnceUnderTheValueMostOfThemHave) {
  const SearchResults r = Facets(false);
  EXPECT_EQ(r.total_estimated, 2u);
  EXPECT_EQ(Counts(r.facets, "source"),
            (std::map<std::string, size_t>{{"Reuters", 1}, {"Tengrinews", 1}}));
  EXPECT_EQ(Counts(r.facets, "year"), (std::map<std::string, size_t>{{"2011", 1}, {"2012", 1}}));
  EXPECT_EQ(Counts(r.facets, "place")["Zhanaozen"], 1u);
}

TEST_F(FacetsTest, EveryCopyCountsWithAllCopies) {
  const SearchResults r = Facets(true);
  EXPECT_EQ(r.total_estimated, 4u);
  EXPECT_EQ(Counts(r.facets, "source"),
            (std::map<std::string, size_t>{{"AP", 1}, {"Reuters", 2}, {"Tengrinews", 1}}));
  EXPECT_EQ(Counts(r.facets, "place")["Zhanaozen"], 3u);
  EXPECT_EQ(Counts(r.facets, "place")["Karaganda"], 1u);
}

TEST_F(FacetsTest, AnIndexWithoutTheJoinedValueIsStillCounted) {
  const SearchResults joined = Facets(true);
  IndexSummary summary_joined;
  ASSERT_TRUE(searcher_->Summarise(10, &summary_joined).ok());
  ASSERT_NO_FATAL_FAILURE(DropFacetsValue());
  const SearchResults older = Facets(true);
  IndexSummary summary_older;
  ASSERT_TRUE(searcher_->Summarise(10, &summary_older).ok());
  for (const char* field : {"company", "place", "year", "month", "source", "lang"}) {
    EXPECT_EQ(Counts(older.facets, field), Counts(joined.facets, field)) << field;
    EXPECT_EQ(Counts(summary_older.facets, field), Counts(summary_joined.facets, field)) << field;
  }
  // Stories are counted as older Steppe counted them: under the first copy.
  const SearchResults stories = Facets(false);
  EXPECT_EQ(stories.total_estimated, 2u);
  EXPECT_EQ(Counts(stories.facets, "source"),
            (std::map<std::string, size_t>{{"AP", 1}, {"Tengrinews", 1}}));
}

TEST_F(FacetsTest, ARemoteShardCountsAsALocalOne) {
  if (std::system("command -v xapian-progsrv >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "xapian-progsrv (xapian-tools) missing";
  }
  const SearchResults local = Facets(true);
  const SearchResults local_stories = Facets(false);  // before the copy is attached
  // The same index attached twice, once served by a program: every count doubles.
  const std::filesystem::path db = dir_.path() / "db";
  std::filesystem::copy(db, dir_.path() / "copy", std::filesystem::copy_options::recursive);
  ASSERT_TRUE(AddShard(db, ":xapian-progsrv " + (dir_.path() / "copy/shards/000").string()).ok());
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher_).ok());
  const SearchResults both = Facets(true);
  EXPECT_EQ(both.total_estimated, 2 * local.total_estimated);
  for (const char* field : {"company", "place", "year", "month", "source", "lang"}) {
    std::map<std::string, size_t> doubled = Counts(local.facets, field);
    for (auto& [value, count] : doubled) count *= 2;
    EXPECT_EQ(Counts(both.facets, field), doubled) << field;
  }
  // The copies of the long story share its group, in both shards, so it is still one story;
  // the short one has no group (too short to hash), so each copy is a story of its own.
  const SearchResults stories = Facets(false);
  EXPECT_EQ(local_stories.total_estimated, 2u);
  EXPECT_EQ(stories.total_estimated, 3u);
  EXPECT_EQ(Counts(stories.facets, "place"),
            (std::map<std::string, size_t>{{"Karaganda", 2}, {"Zhanaozen", 1}}));
  EXPECT_EQ(Counts(stories.facets, "source"),
            (std::map<std::string, size_t>{{"Reuters", 1}, {"Tengrinews", 2}}));
}

TEST(FacetsValueTest, SplitsWhatItJoinedAndRefusesOtherValues) {
  Xapian::Document doc;
  doc.add_value(slot::kDuplicateGroup, "00ff");
  doc.add_value(slot::kCompanies, "kmg\x1EKMG\x1Ftengizchevroil\x1ETengizchevroil");
  doc.add_value(slot::kYear, "2011");
  doc.add_value(slot::kSource,
                "A\x1D"
                "B");  // a separator in a field does not split it
  doc.add_value(slot::kLang, "en");
  AddFacetsValue(&doc);
  const std::string value = doc.get_value(slot::kFacets);
  FacetFields f;
  ASSERT_TRUE(SplitFacetsValue(value, &f));
  EXPECT_EQ(f.group, "00ff");
  EXPECT_EQ(f.companies, "kmg\x1EKMG\x1Ftengizchevroil\x1ETengizchevroil");
  EXPECT_EQ(f.places, "");
  EXPECT_EQ(f.year, "2011");
  EXPECT_EQ(f.month, "");
  EXPECT_EQ(f.source, "A B");
  EXPECT_EQ(f.lang, "en");
  EXPECT_FALSE(SplitFacetsValue("", &f));
  EXPECT_FALSE(
      SplitFacetsValue("a\x1D"
                       "b",
                       &f));
  EXPECT_FALSE(SplitFacetsValue(std::string(7, '\x1D'), &f));
}

}  // namespace
}  // namespace steppe
