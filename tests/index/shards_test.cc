// SPDX-License-Identifier: Apache-2.0
// The sharded writer (index/shards.h, index/shard_writer.h): an index keeps its articles in
// shards under DIR/shards, listed in DIR/XAPIANDB, and every write reaches the right one.
#include "index/shards.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <sstream>

#include "analyse/analyser.h"
#include "index/document_builder.h"
#include "index/format.h"
#include "index/manifest.h"
#include "steppe/index.h"
#include "steppe/searcher.h"
#include "steppe/shards.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

const char kStory[] =
    "An oil services company in western Kazakhstan whose operations have been hampered by a "
    "strike that began in December has escalated the standoff by announcing that it will "
    "dismiss fifty employees involved in industrial action, the largest dismissal since the "
    "strike started, and warned that more would follow if the protest went on.";

IndexOptions Options(size_t docs_per_shard, int threads = 1) {
  IndexOptions options;
  options.create_if_missing = true;
  options.docs_per_shard = docs_per_shard;
  options.threads = threads;
  return options;
}

Article MakeArticle(const std::string& id, const std::string& body) {
  Article a;
  a.id = id;
  a.title = "Report " + id;
  a.body = body;
  return a;
}

void AddAll(const std::filesystem::path& db, const IndexOptions& options,
            const std::vector<Article>& articles) {
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, db, &index).ok());
  for (const Article& a : articles) ASSERT_TRUE(index->AddArticle(a).ok());
  ASSERT_TRUE(index->Commit().ok());
}

SearchResults Find(const std::filesystem::path& db, const std::string& query) {
  std::unique_ptr<Searcher> searcher;
  EXPECT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchResults r;
  if (searcher) {
    EXPECT_TRUE(searcher->Search({.query = query, .limit = 100}, &r).ok());
  }
  return r;
}

std::vector<long long> ShardCounts(const std::filesystem::path& db) {
  std::vector<ShardInfo> shards;
  EXPECT_TRUE(ListShards(db, &shards).ok());
  std::vector<long long> counts;
  for (const ShardInfo& s : shards) counts.push_back(s.articles);
  return counts;
}

std::string ManifestText(const std::filesystem::path& db) {
  std::ifstream in(db / kManifestName);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ShardsTest, ANewIndexFillsShardsUpToTheCapAndXapianOpensThemAsOne) {
  testing::TempDir dir;
  std::vector<Article> articles;
  for (int i = 0; i < 7; ++i) articles.push_back(MakeArticle(std::to_string(i), "Oil strike."));
  ASSERT_NO_FATAL_FAILURE(AddAll(dir.path() / "db", Options(3), articles));
  EXPECT_EQ(ShardCounts(dir.path() / "db"), (std::vector<long long>{3, 3, 1}));
  // Each full shard was rewritten compactly into a new directory, which took its place.
  EXPECT_EQ(ManifestText(dir.path() / "db"), "auto shards/001\nauto shards/003\nauto shards/004\n");
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "db/shards/000"));
  // Xapian's own tools open the index directory as one database, through the manifest.
  EXPECT_EQ(Xapian::Database((dir.path() / "db").string()).get_doccount(), 7u);
}

TEST(ShardsTest, AChangedArticleIsReplacedInTheShardThatHoldsIt) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  std::vector<Article> articles;
  for (int i = 0; i < 7; ++i) articles.push_back(MakeArticle(std::to_string(i), "Oil strike."));
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(3), articles));
  // Article 1 is in the first shard, which is full: it is replaced there, not added anew.
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(3), {MakeArticle("1", "Teachers in Oral.")}));
  EXPECT_EQ(ShardCounts(db), (std::vector<long long>{3, 3, 1}));
  EXPECT_EQ(Find(db, "Oral").hits.size(), 1u);
  EXPECT_EQ(Find(db, "strike").total_estimated, 6u);
  // A new article goes to the open shard (the last, while under the cap).
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(3), {MakeArticle("new", "Oil strike.")}));
  EXPECT_EQ(ShardCounts(db), (std::vector<long long>{3, 3, 2}));
}

TEST(ShardsTest, PruneReachesEveryShard) {
  testing::TempDir dir;
  for (int i = 0; i < 6; ++i) {
    dir.Write("in/" + std::to_string(i) + ".md", "Strike " + std::to_string(i) + "\nOil.\n");
  }
  const auto db = dir.path() / "db";
  {
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(Options(2, 2), db, &index).ok());
    ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "in", nullptr).ok());
  }
  EXPECT_GE(ShardCounts(db).size(), 3u);
  for (int i = 0; i < 6; i += 2)
    std::filesystem::remove(dir.path() / "in" / (std::to_string(i) + ".md"));
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Options(2, 2), db, &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->Prune(dir.path() / "in", &stats).ok());
  ASSERT_TRUE(index->Commit().ok());
  EXPECT_EQ(stats.removed, 3u);
  EXPECT_EQ(index->document_count(), 3u);
}

