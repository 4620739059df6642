// SPDX-License-Identifier: Apache-2.0
#include "extract/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace steppe {
namespace {

struct DatelineCase {
  const char* text;
  const char* date;  // as Date::ToString() prints it
};

void ExpectDatelines(const std::vector<DatelineCase>& cases) {
  for (const DatelineCase& c : cases) {
    const std::optional<Date> date = FindDateline(c.text);
    ASSERT_TRUE(date.has_value()) << c.text;
    EXPECT_EQ(date->ToString(), c.date) << c.text;
  }
}

// The text each mention covers, so that offsets are checked as a reader sees them.
std::vector<std::string> MentionTexts(std::string_view text) {
  std::vector<std::string> out;
  for (const DateMention& m : FindDateMentions(text)) {
    out.emplace_back(text.substr(m.begin, m.end - m.begin));
  }
  return out;
}

// An opening paragraph with no date in it, longer than any dateline window.
std::string Filler() {
  std::string filler;
  while (filler.size() < 400) filler += "The regulator said the review would continue. ";
  return filler;
}

TEST(DatesTest, FindsEnglishDatelines) {
  ExpectDatelines({
      {"ALMATY, Feb. 28, 2024 — Kazakhstan's central bank kept its rate.", "2024-02-28"},
      {"ALMATY, 12 December 2023 — The central bank kept its rate.", "2023-12-12"},
      {"ALMATY, FEB. 28, 2024 - The central bank kept its rate.", "2024-02-28"},
      {"28 February 2024\nAstana hosts the forum.", "2024-02-28"},
      {"Monday, December 16, 2023\n\nParliament passed the budget.", "2023-12-16"},
      {"Published: 16.12.2023\nThe ministry said on Friday...", "2023-12-16"},
      {"Posted 2023-12-16T09:30 by Steppe Wire", "2023-12-16"},
      {"ASTANA, Sept. 5, 2023 (Steppe Wire) — Exports rose.", "2023-09-05"},
      {"ASTANA, Sep 5 2023 — Exports rose.", "2023-09-05"},
      {"By Aigerim Sadykova | 3 Jan 2024 | Business", "2024-01-03"},
      {"Updated: March 1st, 2024, 10:15", "2024-03-01"},
      {"SHYMKENT, Kazakhstan, Nov. 30, 2022 /Steppe Wire/ -- Output fell.", "2022-11-30"},
      {"(Dec. 1, 2023) Tengizchevroil said...", "2023-12-01"},
  });
}

TEST(DatesTest, FindsRussianDatelines) {
  ExpectDatelines({
      {"28 февраля 2024 г., Алматы. Национальный банк сохранил ставку.", "2024-02-28"},
      {"АЛМАТЫ, 28 февраля 2024 года — Нацбанк сохранил ставку.", "2024-02-28"},
      {"АКТАУ, 14 декабря 2023 года. Порт отгрузил зерно.", "2023-12-14"},
      {"Опубликовано: 16.12.2023\nМинистерство сообщило...", "2023-12-16"},
      {"16.12.2023 г. Астана. Парламент принял бюджет.", "2023-12-16"},
      {"Понедельник, 16 декабря 2023\nПарламент принял бюджет.", "2023-12-16"},
      {"АСТАНА, 1 сентября 2023 г. — Экспорт вырос.", "2023-09-01"},
      {"Дата публикации: 01.03.2024 10:15", "2024-03-01"},
      {"АКТАУ. 3 янв. 2024 г. — Порт отчитался.", "2024-01-03"},
      {"31 ДЕКАБРЯ 2023 Г. АСТАНА", "2023-12-31"},
      {"Караганда, 28 февраля 2024г.", "2024-02-28"},
      {"Алматы, 28 февраля 2024\u00a0г. (no-break space before г.)", "2024-02-28"},
  });
}

TEST(DatesTest, FindsKazakhDatelines) {
  ExpectDatelines({
      {"2024 жылғы 28 ақпан, Алматы. Ұлттық банк мөлшерлемені сақтады.", "2024-02-28"},
      {"28 ақпан 2024, Алматы", "2024-02-28"},
      {"АСТАНА, 2023 ЖЫЛҒЫ 16 ЖЕЛТОҚСАН — Парламент бюджетті қабылдады.", "2023-12-16"},
      {"Жарияланды: 16.12.2023", "2023-12-16"},
      {"2024 ж. 5 наурыз, Шымкент", "2024-03-05"},
      {"15 сәуір 2024 ж. Қарағанды", "2024-04-15"},
      {"2022 жылғы 30 маусым", "2022-06-30"},
      {"2021 жылғы 10 шілдеде", "2021-07-10"},
      {"2024-жылғы 28-ақпанда", "2024-02-28"},
      {"14 тамыз 2023", "2023-08-14"},
      {"2023 жылғы 25 қазан", "2023-10-25"},
      {"2024 жылғы 7 мамыр", "2024-05-07"},
      {"2024 жылғы 15 сәуiр (Latin i)", "2024-04-15"},
  });
}

TEST(DatesTest, NoDateAtTheStartMeansUndated) {
  for (const char* text :
       {"", "The central bank kept its rate on hold.", "Нацбанк сохранил базовую ставку.",
        "Ұлттық банк мөлшерлемені сақтады.", "ALMATY — Prices rose 5 percent in 2023."}) {
    EXPECT_FALSE(FindDateline(text).has_value()) << text;
  }
}

// A dateline is a date at the start of the body in dateline form, not any date near the top:
// these open with prose, so the date is what the story is about, not when it was written.
TEST(DatesTest, DateInTheOpeningSentenceIsNotADateline) {
  for (const char* text : {
           "Born on 3 May 1950, he ran the port for thirty years.",
           "On the 29th of February 2024 the exchange opened late.",
           "5 мая 2024 года в Шымкенте открылся завод.",
           "2024 жылы 28 ақпанда Астанада форум өтті.",
           "2023 жылғы 1 қыркүйектегі мәлімет бойынша",
           "2024 жылдың 3 қаңтарында Ақтауда порт ашылды.",
           "2023 жылғы 20 қарашадағы шешім",
           "ALMATY, Dec 12 (Reuters) - The bank, founded on 13 April 1993, kept its rate.",
           "The ministry said on 1 February 1995 that the plan had failed.",
       }) {
    EXPECT_FALSE(FindDateline(text).has_value()) << text;
  }
}

TEST(DatesTest, DateDeepInTheBodyIsAMentionNotADateline) {
  const std::string text = Filler() + "The plant opened on 28 February 2024.";
  EXPECT_FALSE(FindDateline(text).has_value());
  const std::vector<DateMention> mentions = FindDateMentions(text);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].date, (Date{2024, 2, 28}));
}

