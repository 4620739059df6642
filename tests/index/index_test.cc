// SPDX-License-Identifier: Apache-2.0
#include "steppe/index.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "index/format.h"
#include "index/prefixes.h"
#include "index/shards.h"
#include "read/reader.h"
#include "steppe/searcher.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

IndexOptions Create() {
  IndexOptions o;
  o.create_if_missing = true;
  return o;
}

// Indexes the folder `c` of `dir` into a new index at `db` under it, and closes it.
void IndexFolder(const testing::TempDir& dir, const IndexOptions& options = Create(),
                 const std::string& db = "db", const AddOptions& add = AddOptions()) {
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / db, &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(add, dir.path() / "c", &stats).ok());
}

TEST(IndexTest, ReindexingAFileReplacesItsArticle) {
  testing::TempDir dir;
  const auto file = dir.Write("docs/a.md", "---\ntitle: First title\n---\nBody one\n");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), file, &stats).ok());
  dir.Write("docs/a.md", "---\ntitle: Second title\n---\nBody two\n");
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "docs", &stats).ok());
  ASSERT_TRUE(index->Commit().ok());
  EXPECT_EQ(index->document_count(), 1u);
  EXPECT_EQ(stats.indexed, 2u);
  index.reset();

  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  SearchResults results;
  ASSERT_TRUE(searcher->Search(SearchRequest{.query = "body"}, &results).ok());
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].title, "Second title");
}

TEST(IndexTest, FolderWalkSkipsReadmeHiddenAndOtherFiles) {
  testing::TempDir dir;
  dir.Write("c/README.md", "This describes the corpus.");
  dir.Write("c/.hidden.md", "Hidden");
  dir.Write("c/.git/x.md", "Hidden folder");
  dir.Write("c/image.png", "\x89PNG");
  dir.Write("c/one.md", "One\nBody");
  dir.Write("c/sub/two.txt", "Two\nBody");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  EXPECT_EQ(stats.indexed, 2u);
  EXPECT_EQ(stats.skipped, 0u);
  EXPECT_EQ(index->document_count(), 2u);
}

TEST(IndexTest, ProblemsAreReportedAndTheRunGoesOn) {
  testing::TempDir dir;
  dir.Write("c/bad-date.md", "---\ntitle: T\ndate: 2024-13-01\n---\nBody");
  dir.Write("c/good.md", "Good\nBody");
  std::vector<Problem> seen;
  AddOptions add;
  add.on_problem = [&](const Problem& p) { seen.push_back(p); };
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(add, dir.path() / "c", &stats).ok());
  // A path that is not there is the caller's mistake, not the input's: NotFound.
  EXPECT_TRUE(index->AddPath(add, dir.path() / "missing", &stats).IsNotFound());
  EXPECT_EQ(stats.indexed, 2u);
  EXPECT_EQ(stats.problems, 1u);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].line, 3);
}

TEST(IndexTest, FilesThatHoldNoArticleAreCountedAsSkipped) {
  testing::TempDir dir;
  dir.Write("c/empty.md", "");
  const char binary[] = "PNG\0\0binary data";
  dir.Write("c/nul.txt", std::string(binary, sizeof binary - 1));
  dir.Write("c/good.md", "Good\nBody");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  EXPECT_EQ(stats.indexed, 1u);
  EXPECT_EQ(stats.skipped, 2u);
  EXPECT_EQ(stats.problems, 2u);
}

