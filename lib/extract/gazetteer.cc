// SPDX-License-Identifier: Apache-2.0
#include "extract/gazetteer.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <compare>

#include "analyse/spelling_key.h"
#include "util/utf8.h"

namespace steppe {
namespace {

// How well one token matches one alias word.
constexpr int kNoMatch = 0;
constexpr int kKeyMatch = 1;    // the same spelling key: another scheme, or a typo
constexpr int kLatinMatch = 2;  // the same Latin form: another script, or an inflection
constexpr int kExactMatch = 3;  // the same word, case aside

// A key-only match of a one-word alias needs a key this long: short keys collide (Aktau's
// "akt"; Uzen and Asian share "asan"); at a sentence start, where common words are
// capitalised too, longer still.
constexpr size_t kMinKeyLength = 5;
constexpr size_t kMinKeyLengthAtSentenceStart = 6;
constexpr size_t kMaxAliasWords = 5;

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = s.find(sep, start);
    parts.push_back(Trim(s.substr(start, end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

Status BadLine(const std::string& where, std::string_view why) {
  return Status::InvalidArgument("gazetteer: " + where + ": " + std::string(why) +
                                 "; write kind<TAB>canonical name<TAB>alias | alias | ..., "
                                 "kind place or company (see docs/gazetteer.md)");
}

bool HasKey(const WordForms& f, const std::string& key) {
  return !key.empty() && std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end();
}

// One of `a` and `b` is the other plus something (Kazakhstan, Kazakhstani; Almaty, Almat).
bool ExtendsOther(std::string_view a, std::string_view b) {
  return a.size() != b.size() && (a.starts_with(b) || b.starts_with(a));
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (size_t pos = 0; pos < s.size(); ++n) NextCodePoint(s, &pos);
  return n;
}

// Whether inflected word `word` can be a form of `name`: they differ at most in the name's
// last two letters (Астана, Астане; Мангистауская, Мангистауской; Ош, Оше), and share four.
bool SharesStem(std::string_view word, std::string_view name) {
  size_t common = 0, a = 0, b = 0;
  while (a < word.size() && b < name.size() && NextCodePoint(word, &a) == NextCodePoint(name, &b)) {
    ++common;
  }
  const size_t length = CodePoints(name);
  return common + 2 >= length && common >= std::min<size_t>(4, length);
}

}  // namespace

bool JoinsName(std::string_view gap) {
  int line_breaks = 0;
  bool space = false, dash = false;
  for (size_t pos = 0; pos < gap.size();) {
    const char32_t c = NextCodePoint(gap, &pos);
    if (c == '\n' && ++line_breaks > 1) return false;
    const bool is_space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
    const bool is_dash = c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013;
    if (!is_space && !is_dash && c != '/' && c != '&') return false;
    space |= is_space;
    dash |= is_dash;
  }
  // A dash between spaces is punctuation: NEW YORK - Rohr Industries Inc said.
  return gap.size() <= 8 && !(space && dash);
}

size_t PossessiveLength(std::string_view surface) {
  for (std::string_view ending : {"'s", "\u2019s"}) {
    if (surface.size() > ending.size() && surface.ends_with(ending)) return ending.size();
  }
  if (surface.ends_with("s'")) return 1;
  if (surface.ends_with("s\u2019")) return 3;
  return 0;
}

Status Gazetteer::Load(std::string_view tsv, const std::string& file, Analyser* analyser,
                       const LatinTransliterator& translit) {
  size_t line_number = 0;
  for (size_t start = 0; start < tsv.size();) {
    size_t end = tsv.find('\n', start);
    if (end == std::string_view::npos) end = tsv.size();
    ++line_number;
    const std::string_view line = tsv.substr(start, end - start);
    start = end + 1;
    if (Trim(line).empty() || Trim(line).front() == '#') continue;
    Status s = AddLine(line, file + ":" + std::to_string(line_number), analyser, translit);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status Gazetteer::AddLine(std::string_view line, const std::string& where, Analyser* analyser,
                          const LatinTransliterator& translit) {
  const std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() < 2 || fields.size() > 3) {
    return BadLine(where,
                   "expected 2 or 3 tab-separated fields, found " + std::to_string(fields.size()));
  }
  Entity::Kind kind;
  if (fields[0] == "place") {
    kind = Entity::Kind::kPlace;
  } else if (fields[0] == "company") {
    kind = Entity::Kind::kCompany;
  } else {
    return BadLine(where, "unknown kind '" + std::string(fields[0]) + "'");
  }
  const std::string_view name = fields[1];
  if (name.empty()) return BadLine(where, "empty canonical name");
  if (name.front() == '=') return BadLine(where, "'=' marks aliases, not the canonical name");
  std::vector<std::string_view> aliases;
  if (fields.size() == 3) aliases = Split(fields[2], '|');
  // The canonical name is an alias too, unless the line marks it as a common word (=Shell).
  const std::string strict_name = "=" + std::string(name);
  if (std::find(aliases.begin(), aliases.end(), strict_name) == aliases.end()) {
    aliases.push_back(name);
  }
  const uint32_t entry = EntryFor(kind, name);
  for (std::string_view alias : aliases) {
    if (alias.empty() || alias == "=") return BadLine(where, "empty alias");
    if (!AddAlias(entry, alias, analyser, translit)) {
      return BadLine(where, "alias '" + std::string(alias) + "' has no words or more than " +
                                std::to_string(kMaxAliasWords) + " words");
    }
  }
  return Status::OK();
}

uint32_t Gazetteer::EntryFor(Entity::Kind kind, std::string_view name) {
  std::string id(1, kind == Entity::Kind::kPlace ? 'P' : 'C');
  id.append(name);
  const auto [it, added] = entry_by_name_.try_emplace(id, entries_.size());
  if (added) entries_.push_back(Entry{kind, std::string(name), {}});
  return it->second;
}

bool Gazetteer::AddAlias(uint32_t entry, std::string_view alias, Analyser* analyser,
                         const LatinTransliterator& translit) {
  Alias a{.words = {}, .entry = entry, .acronym = false, .strict = alias.front() == '='};
  if (a.strict) alias.remove_prefix(1);
  std::vector<Token> tokens;
  analyser->Analyse(alias, GuessLanguage(alias), &tokens);
  if (tokens.empty() || tokens.size() > kMaxAliasWords) return false;
  for (const Token& token : tokens) {
    const WordForms& f = *token.forms;
    // keys.front() is the key of the exact form, as in Analyser::NameKey.
    a.words.push_back({.exact = f.exact,
                       .latin = translit.ToLatin(f.exact),
                       .stem = f.stem,
                       .stem_latin = f.translit,
                       .key = f.keys.empty() ? "" : f.keys.front(),
                       .script = f.script});
  }
  a.acronym = tokens.size() == 1 && IsAllCaps(alias);
  if (tokens.size() == 1) entries_[entry].single_latins.push_back(a.words[0].latin);
  if (a.strict && tokens.size() == 1) strict_words_.insert(a.words[0].exact);
  const uint32_t id = static_cast<uint32_t>(aliases_.size());
  if (!a.words[0].key.empty()) by_first_word_[a.words[0].key].push_back(id);
  by_first_word_["=" + a.words[0].exact].push_back(id);
  aliases_.push_back(std::move(a));
  return true;
}

std::optional<Gazetteer::Match> Gazetteer::MatchAt(const EntityText& t, size_t i) const {
  return Best(t, i, 0, nullptr);
}

std::optional<uint32_t> Gazetteer::Resolve(const EntityText& t, size_t begin, size_t end,
                                           Entity::Kind kind) const {
  if (end <= begin) return std::nullopt;
  const std::optional<Match> m = Best(t, begin, end - begin, &kind);
  if (!m) return std::nullopt;
  return m->entry;
}

// The best alias starting at token i: the longest, then the closest match. `want_words`,
// when not 0, asks for aliases of exactly that length; `kind`, when given, for that kind.
// Two entries that match equally well only through spelling keys are a guess: no match.
std::optional<Gazetteer::Match> Gazetteer::Best(const EntityText& t, size_t i, size_t want_words,
                                                const Entity::Kind* kind) const {
  const WordForms& f = *t.tokens[i].forms;
  if (!f.capitalised) return std::nullopt;
  std::vector<uint32_t> candidates;
  auto collect = [&](const std::string& first) {
    const auto it = by_first_word_.find(first);
    if (it != by_first_word_.end()) {
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
  };
  for (const std::string& key : f.keys) collect(key);
  collect("=" + f.exact);
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::optional<Match> best;
  Score best_score;
  bool tied = false;
  for (uint32_t id : candidates) {
    const Alias& alias = aliases_[id];
    if (want_words != 0 && alias.words.size() != want_words) continue;
    if (kind != nullptr && entries_[alias.entry].kind != *kind) continue;
    const std::optional<Score> score = ScoreAlias(t, i, alias);
    if (!score) continue;
    if (!best || best_score < *score) {
      best = Match{alias.entry, alias.words.size()};
      best_score = *score;
      tied = false;
    } else if (best_score == *score && best->entry != alias.entry) {
      tied = true;
    }
  }
  if (best && tied && best_score.min_level == kKeyMatch) return std::nullopt;
  return best;
}

std::optional<Gazetteer::Score> Gazetteer::ScoreAlias(const EntityText& t, size_t i,
                                                      const Alias& alias) const {
  const size_t n = alias.words.size();
  if (i + n > t.tokens.size()) return std::nullopt;
  Score score{.words = n, .min_level = kExactMatch, .sum_level = 0};
  for (size_t w = 0; w < n; ++w) {
    if (w > 0 && !JoinsName(t.Gap(i + w))) return std::nullopt;
    const int level = Level(*t.tokens[i + w].forms, alias.words[w], w == 0);
    if (level == kNoMatch) return std::nullopt;
    score.min_level = std::min(score.min_level, level);
    score.sum_level += level;
  }
  const Token& first = t.tokens[i];
  if (alias.acronym && !(score.min_level == kExactMatch && IsAllCaps(t.Surface(i)))) {
    return std::nullopt;
  }
  // A word some alias marks as common (=Oral) stays common when another one-word alias
  // (Орал) would match it through its Latin form.
  const bool strict = alias.strict || (n == 1 && strict_words_.contains(first.forms->exact));
  if (strict && (score.min_level < kLatinMatch || first.sentence_start)) {
    return std::nullopt;
  }
  // An ordinary word in capitals, or an English one at a sentence start, names nothing by
  // itself: "TOTAL CAPITAL ACQUIRES", "Total income rose" (IsOrdinaryWord). Kazakh place
  // names are often words too (Ақтау, "to whiten"): they keep the rule below.
  if (n == 1 && !alias.acronym && IsOrdinaryWord(*first.forms) &&
      (first.forms->all_caps || (first.sentence_start && first.forms->script == Script::kLatin))) {
    return std::nullopt;
  }
  // A capitalised first word of a sentence that the text also writes in lower case is a
  // common word there (Aksu, ақсу).
  if (n == 1 && first.sentence_start && t.lower_words.contains(first.forms->exact)) {
    return std::nullopt;
  }
  if (n == 1 && score.min_level == kKeyMatch) {
    const size_t min_key = first.sentence_start ? kMinKeyLengthAtSentenceStart : kMinKeyLength;
    if (alias.words[0].key.size() < min_key) return std::nullopt;
    // Nor can a key alone make a name of a word the text writes in lower case elsewhere: a
    // Title Case headline's Tennis is not Tengiz.
    if (t.lower_words.contains(first.forms->exact)) return std::nullopt;
    // Nor can it of an ordinary word (Tennis is not Tengiz, Act not Актау).
    if (OrdinaryWordHere(*first.forms, first.sentence_start)) return std::nullopt;
    if (DerivedWord(*first.forms, entries_[alias.entry])) return std::nullopt;
  }
  return score;
}

// How well token `f` matches alias word `word`. Two Cyrillic words meet through their Latin
// forms or stems (Мангистауской, Мангистауская) only when they differ in the last letters
// alone: the Latin form would make Дәния (a name) Дания (Denmark), and a Russian name stem
// Алмат (a name) Алматы. Spellings that only the key joins are a Latin-script affair
// (transliteration schemes); Cyrillic spelling is fixed, and there a key match of the name
// itself is mostly another word (Арман, Армения; Құрмет, Қармет). So a Cyrillic word meets
// its alias by key only after the name (Мангистауской области). And a key match must be a
// similar spelling (Baker shares Bukhara's key, Houston Kostanay's), and a Latin word must end
// like the alias (Frank is not France, Germain not Германия).
int Gazetteer::Level(const WordForms& f, const AliasWord& word, bool first_word) {
  if (f.exact == word.exact) return kExactMatch;
  const bool cyrillic = f.script == Script::kCyrillic;
  const bool same_stem =
      !cyrillic || word.script != Script::kCyrillic || SharesStem(f.exact, word.exact);
  if (!f.translit.empty() && same_stem) {
    if (f.translit == word.latin) return kLatinMatch;
    if (cyrillic && (f.translit == word.stem_latin || f.stem == word.stem)) return kLatinMatch;
  }
  // A Latin word is not stemmed, and word.latin is the whole alias: their endings compare.
  const bool latin = f.script == Script::kLatin;
  if (HasKey(f, word.key) && !(cyrillic && first_word) &&
      (SimilarSpellings(f.translit, word.latin) || SimilarSpellings(f.latin, word.latin)) &&
      (!latin || EndAlike(f.translit, word.latin))) {
    return kKeyMatch;
  }
  return kNoMatch;
}

// An English word that is one of the entry's names plus an ending is another word
// (Kazakhstani, Iranian), not another spelling: English names do not inflect. Kazakh and
// Russian ones do, and their stems can come out shorter than the name (Караганде), so this
// holds for English only.
bool Gazetteer::DerivedWord(const WordForms& f, const Entry& entry) const {
  if (f.lang != Lang::kEnglish || f.script != Script::kLatin) return false;
  for (const std::string& latin : entry.single_latins) {
    if (ExtendsOther(f.translit, latin)) return true;
  }
  return false;
}

}  // namespace steppe
