// SPDX-License-Identifier: Apache-2.0
// Dates are found by scanning tokens (numbers, words, single marks) rather than with std::regex,
// which is slow and does not fold Cyrillic case. Numeric dates are read day first ("16.12.2023"),
// as the English, Russian and Kazakh press of the region write them; slashed dates ("12/16/2023")
// are ignored because US and European order cannot be told apart. Readers repair UTF-8 before
// extraction; stray invalid bytes cannot crash the scan but may hide a date next to them.
#include "extract/dates.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>
#include <span>
#include <string>
#include <utility>

#include "util/utf8.h"

namespace steppe {
namespace {

// A dateline sits in the opening lines; a date that starts later is only a mention.
constexpr size_t kDatelineWindow = 300;
// The most text (bytes other than white space) that may come before a dateline's date:
// "УСТЬ-КАМЕНОГОРСК, Восточно-Казахстанская область," and the like.
constexpr size_t kMaxDatelineLead = 120;
// Bytes past the window that a date begun inside it may need ("2024 жылғы 28 желтоқсанында").
constexpr size_t kLongestDate = 96;
// Years outside this range are page numbers, amounts or history, not news dates.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;
// Kazakh months take case endings ("ақпанда", "ақпанның", "қарашадағы"); this many bytes
// (six Cyrillic letters) may follow the stem.
constexpr size_t kMaxKazakhEndingBytes = 12;

enum class Kind { kNumber, kWord, kMark };

struct Token {
  Kind kind;
  size_t begin;
  size_t end;
  std::string text;  // the digits, the lowercased word or the mark
};

// A month word and its number.
struct MonthWord {
  std::string_view word;
  int month;
};

constexpr MonthWord kEnglishMonths[] = {
    {"january", 1},   {"jan", 1},   {"february", 2},  {"feb", 2},      {"march", 3},
    {"mar", 3},       {"april", 4}, {"apr", 4},       {"may", 5},      {"june", 6},
    {"jun", 6},       {"july", 7},  {"jul", 7},       {"august", 8},   {"aug", 8},
    {"september", 9}, {"sep", 9},   {"sept", 9},      {"october", 10}, {"oct", 10},
    {"november", 11}, {"nov", 11},  {"december", 12}, {"dec", 12},
};

// Genitives, as a day number governs them ("28 февраля"), and the abbreviations Russian sites
// print ("3 янв. 2024").
constexpr MonthWord kRussianMonths[] = {
    {"января", 1},   {"янв", 1},      {"февраля", 2}, {"фев", 2},     {"февр", 2},     {"марта", 3},
    {"мар", 3},      {"апреля", 4},   {"апр", 4},     {"мая", 5},     {"июня", 6},     {"июн", 6},
    {"июля", 7},     {"июл", 7},      {"августа", 8}, {"авг", 8},     {"сентября", 9}, {"сен", 9},
    {"сент", 9},     {"октября", 10}, {"окт", 10},    {"ноября", 11}, {"ноя", 11},     {"нояб", 11},
    {"декабря", 12}, {"дек", 12},
};

// Kazakh month stems in calendar order.
constexpr std::string_view kKazakhMonths[] = {"қаңтар",   "ақпан",  "наурыз", "сәуір",
                                              "мамыр",    "маусым", "шілде",  "тамыз",
                                              "қыркүйек", "қазан",  "қараша", "желтоқсан"};

// Words that close a date after its year: "2024 года", "2024 жылы", and the abbreviations
// "2024 г.", "2024 ж." whose dot belongs to them.
constexpr std::string_view kYearWords[] = {"года", "год", "жыл", "жылы"};
constexpr std::string_view kYearAbbreviations[] = {"г", "гг", "ж"};
// Kazakh words between a leading year and the day: "2024 жылғы 28 ақпан".
constexpr std::string_view kKazakhYearWords[] = {"жылғы", "жылы", "жылдың", "ж"};
constexpr std::string_view kOrdinals[] = {"st", "nd", "rd", "th", "-"};

Kind KindOf(char32_t cp) {
  if (cp >= '0' && cp <= '9') return Kind::kNumber;
  return u_isUAlphabetic(static_cast<UChar32>(cp)) ? Kind::kWord : Kind::kMark;
}

// Extends a number or word token over its run of code points. Words are lowercased so that
// "FEB." and "ФЕВРАЛЯ" match the tables.
void ExtendRun(std::string_view text, Token* token) {
  size_t pos = token->begin;
  while (pos < text.size()) {
    size_t next = pos;
    const char32_t cp = NextCodePoint(text, &next);
    if (KindOf(cp) != token->kind) break;
    const UChar32 lower = token->kind == Kind::kWord ? u_tolower(static_cast<UChar32>(cp)) : cp;
    AppendUtf8(static_cast<char32_t>(lower), &token->text);
    pos = next;
  }
  token->end = pos;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t begin = pos;
    const char32_t cp = NextCodePoint(text, &pos);
    if (u_isUWhiteSpace(static_cast<UChar32>(cp))) continue;
    Token token{KindOf(cp), begin, pos, ""};
    if (token.kind == Kind::kMark) {
      token.text = text.substr(begin, pos - begin);
    } else {
      ExtendRun(text, &token);
      pos = token.end;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

// "сәуiр" with a Latin "i", as Kazakh is often typed, spelled with the Kazakh "і".
std::string WithKazakhI(std::string_view word) {
  std::string out;
  for (const char c : word) {
    if (c == 'i') {
      out += "і";
    } else {
      out += c;
    }
  }
  return out;
}

int KazakhMonth(std::string_view word) {
  if (word.empty() || static_cast<unsigned char>(word[0]) < 0x80) return 0;  // not Cyrillic
  if (word.find('i') != std::string_view::npos) return KazakhMonth(WithKazakhI(word));
  for (int i = 0; i < 12; ++i) {
    const std::string_view stem = kKazakhMonths[i];
    if (word.starts_with(stem) && word.size() - stem.size() <= kMaxKazakhEndingBytes) {
      return i + 1;
    }
  }
  return 0;
}

int LookUp(std::span<const MonthWord> table, std::string_view word) {
  for (const MonthWord& m : table) {
    if (m.word == word) return m.month;
  }
  return 0;
}

// 1-12 for a month word in any of the three languages, else 0.
int MonthOf(std::string_view word) {
  if (const int month = LookUp(kEnglishMonths, word); month != 0) return month;
  if (const int month = LookUp(kRussianMonths, word); month != 0) return month;
  return KazakhMonth(word);
}

// Whether the next token must touch the previous one ("16.12.2023", "Feb.") or may not.
enum class Gap { kAny, kNone };

// Walks the tokens of one candidate date. Each Take* consumes the next token only when it fits.
class Cursor {
 public:
  Cursor(const std::vector<Token>& tokens, size_t pos) : tokens_(tokens), pos_(pos) {}

  size_t pos() const { return pos_; }

  // The value of a number of `min_digits` to `max_digits` digits, or -1.
  int TakeNumber(size_t min_digits, size_t max_digits, Gap gap = Gap::kAny) {
    const Token* t = Peek(gap);
    if (t == nullptr || t->kind != Kind::kNumber || t->text.size() < min_digits ||
        t->text.size() > max_digits) {
      return -1;
    }
    ++pos_;
    return std::stoi(t->text);
  }

  // The month (1-12) that the next word names, or 0.
  int TakeMonth() {
    const Token* t = Peek(Gap::kAny);
    const int month = t != nullptr && t->kind == Kind::kWord ? MonthOf(t->text) : 0;
    if (month != 0) ++pos_;
    return month;
  }

  bool Take(std::string_view text, Gap gap = Gap::kAny) {
    const Token* t = Peek(gap);
    if (t == nullptr || t->text != text) return false;
    ++pos_;
    return true;
  }

  bool TakeAny(std::span<const std::string_view> texts, Gap gap = Gap::kAny) {
    for (const std::string_view text : texts) {
      if (Take(text, gap)) return true;
    }
    return false;
  }

  // "г.", "года", "ж.", "жылы" after the year belong to the date.
  void TakeYearWord() {
    if (TakeAny(kYearAbbreviations)) {
      Take(".", Gap::kNone);
    } else {
      TakeAny(kYearWords);
    }
  }

 private:
  const Token* Peek(Gap gap) const {
    if (pos_ >= tokens_.size()) return nullptr;
    if (gap == Gap::kNone && pos_ > 0 && tokens_[pos_ - 1].end != tokens_[pos_].begin) {
      return nullptr;
    }
    return &tokens_[pos_];
  }

  const std::vector<Token>& tokens_;
  size_t pos_;
};

struct Parts {
  int year = -1;
  int month = 0;
  int day = -1;
};

// "28 February 2024", "28th of Feb. 2024", "28 февраля 2024 г.", "28 ақпан 2024", "28-ақпан".
bool MatchDayMonthYear(Cursor* c, Parts* p) {
  if ((p->day = c->TakeNumber(1, 2)) < 0) return false;
  c->TakeAny(kOrdinals, Gap::kNone);
  c->Take("of");
  if ((p->month = c->TakeMonth()) == 0) return false;
  c->Take(".", Gap::kNone);
  c->Take(",");
  if ((p->year = c->TakeNumber(4, 4)) < 0) return false;
  c->TakeYearWord();
  return true;
}

// "Feb. 28, 2024", "December 16 2023", "Sept. 1st, 2024".
bool MatchMonthDayYear(Cursor* c, Parts* p) {
  if ((p->month = c->TakeMonth()) == 0) return false;
  c->Take(".", Gap::kNone);
  if ((p->day = c->TakeNumber(1, 2)) < 0) return false;
  c->TakeAny(kOrdinals, Gap::kNone);
  c->Take(",");
  return (p->year = c->TakeNumber(4, 4)) >= 0;
}

// Kazakh, year first: "2024 жылғы 28 ақпан", "2024 жылы 28 ақпанда", "2024-жылғы 28-ақпан".
bool MatchYearDayMonth(Cursor* c, Parts* p) {
  if ((p->year = c->TakeNumber(4, 4)) < 0) return false;
  c->Take("-", Gap::kNone);
  if (!c->TakeAny(kKazakhYearWords)) return false;
  c->Take(".", Gap::kNone);
  if ((p->day = c->TakeNumber(1, 2)) < 0) return false;
  c->Take("-", Gap::kNone);
  return (p->month = c->TakeMonth()) != 0;
}

// Day first, with dots and no spaces: "16.12.2023", "1.3.2024 г.".
bool MatchDotted(Cursor* c, Parts* p) {
  if ((p->day = c->TakeNumber(1, 2)) < 0 || !c->Take(".", Gap::kNone)) return false;
  if ((p->month = c->TakeNumber(1, 2, Gap::kNone)) < 0) return false;
  if (!c->Take(".", Gap::kNone)) return false;
  if ((p->year = c->TakeNumber(4, 4, Gap::kNone)) < 0) return false;
  c->TakeYearWord();
  return true;
}

// ISO 8601: "2023-12-16".
bool MatchIso(Cursor* c, Parts* p) {
  if ((p->year = c->TakeNumber(4, 4)) < 0 || !c->Take("-", Gap::kNone)) return false;
  if ((p->month = c->TakeNumber(2, 2, Gap::kNone)) < 0) return false;
  if (!c->Take("-", Gap::kNone)) return false;
  return (p->day = c->TakeNumber(2, 2, Gap::kNone)) >= 0;
}

using Form = bool (*)(Cursor*, Parts*);
constexpr Form kForms[] = {MatchDotted, MatchIso, MatchDayMonthYear, MatchMonthDayYear,
                           MatchYearDayMonth};

// The date the parts name, when it is a real one in range ("30 февраля" is not).
std::optional<Date> ToDate(const Parts& p) {
  if (p.year < kMinYear || p.year > kMaxYear) return std::nullopt;
  char iso[48];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", p.year, p.month, p.day);
  Date date;
  if (!Date::Parse(iso, &date).ok()) return std::nullopt;
  return date;
}

// A date cannot start inside a word, a number or a dotted run ("A28", "v1.16.12.2023").
bool StartsFree(const std::vector<Token>& tokens, size_t i) {
  if (tokens[i].kind == Kind::kMark) return false;
  if (i == 0 || tokens[i - 1].end != tokens[i].begin) return true;
  const Token& before = tokens[i - 1];
  return before.kind == Kind::kMark && before.text != "." && before.text != "-" &&
         before.text != "/";
}

// The date that starts at tokens[i], if any; *next is the token after it.
std::optional<DateMention> MatchAt(const std::vector<Token>& tokens, size_t i, size_t* next) {
  if (!StartsFree(tokens, i)) return std::nullopt;
  for (const Form form : kForms) {
    Cursor cursor(tokens, i);
    Parts parts;
    if (!form(&cursor, &parts)) continue;
    const std::optional<Date> date = ToDate(parts);
    if (!date) continue;
    *next = cursor.pos();
    return DateMention{*date, tokens[i].begin, tokens[cursor.pos() - 1].end};
  }
  return std::nullopt;
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool IsAsciiSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// The byte ranges of `text` around its four-digit numbers, widened to whitespace (where a
// token always starts and ends) and merged where they overlap. Every date form has a
// four-digit year and is shorter than kLongestDate, so no date lies outside them; and
// tokenizing only these ranges, not the whole text, made the scan several times cheaper.
std::vector<std::pair<size_t, size_t>> YearWindows(std::string_view text) {
  constexpr size_t kReach = 2 * kLongestDate;
  std::vector<std::pair<size_t, size_t>> windows;
  size_t pos = 0;
  while (pos < text.size()) {
    if (!IsAsciiDigit(text[pos])) {
      ++pos;
      continue;
    }
    const size_t digits = pos;
    while (pos < text.size() && IsAsciiDigit(text[pos])) ++pos;
    if (pos - digits != 4) continue;
    size_t begin = digits > kReach ? digits - kReach : 0;
    while (begin > 0 && !IsAsciiSpace(text[begin - 1])) --begin;
    size_t end = std::min(text.size(), pos + kReach);
    while (end < text.size() && !IsAsciiSpace(text[end])) ++end;
    if (!windows.empty() && begin <= windows.back().second) {
      windows.back().second = std::max(windows.back().second, end);
    } else {
      windows.emplace_back(begin, end);
    }
  }
  return windows;
}

// The first `size` bytes of `text`, cut back to a code point boundary.
std::string_view Prefix(std::string_view text, size_t size) {
  if (size >= text.size()) return text;
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  return text.substr(0, size);
}

// Lower-case words that may stand before a dateline's date: labels of publication lines.
constexpr std::string_view kLabelWords[] = {"публикации", "опубликовано", "обновлено",
                                            "жарияланды", "жарияланған",  "posted",
                                            "published",  "updated",      "by"};

bool IsUpperCaseStart(std::string_view word) {
  size_t pos = 0;
  const char32_t cp = NextCodePoint(word, &pos);
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

// What may open the body before a dateline's date: a place ("ALMATY,", "SHYMKENT,
// Kazakhstan,"), a weekday, a byline ("By Aigerim Sadykova |") or a label ("Published:",
// "Дата публикации:"); never prose ("Born on", "The plant opened on").
bool IsDatelineLead(std::string_view lead) {
  size_t non_space = 0;
  for (const char c : lead) non_space += !IsAsciiSpace(c);
  if (non_space > kMaxDatelineLead) return false;
  for (const Token& t : Tokenize(lead)) {
    if (t.kind != Kind::kWord) continue;
    const std::string_view word = lead.substr(t.begin, t.end - t.begin);
    if (!IsUpperCaseStart(word) && std::find(std::begin(kLabelWords), std::end(kLabelWords),
                                             t.text) == std::end(kLabelWords)) {
      return false;
    }
  }
  return true;
}

// What may follow a dateline's date on its line: nothing, punctuation ("—", ",", "(Reuters)"),
// a time ("10:15", "T09:30", "at 5:49"), a place in capitals, or a new sentence after "г.";
// not prose ("5 мая 2024 года в Шымкенте открылся завод").
bool IsDatelineTail(std::string_view date, std::string_view tail) {
  size_t pos = 0;
  while (pos < tail.size() && (tail[pos] == ' ' || tail[pos] == '\t')) ++pos;
  if (tail.substr(pos, 2) == "\xC2\xA0") pos += 2;
  if (pos >= tail.size() || tail[pos] == '\n' || tail[pos] == '\r') return true;
  const std::vector<Token> tokens = Tokenize(tail.substr(pos, 64));
  if (tokens.empty()) return true;
  const Token& first = tokens.front();
  if (first.kind != Kind::kWord) return true;
  if (tokens.size() > 1 && tokens[1].kind == Kind::kNumber &&
      (first.text == "t" || first.text == "at" || first.text == "в" || first.text == "um" ||
       first.text == "a" || first.text == "à")) {
    return true;
  }
  const std::string_view word = tail.substr(pos + first.begin, first.end - first.begin);
  bool all_caps = true;
  for (size_t i = 0; i < word.size();) {
    const char32_t cp = NextCodePoint(word, &i);
    if (u_islower(static_cast<UChar32>(cp))) all_caps = false;
  }
  if (all_caps) return true;
  return IsUpperCaseStart(word) && !date.empty() && date.back() == '.';
}

}  // namespace

std::optional<Date> FindDateline(std::string_view text) {
  const std::string_view head = Prefix(text, kDatelineWindow + kLongestDate);
  const std::vector<DateMention> dates = FindDateMentions(head);
  // Only the first date can be a dateline: after a date in prose, none is.
  if (dates.empty() || dates.front().begin >= kDatelineWindow) return std::nullopt;
  const DateMention& m = dates.front();
  if (!IsDatelineLead(head.substr(0, m.begin)) ||
      !IsDatelineTail(head.substr(m.begin, m.end - m.begin), head.substr(m.end))) {
    return std::nullopt;
  }
  return m.date;
}

std::vector<DateMention> FindDateMentions(std::string_view text) {
  std::vector<DateMention> mentions;
  for (const auto& [begin, end] : YearWindows(text)) {
    const std::vector<Token> tokens = Tokenize(text.substr(begin, end - begin));
    for (size_t i = 0; i < tokens.size();) {
      size_t next = i + 1;
      if (std::optional<DateMention> m = MatchAt(tokens, i, &next)) {
        m->begin += begin;
        m->end += begin;
        mentions.push_back(*m);
      }
      i = next;
    }
  }
  return mentions;
}

}  // namespace steppe
