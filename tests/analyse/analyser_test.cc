// SPDX-License-Identifier: Apache-2.0
#include "analyse/analyser.h"

#include "analyse/dictionary.h"

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

namespace steppe {
namespace {

// The hunspell dictionaries are installed by setup.sh (hunspell-en-us, hunspell-ru,
// hunspell-kk).
TEST(AnalyserTest, DictionaryTellsOrdinaryWordsFromNames) {
  EXPECT_TRUE(IsDictionaryWord("act", Lang::kEnglish));
  EXPECT_TRUE(IsDictionaryWord("putting", Lang::kEnglish));  // an inflection, by affix rules
  EXPECT_TRUE(IsDictionaryWord("tennis", Lang::kEnglish));
  // Entries the dictionary writes capitalised are names.
  EXPECT_FALSE(IsDictionaryWord("aston", Lang::kEnglish));
  EXPECT_FALSE(IsDictionaryWord("kiev", Lang::kEnglish));
  EXPECT_FALSE(IsDictionaryWord("hiv", Lang::kEnglish));
  EXPECT_FALSE(IsDictionaryWord("tengiz", Lang::kEnglish));
  EXPECT_TRUE(IsDictionaryWord("области", Lang::kRussian));
  EXPECT_FALSE(IsDictionaryWord("жанаозен", Lang::kRussian));
  EXPECT_TRUE(IsDictionaryWord("теңіз", Lang::kKazakh));
  EXPECT_FALSE(IsDictionaryWord("жаңаөзен", Lang::kKazakh));
}

TEST(AnalyserTest, AnOrdinaryWordIsNoNameInEnglishAnywhereInRussianAtSentenceStart) {
  Analyser a;
  const auto f = Analyse(&a, "Act Aston TOTAL Семей Жанаозен", Lang::kEnglish);
  ASSERT_EQ(f.size(), 5u);
  EXPECT_TRUE(OrdinaryWordHere(*f[0], false));   // the Freedom of Information Act
  EXPECT_FALSE(OrdinaryWordHere(*f[1], false));  // a name in the dictionary
  EXPECT_TRUE(OrdinaryWordHere(*f[2], false));   // capitals make no name
  // Russian capitalises only names mid-sentence: Семей is the town there, "families" first.
  EXPECT_FALSE(OrdinaryWordHere(*f[3], false));
  EXPECT_TRUE(OrdinaryWordHere(*f[3], true));
  EXPECT_FALSE(OrdinaryWordHere(*f[4], true));
}

TEST(AnalyserTest, NamesKeepTheirEndingsAndAdjectivesGiveTheirPlace) {
  Analyser a;
  const auto f =
      Analyse(&a, "Актау Бейнеу Мангистауской Актауского Карагандинской Уральске", Lang::kRussian);
  ASSERT_EQ(f.size(), 6u);
  EXPECT_EQ(f[0]->translit, "aktau");
  EXPECT_EQ(f[1]->translit, "beyneu");
  EXPECT_EQ(f[2]->translit, "mangistau");
  EXPECT_EQ(f[3]->translit, "aktau");
  EXPECT_EQ(f[4]->translit, "karagand");
  EXPECT_EQ(f[5]->translit, "uralsk");  // a town in -ск is a noun: Уральск
  const auto latin = Analyse(&a, "Mangistau Karaganda", Lang::kEnglish);
  EXPECT_NE(std::find(f[2]->keys.begin(), f[2]->keys.end(), latin[0]->keys.front()),
            f[2]->keys.end());
  EXPECT_NE(std::find(f[4]->keys.begin(), f[4]->keys.end(), latin[1]->keys.front()),
            f[4]->keys.end());
}

TEST(AnalyserTest, ACutEndingDoesNotPartSpellingsOfOneName) {
  Analyser a;
  const auto f = Analyse(&a, "Өскемен Oskemen Астана Aston", Lang::kEnglish);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_TRUE(OneNameSpellings(*f[0], *f[1]));
  EXPECT_FALSE(OneNameSpellings(*f[2], *f[3]));
}

}  // namespace
}  // namespace steppe
