// SPDX-License-Identifier: Apache-2.0
#include "analyse/kazakh_stemmer.h"

#include <gtest/gtest.h>

#include <string>
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

void ExpectUnchanged(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    SCOPED_TRACE(word);
    EXPECT_EQ(StemKazakh(word), word);
  }
}

TEST(KazakhStemmerTest, StripsCaseEndingsFromNames) {
  ExpectStems({
      {"жаңаөзенде", "жаңаөзен"},    {"жаңаөзеннің", "жаңаөзен"},   {"жаңаөзенге", "жаңаөзен"},
      {"жаңаөзеннен", "жаңаөзен"},   {"жаңаөзенді", "жаңаөзен"},    {"маңғыстауда", "маңғыстау"},
      {"маңғыстаудан", "маңғыстау"}, {"маңғыстаудың", "маңғыстау"}, {"ақтауға", "ақтау"},
      {"ақтауда", "ақтау"},          {"ақтаудан", "ақтау"},         {"атыраудың", "атырау"},
      {"қазақстанның", "қазақстан"}, {"қазақстанда", "қазақстан"},  {"қазақстанға", "қазақстан"},
      {"қазақстаннан", "қазақстан"}, {"қазақстанмен", "қазақстан"}, {"алматыда", "алматы"},
      {"алматыдан", "алматы"},       {"алматыға", "алматы"},        {"алматының", "алматы"},
      {"тоқаевтың", "тоқаев"},       {"тоқаевқа", "тоқаев"},        {"тоқаевпен", "тоқаев"},
      {"жетыбайда", "жетыбай"},      {"қаламқаста", "қаламқас"},    {"теңізде", "теңіз"},
      {"қарағандыда", "қарағанды"},  {"қызылордада", "қызылорда"},  {"түркістанда", "түркістан"},
  });
}

TEST(KazakhStemmerTest, PicksTheVariantThatFitsTheStem) {
  ExpectStems({
      {"ереуілге", "ереуіл"},
      {"ереуілдің", "ереуіл"},
      {"мектепке", "мектеп"},
      {"мектепте", "мектеп"},
      {"мектептер", "мектеп"},
      {"адамдар", "адам"},
      {"газды", "газ"},
      {"мұнайды", "мұнай"},
      {"мұнайдың", "мұнай"},
      {"мұнаймен", "мұнай"},
      {"кітаппен", "кітап"},
      {"сөзбен", "сөз"},
      {"үкіметтің", "үкімет"},
      {"полицияның", "полиция"},
      {"жалақыны", "жалақы"},
      {"теңгеге", "теңге"},
      {"шахтада", "шахта"},
      {"шахтасы", "шахта"},
  });
}

TEST(KazakhStemmerTest, StripsLocativeAndTheRelativeAfterIt) {
  ExpectStems({
      {"маңғыстаудағы", "маңғыстау"},
      {"жетыбайдағы", "жетыбай"},
      {"қаладағы", "қала"},
      {"мектептегі", "мектеп"},
      {"қаласындағы", "қала"},
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
      {"жұмысшыларын", "жұмысшы"},
      {"компаниясы", "компания"},
      {"компаниясының", "компания"},
      {"компаниясына", "компания"},
      {"компаниясында", "компания"},
      {"компаниясынан", "компания"},
      {"компаниясын", "компания"},
      {"ереуілшілер", "ереуілші"},
      {"ереуілшілердің", "ереуілші"},
      {"ереуілшілерге", "ереуілші"},
      {"ереуіліне", "ереуіл"},
      {"ереуілінде", "ереуіл"},
      {"ереуілінен", "ереуіл"},
      {"қызметкерлер", "қызметкер"},
      {"наразылықтар", "наразылық"},
      {"кәсіпорындарда", "кәсіпорын"},
      {"мектептерде", "мектеп"},
      {"адамдарға", "адам"},
      {"қалаларда", "қала"},
      {"арасында", "ара"},
      {"балаларым", "бала"},
      {"балаларымыз", "бала"},
      {"жеріміз", "жер"},
      {"қаламыз", "қала"},
      {"қаламыма", "қалам"},
  });
}

