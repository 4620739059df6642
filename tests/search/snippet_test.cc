// SPDX-License-Identifier: Apache-2.0
#include "search/snippet.h"

#include <gtest/gtest.h>

#include <string>
#include <unordered_set>

namespace steppe {
namespace {

// The snippet of `text` in which the words in `hits` (folded forms) are the matches.
Snippet SnippetOf(const std::string& text, const std::unordered_set<std::string>& hits,
                  size_t length, Analyser* analyser) {
  std::vector<Token> tokens;
  analyser->BeginText();
  analyser->Analyse(text, Lang::kEnglish, &tokens);
  std::vector<bool> matched;
  for (const Token& t : tokens) matched.push_back(TokenMatches(*t.forms, hits));
  return MakeSnippet(text, tokens, matched, length);
}

std::string Filler(int words) {
  std::string out;
  for (int i = 0; i < words; ++i) out += "the quiet harbour waited ";
  return out;
}

TEST(MakeSnippetTest, HighlightsAreTheMatchedWordsExactly) {
  Analyser analyser;
  const Snippet s = SnippetOf("Workers in Aktau went on strike. Aktau is on the Caspian.",
                              {"aktau"}, 200, &analyser);
  ASSERT_EQ(s.highlights.size(), 2u);
  for (const auto& [begin, end] : s.highlights)
    EXPECT_EQ(s.text.substr(begin, end - begin), "Aktau");
  EXPECT_EQ(s.text, "Workers in Aktau went on strike. Aktau is on the Caspian.");
}

TEST(MakeSnippetTest, ThePassageIsWhereTheMatchesAreAndSaysWhereItWasCut) {
  Analyser analyser;
  const std::string text = Filler(40) + "Oil workers in Zhanaozen struck again. " + Filler(40);
  const Snippet s = SnippetOf(text, {"zhanaozen", "struck"}, 80, &analyser);
  EXPECT_NE(s.text.find("Zhanaozen"), std::string::npos) << s.text;
  EXPECT_EQ(s.text.rfind("… ", 0), 0u) << "cut at the start: " << s.text;
  EXPECT_EQ(s.text.substr(s.text.size() - 4), " …") << "cut at the end: " << s.text;
  EXPECT_LE(s.text.size(), 80u + 8u + 3u) << "`length` bytes, the ellipses, a last stop";
  EXPECT_EQ(s.highlights.size(), 2u);
}

TEST(MakeSnippetTest, WithoutMatchesItIsTheStartOfTheText) {
  Analyser analyser;
  const std::string text = "First words here. " + Filler(30);
  const Snippet s = SnippetOf(text, {"nowhere"}, 60, &analyser);
  EXPECT_EQ(s.text.rfind("First words here.", 0), 0u) << s.text;
  EXPECT_TRUE(s.highlights.empty());
}

TEST(MakeSnippetTest, LineBreaksBecomeSpaces) {
  Analyser analyser;
  const Snippet s = SnippetOf("Strike\nin\n\nAktau", {"aktau"}, 200, &analyser);
  EXPECT_EQ(s.text.find('\n'), std::string::npos) << s.text;
  ASSERT_EQ(s.highlights.size(), 1u);
  EXPECT_EQ(s.text.substr(s.highlights[0].first), "Aktau");
}

TEST(MakeSnippetTest, TokenMatchesAnyLayerOfTheWord) {
  Analyser analyser;
  const WordForms& forms = analyser.AnalyseWord("workers", Lang::kEnglish, WordKind::kWord);
  EXPECT_TRUE(TokenMatches(forms, {forms.exact}));
  EXPECT_FALSE(TokenMatches(forms, {"aktau"}));
  EXPECT_FALSE(TokenMatches(forms, {}));
}

}  // namespace
}  // namespace steppe
