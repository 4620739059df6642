// SPDX-License-Identifier: Apache-2.0
#include "read/walk.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include "support/temp_dir.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

std::vector<fs::path> Walk(const fs::path& root, std::vector<Problem>* problems,
                           size_t read_ahead = 0) {
  ArticleFileWalk walk(root);
  walk.ReadAhead(read_ahead);
  std::vector<fs::path> files;
  for (fs::path file; walk.Next(&file, problems);) files.push_back(file);
  return files;
}

TEST(WalkTest, ReadsEveryArticleFormatByExtension) {
  for (const char* name : {"a.md", "a.markdown", "a.txt", "a.text", "a.html", "a.htm", "a.jsonl",
                           "a.ndjson", "a.csv"}) {
    EXPECT_TRUE(IsArticleFile(name)) << name;
  }
}

TEST(WalkTest, SkipsOtherFilesReadmesAndHiddenFiles) {
  for (const char* name : {"a.json", "a.png", "README.md", ".draft.md", "Makefile"}) {
    EXPECT_FALSE(IsArticleFile(name)) << name;
  }
}

// Articles are numbered in this order, so a second run over the same tree matches the first.
TEST(WalkTest, GivesEveryArticleFileOnceInSortedPathOrder) {
  TempDir dir;
  std::vector<fs::path> written;
  for (const char* name : {"b/2.md", "a/z.md", "a/b/1.jsonl", "a.md", "a-b/x.md", "A/c.csv",
                           "a/b/c/d/e.txt", "zz.html"}) {
    written.push_back(dir.Write(name, "x"));
  }
  dir.Write("a/notes.json", "x");
  std::sort(written.begin(), written.end());  // fs::path order: folder by folder
  std::vector<Problem> problems;
  EXPECT_EQ(Walk(dir.path(), &problems), written);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(CountArticleFiles(dir.path()), written.size());
}

// Reading ahead only warms the page cache: a run reads the same files, in the same order.
TEST(WalkTest, ReadingAheadGivesTheSameFilesInTheSameOrder) {
  TempDir dir;
  for (int i = 0; i < 12; ++i)
    dir.Write(std::to_string(i % 3) + "/" + std::to_string(i) + ".md", "x");
  dir.Write("1/notes.json", "x");
  std::vector<Problem> problems;
  const std::vector<fs::path> plain = Walk(dir.path(), &problems);
  ASSERT_EQ(plain.size(), 12u);
  for (size_t ahead : {1, 5, 11, 12, 100}) {
    EXPECT_EQ(Walk(dir.path(), &problems, ahead), plain) << ahead;
  }
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(Walk(dir.path() / "nowhere", &problems, 4).size(), 0u);
  EXPECT_EQ(problems.size(), 1u);  // reported once, as without reading ahead
}

TEST(WalkTest, SkipsHiddenFoldersAndDoesNotFollowFolderLinks) {
  TempDir dir;
  const fs::path kept = dir.Write("news/a.md", "x");
  dir.Write(".git/b.md", "x");
  fs::create_directory_symlink(dir.path() / "news", dir.path() / "loop");
  fs::create_symlink(kept, dir.path() / "linked.md");  // a linked file is read
  std::vector<Problem> problems;
  EXPECT_EQ(Walk(dir.path(), &problems), (std::vector<fs::path>{dir.path() / "linked.md", kept}));
}

TEST(WalkTest, AFileNamedExplicitlyIsReadWhateverItsExtension) {
  TempDir dir;
  const fs::path file = dir.Write("feed.json", "x");
  std::vector<Problem> problems;
  EXPECT_EQ(Walk(file, &problems), std::vector<fs::path>{file});
  EXPECT_EQ(CountArticleFiles(file), 1u);
}

TEST(WalkTest, AMissingPathIsReportedWithWhatToDo) {
  TempDir dir;
  std::vector<Problem> problems;
  EXPECT_TRUE(Walk(dir.path() / "nowhere", &problems).empty());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, (dir.path() / "nowhere").string());
  EXPECT_NE(problems[0].ToString().find("check the path"), std::string::npos);
}

TEST(WalkTest, AnUnreadableFolderIsReportedAndTheRestWalked) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every folder";
  TempDir dir;
  const fs::path a = dir.Write("a/1.md", "x");
  dir.Write("b/2.md", "x");
  const fs::path c = dir.Write("c/3.md", "x");
  fs::permissions(dir.path() / "b", fs::perms::none);
  std::vector<Problem> problems;
  EXPECT_EQ(Walk(dir.path(), &problems), (std::vector<fs::path>{a, c}));
  fs::permissions(dir.path() / "b", fs::perms::owner_all);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].file, (dir.path() / "b").string());
}

}  // namespace
}  // namespace steppe