TEST(DatesTest, DatelineWindowIsAboutThreeHundredBytes) {
  EXPECT_TRUE(FindDateline(std::string(290, ' ') + "16.12.2023").has_value());
  EXPECT_FALSE(FindDateline(std::string(310, ' ') + "16.12.2023").has_value());
}

TEST(DatesTest, ImpossibleDatesAreSkipped) {
  for (const char* text :
       {"30 февраля 2024 г., Алматы.", "31 April 2024", "February 29, 2023", "2024 жылғы 30 ақпан",
        "31.06.2024", "32.01.2024", "16.13.2023", "2023-02-30", "0 января 2024 г.", "00.12.2023"}) {
    EXPECT_FALSE(FindDateline(text).has_value()) << text;
    EXPECT_TRUE(FindDateMentions(text).empty()) << text;
  }
}

TEST(DatesTest, AnImpossibleDateMakesNoDateline) {
  EXPECT_FALSE(FindDateline("30 февраля 2024 г. перенесли на 1 марта 2024 г.").has_value());
}

TEST(DatesTest, YearsOutsideTheNewsRangeAreIgnored) {
  for (const char* text : {"28 February 1850", "16.12.2101", "1 января 1899 г.",
                           "1899 жылғы 5 наурыз", "1899-12-31", "January 1, 2101"}) {
    EXPECT_TRUE(FindDateMentions(text).empty()) << text;
  }
  EXPECT_EQ(FindDateline("1 January 1900")->ToString(), "1900-01-01");
  EXPECT_EQ(FindDateline("31.12.2100")->ToString(), "2100-12-31");
}

TEST(DatesTest, PartialAndAmbiguousDatesAreNotMentions) {
  for (const char* text :
       {"in December", "in December 2023", "The law dates from 2011.", "в декабре 2023 года",
        "2011 жылы", "28 ақпанда", "December 16", "16 декабря", "12/16/2023", "16/12/2023",
        "version 1.16.12.2023", "the Mayor 5 2024 plan", "A28 February 2024"}) {
    EXPECT_TRUE(FindDateMentions(text).empty()) << text;
  }
}

