// SPDX-License-Identifier: Apache-2.0
#include "analyse/transliterator.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(TransliteratorTest, RussianLettersOneByOne) {
  const LatinTransliterator t;
  const std::vector<std::pair<std::string, std::string>> table = {
      {"а", "a"},  {"б", "b"},  {"в", "v"},  {"г", "g"},  {"д", "d"},  {"е", "e"},    {"ё", "yo"},
      {"ж", "zh"}, {"з", "z"},  {"и", "i"},  {"й", "y"},  {"к", "k"},  {"л", "l"},    {"м", "m"},
      {"н", "n"},  {"о", "o"},  {"п", "p"},  {"р", "r"},  {"с", "s"},  {"т", "t"},    {"у", "u"},
      {"ф", "f"},  {"х", "kh"}, {"ц", "ts"}, {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", ""},
      {"ы", "y"},  {"ь", ""},   {"э", "e"},  {"ю", "yu"}, {"я", "ya"}};
  for (const auto& [cyrillic, latin] : table) EXPECT_EQ(t.ToLatin(cyrillic), latin) << cyrillic;
}

TEST(TransliteratorTest, KazakhLettersOneByOne) {
  const LatinTransliterator t;
  const std::vector<std::pair<std::string, std::string>> table = {
      {"ә", "a"}, {"ғ", "g"}, {"қ", "k"}, {"ң", "n"}, {"ө", "o"},
      {"ұ", "u"}, {"ү", "u"}, {"һ", "h"}, {"і", "i"}};
  for (const auto& [cyrillic, latin] : table) EXPECT_EQ(t.ToLatin(cyrillic), latin) << cyrillic;
}

TEST(TransliteratorTest, LatinSchemesBecomePlainAscii) {
  const LatinTransliterator t;
  EXPECT_EQ(t.ToLatin("şymkent"), "shymkent");
  EXPECT_EQ(t.ToLatin("mañğystau"), "mangystau");
  EXPECT_EQ(t.ToLatin("qızılorda"), "qizilorda");
  EXPECT_EQ(t.ToLatin("jańaózen"), "janaozen");
  EXPECT_EQ(t.ToLatin("aqtöbe"), "aqtobe");
  EXPECT_EQ(t.ToLatin("o'zbekiston"), "ozbekiston");
}

TEST(TransliteratorTest, WholeNamesReadAsThePressWritesThem) {
  const LatinTransliterator t;
  EXPECT_EQ(t.ToLatin("жаңаөзен"), "zhanaozen");
  EXPECT_EQ(t.ToLatin("жанаозен"), "zhanaozen");
  EXPECT_EQ(t.ToLatin("маңғыстау"), "mangystau");
  EXPECT_EQ(t.ToLatin("хрущев"), "khrushchev");
  EXPECT_EQ(t.ToLatin("київ"), "kiyiv");
}

}  // namespace
}  // namespace steppe
