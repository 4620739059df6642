// SPDX-License-Identifier: Apache-2.0
#include "search/query_parser.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

using Kind = QueryNode::Kind;

QueryNode Parse(std::string_view q) {
  QueryNode node;
  const Status s = ParseQuery(q, &node);
  EXPECT_TRUE(s.ok()) << q << ": " << s.ToString();
  return node;
}

std::string ErrorOf(std::string_view q) {
  QueryNode node;
  const Status s = ParseQuery(q, &node);
  EXPECT_EQ(s.code(), Status::Code::kInvalidQuery) << q;
  return s.message();
}

TEST(QueryParserTest, WordsJoinWithAnd) {
  const QueryNode n = Parse("West Oil Software");
  EXPECT_EQ(n.kind, Kind::kAnd);
  ASSERT_EQ(n.children.size(), 3u);
  EXPECT_EQ(n.children[1].text, "Oil");
  EXPECT_EQ(n.children[2].column, 10u);
}

TEST(QueryParserTest, OrBindsLooserThanAnd) {
  const QueryNode n = Parse("a b OR c");
  ASSERT_EQ(n.kind, Kind::kOr);
  EXPECT_EQ(n.children[0].kind, Kind::kAnd);
  EXPECT_EQ(n.children[1].text, "c");
}

TEST(QueryParserTest, NotMinusPhrasesBracketsAndFields) {
  const QueryNode n = Parse("-a NOT \"b c\" (d OR e) company:\"West Oil\" date:2023..2024");
  ASSERT_EQ(n.kind, Kind::kAnd);
  ASSERT_EQ(n.children.size(), 5u);
  EXPECT_EQ(n.children[0].kind, Kind::kNot);
  EXPECT_EQ(n.children[1].kind, Kind::kNot);
  EXPECT_EQ(n.children[1].children[0].kind, Kind::kPhrase);
  EXPECT_EQ(n.children[1].children[0].text, "b c");
  EXPECT_EQ(n.children[2].kind, Kind::kOr);
  EXPECT_EQ(n.children[3].kind, Kind::kField);
  EXPECT_EQ(n.children[3].field, "company");
  EXPECT_EQ(n.children[3].text, "West Oil");
  EXPECT_EQ(n.children[4].text, "2023..2024");
}

TEST(QueryParserTest, UnknownFieldIsPlainText) {
  const QueryNode n = Parse("10:30");
  EXPECT_EQ(n.kind, Kind::kWord);
  EXPECT_EQ(n.text, "10:30");
}

TEST(QueryParserTest, HyphenInsideAWordIsNotNegation) {
  const QueryNode n = Parse("Kassym-Jomart");
  EXPECT_EQ(n.kind, Kind::kWord);
  EXPECT_EQ(n.text, "Kassym-Jomart");
}

TEST(QueryParserTest, ErrorsNameTheColumnAndTheFix) {
  EXPECT_NE(ErrorOf("strike \"West Oil").find("column 8"), std::string::npos);
  EXPECT_NE(ErrorOf("strike \"West Oil").find("closing"), std::string::npos);
  EXPECT_NE(ErrorOf("(a OR b").find("column 1"), std::string::npos);
  EXPECT_NE(ErrorOf("a )").find("column 3"), std::string::npos);
  EXPECT_NE(ErrorOf("a OR").find("OR needs a word after it"), std::string::npos);
  EXPECT_NE(ErrorOf("OR a").find("needs a word before it"), std::string::npos);
  EXPECT_NE(ErrorOf("a NOT").find("NOT needs"), std::string::npos);
  EXPECT_NE(ErrorOf("company:").find("has no value"), std::string::npos);
  EXPECT_NE(ErrorOf("Жаңа \"x").find("column 6"), std::string::npos);  // columns count letters
}

TEST(QueryParserTest, EmptyQueryIsAnEmptyAnd) {
  const QueryNode n = Parse("   ");
  EXPECT_EQ(n.kind, Kind::kAnd);
  EXPECT_TRUE(n.children.empty());
}

}  // namespace
}  // namespace steppe