// With two threads, a new index is written as shards, each thread its own (index/shards.h): it
// must answer as the index one writer builds, near-duplicate groups across the shards included.
TEST(IndexTest, ParallelIndexingBuildsTheSameIndexAsOneThread) {
  testing::TempDir dir;
  const std::string story =
      "Drivers of an oil services company in western Kazakhstan went on strike in December "
      "over pay, and the company answered by dismissing fifty of them, story ";
  for (int i = 0; i < 80; ++i) {
    // Every tenth file is a syndicated copy of one story: the copies fall in both shards.
    const std::string body =
        i % 10 == 0 ? story + "copy."
                    : "Workers in Zhanaozen, story " + std::to_string(i) + ". Жаңаөзенде ереуіл.";
    dir.Write("c/" + std::to_string(i) + ".md",
              "---\ntitle: Article " + std::to_string(i) + "\ndate: 2024-01-" +
                  std::to_string(10 + i % 18) + "\n---\n" + body + "\n");
  }
  dir.Write("c/bad.md", "---\ntitle: Bad\ndate: 2024-02-30\n---\nBody\n");
  // A link is read as a second file with the first's id: still one article.
  std::filesystem::create_symlink(dir.path() / "c/5.md", dir.path() / "c/zz-link.md");
  std::vector<std::vector<std::string>> results;
  for (int threads : {1, 2}) {
    IndexOptions options = Create();
    options.threads = threads;
    options.docs_per_commit = 7;  // several commits along the way
    options.docs_per_shard = 9;   // and, with 2 threads, several shards each
    const auto db = dir.path() / ("db" + std::to_string(threads));
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(options, db, &index).ok());
    IndexStats stats;
    const Status added = index->AddPath(AddOptions(), dir.path() / "c", &stats);
    ASSERT_TRUE(added.ok()) << added.ToString();
    ASSERT_TRUE(index->Commit().ok());
    EXPECT_EQ(stats.indexed + stats.unchanged, 82u);  // the link's file is read again or skipped
    EXPECT_EQ(stats.problems, 1u);
    EXPECT_EQ(index->document_count(), 81u) << threads;
    index.reset();
    std::unique_ptr<Searcher> searcher;
    ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
    SearchResults r;
    ASSERT_TRUE(searcher->Search({.query = "Zhanaozen", .limit = 100}, &r).ok());
    std::vector<std::string> ids;
    for (const Hit& h : r.hits) ids.push_back(h.id);
    std::sort(ids.begin(), ids.end());
    results.push_back(ids);
    ASSERT_TRUE(searcher->Search({.query = "dismissing drivers", .limit = 100}, &r).ok());
    ASSERT_EQ(r.hits.size(), 1u) << threads << " threads: the copies are one group";
    EXPECT_EQ(r.hits[0].similar, 7u);
  }
  EXPECT_EQ(results[0].size(), 72u);
  EXPECT_EQ(results[0], results[1]);
}

// Shards add articles without looking their ids up, so a file reached through many links
// (61 names, 2 threads) must be read once: the index holds it once, without copies of itself.
TEST(IndexTest, AParallelBuildKeepsOneArticleForAFileReachedManyTimes) {
  testing::TempDir dir;
  for (int i = 0; i < 10; ++i) {
    dir.Write("c/" + std::to_string(i) + ".md", "---\ntitle: Article " + std::to_string(i) +
                                                    "\n---\nStory number " + std::to_string(i) +
                                                    " about the Caspian.\n");
  }
  for (int i = 0; i < 60; ++i) {
    std::filesystem::create_symlink(dir.path() / "c/0.md",
                                    dir.path() / ("c/link" + std::to_string(i) + ".md"));
  }
  IndexOptions options = Create();
  options.threads = 2;
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir, options));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  EXPECT_EQ(searcher->document_count(), 10u);
  SearchResults r;
  ASSERT_TRUE(searcher->Search({.query = "Caspian", .all_copies = true, .limit = 100}, &r).ok());
  EXPECT_EQ(r.hits.size(), 10u);
  ASSERT_TRUE(searcher->Search({.query = "\"Story number 0\"", .limit = 100}, &r).ok());
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].similar, 0u);
}

// A progress display counts articles as well as files: a JSON Lines file holds many.
TEST(IndexTest, ProgressCountsFilesBytesAndArticles) {
  testing::TempDir dir;
  const std::string feed =
      "{\"title\": \"One\", \"text\": \"record one\"}\n"
      "{\"title\": \"Two\", \"text\": \"record two\"}\n"
      "{\"title\": \"Three\", \"text\": \"record three\"}\n";
  dir.Write("c/feed.jsonl", feed);
  const std::string article = "A\nFirst body\n", empty = "\n";
  dir.Write("c/a.md", article);
  dir.Write("c/empty.md", empty);
  std::vector<IndexProgress> seen;
  AddOptions add;
  add.on_progress = [&](const IndexProgress& p) { seen.push_back(p); };
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir, Create(), "db", add));
  ASSERT_EQ(seen.size(), 3u);  // once per file, the empty one too
  EXPECT_EQ(seen.back().files_done, 3u);
  EXPECT_EQ(seen.back().files_total, 3u);
  EXPECT_EQ(seen.back().articles_done, 4u);
  EXPECT_EQ(seen.back().bytes_done, feed.size() + article.size() + empty.size());
}