TEST(DatesTest, MentionsCarryByteOffsetsInOrder) {
  const std::string_view text =
      "ALMATY, Feb. 28, 2024 — The bank, founded on 13 April 1993, recalled the decision "
      "of 16.12.2023 and the ruling of 2023-12-16.";
  EXPECT_EQ(MentionTexts(text), (std::vector<std::string>{"Feb. 28, 2024", "13 April 1993",
                                                          "16.12.2023", "2023-12-16"}));
  const std::vector<DateMention> mentions = FindDateMentions(text);
  ASSERT_EQ(mentions.size(), 4u);
  EXPECT_EQ(mentions[0].begin, 8u);
  EXPECT_EQ(mentions[0].end, 21u);
  EXPECT_EQ(mentions[1].date, (Date{1993, 4, 13}));
  EXPECT_EQ(mentions[2].date, (Date{2023, 12, 16}));
}

TEST(DatesTest, CyrillicMentionsCoverTheWholeDate) {
  EXPECT_EQ(MentionTexts("Банк основан 13 апреля 1993 года, а 28 февраля 2024 г. сохранил ставку."),
            (std::vector<std::string>{"13 апреля 1993 года", "28 февраля 2024 г."}));
  EXPECT_EQ(MentionTexts("Банк 1993 жылғы 13 сәуірде құрылды, ал 2024 жылы 28 ақпанда мәлімдеді."),
            (std::vector<std::string>{"1993 жылғы 13 сәуірде", "2024 жылы 28 ақпанда"}));
}

TEST(DatesTest, MentionsDoNotChangeTheDateline) {
  const std::string text =
      "АСТАНА, 16 декабря 2023 г. — " + Filler() + "Закон вступит в силу 1 января 2024 года.";
  EXPECT_EQ(FindDateline(text)->ToString(), "2023-12-16");
  const std::vector<DateMention> mentions = FindDateMentions(text);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[1].date, (Date{2024, 1, 1}));
  EXPECT_EQ(text.substr(mentions[1].begin, mentions[1].end - mentions[1].begin),
            "1 января 2024 года");
}

// Only the text around four-digit numbers is scanned: dates far apart, deep in a long text,
// among numbers that are not years, and words glued to a date's edge must all read as before.
TEST(DatesTest, MentionsDeepInALongTextKeepTheirOffsets) {
  std::string text = Filler() + Filler() + "Prices rose 12.5% to 340 tenge in 12 regions. ";
  text += "The board met on 3 March 2021";
  text += ", and again, " + Filler() + Filler() + "after the vote of 16.12.2023.";
  text += " Output reached 12345 barrels on day 7 of 2024 (no full date). ";
  text += Filler() + "Жиналыс 2024 жылғы 28 ақпанда өтті.";
  EXPECT_EQ(MentionTexts(text),
            (std::vector<std::string>{"3 March 2021", "16.12.2023", "2024 жылғы 28 ақпанда"}));
  EXPECT_EQ(MentionTexts("A3 March 2021 and v1.16.12.2023"), std::vector<std::string>{});
}

// Readers repair UTF-8 before extraction; broken bytes that slip through must not crash.
TEST(DatesTest, BrokenTextGivesNoDateButHidesNoRealOne) {
  // Cut-off or invalid bytes and incomplete dates: no date, and no read past the text.
  const std::string broken[] = {
      "\xD0",       "28 \xD1\x84\xD0", "28 февраля \x80\x80 2024", "16.12.", "16.12.20",
      "2024 жылғы", "Feb. 28,",        std::string(1000, '9'),
  };
  for (const std::string& text : broken) {
    EXPECT_EQ(FindDateline(text), std::nullopt) << text;
    EXPECT_TRUE(FindDateMentions(text).empty()) << text;
  }
  // Replacement characters (what cleaning leaves of bad bytes) before a date do not hide it.
  const std::string garbled = "\uFFFD\uFFFD 16.12.2023";
  ASSERT_TRUE(FindDateline(garbled).has_value());
  EXPECT_EQ(FindDateline(garbled)->ToString(), "2023-12-16");
  const std::vector<DateMention> mentions = FindDateMentions(garbled);
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(garbled.substr(mentions[0].begin, mentions[0].end - mentions[0].begin), "16.12.2023");
}

TEST(DatesTest, DatelineCutAtTheWindowStaysWhole) {
  // A multi-byte date that starts just inside the window is read in full.
  const std::string text = std::string(280, ' ') + "2024 жылғы 28 желтоқсанында\n" + Filler();
  EXPECT_EQ(FindDateline(text)->ToString(), "2024-12-28");
}

}  // namespace
}  // namespace steppe
