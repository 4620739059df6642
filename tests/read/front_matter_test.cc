// SPDX-License-Identifier: Apache-2.0
#include "read/front_matter.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(FrontMatterTest, ReadsFieldsAndBody) {
  const FrontMatter fm = ParseFrontMatter(
      "---\ntitle: Strike goes on\nDate: 2023-12-16\nsource: \"Steppe Wire\"\n---\n\nBody.\n");
  ASSERT_TRUE(fm.present);
  ASSERT_TRUE(fm.closed);
  ASSERT_EQ(fm.fields.size(), 3u);
  EXPECT_EQ(fm.fields[0].key, "title");
  EXPECT_EQ(fm.fields[0].value, "Strike goes on");
  EXPECT_EQ(fm.fields[1].key, "date");  // keys are case-insensitive
  EXPECT_EQ(fm.fields[1].line, 3);
  EXPECT_EQ(fm.fields[2].value, "Steppe Wire");  // quotes removed
  EXPECT_EQ(fm.body, "\nBody.\n");
  EXPECT_EQ(fm.body_line, 6);
}

TEST(FrontMatterTest, TextWithoutFenceHasNoFrontMatter) {
  const FrontMatter fm = ParseFrontMatter("Title line\n\nBody\n");
  EXPECT_FALSE(fm.present);
  EXPECT_EQ(fm.body, "Title line\n\nBody\n");
}

TEST(FrontMatterTest, UnclosedBlockKeepsWholeTextAsBody) {
  const std::string text = "---\ntitle: never closed\n\nBody\n";
  const FrontMatter fm = ParseFrontMatter(text);
  EXPECT_TRUE(fm.present);
  EXPECT_FALSE(fm.closed);
  EXPECT_TRUE(fm.fields.empty());
  EXPECT_EQ(fm.body, text);
}

TEST(FrontMatterTest, ReportsLinesThatAreNotKeyValue) {
  const FrontMatter fm = ParseFrontMatter("---\ntitle: T\njust words\n---\nBody");
  ASSERT_EQ(fm.bad_lines.size(), 1u);
  EXPECT_EQ(fm.bad_lines[0].first, 3);
  EXPECT_EQ(fm.bad_lines[0].second, "just words");
}

TEST(FrontMatterTest, SplitsListsWithOrWithoutBrackets) {
  EXPECT_EQ(SplitList("West Oil Software, KazMunayGas"),
            (std::vector<std::string>{"West Oil Software", "KazMunayGas"}));
  EXPECT_EQ(SplitList("[Aktau, \"Жаңаөзен\", ]"), (std::vector<std::string>{"Aktau", "Жаңаөзен"}));
  EXPECT_TRUE(SplitList("").empty());
}

}  // namespace
}  // namespace steppe
