// SPDX-License-Identifier: Apache-2.0
#include "extract/entity_rules.h"

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "util/utf8.h"

namespace steppe {
namespace {

using Kind = Entity::Kind;

// A name a rule found: tokens [first, last), covering bytes [begin, end) of the text.
struct Name {
  size_t first = 0;
  size_t last = 0;
  size_t begin = 0;
  size_t end = 0;
};

// A byte range of the text.
struct Range {
  size_t begin = 0;
  size_t end = 0;
};

// Names longer than these are sentences, not names: a stray quote mark, most likely.
constexpr size_t kMaxRunWords = 4;
constexpr size_t kMaxPlaceRunWords = 3;
constexpr size_t kMaxQuotedWords = 6;
constexpr size_t kMaxQuotedBytes = 120;

bool In(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The words of `list`, separated by spaces.
std::unordered_set<std::string_view> WordSet(std::string_view list) {
  std::unordered_set<std::string_view> words;
  for (size_t start = 0; start < list.size();) {
    size_t end = list.find(' ', start);
    if (end == std::string_view::npos) end = list.size();
    if (end > start) words.insert(list.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Capitalised words that begin no name a rule may find, and end a run of capitalised
// words: function words (capitalised at a sentence start), titles, days and months.
bool IsStopWord(std::string_view exact) {
  static const std::unordered_set<std::string_view> kStopWords = WordSet(
      "the a an this that these those in on at of for from by with and but or as its their "
      "our his her after before when while if also meanwhile however both all some many most "
      "other another every each it they we he she there here then such only last next since "
      "during under over about into between according "
      "mr ms mrs dr ceo chairman president director minister chief head deputy akim governor "
      "spokesman spokeswoman officials police "
      "monday tuesday wednesday thursday friday saturday sunday january february march april "
      "may june july august september october november december "
      "в во на по из с со к о об от для и а но это этот эта эти все также как при после до у "
      "за президент министр аким глава директор "
      "бұл осы сол ол олар және мен бен пен да де оның біздің барлық ал бірақ сондай "
      "президенті әкім әкімі министрі");
  return kStopWords.contains(exact);
}

// A word that describes rather than names (the Kazakh company, the Caspian region).
bool IsAdjective(std::string_view exact) {
  static const std::unordered_set<std::string_view> kAdjectives = WordSet(
      "kazakh uzbek kyrgyz tajik turkmen american german korean european african dutch french "
      "british swiss greek thai soviet arab us uk state national local central regional "
      "foreign domestic western eastern northern southern");
  if (kAdjectives.contains(exact)) return true;
  for (std::string_view ending : {"ian", "ese", "ish"}) {
    if (exact.size() > ending.size() + 2 && exact.ends_with(ending)) return true;
  }
  return false;
}

bool IsLatinWord(const EntityText& t, size_t i) {
  return t.tokens[i].forms->script == Script::kLatin;
}

// The code point before text[*pos], moving *pos back over it.
char32_t PrevCodePoint(std::string_view text, size_t* pos) {
  size_t start = *pos - 1;
  while (start > 0 && *pos - start < 4 &&
         (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t next = start;
  const char32_t c = NextCodePoint(text, &next);
  *pos = start;
  return c;
}

bool IsSpace(char32_t c) { return c == ' ' || c == 0xA0; }

// The closing quote marks that end a quotation opened by `open`, or empty when `open` opens
// none: «» (Russian, Kazakh), “” (English), „“ and „” (Russian handwriting, German), "".
std::u32string_view ClosersOf(char32_t open) {
  switch (open) {
    case U'«':
      return U"»";
    case U'“':
      return U"”\"";
    case U'„':
      return U"“”";
    case U'"':
      return U"\"”";
    default:
      return {};
  }
}

std::u32string_view OpenersOf(char32_t close) {
  switch (close) {
    case U'»':
      return U"«";
    case U'”':
      return U"“„\"";
    case U'“':
      return U"„";
    case U'"':
      return U"\"“„";
    default:
      return {};
  }
}

Range TrimRange(std::string_view text, Range r) {
  while (r.begin < r.end && text[r.begin] == ' ') ++r.begin;
  while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
  return r;
}

// The inside of a quotation that opens at text[pos], after spaces: «Каспий Ойл».
std::optional<Range> QuoteAfter(std::string_view text, size_t pos) {
  size_t p = pos;
  char32_t c = 0;
  do {
    if (p >= text.size()) return std::nullopt;
    c = NextCodePoint(text, &p);
  } while (IsSpace(c));
  const std::u32string_view closers = ClosersOf(c);
  if (closers.empty()) return std::nullopt;
  const size_t begin = p;
  int depth = 0;  // «Компания «Кезби»» nests
  while (p < text.size() && p - begin <= kMaxQuotedBytes) {
    const size_t at = p;
    const char32_t d = NextCodePoint(text, &p);
    if (d == '\n') return std::nullopt;
    if (d == U'«') ++depth;
    if (closers.find(d) != std::u32string_view::npos && depth-- == 0) {
      return TrimRange(text, {begin, at});
    }
  }
  return std::nullopt;
}

// The inside of a quotation that closes just before text[pos], after spaces: «Мұнай» ЖШС.
std::optional<Range> QuoteBefore(std::string_view text, size_t pos) {
  size_t p = pos;
  char32_t c = 0;
  do {
    if (p == 0) return std::nullopt;
    c = PrevCodePoint(text, &p);
  } while (IsSpace(c));
  const std::u32string_view openers = OpenersOf(c);
  if (openers.empty()) return std::nullopt;
  const size_t end = p;
  int depth = 0;
  while (p > 0 && end - p <= kMaxQuotedBytes) {
    const char32_t d = PrevCodePoint(text, &p);
    if (d == '\n') return std::nullopt;
    if (d == U'»') ++depth;
    if (openers.find(d) != std::u32string_view::npos && depth-- == 0) {
      size_t after = p;
      NextCodePoint(text, &after);
      return TrimRange(text, {after, end});
    }
  }
  return std::nullopt;
}

// The name inside a quotation, if it reads as one: a few words, the first capitalised or a
// number.
std::optional<Name> QuotedName(const EntityText& t, std::optional<Range> quote) {
  if (!quote || quote->begin >= quote->end) return std::nullopt;
  const auto by_begin = [](const Token& token, size_t pos) { return token.begin < pos; };
  const size_t first =
      std::lower_bound(t.tokens.begin(), t.tokens.end(), quote->begin, by_begin) - t.tokens.begin();
  size_t last = first;
  while (last < t.tokens.size() && t.tokens[last].end <= quote->end) ++last;
  if (last == first || last - first > kMaxQuotedWords) return std::nullopt;
  // A quoted sentence is speech, not a name: "We will not stop," he said.
  const std::string_view inside = t.text.substr(quote->begin, quote->end - quote->begin);
  if (inside.find_first_of(",.!?:;") != std::string_view::npos &&
      inside.find_last_of(",.!?:;") + 1 == inside.size()) {
    return std::nullopt;
  }
  const char lead = t.text[t.tokens[first].begin];
  if (!t.Capitalised(first) && !(lead >= '0' && lead <= '9')) return std::nullopt;
  return Name{first, last, quote->begin, quote->end};
}

// Where a legal form's name stands when it is not quoted.
enum class Side { kNone, kBefore, kAfter, kEither };

Side LegalFormSide(std::string_view surface) {
  // Co, Corp and Cos end company names in English newswire (Boeing Co, Coastal Corp).
  if (In(surface, {"LLP", "LLC", "Ltd", "LTD", "Inc", "INC", "PLC", "Plc", "GmbH", "Co", "Corp",
                   "Cos", "ЖШС", "АҚ"})) {
    return Side::kBefore;
  }
  if (In(surface, {"ТОО", "АО", "ОАО", "ЗАО", "ООО", "ПАО"})) return Side::kAfter;
  if (surface == "JSC") return Side::kEither;
  return Side::kNone;
}

// "National company" between a legal form and the name: АО НК «КазМунайГаз».
bool IsNationalCompany(std::string_view surface) { return In(surface, {"НК", "NC", "ҰК"}); }

bool CanJoinRun(const EntityText& t, size_t i) {
  return t.Capitalised(i) && !IsStopWord(t.tokens[i].forms->exact) &&
         LegalFormSide(t.Surface(i)) == Side::kNone;
}

// Tokens [first, last) as a name; a possessive ending is not part of it.
Name NameOf(const EntityText& t, size_t first, size_t last) {
  const size_t end = t.tokens[last - 1].end - PossessiveLength(t.Surface(last - 1));
  return Name{first, last, t.tokens[first].begin, end};
}

// Whether token i, capitalised, may be the first of a name of several words. Kazakh and
// Russian sentences often open with a common noun before a name (Су Қарасай ауданында,
// Жүргізушілер Мұнай Транс компаниясының), so a Cyrillic word at a sentence start may not;
// nor a Latin one that the text also writes in lower case.
bool MayStartLongName(const EntityText& t, size_t i) {
  const WordForms& f = *t.tokens[i].forms;
  if (!t.tokens[i].sentence_start) return true;
  return f.script == Script::kLatin && !t.lower_words.contains(f.exact);
}

// The capitalised words that end just before token k, at most `max_words` of them. A
// possessive ends a name, so none is inside this one: Kazakhstan's Kezbi LLP.
std::optional<Name> RunBefore(const EntityText& t, size_t k, size_t max_words) {
  size_t first = k;
  while (first > 0 && k - first < max_words && CanJoinRun(t, first - 1) &&
         PossessiveLength(t.Surface(first - 1)) == 0 && JoinsName(t.Gap(first))) {
    if (first < k && !MayStartLongName(t, first - 1)) break;
    --first;
  }
  if (first == k) return std::nullopt;
  return NameOf(t, first, k);
}

// The capitalised words that start just after token k, at most `max_words` of them, up to
// a possessive: company Kezbi's workers.
std::optional<Name> RunAfter(const EntityText& t, size_t k, size_t max_words) {
  size_t last = k + 1;
  while (last < t.tokens.size() && last - k - 1 < max_words && CanJoinRun(t, last) &&
         JoinsName(t.Gap(last))) {
    if (PossessiveLength(t.Surface(last++)) != 0) break;
  }
  if (last == k + 1) return std::nullopt;
  return NameOf(t, k + 1, last);
}

// A one-word run at a sentence start may be any capitalised word (Мұнай компаниясы).
bool SentenceInitialWord(const EntityText& t, const Name& n) {
  return n.last - n.first == 1 && t.tokens[n.first].sentence_start;
}

bool NamesPlace(const EntityText& t, const Gazetteer& g, const Name& n) {
  return g.Resolve(t, n.first, n.last, Kind::kPlace).has_value();
}

std::string_view TextOf(const EntityText& t, const Name& n) {
  return t.text.substr(n.begin, n.end - n.begin);
}

// An entity for `n`, named as the gazetteer names it, else `fallback`.
Entity MakeEntity(const EntityText& t, const Gazetteer& g, Kind kind, const Name& n,
                  std::string_view fallback) {
  Entity e{.kind = kind, .name = {}, .begin = n.begin, .end = n.end};
  const std::optional<uint32_t> known = g.Resolve(t, n.first, n.last, kind);
  e.name = known ? g.entry(*known).name : std::string(fallback);
  return e;
}

void AddCompany(const EntityText& t, const Gazetteer& g, const Name& n, std::vector<Entity>* out) {
  out->push_back(MakeEntity(t, g, Kind::kCompany, n, TextOf(t, n)));
}

// A possessive just before a company's name is part of it (Moody's Investors Service Inc),
// unless it names a place: Kazakhstan's Kezbi LLP is Kezbi.
std::optional<Name> WithOwnerBefore(const EntityText& t, const Gazetteer& g,
                                    std::optional<Name> name) {
  if (!name || name->first == 0) return name;
  const size_t owner = name->first - 1;
  if (!t.Capitalised(owner) || PossessiveLength(t.Surface(owner)) == 0 ||
      !JoinsName(t.Gap(name->first)) || IsStopWord(t.tokens[owner].forms->exact) ||
      g.Resolve(t, owner, owner + 1, Kind::kPlace)) {
    return name;
  }
  return Name{owner, name->last, t.tokens[owner].begin, name->end};
}

// Lower-case words that may stand between a name and "company": the Kezbi drilling company.
bool IsTradeWord(std::string_view exact) {
  static const std::unordered_set<std::string_view> kTradeWords = WordSet(
      "oil gas drilling energy mining transport construction service services oilfield power "
      "trading logistics engineering chemical steel metals holding investment insurance "
      "telecoms security operating");
  return kTradeWords.contains(exact);
}

// Nouns that pair across "and" inside one company's name: Savings and Loan, Oil and Gas,
// Exploration and Production, Trust and Banking.
bool IsPairedNoun(std::string_view exact) {
  static const std::unordered_set<std::string_view> kPairedNouns = WordSet(
      "savings loan trust banking oil gas exploration production minerals metals mining "
      "telephone telegraph electric power light chemical chemicals research development "
      "engineering construction steel iron coal energy resources finance investment insurance "
      "trading marketing refining shipping");
  return kPairedNouns.contains(exact);
}

// A name joined to the words before "and": one word after it ends a longer name (American
// Telephone and Telegraph Co, N.M. Rothschild and Sons Ltd), and so do more when nouns that
// pair meet at the "and" (Federal Savings and Loan Insurance Corp). Boeing and General
// Electric Co are two companies.
std::optional<Name> WithPartnerBefore(const EntityText& t, std::optional<Name> name) {
  if (!name || name->first < 2) return name;
  const size_t and_word = name->first - 1;
  if (t.tokens[and_word].forms->exact != "and" || !JoinsName(t.Gap(name->first)) ||
      !JoinsName(t.Gap(and_word))) {
    return name;
  }
  if (name->last - name->first > 1 && !(IsPairedNoun(t.tokens[and_word - 1].forms->exact) &&
                                        IsPairedNoun(t.tokens[name->first].forms->exact))) {
    return name;
  }
  const std::optional<Name> partner = RunBefore(t, and_word, kMaxRunWords - 2);
  if (!partner || partner->end != t.tokens[and_word - 1].end) return name;
  return Name{partner->first, name->last, partner->begin, name->end};
}

// Words that name a company only with what stands beside them: Bond Corp Holdings Ltd, Pier 1
// Holdings Inc, News Corp.
bool IsGenericNameWord(std::string_view exact) {
  static const std::unordered_set<std::string_view> kGeneric = WordSet(
      "international holdings industries group petroleum news hospital discount aluminum "
      "aluminium bank securities capital finance financial partners");
  return kGeneric.contains(exact) || IsTradeWord(exact) || IsPairedNoun(exact);
}

// Where the name that token p ends begins, when a generic word after p continues it: after a
// legal form (Bond Corp Holdings), a number (Pier 1 Holdings) or initials (J.P. Industries).
std::optional<size_t> ContinuedNameStart(const EntityText& t, size_t p) {
  const std::string_view gap = t.Gap(p + 1);
  const std::string_view surface = t.Surface(p);
  if (JoinsName(gap) && LegalFormSide(surface) != Side::kNone) {
    if (std::optional<Name> run = RunBefore(t, p, kMaxRunWords - 1)) return run->first;
  }
  if (JoinsName(gap) && surface[0] >= '0' && surface[0] <= '9' && p > 0) {
    if (std::optional<Name> run = RunBefore(t, p, 2)) return run->first;
  }
  if (gap == ". " && t.Capitalised(p) && surface.find('.') != std::string_view::npos) return p;
  return std::nullopt;
}

// A one-word name that is a generic word takes the name it continues (Swiss Bank Corp
// International Ltd), or else keeps its legal form: News Corp, Hospital Corp.
std::optional<Name> WithGenericWordWidened(const EntityText& t, std::optional<Name> name) {
  if (!name || name->last - name->first != 1 ||
      !IsGenericNameWord(t.tokens[name->first].forms->exact)) {
    return name;
  }
  if (name->first > 0) {
    if (std::optional<size_t> start = ContinuedNameStart(t, name->first - 1)) {
      return Name{*start, name->last, t.tokens[*start].begin, name->end};
    }
  }
  const size_t form = name->last;
  if (form == t.tokens.size() || LegalFormSide(t.Surface(form)) == Side::kNone) return name;
  return Name{name->first, form + 1, name->begin, t.tokens[form].end};
}

// Nouns that head an institution's name before "of": Bank of Tokyo Ltd.
bool IsInstitutionNoun(std::string_view exact) {
  return In(exact, {"bank", "trust", "corporation", "company", "society", "association", "council",
                    "board", "bureau", "union", "federation", "institute", "exchange", "commission",
                    "authority", "agency", "fund"});
}

// A name after "of" belongs to the institution before it: Bank of Tokyo Ltd, Commonwealth
// Bank of Australia Ltd.
std::optional<Name> WithInstitutionBefore(const EntityText& t, std::optional<Name> name) {
  if (!name || name->first < 2) return name;
  const size_t of = name->first - 1;
  if (t.tokens[of].forms->exact != "of" || !JoinsName(t.Gap(name->first)) ||
      !JoinsName(t.Gap(of)) || !IsInstitutionNoun(t.tokens[of - 1].forms->exact)) {
    return name;
  }
  const std::optional<Name> run = RunBefore(t, of, kMaxRunWords - 1);  // ends at "of"
  if (!run) return name;
  return Name{run->first, name->last, run->begin, name->end};
}

// The capitalised words before a legal form, widened to the whole name where they are only
// part of it.
std::optional<Name> WidenedName(const EntityText& t, const Gazetteer& g, std::optional<Name> name) {
  name = WithOwnerBefore(t, g, WithPartnerBefore(t, name));
  return WithInstitutionBefore(t, WithGenericWordWidened(t, name));
}

// Token k is a legal form (LLP, ТОО, ЖШС...): the company is the quoted name or the
// capitalised words beside it.
void CompanyByLegalForm(const EntityText& t, const Gazetteer& g, size_t k,
                        std::vector<Entity>* out) {
  const Side side = LegalFormSide(t.Surface(k));
  if (side == Side::kNone) return;
  size_t after = k, before = k;
  if (k + 1 < t.tokens.size() && IsNationalCompany(t.Surface(k + 1))) after = k + 1;
  if (k > 0 && IsNationalCompany(t.Surface(k - 1))) before = k - 1;
  const std::optional<Name> quoted_after = QuotedName(t, QuoteAfter(t.text, t.tokens[after].end));
  const std::optional<Name> quoted_before =
      QuotedName(t, QuoteBefore(t.text, t.tokens[before].begin));
  // The side the form's usage puts the name on first, quoted, then unquoted; a quotation on
  // the other side only when the name's own side has nothing.
  std::optional<Name> name;
  if (side == Side::kAfter) {
    name = quoted_after ? quoted_after : quoted_before;
    if (!name) name = RunAfter(t, after, kMaxRunWords - 1);
  } else {
    name = quoted_before ? quoted_before : WidenedName(t, g, RunBefore(t, before, kMaxRunWords));
    if (!name) name = quoted_after;
    if (!name && side == Side::kEither) name = RunAfter(t, after, kMaxRunWords - 1);
  }
  if (name) AddCompany(t, g, *name, out);
}

// Token k is the English word company: "company X" or "the X (drilling) company".
void CompanyByWordCompany(const EntityText& t, const Gazetteer& g, size_t k,
                          std::vector<Entity>* out) {
  const bool capital = t.Capitalised(k);
  if (!capital) {
    std::optional<Name> name = QuotedName(t, QuoteAfter(t.text, t.tokens[k].end));
    if (!name) name = RunAfter(t, k, kMaxRunWords);
    if (name && !NamesPlace(t, g, *name)) return AddCompany(t, g, *name, out);
  }
  size_t m = k;  // "the Kezbi drilling company": skip the trade words
  while (!capital && m > 0 && k - m < 2 && !t.Capitalised(m - 1) &&
         IsTradeWord(t.tokens[m - 1].forms->exact) && JoinsName(t.Gap(m))) {
    --m;
  }
  std::optional<Name> name = RunBefore(t, m, kMaxRunWords);
  if (!name || name->first == 0 || !JoinsName(t.Gap(name->first))) return;
  if (t.tokens[name->first - 1].forms->exact != "the") return;
  if (IsAdjective(t.tokens[name->last - 1].forms->exact) || NamesPlace(t, g, *name)) return;
  if (capital) *name = NameOf(t, name->first, k + 1);  // the Caspian Drilling Company
  AddCompany(t, g, *name, out);
}

// A name before облысы or компаниясы is in the nominative; a genitive owns the word instead
// (Партияның облыстық филиалы, the party's regional branch; Американың компаниясы).
bool IsKazakhGenitive(std::string_view exact) {
  for (std::string_view ending : {"ның", "нің", "дың", "дің", "тың", "тің"}) {
    if (exact.ends_with(ending)) return true;
  }
  return false;
}

// Token k is a form of Russian компания (name after, quoted or Latin) or Kazakh
// компаниясы (name before), alone or in a compound (авиакомпания, әуекомпаниясы):
// компания «X», компания Chevron, «X» мұнай компаниясы.
void CompanyByKompaniya(const EntityText& t, const Gazetteer& g, size_t k,
                        std::vector<Entity>* out) {
  const WordForms& f = *t.tokens[k].forms;
  if (f.exact.find("компанияс") == std::string::npos) {
    // In Kazakh, "компания «X»" is "the company's «X»" (компания «Трейд-ин» бағдарламасы).
    if (f.lang != Lang::kRussian) return;
    std::optional<Name> name = QuotedName(t, QuoteAfter(t.text, t.tokens[k].end));
    if (!name) {
      name = RunAfter(t, k, kMaxRunWords - 1);
      if (name && !IsLatinWord(t, name->first)) name.reset();
    }
    if (name) AddCompany(t, g, *name, out);
    return;
  }
  // Up to two lower-case words (ұлттық, мұнай) may follow a quoted name.
  for (size_t m = k; m + 2 >= k && m > 0; --m) {
    if (m < k && (t.Capitalised(m) || !JoinsName(t.Gap(m + 1)))) break;
    if (std::optional<Name> name = QuotedName(t, QuoteBefore(t.text, t.tokens[m].begin))) {
      return AddCompany(t, g, *name, out);
    }
  }
  std::optional<Name> name = RunBefore(t, k, kMaxRunWords - 1);
  if (name && !SentenceInitialWord(t, *name) && !NamesPlace(t, g, *name) &&
      !IsKazakhGenitive(t.tokens[name->last - 1].forms->exact)) {
    AddCompany(t, g, *name, out);
  }
}

std::string TitleCase(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// The gazetteer's region when `n` names one (Mangystau province -> Mangystau Region).
std::optional<std::string> KnownRegion(const EntityText& t, const Gazetteer& g, const Name& n) {
  const std::optional<uint32_t> known = g.Resolve(t, n.first, n.last, Kind::kPlace);
  if (known && g.entry(*known).name.ends_with(" Region")) return g.entry(*known).name;
  return std::nullopt;
}

// The words of `run` that name the place whose area word is token k, without the words
// before it that do not (Қазақстанның Маңғыстау облысы): the first tail that the gazetteer
// knows with the area word, setting *known; else the run less its leading place names.
Name TrimPlaceRun(const EntityText& t, const Gazetteer& g, Name run, size_t k,
                  std::optional<uint32_t>* known) {
  for (size_t first = run.first; first < run.last; ++first) {
    *known = g.Resolve(t, first, k + 1, Kind::kPlace);
    if (*known) return NameOf(t, first, run.last);
  }
  while (run.last - run.first > 1 && g.Resolve(t, run.first, run.first + 1, Kind::kPlace)) {
    run = NameOf(t, run.first + 1, run.last);
  }
  return run;
}

void AddPlace(const EntityText& t, const Name& run, size_t k, std::string name,
              std::vector<Entity>* out) {
  const Name whole = NameOf(t, run.first, k + 1);
  out->push_back(Entity{
      .kind = Kind::kPlace, .name = std::move(name), .begin = whole.begin, .end = whole.end});
}

// Token k is an English word for an area (region, oblast, district) after its name.
void PlaceBeforeAreaWord(const EntityText& t, const Gazetteer& g, size_t k,
                         std::vector<Entity>* out) {
  std::optional<Name> found = RunBefore(t, k, kMaxPlaceRunWords);
  if (!found) return;
  std::optional<uint32_t> known;
  const Name run = TrimPlaceRun(t, g, *found, k, &known);
  if (known) return AddPlace(t, run, k, g.entry(*known).name, out);
  if (IsAdjective(t.tokens[run.last - 1].forms->exact)) return;
  const std::string& type = t.tokens[k].forms->exact;
  std::string name = std::string(TextOf(t, run)) + " " + TitleCase(type);
  if (type != "district") name = KnownRegion(t, g, run).value_or(name);
  AddPlace(t, run, k, std::move(name), out);
}

// Token k is a Kazakh word for a place after its name: облысы, ауданы; қаласы, ауылы, кенті
// (a settlement is named without the word: Шалқар қаласы is Шалқар).
void PlaceBeforeKazakhAreaWord(const EntityText& t, const Gazetteer& g, size_t k,
                               std::vector<Entity>* out) {
  std::optional<Name> found = RunBefore(t, k, kMaxPlaceRunWords);
  if (!found) return;
  std::optional<uint32_t> known;
  const Name run = TrimPlaceRun(t, g, *found, k, &known);
  if (known) return AddPlace(t, run, k, g.entry(*known).name, out);
  if (IsKazakhGenitive(t.tokens[run.last - 1].forms->exact)) return;
  const std::string& type = t.tokens[k].forms->exact;
  const std::string name(TextOf(t, run));
  if (type.starts_with("облыс")) {
    return AddPlace(t, run, k, KnownRegion(t, g, run).value_or(name + " облысы"), out);
  }
  if (type.starts_with("аудан")) return AddPlace(t, run, k, name + " ауданы", out);
  // A town, village or settlement called X is the place X: Ақсай кенті is Aksai.
  const std::optional<uint32_t> town = g.Resolve(t, run.first, run.last, Kind::kPlace);
  AddPlace(t, run, k, town ? g.entry(*town).name : name, out);
}

bool IsKazakhAreaWord(std::string_view exact);

// A word for an area that follows the area's name: Mangistau region, Мангистауской области.
bool IsAreaWordAfterName(std::string_view exact) {
  return In(exact, {"region", "oblast", "district", "province", "область", "области", "областью",
                    "район", "района", "районе", "край", "края", "крае"}) ||
         IsKazakhAreaWord(exact);
}

// Token k introduces a settlement's name: в городе X, посёлок X, the city of X.
void PlaceAfterSettlementWord(const EntityText& t, const Gazetteer& g, size_t k,
                              std::vector<Entity>* out) {
  size_t before_name = k;
  if (t.tokens[k].forms->script == Script::kLatin) {
    before_name = k + 1;
    if (before_name >= t.tokens.size() || t.tokens[before_name].forms->exact != "of") return;
  }
  std::optional<Name> run = RunAfter(t, before_name, 2);
  if (!run) return;
  // The word before an area word names the area, not the town: в городе Жанаозен
  // Мангистауской области is Жанаозен.
  if (run->last - run->first > 1 && run->last < t.tokens.size() &&
      IsAreaWordAfterName(t.tokens[run->last].forms->exact)) {
    run = NameOf(t, run->first, run->last - 1);
  }
  out->push_back(MakeEntity(t, g, Kind::kPlace, *run, TextOf(t, *run)));
}

// Only the possessive forms follow a name (Маңғыстау облысы, облысында; облыстық, regional);
// a bare облыста is "in the region", after no name.
bool IsKazakhAreaWord(std::string_view exact) {
  for (std::string_view prefix :
       {"облысы", "облыстық", "ауданы", "аудандық", "қаласы", "қалалық", "ауылы", "кенті"}) {
    if (exact.starts_with(prefix)) return true;
  }
  return false;
}

bool IsSettlementWord(std::string_view exact) {
  return In(exact,
            {"город", "города", "городе", "городу", "городом", "поселок", "поселка", "поселке",
             "поселком", "село", "села", "селе", "селом", "city", "town", "village"});
}

}  // namespace

void FindCompaniesByRule(const EntityText& t, const Gazetteer& gazetteer,
                         std::vector<Entity>* out) {
  for (size_t k = 0; k < t.tokens.size(); ++k) {
    const std::string& exact = t.tokens[k].forms->exact;
    if (exact == "company") {
      CompanyByWordCompany(t, gazetteer, k, out);
    } else if (exact.find("компани") != std::string::npos && !t.Capitalised(k)) {
      CompanyByKompaniya(t, gazetteer, k, out);
    } else {
      CompanyByLegalForm(t, gazetteer, k, out);
    }
  }
}

void FindPlacesByRule(const EntityText& t, const Gazetteer& gazetteer, std::vector<Entity>* out) {
  for (size_t k = 0; k < t.tokens.size(); ++k) {
    const std::string& exact = t.tokens[k].forms->exact;
    if (In(exact, {"region", "oblast", "district", "province"})) {
      PlaceBeforeAreaWord(t, gazetteer, k, out);
    } else if (t.Capitalised(k)) {
      continue;
    } else if (IsKazakhAreaWord(exact)) {
      PlaceBeforeKazakhAreaWord(t, gazetteer, k, out);
    } else if (IsSettlementWord(exact)) {
      PlaceAfterSettlementWord(t, gazetteer, k, out);
    }
  }
}

}  // namespace steppe
