// SPDX-License-Identifier: Apache-2.0
#include "index/shards.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "analyse/analyser.h"
#include "index/document_builder.h"
#include "index/near_duplicates.h"
#include "steppe/index.h"
#include "steppe/searcher.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

const char kStory[] =
    "An oil services company in western Kazakhstan whose operations have been hampered by a "
    "strike that began in December has escalated the standoff by announcing that it will "
    "dismiss fifty employees involved in industrial action, the largest dismissal since the "
    "strike started, and warned that more would follow if the protest went on.";

// An index of one article at `dir`, as a shard would hold it.
void BuildShard(const std::filesystem::path& dir, const std::string& id, const std::string& body) {
  IndexOptions options;
  options.create_if_missing = true;
  std::filesystem::create_directories(dir.parent_path());
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir, &index).ok());
  Article a;
  a.id = id;
  a.title = "Strike";
  a.body = body;
  ASSERT_TRUE(index->AddArticle(a).ok());
  ASSERT_TRUE(index->Commit().ok());
}

SearchResults Find(const std::filesystem::path& db, const std::string& query) {
  std::unique_ptr<Searcher> searcher;
  EXPECT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  SearchResults r;
  EXPECT_TRUE(searcher->Search({.query = query, .limit = 10}, &r).ok());
  return r;
}

TEST(ShardsTest, MergeKeepsEveryDocumentAndGroupsCopiesAcrossShards) {
  testing::TempDir dir;
  std::string copy = kStory;
  copy.replace(copy.find("fifty"), 5, "50");  // a syndicated copy, lightly edited
  BuildShard(dir.path() / "a", "wire", kStory);
  BuildShard(dir.path() / "b", "copy", copy);
  BuildShard(dir.path() / "c", "other", "Teachers in Oral held a meeting about pay on Monday.");
  BuildShard(dir.path() / "index", "first", "An article that was there before the merge.");
  ASSERT_TRUE(MergeIntoPlace(dir.path() / "index", {dir.path() / "index", dir.path() / "a",
                                                    dir.path() / "b", dir.path() / "c"})
                  .ok());
  EXPECT_EQ(Find(dir.path() / "index", "before").hits.size(), 1u);
  EXPECT_EQ(Find(dir.path() / "index", "Oral").hits.size(), 1u);
  // Each shard gave its copy a group of its own; merged, the two are one story.
  const SearchResults r = Find(dir.path() / "index", "dismiss employees");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].similar, 1u);
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "index.merging"));
}

TEST(ShardsTest, LeftoverCopiesJoinTheGroupsTheIndexAlreadyHolds) {
  testing::TempDir dir;
  const auto index_dir = dir.path() / "index";
  std::string copy = kStory;
  copy.replace(copy.find("fifty"), 5, "50");
  BuildShard(index_dir, "wire", kStory);
  BuildShard(index_dir, "copy", copy);  // grouped with the wire story
  {
    // The wire story goes; its copy keeps the group named after it.
    Xapian::WritableDatabase db(index_dir.string(), Xapian::DB_OPEN);
    db.delete_document(IdTerm("wire"));
  }
  BuildShard(ShardsDir(index_dir) / "1-00000", "second copy", copy);  // left by a killed run
  ASSERT_TRUE(MarkShardCommitted(ShardsDir(index_dir) / "1-00000").ok());
  dir.Write("more/note.md", "Teachers in Oral held a meeting about pay on Monday.\n");
  IndexOptions options;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, index_dir, &index).ok());
  IndexStats stats;
  ASSERT_TRUE(
      index->AddPath(AddOptions(), dir.path() / "more", &stats).ok());  // merges the shard first
  EXPECT_EQ(index->document_count(), 3u);
  index.reset();
  const SearchResults r = Find(index_dir, "dismiss employees");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].similar, 1u);
}

// A shard as the indexing pipeline writes it: every article in a group of its own, with no
// search for copies (AddDuplicateBands); the merge must group them.
void BuildPipelineShard(const std::filesystem::path& dir,
                        const std::vector<std::pair<std::string, std::string>>& articles) {
  std::filesystem::create_directories(dir.parent_path());
  Analyser analyser;
  DocumentBuilder builder(&analyser, nullptr);
  Xapian::WritableDatabase shard(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
  for (const auto& [id, body] : articles) {
    Article a;
    a.id = id;
    a.title = "Strike";
    a.body = body;
    Xapian::Document doc = builder.Build(a);
    AddDuplicateBands(&doc);
    shard.replace_document(IdTerm(id), doc);
  }
  shard.commit();
}

TEST(ShardsTest, CopiesInTheOnlyShardAreGroupedWhenMerged) {
  testing::TempDir dir;
  std::string copy = kStory;
  copy.replace(copy.find("fifty"), 5, "50");
  const auto index_dir = dir.path() / "index";
  {
    IndexOptions options;
    options.create_if_missing = true;
    std::unique_ptr<Index> empty;
    ASSERT_TRUE(Index::Open(options, index_dir, &empty).ok());
  }
  BuildPipelineShard(dir.path() / "shard", {{"wire", kStory}, {"copy", copy}});
  // As a run on an empty index merges: the shard is the only source.
  ASSERT_TRUE(MergeIntoPlace(index_dir, {dir.path() / "shard"}).ok());
  const SearchResults r = Find(index_dir, "dismiss employees");
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].similar, 1u);
}

// A shard of one article, as the pipeline writes one, committed and marked so.
void CreateWholeShard(const std::filesystem::path& dir, const std::string& id) {
  std::filesystem::create_directories(dir.parent_path());
  Xapian::WritableDatabase shard = CreateShard(dir);
  ASSERT_TRUE(MarkShardWriting(dir).ok());
  Xapian::Document doc;
  doc.add_boolean_term(IdTerm(id));
  shard.add_document(doc);
  shard.commit();
  ASSERT_TRUE(MarkShardCommitted(dir).ok());
}

TEST(ShardsTest, LeftoverShardsAreTheWholeOnes) {
  testing::TempDir dir;
  const auto shards_dir = ShardsDir(dir.path());
  CreateWholeShard(shards_dir / "1-0", "whole");
  std::filesystem::create_directories(shards_dir / "1-1");  // killed before its first commit
  CreateWholeShard(shards_dir / "1-2", "cut off");
  ASSERT_TRUE(MarkShardWriting(shards_dir / "1-2").ok());  // killed while writing after that
  CreateWholeShard(shards_dir / "1-3", "lost");
  dir.Write("shards/1-3/committed", "another boot\n");  // the machine restarted since
  const std::vector<std::filesystem::path> shards = LeftoverShards(dir.path());
  ASSERT_EQ(shards.size(), 1u);
  EXPECT_EQ(shards[0].filename(), "1-0");
  // The others are gone, so that their files are read again rather than merged damaged.
  EXPECT_FALSE(std::filesystem::exists(shards_dir / "1-1"));
  EXPECT_FALSE(std::filesystem::exists(shards_dir / "1-2"));
  EXPECT_FALSE(std::filesystem::exists(shards_dir / "1-3"));
}

TEST(ShardsTest, ExchangeSwapsTwoDirectories) {
  testing::TempDir dir;
  dir.Write("a/x", "from a");
  dir.Write("b/y", "from b");
  ASSERT_TRUE(ExchangeDirectories(dir.path() / "a", dir.path() / "b").ok());
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "a" / "y"));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "b" / "x"));
}

}  // namespace
}  // namespace steppe
