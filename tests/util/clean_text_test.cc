// SPDX-License-Identifier: Apache-2.0
#include "util/clean_text.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(CleanTextTest, RemovesSoftHyphensAndZeroWidthCharacters) {
  EXPECT_EQ(CleanText("Жаңа\u00ADөзен"), "Жаңаөзен");
  EXPECT_EQ(CleanText("Kaz\u200BMunay\u200DGas\u2060"), "KazMunayGas");
  EXPECT_EQ(CleanText("\uFEFFtitle"), "title");
}

TEST(CleanTextTest, ComposesCombiningMarks) {
  // ө written as о + combining diaeresis is not Kazakh ө, but ö + NFC is one code point.
  EXPECT_EQ(CleanText("Zhanao\u0308zen"), "Zhana\u00F6zen");
  EXPECT_EQ(CleanText("Хруще\u0308в"), "Хрущёв");
}

TEST(CleanTextTest, KeepsLinesAndTabsButDropsOtherControls) {
  EXPECT_EQ(CleanText("a\r\nb\tc\x01"), "a\nb\tc");
}

}  // namespace
}  // namespace steppe
