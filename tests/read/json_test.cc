// SPDX-License-Identifier: Apache-2.0
#include "read/json.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

TEST(JsonTest, ParsesObjectsArraysAndLiterals) {
  JsonValue v;
  ASSERT_TRUE(ParseJson(R"( {"a": [1, true, false, null], "b": {"c": "d"}} )", &v).ok());
  ASSERT_EQ(v.type, JsonValue::Type::kObject);
  const JsonValue* a = v.Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->array.size(), 4u);
  EXPECT_EQ(a->array[0].number, 1);
  EXPECT_TRUE(a->array[1].boolean);
  EXPECT_EQ(a->array[2].type, JsonValue::Type::kBool);
  EXPECT_FALSE(a->array[2].boolean);
  EXPECT_EQ(a->array[3].type, JsonValue::Type::kNull);
  EXPECT_EQ(v.Find("b")->Find("c")->text, "d");
  EXPECT_EQ(v.Find("missing"), nullptr);
}

TEST(JsonTest, DecodesEveryEscapeIncludingSurrogatePairs) {
  JsonValue v;
  ASSERT_TRUE(ParseJson(R"("q\" b\\ s\/ \b\f\n\r\t \u0416\u00e9 \ud83d\ude00")", &v).ok());
  EXPECT_EQ(v.text, "q\" b\\ s/ \b\f\n\r\t Жé 😀");
}

TEST(JsonTest, LoneSurrogateBecomesReplacementCharacter) {
  JsonValue v;
  ASSERT_TRUE(ParseJson(R"("a\ud800b\udc00")", &v).ok());
  EXPECT_EQ(v.text, "a\uFFFDb\uFFFD");
}

TEST(JsonTest, NumbersKeepTheirSourceText) {
  JsonValue v;
  ASSERT_TRUE(ParseJson("[2024, -1.5e3, 0.25]", &v).ok());
  EXPECT_EQ(v.array[0].text, "2024");
  EXPECT_EQ(v.array[1].number, -1500);
  EXPECT_EQ(v.array[2].text, "0.25");
}

TEST(JsonTest, FindReturnsTheFirstOfDuplicateKeys) {
  JsonValue v;
  ASSERT_TRUE(ParseJson(R"({"k": 1, "k": 2})", &v).ok());
  EXPECT_EQ(v.Find("k")->text, "1");
}

TEST(JsonTest, ErrorsNameTheColumn) {
  const struct {
    const char* text;
    const char* message;
  } kCases[] = {
      {R"({"a": 1,})", "column 9: misplaced or missing comma, colon, bracket or quoted member"},
      {R"({"a" 1})", "column 6: misplaced or missing comma"},
      {R"([1 2])", "column 4: misplaced or missing comma"},
      {R"("never closed)", "column 14: string never closes"},
      {R"("bad \x")", "column 6: bad escape in a string"},
      {R"(["ok", "\u12G4"])", "column 9: bad escape in a string"},
      {"\"tab\tinside\"", "column 5: control character"},
      {"01", "column 1: not a valid number"},
      {"[1, -]", "column 5: not a valid number"},
      {"1.", "column 1: not a valid number"},
      {"{} x", "column 1: an object or array never closes, or text follows"},
      {"tru", "column 1: unexpected word"},
      {"", "column 1: unexpected end of text"},
      {R"({"é": x})", "column 7: misplaced or missing comma"},  // columns count characters
  };
  for (const auto& c : kCases) {
    JsonValue v;
    const Status s = ParseJson(c.text, &v);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << c.text;
    EXPECT_TRUE(s.message().starts_with(c.message)) << c.text << " -> " << s.message();
  }
}

// Numbers too large for a double are still JSON: their text is kept, the double saturates.
TEST(JsonTest, NumbersOutOfRangeKeepTheirText) {
  JsonValue v;
  ASSERT_TRUE(ParseJson(R"({"views": 1e400})", &v).ok());
  EXPECT_EQ(v.Find("views")->text, "1e400");
}

TEST(JsonTest, NestingIsLimitedTo64Levels) {
  JsonValue v;
  const std::string ok = std::string(64, '[') + std::string(64, ']');
  EXPECT_TRUE(ParseJson(ok, &v).ok());
  const std::string deep = std::string(65, '[') + std::string(65, ']');
  const Status s = ParseJson(deep, &v);
  EXPECT_NE(s.message().find("deeper than 64"), std::string::npos) << s.message();
  // Far deeper input fails the same way rather than exhausting the stack.
  EXPECT_FALSE(ParseJson(std::string(100000, '['), &v).ok());
}

}  // namespace
}  // namespace steppe