TEST(IndexTest, ReRunSkipsUnchangedFilesAndReplacesChangedOnesWhole) {
  testing::TempDir dir;
  dir.Write("c/a.md", "A\nFirst body\n");
  dir.Write("c/b.md", "B\nSecond body\n");
  dir.Write("c/feed.jsonl",
            "{\"title\": \"One\", \"text\": \"record one\"}\n"
            "{\"title\": \"Two\", \"text\": \"record two\"}\n"
            "{\"title\": \"Three\", \"text\": \"record three\"}\n");
  auto run = [&](IndexStats* stats) -> size_t {
    std::unique_ptr<Index> index;
    if (!Index::Open(Create(), dir.path() / "db", &index).ok()) return 0;
    EXPECT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", stats).ok());
    EXPECT_TRUE(index->Commit().ok());
    return index->document_count();
  };
  IndexStats first, second, third;
  EXPECT_EQ(run(&first), 5u);
  EXPECT_EQ(first.indexed, 5u);
  EXPECT_EQ(run(&second), 5u);
  EXPECT_EQ(second.indexed, 0u);
  EXPECT_EQ(second.unchanged, 3u);
  // The feed loses its middle record: line 2 now holds what line 3 did, and line 3 is gone.
  dir.Write("c/feed.jsonl",
            "{\"title\": \"One\", \"text\": \"record one\"}\n"
            "{\"title\": \"Three\", \"text\": \"record three\"}\n");
  EXPECT_EQ(run(&third), 4u);
  EXPECT_EQ(third.indexed, 1u);
  EXPECT_EQ(third.unchanged_articles, 1u);
  EXPECT_EQ(third.removed, 1u);
  EXPECT_EQ(third.unchanged, 2u);
}

// A JSON Lines export of `n` records, record i titled "Record i" with a word of its own.
std::string Export(int n, int first = 1) {
  std::string out;
  for (int i = first; i < first + n; ++i) {
    out += "{\"title\": \"Record " + std::to_string(i) +
           "\", \"text\": \"Oil workers met. Marker uniq" + std::to_string(i) + "q.\"}\n";
  }
  return out;
}

// Indexes `path` into the index at `db` (created when missing), commits and closes it.
size_t IndexAndCount(const std::filesystem::path& path, const std::filesystem::path& db,
                     IndexStats* stats) {
  std::unique_ptr<Index> index;
  if (!Index::Open(Create(), db, &index).ok()) return 0;
  EXPECT_TRUE(index->AddPath(AddOptions(), path, stats).ok());
  EXPECT_TRUE(index->Commit().ok());
  return index->document_count();
}

size_t Hits(const std::filesystem::path& db, const std::string& query) {
  std::unique_ptr<Searcher> searcher;
  SearchResults results;
  if (!Searcher::Open(SearcherOptions(), db, &searcher).ok()) return 0;
  EXPECT_TRUE(searcher->Search(SearchRequest{.query = query}, &results).ok());
  return results.hits.size();
}

// Appending to a big export is the common update: only the new record is read into the index.
TEST(IndexTest, AppendingOneRecordToAnExportAnalysesOnlyThatRecord) {
  testing::TempDir dir;
  const auto feed = dir.Write("c/feed.jsonl", Export(300));
  IndexStats first, second;
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &first), 300u);
  EXPECT_EQ(first.indexed, 300u);
  dir.Write("c/feed.jsonl", Export(300) + Export(1, 301));
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &second), 301u);
  EXPECT_EQ(second.indexed, 1u);
  EXPECT_EQ(second.unchanged_articles, 300u);
  EXPECT_EQ(second.removed, 0u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq301q"), 1u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq7q"), 1u);
}

