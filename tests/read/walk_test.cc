// SPDX-License-Identifier: Apache-2.0
#include "read/walk.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

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

}  // namespace
}  // namespace steppe