// -ысы/-ісі: a stem in -ыс/-іс with -ы/-і, unless the stem is an agent noun in -шы/-ші or a
// pay word in -ақы.
TEST(KazakhStemmerTest, TellsPossessiveSyFromStemFinalS) {
  ExpectStems({
      {"облысы", "облыс"},
      {"облысында", "облыс"},
      {"облысының", "облыс"},
      {"облысына", "облыс"},
      {"жұмысы", "жұмыс"},
      {"өндірісі", "өндіріс"},
      {"басшысы", "басшы"},
      {"мұнайшысы", "мұнайшы"},
      {"мәселесі", "мәселе"},
      {"жүйесінде", "жүйе"},
      {"жалақысы", "жалақы"},
      {"зейнетақысына", "зейнетақы"},
  });
}

TEST(KazakhStemmerTest, StripsLatinAlphabetEndings) {
  ExpectStems({
      {"qazaqstanğa", "qazaqstan"},
      {"qazaqstannıñ", "qazaqstan"},
      {"qazaqstannyń", "qazaqstan"},
      {"almatıda", "almatı"},
      {"almatydan", "almaty"},
      {"jañaözende", "jañaözen"},
      {"jańaózende", "jańaózen"},
      {"mañğıstaudan", "mañğıstau"},
      {"toqaevtyñ", "toqaev"},
      {"munayşılar", "munayşı"},
  });
}

TEST(KazakhStemmerTest, CutsANameAtTheApostropheBeforeItsEnding) {
  ExpectStems({
      {"qazaqstan'ğa", "qazaqstan"},
      {"qazaqstan\u2019ğa", "qazaqstan"},
      {"qazaqstan'nıñ", "qazaqstan"},
      {"almaty'dağy", "almaty"},
      {"o'zbekstan", "o'zbekstan"},  // the apostrophe is a letter mark, not before an ending
  });
}

TEST(KazakhStemmerTest, LeavesWordsWithoutEndingsAlone) {
  ExpectUnchanged({"маңғыстау", "ақтау",   "алматы",   "теңіз",     "жаңаөзен", "қала",  "ел",
                   "су",        "ана",     "бала",     "тенге",     "орал",     "қазақ", "мұнай",
                   "газ",       "жетыбай", "қаламқас", "qazaqstan", "almatı",   "teñge", ""});
}

// Words whose last letters look like an ending: -тан, -да, -ге, -на, -қа. No name is
// special-cased: one the rules cut (Қарағанды -> қараған) still meets its other spellings
// through the spelling key of its exact form.
TEST(KazakhStemmerTest, KeepsLookAlikeWords) {
  ExpectUnchanged({"қазақстан", "түркістан", "қызылорда", "ақорда", "теңге", "қазына", "шахта",
                   "шахтер", "вахта", "басқа", "астана", "сарыарқа"});
}

// A final -ы/-і after a consonant is the stem's own in these (no plural before it, no case
// ending after it to prove a possessive), and -сы after a consonant is never the possessive.
TEST(KazakhStemmerTest, KeepsAFinalVowelThatIsNotProvedPossessive) {
  ExpectUnchanged({"алматы", "мұнайшы", "жұмысшы", "ереуілші", "құлсары", "жақсы", "ембі", "тұрғын",
                   "бүгін", "үшін"});
}

TEST(KazakhStemmerTest, NeverLeavesFewerThanThreeLetters) {
  ExpectStems({
      {"жерде", "жер"},  // exactly three letters stay
      {"оралда", "орал"},
      {"елде", "елде"},        // ел + де
      {"үйде", "үйде"},        // үй + де
      {"судан", "судан"},      // су + дан
      {"суға", "суға"},        // су + ға
      {"үйлер", "үйлер"},      // үй + лер
      {"тағы", "тағы"},        // "again", not та + ғы
      {"елімізде", "еліміз"},  // ел + іміз + де: the possessive would leave two letters
  });
}

}  // namespace
}  // namespace steppe