TEST(IndexTest, AChangedRecordIsReplacedAndARemovedOneRemoved) {
  testing::TempDir dir;
  const auto feed = dir.Write("c/feed.csv",
                              "title,text\nFirst,uniq1q body\nSecond,uniq2q body\n"
                              "Third,uniq3q body\n");
  IndexStats first, second;
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &first), 3u);
  dir.Write("c/feed.csv", "title,text\nFirst,uniq1q body\nSecond,uniq22q body\n");
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &second), 2u);
  EXPECT_EQ(second.indexed, 1u);
  EXPECT_EQ(second.unchanged_articles, 1u);
  EXPECT_EQ(second.removed, 1u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq2q"), 0u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq22q"), 1u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq3q"), 0u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq1q"), 1u);
}

// A record that no longer gives an article (no title or text, broken JSON) loses its article.
TEST(IndexTest, ARecordThatBreaksLosesItsArticle) {
  testing::TempDir dir;
  const auto feed = dir.Write("c/feed.jsonl", Export(3));
  IndexStats first, second;
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &first), 3u);
  std::string changed = Export(3);
  changed.replace(changed.find("{\"title\": \"Record 2\""), 1, "[");  // line 2 breaks
  dir.Write("c/feed.jsonl", changed);
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &second), 2u);
  EXPECT_EQ(second.removed, 1u);
  EXPECT_EQ(second.problems, 1u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq2q"), 0u);
}

// A run killed inside a file has committed some of its records but not the file's hash: the
// next run reads the file again, by record, rather than take it as done.
TEST(IndexTest, AFileMarkedPendingIsReadAgain) {
  testing::TempDir dir;
  const auto feed = dir.Write("c/feed.jsonl", Export(5));
  IndexStats first, second;
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &first), 5u);
  {
    // As a killed run leaves it: a record's document written, the file still pending.
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_OPEN);
    for (auto t = db.metadata_keys_begin("steppe.file:"); t != db.metadata_keys_end("steppe.file:");
         ++t) {
      db.set_metadata(*t, "pending");
    }
    db.delete_document(db.postlist_begin("Q" + CanonicalPath(feed) + ":3").operator*());
    db.commit();
  }
  EXPECT_EQ(IndexAndCount(feed, dir.path() / "db", &second), 5u);
  EXPECT_EQ(second.unchanged, 0u);
  EXPECT_EQ(second.indexed, 1u);
  EXPECT_EQ(Hits(dir.path() / "db", "uniq3q"), 1u);
}

// Progress moves inside a big file, by bytes, rather than only when the file is done.
TEST(IndexTest, ProgressMovesByBytesWithinABigFile) {
  testing::TempDir dir;
  const std::string feed = Export(1000);
  dir.Write("c/feed.jsonl", feed);
  std::vector<IndexProgress> seen;
  AddOptions add;
  add.on_progress = [&](const IndexProgress& p) { seen.push_back(p); };
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir, Create(), "db", add));
  ASSERT_GE(seen.size(), 3u);
  EXPECT_EQ(seen.front().files_done, 0u);  // still in the file
  EXPECT_GT(seen.front().bytes_done, 0u);
  EXPECT_LT(seen.front().bytes_done, feed.size());
  for (size_t i = 1; i < seen.size(); ++i) EXPECT_GE(seen[i].bytes_done, seen[i - 1].bytes_done);
  EXPECT_EQ(seen.back().bytes_done, feed.size());
  EXPECT_EQ(seen.back().bytes_total, feed.size());
}

// IndexStats accumulates, as index.h says: one IndexStats totals AddPath of two folders, an
// AddPath that finds nothing changed, and a Prune; nothing is reset between calls.
TEST(IndexTest, IndexStatsAccumulateAcrossCalls) {
  testing::TempDir dir;
  dir.Write("c/a.md", "A\nBody a\n");
  const auto gone = dir.Write("c/b.md", "B\nBody b\n");
  dir.Write("d/bad.md", "---\ntitle: D\ndate: 2024-13-01\n---\nBody d\n");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "d", &stats).ok());
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  std::filesystem::remove(gone);
  ASSERT_TRUE(index->Prune(dir.path() / "c", &stats).ok());
  EXPECT_EQ(stats.indexed, 3u);
  EXPECT_EQ(stats.unchanged, 2u);
  EXPECT_EQ(stats.problems, 1u);
  EXPECT_EQ(stats.removed, 1u);
}