// Full shards are compacted into new directories while a run goes on; the files read after
// that are still compared with what the index holds, not read again as new.
TEST(ShardsTest, FilesAfterAFullShardWasReplacedAreStillKnownUnchanged) {
  testing::TempDir dir;
  for (int i = 0; i < 60; ++i) {
    dir.Write("in/z" + std::to_string(100 + i) + ".md", "Old " + std::to_string(i) + "\nOil.\n");
  }
  const auto db = dir.path() / "db";
  auto run = [&](IndexStats* stats) {
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(Options(20, 1), db, &index).ok());
    ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "in", stats).ok());
  };
  IndexStats first, second;
  ASSERT_NO_FATAL_FAILURE(run(&first));
  for (int i = 0; i < 200; ++i) {  // walked first: shards fill and are replaced meanwhile
    dir.Write("in/a" + std::to_string(100 + i) + ".md", "New " + std::to_string(i) + "\nGas.\n");
  }
  ASSERT_NO_FATAL_FAILURE(run(&second));
  EXPECT_EQ(second.indexed, 200u);
  EXPECT_EQ(second.unchanged, 60u);
  EXPECT_EQ(Find(db, "oil").total_estimated, 60u);
}

TEST(ShardsTest, CopiesWrittenIntoDifferentShardsAreOneStory) {
  testing::TempDir dir;
  std::string copy = kStory;
  copy.replace(copy.find("fifty"), 5, "50");  // a syndicated copy, lightly edited
  dir.Write("in/a.md", std::string("Wire\n") + kStory + "\n");
  dir.Write("in/b.md", "Copy\n" + copy + "\n");
  const auto db = dir.path() / "db";
  {
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(Options(1, 2), db, &index).ok());  // one article a shard
    ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "in", nullptr).ok());
  }
  ASSERT_EQ(ShardCounts(db), (std::vector<long long>{1, 1}));
  // Written later, by one thread, into a third shard: the same story still.
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(1), {MakeArticle("third", copy + " Again.")}));
  const SearchResults r = Find(db, "dismiss employees");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].similar, 2u);
}

// An index written by Steppe before shards: one glass database in DIR itself.
void BuildOlderIndex(const std::filesystem::path& db, const std::string& id) {
  Analyser analyser;
  DocumentBuilder builder(&analyser, nullptr);
  Xapian::WritableDatabase older(db.string(), Xapian::DB_CREATE_OR_OPEN);
  MarkFormat(&older);
  older.replace_document(IdTerm(id), builder.Build(MakeArticle(id, "Teachers in Oral.")));
  older.commit();
}

TEST(ShardsTest, AnIndexOfOlderSteppeIsItsOwnFirstShardUntilCompacted) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  ASSERT_NO_FATAL_FAILURE(BuildOlderIndex(db, "old"));
  EXPECT_EQ(Find(db, "Oral").hits.size(), 1u);
  // It takes new articles up to the cap, then a new shard starts beside it; it is never moved.
  ASSERT_NO_FATAL_FAILURE(AddAll(
      db, Options(2), {MakeArticle("new", "Oil strike."), MakeArticle("newer", "Gas strike.")}));
  EXPECT_EQ(ManifestText(db), "auto .\nauto shards/000\n");
  EXPECT_EQ(ShardCounts(db), (std::vector<long long>{2, 1}));
  EXPECT_EQ(Find(db, "Oral").hits.size(), 1u);
  EXPECT_EQ(Find(db, "strike").hits.size(), 2u);
  ASSERT_TRUE(Index::Compact(db, Index::CompactOptions(), nullptr).ok());
  EXPECT_EQ(ManifestText(db), "auto shards/001\n");
  EXPECT_FALSE(std::filesystem::exists(db / "iamglass"));
  EXPECT_FALSE(std::filesystem::exists(db / "shards/000"));
  EXPECT_EQ(Find(db, "Oral").hits.size(), 1u);
  EXPECT_EQ(Find(db, "strike").hits.size(), 2u);
}

// An empty index of older Steppe written in parallel: a thread fills it like any empty shard,
// but it is never moved (it is DIR itself), when full or after.
TEST(ShardsTest, AnEmptyIndexOfOlderSteppeFilledInParallelStaysInPlace) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  {
    Xapian::WritableDatabase older(db.string(), Xapian::DB_CREATE_OR_OPEN);
    MarkFormat(&older);
    older.commit();
  }
  for (int i = 0; i < 6; ++i) dir.Write("in/" + std::to_string(i) + ".md", "Strike\nOil.\n");
  {
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(Options(1, 2), db, &index).ok());
    ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "in", nullptr).ok());
  }
  EXPECT_TRUE(std::filesystem::exists(db / "iamglass"));
  EXPECT_EQ(Find(db, "strike").total_estimated, 6u);
  EXPECT_EQ(ManifestText(db).rfind("auto .\n", 0), 0u) << ManifestText(db);
}

