// SPDX-License-Identifier: Apache-2.0
#include "analyse/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "util/clean_text.h"

namespace steppe {
namespace {

std::vector<std::string> Words(std::string_view text) {
  Segmenter segmenter;
  std::vector<std::string> words;
  segmenter.ForEachWord(text, [&](size_t begin, size_t end, WordKind) {
    words.emplace_back(text.substr(begin, end - begin));
  });
  return words;
}

TEST(SegmenterTest, SplitsHyphenatedNames) {
  EXPECT_EQ(Words("Kazmunaigas-owned"), (std::vector<std::string>{"Kazmunaigas", "owned"}));
  EXPECT_EQ(Words("Жаңаөзен-Ақтау"), (std::vector<std::string>{"Жаңаөзен", "Ақтау"}));
}

TEST(SegmenterTest, KeepsApostrophesInsideWords) {
  EXPECT_EQ(Words("Tokayev's O'zbekiston Qazaqstan'ğa"),
            (std::vector<std::string>{"Tokayev's", "O'zbekiston", "Qazaqstan'ğa"}));
  EXPECT_EQ(Words("Tokayev’s"), (std::vector<std::string>{"Tokayev’s"}));
}

TEST(SegmenterTest, KeepsNumbersAndDatesWhole) {
  std::vector<WordKind> kinds;
  Segmenter segmenter;
  const std::string text = "On 16.12.2023, 500 workers";
  std::vector<std::string> words;
  segmenter.ForEachWord(text, [&](size_t b, size_t e, WordKind kind) {
    words.push_back(text.substr(b, e - b));
    kinds.push_back(kind);
  });
  EXPECT_EQ(words, (std::vector<std::string>{"On", "16.12.2023", "500", "workers"}));
  EXPECT_EQ(kinds[1], WordKind::kNumber);
  EXPECT_EQ(kinds[3], WordKind::kWord);
}

TEST(SegmenterTest, CleanedSoftHyphensAndZeroWidthSpacesDoNotSplitWords) {
  EXPECT_EQ(Words(CleanText("Жаңа\u00ADөзен Kaz\u200BMunay")),
            (std::vector<std::string>{"Жаңаөзен", "KazMunay"}));
}

TEST(SegmenterTest, KeepsCombiningMarksWithTheirLetter) {
  EXPECT_EQ(Words("Zhanao\u0308zen protest"),
            (std::vector<std::string>{"Zhanao\u0308zen", "protest"}));
}

TEST(SegmenterTest, SkipsPunctuationAndSpaces) {
  EXPECT_EQ(Words("«КазМунайГаз» — (АО)!"), (std::vector<std::string>{"КазМунайГаз", "АО"}));
  EXPECT_TRUE(Words(" ... — ").empty());
}

}  // namespace
}  // namespace steppe