// The stats are optional: a caller that does not count passes null, to AddPath and Prune.
TEST(IndexTest, NullStatsAreAllowed) {
  testing::TempDir dir;
  dir.Write("c/a.md", "A\nBody a\n");
  const auto gone = dir.Write("c/b.md", "B\nBody b\n");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", nullptr).ok());
  EXPECT_EQ(index->document_count(), 2u);
  std::filesystem::remove(gone);
  ASSERT_TRUE(index->Prune(dir.path() / "c", nullptr).ok());
  EXPECT_EQ(index->document_count(), 1u);
}

TEST(IndexTest, PruneRemovesArticlesOfDeletedFilesOnly) {
  testing::TempDir dir;
  dir.Write("c/keep.md", "Keep\nBody\n");
  const auto gone = dir.Write("c/sub/gone.md", "Gone\nBody\n");
  dir.Write("other/elsewhere.md", "Elsewhere\nBody\n");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "other", &stats).ok());
  std::filesystem::remove(gone);
  std::filesystem::remove(dir.path() / "other" / "elsewhere.md");
  ASSERT_TRUE(index->Prune(dir.path() / "c", &stats).ok());
  EXPECT_EQ(stats.removed, 1u);
  EXPECT_EQ(index->document_count(), 2u);  // "other" was not pruned: not under the path
}

TEST(IndexTest, FilesOverTheSizeLimitAreReportedAndSkipped) {
  testing::TempDir dir;
  dir.Write("c/big.md", std::string(2000, 'x'));
  dir.Write("c/small.md", "Small\nBody\n");
  IndexOptions options = Create();
  options.max_file_bytes = 1000;
  std::vector<Problem> seen;
  AddOptions add;
  add.on_problem = [&](const Problem& p) { seen.push_back(p); };
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(add, dir.path() / "c", &stats).ok());
  EXPECT_EQ(stats.indexed, 1u);
  EXPECT_EQ(stats.skipped, 1u);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_NE(seen[0].reason.find("IndexOptions::max_file_bytes"), std::string::npos)
      << seen[0].reason;
  EXPECT_EQ(seen[0].reason.find("--"), std::string::npos) << "the CLI says its flag";
}

TEST(IndexTest, StrictStopsAtTheFirstProblemAndNamesIt) {
  testing::TempDir dir;
  dir.Write("c/bad.md", "---\ntitle: T\ndate: 2024-13-01\n---\nBody\n");
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  AddOptions add;
  add.strict = true;
  IndexStats stats;
  const Status s = index->AddPath(add, dir.path() / "c", &stats);
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("bad.md:3"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("AddOptions::strict"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("--"), std::string::npos) << "a CLI flag in a library message";
  EXPECT_EQ(index->document_count(), 0u);
}

TEST(IndexTest, ArticleWithoutIdIsRejected) {
  testing::TempDir dir;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &index).ok());
  const Status s = index->AddArticle(Article{.title = "No id"});
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("Article::id"), std::string::npos);
}

TEST(IndexTest, MissingIndexIsNotFoundAndNamesThePathWithoutCliWords) {
  testing::TempDir dir;
  std::unique_ptr<Index> index;
  const Status s = Index::Open(IndexOptions(), dir.path() / "nope", &index);
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find((dir.path() / "nope").string()), std::string::npos);
  EXPECT_NE(s.message().find("no index there"), std::string::npos) << s.message();
  EXPECT_EQ(s.message().find("steppe index"), std::string::npos) << "the CLI adds its hint";
}

TEST(IndexTest, AnIndexOfAnotherFormatIsRefusedWithHowToRebuild) {
  testing::TempDir dir;
  const auto db = dir.path() / "db";
  {
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(Create(), db, &index).ok());
    IndexStats stats;
    ASSERT_TRUE(
        index->AddPath(AddOptions(), dir.Write("a.md", "Aktau\nStrike in Aktau"), &stats).ok());
    ASSERT_TRUE(index->Commit().ok());
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  searcher.reset();
  {
    // What an older Steppe left: articles, and no format in the metadata.
    Xapian::WritableDatabase old(db.string(), Xapian::DB_OPEN);
    old.set_metadata("steppe.format", "");
    old.commit();
  }
  const Status read = Searcher::Open(SearcherOptions(), db, &searcher);
  EXPECT_EQ(read.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(read.message().find("format 1"), std::string::npos) << read.message();
  EXPECT_NE(read.message().find("rebuild"), std::string::npos) << read.message();
  std::unique_ptr<Index> index;
  EXPECT_EQ(Index::Open(Create(), db, &index).code(), Status::Code::kInvalidArgument);
}

TEST(IndexTest, SecondWriterIsBusyAndNamesTheHolder) {
  testing::TempDir dir;
  std::unique_ptr<Index> first, second;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &first).ok());
  const Status s = Index::Open(Create(), dir.path() / "db", &second);
  EXPECT_EQ(s.code(), Status::Code::kBusy);
  EXPECT_NE(
      s.message().find("being written by another process (pid " + std::to_string(getpid()) + ")"),
      std::string::npos)
      << s.message();
  EXPECT_TRUE(s.IsBusy());
  EXPECT_NE(s.message().find("IndexOptions::wait_for_writer_seconds"), std::string::npos)
      << s.message();
  EXPECT_EQ(s.message().find("--wait"), std::string::npos) << "the CLI adds its hint";
}

