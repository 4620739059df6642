// SPDX-License-Identifier: Apache-2.0
#include "analyse/analyser.h"

#include <gtest/gtest.h>

namespace steppe {
namespace {

std::vector<const WordForms*> Analyse(Analyser* a, std::string_view text, Lang lang) {
  std::vector<Token> tokens;
  a->BeginText();
  a->Analyse(text, lang, &tokens);
  std::vector<const WordForms*> forms;
  for (const Token& t : tokens) forms.push_back(t.forms);
  return forms;
}

TEST(AnalyserTest, FoldsCaseWidthPossessivesAndYo) {
  Analyser a;
  const auto f = Analyse(&a, "TOKAYEV'S Ｋａｚ Хрущёв", Lang::kEnglish);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0]->exact, "tokayev");
  EXPECT_EQ(f[1]->exact, "kaz");
  EXPECT_EQ(f[2]->exact, "хрущев");
}

TEST(AnalyserTest, PicksTheStemmerByScriptAndKazakhLetters) {
  Analyser a;
  const auto f = Analyse(&a, "workers рабочие жұмысшылары", Lang::kRussian);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0]->lang, Lang::kEnglish);
  EXPECT_EQ(f[0]->stem, "worker");
  EXPECT_EQ(f[1]->lang, Lang::kRussian);
  EXPECT_EQ(f[1]->stem, "рабоч");
  EXPECT_EQ(f[2]->lang, Lang::kKazakh);
  EXPECT_EQ(f[2]->stem, "жұмысшы");
}

TEST(AnalyserTest, InflectedNamesShareKeysWithTheirNominative) {
  Analyser a;
  const auto f = Analyse(&a, "Zhanaozen Жаңаөзенде Жанаозене", Lang::kEnglish);
  ASSERT_EQ(f.size(), 3u);
  const std::string key = f[0]->keys.front();
  for (const WordForms* w : f) {
    EXPECT_NE(std::find(w->keys.begin(), w->keys.end(), key), w->keys.end()) << w->exact;
  }
}

TEST(AnalyserTest, MarksSentenceStartsAndCapitals) {
  Analyser a;
  std::vector<Token> tokens;
  a.BeginText();
  a.Analyse("Oral hearings began. Workers in Oral struck.", Lang::kEnglish, &tokens);
  ASSERT_EQ(tokens.size(), 7u);
  EXPECT_TRUE(tokens[0].sentence_start);
  EXPECT_TRUE(tokens[3].sentence_start);
  EXPECT_FALSE(tokens[5].sentence_start);
  EXPECT_TRUE(tokens[5].forms->capitalised);
  EXPECT_FALSE(tokens[1].forms->capitalised);
}

TEST(AnalyserTest, AllCapsMeansNoLowerCaseLetterInAnyScript) {
  Analyser a;
  const auto f = Analyse(&a, "WOS АО ҚМГ Жаңаөзен Zhanaozen", Lang::kEnglish);
  ASSERT_EQ(f.size(), 5u);
  EXPECT_TRUE(f[0]->all_caps);
  EXPECT_TRUE(f[1]->all_caps);
  EXPECT_TRUE(f[2]->all_caps);
  EXPECT_FALSE(f[3]->all_caps);
  EXPECT_FALSE(f[4]->all_caps);
}

TEST(AnalyserTest, CachesEachDistinctWordOnce) {
  Analyser a;
  Analyse(&a, "oil oil oil Oil", Lang::kEnglish);
  EXPECT_EQ(a.cache().size(), 2u);  // "oil" and "Oil": case is part of the surface
  EXPECT_EQ(a.cache().hits(), 2u);
}

TEST(AnalyserTest, CacheIsBoundedAndEmptiedBetweenTexts) {
  Analyser a(/*cache_entries=*/3);
  Analyse(&a, "one two three four", Lang::kEnglish);
  EXPECT_EQ(a.cache().size(), 4u);  // never emptied in the middle of a text
  Analyse(&a, "five", Lang::kEnglish);
  EXPECT_EQ(a.cache().size(), 1u);
}

TEST(AnalyserTest, GuessesLanguageByLetters) {
  EXPECT_EQ(GuessLanguage("Oil workers went on strike in Zhanaozen."), Lang::kEnglish);
  EXPECT_EQ(GuessLanguage("Нефтяники Жанаозена объявили забастовку."), Lang::kRussian);
  EXPECT_EQ(GuessLanguage("Жаңаөзен мұнайшылары ереуілге шықты."), Lang::kKazakh);
  // A Russian text quoting one Kazakh name stays Russian.
  EXPECT_EQ(GuessLanguage("В городе Жаңаөзен прошла большая забастовка нефтяников, "
                          "которые требовали повышения заработной платы."),
            Lang::kRussian);
}

}  // namespace
}  // namespace steppe