TEST(ShardsTest, CompactMergesOwnShardsKeepsAttachedOnesAndOpenSearchersFollow) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  std::vector<Article> articles;
  for (int i = 0; i < 5; ++i) articles.push_back(MakeArticle(std::to_string(i), "Oil strike."));
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(2), articles));
  ASSERT_NO_FATAL_FAILURE(
      AddAll(dir.path() / "other", Options(10), {MakeArticle("elsewhere", "Oil strike in Oral.")}));
  ASSERT_TRUE(AddShard(db, (dir.path() / "other").string()).ok());
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchResults before;
  ASSERT_TRUE(searcher->Search({.query = "strike", .limit = 100}, &before).ok());
  ASSERT_EQ(before.total_estimated, 6u);
  Index::CompactStats stats;
  ASSERT_TRUE(Index::Compact(db, Index::CompactOptions(), &stats).ok());
  EXPECT_EQ(stats.skipped, std::vector<std::string>{(dir.path() / "other").string()});
  EXPECT_EQ(ShardCounts(db), (std::vector<long long>{5, 1}));
  EXPECT_EQ(ManifestText(db), "auto shards/005\nauto " + (dir.path() / "other").string() + "\n");
  SearchResults after;  // the searcher opened before compaction sees the new shard
  ASSERT_TRUE(searcher->Search({.query = "strike", .limit = 100}, &after).ok());
  EXPECT_EQ(after.total_estimated, 6u);
  // A compacted index takes new articles in a new shard.
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(2), {MakeArticle("later", "Oil strike.")}));
  EXPECT_EQ(ShardCounts(db), (std::vector<long long>{5, 1, 1}));
}

TEST(ShardsTest, AWriterRemovesShardsTheManifestDoesNotList) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(10), {MakeArticle("a", "Oil strike.")}));
  // A shard made by a run killed before it was listed, and an older Steppe's unmerged shard.
  dir.Write("db/shards/007/iamglass", "");
  dir.Write("db/shards/1234-00000/iamglass", "");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Options(10), db, &index).ok());
  EXPECT_FALSE(std::filesystem::exists(db / "shards/007"));
  EXPECT_FALSE(std::filesystem::exists(db / "shards/1234-00000"));
  EXPECT_TRUE(std::filesystem::exists(db / "shards/000"));
  EXPECT_EQ(index->document_count(), 1u);
}

TEST(ShardsTest, OneWriterAtATime) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  ASSERT_NO_FATAL_FAILURE(AddAll(dir.path() / "other", Options(10), {MakeArticle("a", "Oil.")}));
  std::unique_ptr<Index> first, second;
  ASSERT_TRUE(Index::Open(Options(10), db, &first).ok());
  EXPECT_TRUE(Index::Open(Options(10), db, &second).IsBusy());
  EXPECT_TRUE(Index::Compact(db, Index::CompactOptions(), nullptr).IsBusy());
  // The writer adds shards to the manifest too: attaching waits for it to finish.
  EXPECT_TRUE(AddShard(db, (dir.path() / "other").string()).IsBusy());
  first.reset();
  EXPECT_TRUE(Index::Open(Options(10), db, &second).ok());
}

// Suggestions over a remote shard keep its names between searches (each scan of them would
// stream every name over the network), and see the names it gains.
TEST(ShardsTest, SuggestionsOverARemoteShardFollowItsNames) {
  if (std::system("command -v xapian-progsrv >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "xapian-progsrv (xapian-tools) missing";
  }
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  const auto served = dir.path() / "served";
  ASSERT_NO_FATAL_FAILURE(AddAll(db, Options(10), {MakeArticle("a", "Workers met in Aktau.")}));
  ASSERT_NO_FATAL_FAILURE(
      AddAll(served, Options(10), {MakeArticle("b", "Workers met in Kalamkas on Monday.")}));
  ASSERT_TRUE(AddShard(db, ":xapian-progsrv " + (served / "shards/000").string()).ok());
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchResults r;
  ASSERT_TRUE(searcher->Search({.query = "Kalamkat"}, &r).ok());
  EXPECT_EQ(r.suggestions, std::vector<std::string>{"Kalamkas"});
  ASSERT_NO_FATAL_FAILURE(AddAll(
      served, Options(10), {MakeArticle("c", "Рабочие собрались в Каламкасе в понедельник.")}));
  ASSERT_TRUE(searcher->Search({.query = "Kalamkat"}, &r).ok());
  EXPECT_EQ(r.suggestions, (std::vector<std::string>{"Kalamkas", "Каламкасе"}));
}

}  // namespace
}  // namespace steppe