TEST(IndexTest, WaitingForTheWriterSucceedsOnceItIsDone) {
  testing::TempDir dir;
  std::unique_ptr<Index> first;
  ASSERT_TRUE(Index::Open(Create(), dir.path() / "db", &first).ok());
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    first.reset();
  });
  IndexOptions options = Create();
  options.wait_for_writer_seconds = 10;
  std::unique_ptr<Index> second;
  const Status s = Index::Open(options, dir.path() / "db", &second);
  release.join();
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(IndexTest, SearchersKeepWorkingWhileAWriterCommits) {
  testing::TempDir dir;
  IndexOptions options = Create();
  options.docs_per_commit = 5;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
  ASSERT_TRUE(index->AddArticle({.id = "seed", .title = "strike", .body = "strike"}).ok());
  ASSERT_TRUE(index->Commit().ok());
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  // No ASSERT while the writer runs: returning would leave its thread unjoined.
  std::atomic<bool> done{false}, wrote{true};
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      Article a{.id = "a" + std::to_string(i), .title = "Strike", .body = "strike news"};
      if (!index->AddArticle(a).ok()) wrote = false;
    }
    if (!index->Commit().ok()) wrote = false;
    done = true;
  });
  size_t last = 0, searches = 0;
  while (!done || searches == 0) {
    SearchResults r;
    const Status s = searcher->Search({.query = "strike", .limit = 1}, &r);
    EXPECT_TRUE(s.ok()) << s.ToString();
    if (!s.ok()) break;
    EXPECT_GE(r.total_estimated, last);  // sees commits as they land, never less
    last = r.total_estimated;
    ++searches;
  }
  writer.join();
  ASSERT_TRUE(wrote);
  SearchResults r;
  ASSERT_TRUE(searcher->Search({.query = "strike"}, &r).ok());
  EXPECT_EQ(r.total_estimated, 301u);
}

TEST(IndexTest, CheckFindsASoundIndexSound) {
  testing::TempDir dir;
  dir.Write("c/a.md", "---\ntitle: A\ndate: 2024-01\n---\nBody\n");
  dir.Write("c/b.md", "B\nBody\n");
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir));
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  std::vector<Problem> problems;
  ASSERT_TRUE(searcher->Check(&problems).ok());
  EXPECT_TRUE(problems.empty()) << problems.front().ToString();
}

// A damaged document is reported as a Problem: the index as its file, the document (number
// and id) in the reason, and in the hint the file to index again.
TEST(IndexTest, CheckReportsEachDamagedDocumentAsAProblem) {
  testing::TempDir dir;
  const auto file = dir.Write("c/a.md", "---\ntitle: A\ndate: 2024-01\n---\nBody\n");
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir));
  const std::filesystem::path db = dir.path() / "db";
  {
    Xapian::WritableDatabase xdb(db.string(), Xapian::DB_OPEN);
    Xapian::Document doc = xdb.get_document(1);
    doc.add_value(slot::kDate, "garbage!");
    xdb.replace_document(1, doc);
    xdb.commit();
  }
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), db, &searcher).ok());
  std::vector<Problem> problems;
  ASSERT_TRUE(searcher->Check(&problems).ok());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, (db / "shards/000").string());  // the shard that holds it
  EXPECT_EQ(problems[0].line, 0);
  EXPECT_NE(problems[0].reason.find("document 1 ("), std::string::npos) << problems[0].reason;
  EXPECT_NE(problems[0].reason.find("date value 'garbage!' is not a date"), std::string::npos)
      << problems[0].reason;
  EXPECT_NE(problems[0].hint.find(std::filesystem::canonical(file).string()), std::string::npos)
      << problems[0].hint;
}

