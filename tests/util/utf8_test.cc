// SPDX-License-Identifier: Apache-2.0
#include "util/utf8.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(Utf8Test, ValidTextIsUntouched) {
  std::string text = "Жаңаөзен Zhanaözen 🛢";
  EXPECT_EQ(RepairUtf8(&text), 0u);
  EXPECT_EQ(text, "Жаңаөзен Zhanaözen 🛢");
}

TEST(Utf8Test, ReplacesEachBadByteWithReplacementCharacter) {
  std::string text = "ok\xFF\xFEok";
  EXPECT_EQ(RepairUtf8(&text), 2u);
  EXPECT_EQ(text, "ok\xEF\xBF\xBD\xEF\xBF\xBDok");
}

TEST(Utf8Test, RejectsTruncatedOverlongAndSurrogateSequences) {
  std::string truncated = "Жа\xD2";  // first byte of ң, then the end
  EXPECT_EQ(RepairUtf8(&truncated), 1u);
  std::string overlong = "\xC0\xAF";  // '/' in two bytes
  EXPECT_EQ(RepairUtf8(&overlong), 2u);
  std::string surrogate = "\xED\xA0\x80";
  EXPECT_EQ(RepairUtf8(&surrogate), 3u);
}

TEST(Utf8Test, DecodesAndEncodesRoundTrip) {
  const std::string text = "aң🛢";
  std::string out;
  for (size_t pos = 0; pos < text.size();) AppendUtf8(NextCodePoint(text, &pos), &out);
  EXPECT_EQ(out, text);
}

}  // namespace
}  // namespace steppe
