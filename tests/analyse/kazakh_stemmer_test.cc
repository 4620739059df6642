// SPDX-License-Identifier: Apache-2.0
#include "analyse/kazakh_stemmer.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace steppe {
namespace {

void ExpectStems(const std::vector<std::pair<std::string, std::string>>& cases) {
  for (const auto& [word, stem] : cases) {
    SCOPED_TRACE(word);
    EXPECT_EQ(StemKazakh(word), stem);
  }
}

TEST(KazakhStemmerTest, StripsCaseEndingsFromNames) {
  ExpectStems({
      {"жаңаөзенде", "жаңаөзен"},     {"жаңаөзеннің", "жаңаөзен"},   {"жаңаөзенге", "жаңаөзен"},
      {"жаңаөзеннен", "жаңаөзен"},    {"жаңаөзенді", "жаңаөзен"},    {"маңғыстауда", "маңғыстау"},
      {"маңғыстаудағы", "маңғыстау"}, {"маңғыстаудан", "маңғыстау"}, {"маңғыстаудың", "маңғыстау"},
      {"ақтауға", "ақтау"},           {"ақтауда", "ақтау"},          {"ақтаудан", "ақтау"},
      {"қазақстанның", "қазақстан"},  {"қазақстанда", "қазақстан"},  {"қазақстанға", "қазақстан"},
      {"қазақстаннан", "қазақстан"},  {"алматыда", "алматы"},        {"алматыдан", "алматы"},
      {"алматыға", "алматы"},         {"тоқаевтың", "тоқаев"},       {"тоқаевқа", "тоқаев"},
      {"тоқаевпен", "тоқаев"},        {"жетыбайда", "жетыбай"},      {"жетыбайдағы", "жетыбай"},
      {"қаламқаста", "қаламқас"},     {"атыраудың", "атырау"},
  });
}

TEST(KazakhStemmerTest, StripsPluralPossessiveAndCaseInOrder) {
  ExpectStems({
      {"мұнайшылар", "мұнайшы"},
      {"мұнайшылардың", "мұнайшы"},
      {"мұнайшыларға", "мұнайшы"},
      {"жұмысшылары", "жұмысшы"},
      {"жұмысшылардың", "жұмысшы"},
      {"жұмысшыларының", "жұмысшы"},
      {"компаниясы", "компания"},
      {"компаниясының", "компания"},
      {"компаниясына", "компания"},
      {"компаниясын", "компания"},
      {"ереуілге", "ереуіл"},
      {"ереуілшілер", "ереуілші"},
      {"ереуілшілердің", "ереуілші"},
      {"қызметкерлер", "қызметкер"},
      {"наразылықтар", "наразылық"},
      {"кәсіпорындарда", "кәсіпорын"},
  });
}

TEST(KazakhStemmerTest, StripsLatinAlphabetEndings) {
  ExpectStems({
      {"qazaqstanğa", "qazaqstan"},
      {"qazaqstan'ğa", "qazaqstan"},
      {"qazaqstannıñ", "qazaqstan"},
      {"almatıda", "almatı"},
      {"jañaözende", "jañaözen"},
      {"mañğıstaudan", "mañğıstau"},
      {"munayşılar", "munayşı"},
  });
}

TEST(KazakhStemmerTest, LeavesWordsWithoutEndingsAlone) {
  for (const char* word :
       {"маңғыстау", "ақтау", "алматы", "теңіз", "жаңаөзен", "қала", "ел", "су", "ана", "бала",
        "тенге", "орал", "қазақ", "мұнай", "газ", "жетыбай", "қаламқас", "qazaqstan"}) {
    EXPECT_EQ(StemKazakh(word), word);
  }
}

TEST(KazakhStemmerTest, NeverLeavesFewerThanFourLetters) {
  EXPECT_EQ(StemKazakh("елде"), "елде");    // ел + де: too short to strip
  EXPECT_EQ(StemKazakh("судан"), "судан");  // су + дан
  EXPECT_EQ(StemKazakh("оралда"), "орал");
}

}  // namespace
}  // namespace steppe
