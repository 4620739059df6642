// SPDX-License-Identifier: Apache-2.0
#include "analyse/word_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace steppe {
namespace {

WordForms FormsOf(const std::string& word) {
  WordForms forms;
  forms.exact = word;
  forms.stem = word + "-stem";
  return forms;
}

TEST(WordCacheTest, FindsWhatWasInsertedAndNothingElse) {
  WordCache cache(100);
  EXPECT_EQ(cache.Find("en:aktau"), nullptr);
  const WordForms* inserted = cache.Insert("en:aktau", FormsOf("aktau"));
  ASSERT_NE(inserted, nullptr);
  EXPECT_EQ(cache.Find("en:aktau"), inserted);
  EXPECT_EQ(cache.Find("en:aktau")->stem, "aktau-stem");
  EXPECT_EQ(cache.Find("ru:aktau"), nullptr) << "the language hint is part of the key";
  EXPECT_EQ(cache.Find("en:akta"), nullptr);
  EXPECT_EQ(cache.hits(), 2u);
  EXPECT_EQ(cache.misses(), 3u);
}

TEST(WordCacheTest, EveryWordStaysFindableAndInPlaceWhileTheTableGrows) {
  WordCache cache(100000);
  const WordForms* first = cache.Insert("w0", FormsOf("w0"));
  for (int i = 1; i < 20000; ++i) cache.Insert("w" + std::to_string(i), FormsOf(std::to_string(i)));
  EXPECT_EQ(cache.size(), 20000u);
  EXPECT_EQ(cache.Find("w0"), first) << "growing the table must not move an entry";
  EXPECT_EQ(first->exact, "w0");
  for (int i = 1; i < 20000; ++i) {
    const WordForms* forms = cache.Find("w" + std::to_string(i));
    ASSERT_NE(forms, nullptr) << i;
    ASSERT_EQ(forms->exact, std::to_string(i));
  }
  EXPECT_EQ(cache.Find("w20000"), nullptr);
}

TEST(WordCacheTest, TrimEmptiesTheCacheOnlyOnceItIsFull) {
  WordCache cache(3);
  cache.Insert("a", FormsOf("a"));
  cache.Insert("b", FormsOf("b"));
  cache.TrimIfFull();
  EXPECT_EQ(cache.size(), 2u);
  ASSERT_NE(cache.Find("a"), nullptr);
  cache.Insert("c", FormsOf("c"));
  cache.TrimIfFull();
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.Find("a"), nullptr);
  EXPECT_EQ(cache.Find("c"), nullptr);
  cache.Insert("a", FormsOf("again"));  // and it works as new after
  EXPECT_EQ(cache.Find("a")->exact, "again");
}

}  // namespace
}  // namespace steppe