TEST(IndexTest, AnArchiveLeavesOutTermListsAndCannotBeOpenedForWriting) {
  testing::TempDir dir;
  for (int i = 0; i < 40; ++i) {
    dir.Write("c/" + std::to_string(i) + ".md", "Strike " + std::to_string(i) +
                                                    "\nDrivers in Zhanaozen stopped work at "
                                                    "KazMunayGas, day " +
                                                    std::to_string(i) + ".\n");
  }
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir));
  Index::CompactStats compact, archive;
  ASSERT_TRUE(Index::Compact(dir.path() / "db", {}, &compact).ok());
  ASSERT_TRUE(Index::Compact(dir.path() / "db", {.archive = true}, &archive).ok());
  EXPECT_EQ(archive.bytes_before, compact.bytes_after);
  EXPECT_LT(archive.bytes_after, compact.bytes_after);

  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  SearchResults r;
  ASSERT_TRUE(searcher->Search({.query = "Жанаозен", .facet_limit = 5, .limit = 50}, &r).ok());
  EXPECT_EQ(r.hits.size(), 40u);
  ASSERT_FALSE(r.facets.empty());
  std::vector<Problem> problems;
  ASSERT_TRUE(searcher->Check(&problems).ok());
  EXPECT_TRUE(problems.empty()) << problems.front().ToString();

  std::unique_ptr<Index> index;
  const Status refused = Index::Open(IndexOptions(), dir.path() / "db", &index);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("is an archive"), std::string::npos) << refused.message();
  Index::CompactStats again;
  EXPECT_TRUE(Index::Compact(dir.path() / "db", {}, &again).ok());  // nothing to do
  EXPECT_EQ(again.bytes_after, archive.bytes_after);
  EXPECT_TRUE(Index::Compact(dir.path() / "db", {}, nullptr).ok()) << "stats are optional";
}

TEST(IndexTest, CompactFinishesAnArchiveCutShortBeforeItsTermListsWent) {
  testing::TempDir dir;
  dir.Write("c/a.md", "Strike\nDrivers in Zhanaozen stopped work.\n");
  ASSERT_NO_FATAL_FAILURE(IndexFolder(dir));
  {
    Xapian::WritableDatabase db((dir.path() / "db/shards/000").string(), Xapian::DB_OPEN);
    db.set_metadata(kArchiveKey, "no term lists");  // marked, then the run was killed
  }
  ASSERT_TRUE(std::filesystem::exists(dir.path() / "db/shards/000/termlist.glass"));
  Index::CompactStats stats;
  ASSERT_TRUE(Index::Compact(dir.path() / "db", {}, &stats).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "db/shards/000/termlist.glass"));
  EXPECT_LT(stats.bytes_after, stats.bytes_before);
}

TEST(IndexTest, CompactShrinksTheIndex) {
  testing::TempDir dir;
  for (int i = 0; i < 40; ++i) {
    dir.Write("c/" + std::to_string(i) + ".md", "Strike " + std::to_string(i) +
                                                    "\nDrivers in Zhanaozen stopped work, day " +
                                                    std::to_string(i) + ".\n");
  }
  IndexOptions options = Create();
  options.docs_per_commit = 1;  // a commit per article leaves free blocks behind
  options.threads = 1;
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir.path() / "db", &index).ok());
  IndexStats stats;
  ASSERT_TRUE(index->AddPath(AddOptions(), dir.path() / "c", &stats).ok());
  index.reset();
  Index::CompactStats compacted;
  ASSERT_TRUE(Index::Compact(dir.path() / "db", {}, &compacted).ok());
  EXPECT_LT(compacted.bytes_after, compacted.bytes_before);
  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir.path() / "db", &searcher).ok());
  SearchResults r;
  ASSERT_TRUE(searcher->Search({.query = "Zhanaozen", .limit = 50}, &r).ok());
  EXPECT_EQ(r.hits.size(), 40u);
}

}  // namespace
}  // namespace steppe
