// SPDX-License-Identifier: Apache-2.0
#include "search/query_builder.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include "analyse/fold.h"
#include "analyse/spelling_key.h"
#include "index/prefixes.h"
#include "steppe/article.h"

namespace steppe {
namespace {

// Shorter keys are never searched: see WordQuery.
constexpr size_t kMinQueryKey = 3;
// A prefix expands to at most this many words, the most frequent.
constexpr Xapian::termcount kMaxPrefixExpansions = 200;
// A name's key expands to at most this many spellings, the most frequent.
constexpr size_t kMaxSpellings = 100;

Xapian::Query Scaled(Xapian::Query q, double factor) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor);
}

std::string DayValue(int yyyymmdd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08d", yyyymmdd);
  return buf;
}

// The last day of the period `d` names, as YYYYMMDD; a value compare needs no real date.
int LastDay(const Date& d) {
  if (d.day > 0) return d.FirstDay();
  if (d.month > 0) return d.year * 10000 + d.month * 100 + 31;
  return d.year * 10000 + 1231;
}

// Whether the entity found in `name` is the whole of it, give or take the odd character
// (quotes, a full stop), as DocumentBuilder::AddEntities decides for front matter.
bool WholeName(const Entity& e, std::string_view name) {
  return e.end - e.begin + 2 >= name.size();
}

// `name` as typed, in Title Case and in CAPITALS: a filter value is a name however it is
// written, but the gazetteer takes a lower-case word for a common one, and an acronym alias
// (KMG) matches only in capitals.
std::vector<std::string> CaseForms(const std::string& name) {
  std::vector<std::string> forms = {name};
  for (bool title : {true, false}) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
    if (title) {
      text.toTitle(nullptr, icu::Locale::getRoot());
    } else {
      text.toUpper(icu::Locale::getRoot());
    }
    std::string form;
    text.toUTF8String(form);
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(form);
  }
  return forms;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database* db, Analyser* analyser,
                           std::filesystem::path gazetteer_file)
    : db_(db), analyser_(analyser), gazetteer_file_(std::move(gazetteer_file)) {}

QueryBuilder::~QueryBuilder() = default;

Status QueryBuilder::EntityQuery(Entity::Kind kind, const std::string& name, Xapian::Query* out) {
  if (entities_ == nullptr) {
    if (Status s = EntityExtractor::Create(gazetteer_file_, analyser_, &entities_); !s.ok()) {
      return s;
    }
  }
  const char* prefix = kind == Entity::Kind::kCompany ? prefix::kCompany : prefix::kPlace;
  std::set<std::string> keys = {analyser_->NameKey(name)};
  for (const std::string& form : CaseForms(name)) {
    bool known = false;
    for (const Entity& e : entities_->Extract(form, analyser_)) {
      if (e.kind != kind || !WholeName(e, form)) continue;
      keys.insert(analyser_->NameKey(e.name));
      known = true;
    }
    if (known) break;
  }
  std::vector<Xapian::Query> terms;
  for (const std::string& key : keys) {
    if (!key.empty()) terms.emplace_back(prefix + key);
  }
  *out = Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Status::OK();
}

Status NormaliseLangCode(std::string_view code, std::string* out) {
  std::string folded(code);
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (folded == "kz") folded = "kk";
  std::string known;
  for (const char* lang : kLangCodes) {
    if (folded == lang) {
      *out = folded;
      return Status::OK();
    }
    known += (known.empty() ? "" : ", ") + std::string(lang);
  }
  return Status::InvalidArgument("unknown language '" + std::string(code) + "'; the index knows " +
                                 known + " (English, Russian, Kazakh)");
}

Status QueryBuilder::Build(const QueryNode& node, bool exact, Xapian::Query* out, bool* positive) {
  *positive = false;
  return BuildNode(node, exact, out, positive);
}

Status QueryBuilder::BuildNode(const QueryNode& node, bool exact, Xapian::Query* out,
                               bool* positive) {
  switch (node.kind) {
    case QueryNode::Kind::kWord:
      if (node.text.size() > 1 && node.text.back() == '*') {
        *out = PrefixQuery(node.text.substr(0, node.text.size() - 1));
        *positive = *positive || !out->empty();
        return Status::OK();
      }
      [[fallthrough]];
    case QueryNode::Kind::kPhrase:
      *out = TextQuery(node.text, exact, node.kind == QueryNode::Kind::kPhrase);
      *positive = *positive || !out->empty();
      return Status::OK();
    case QueryNode::Kind::kField:
      return FieldQuery(node, out, positive);
    case QueryNode::Kind::kNot: {
      Xapian::Query child;
      bool ignored = false;
      if (Status s = BuildNode(node.children[0], exact, &child, &ignored); !s.ok()) return s;
      *out = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, child);
      return Status::OK();
    }
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr:
      break;
  }
  // AND keeps NOT children apart so that "a -b" becomes a AND_NOT b, not a AND (all - b).
  std::vector<Xapian::Query> parts, negated;
  for (const QueryNode& child : node.children) {
    Xapian::Query q;
    const bool is_not = node.kind == QueryNode::Kind::kAnd && child.kind == QueryNode::Kind::kNot;
    if (is_not) {
      bool ignored = false;
      if (Status s = BuildNode(child.children[0], exact, &q, &ignored); !s.ok()) return s;
      negated.push_back(q);
      continue;
    }
    if (Status s = BuildNode(child, exact, &q, positive); !s.ok()) return s;
    if (!q.empty()) parts.push_back(q);
  }
  const auto op = node.kind == QueryNode::Kind::kOr ? Xapian::Query::OP_OR : Xapian::Query::OP_AND;
  Xapian::Query result =
      parts.empty() ? Xapian::Query() : Xapian::Query(op, parts.begin(), parts.end());
  if (!negated.empty()) {
    if (result.empty()) result = Xapian::Query::MatchAll;
    result = Xapian::Query(Xapian::Query::OP_AND_NOT, result,
                           Xapian::Query(Xapian::Query::OP_OR, negated.begin(), negated.end()));
  }
  *out = result;
  return Status::OK();
}

Status QueryBuilder::FieldQuery(const QueryNode& node, Xapian::Query* out, bool* positive) {
  const std::string& f = node.field;
  if (f == "date") {
    return DateRangeQuery(node.text, out);
  }
  if (f == "mentions") {
    Date date;
    if (Status s = Date::Parse(node.text, &date); !s.ok()) return Status::InvalidQuery(s.message());
    const std::string day = DayValue(date.FirstDay());
    *out = Xapian::Query(prefix::kMention + day.substr(0, date.day ? 8 : date.month ? 6 : 4));
    return Status::OK();
  }
  if (f == "exact") {
    *out = TextQuery(node.text, true, node.quoted);
    *positive = *positive || !out->empty();
    return Status::OK();
  }
  if (f == "title") {
    std::vector<Token> tokens;
    analyser_->Analyse(node.text, GuessLanguage(node.text), &tokens);
    std::vector<Xapian::Query> terms;
    for (const Token& t : tokens) terms.emplace_back(prefix::kTitle + t.forms->exact);
    *out = Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    *positive = *positive || !out->empty();
    return Status::OK();
  }
  if (f == "lang") {
    std::string code;
    if (Status s = NormaliseLangCode(node.text, &code); !s.ok()) {
      return Status::InvalidQuery("lang:" + node.text + ": " + s.message());
    }
    *out = Xapian::Query(prefix::kLang + code);
    return Status::OK();
  }
  if (f == "company") return EntityQuery(Entity::Kind::kCompany, node.text, out);
  if (f == "place") return EntityQuery(Entity::Kind::kPlace, node.text, out);
  *out = Xapian::Query(prefix::kSource + analyser_->NameKey(node.text));
  return Status::OK();
}

Xapian::Query QueryBuilder::TextQuery(const std::string& text, bool exact, bool phrase) {
  std::vector<Token> tokens;
  analyser_->Analyse(text, GuessLanguage(text), &tokens);
  std::vector<Xapian::Query> parts;
  if (phrase && tokens.size() > 1) {
    std::vector<Xapian::Query> words, as_written;
    bool variants = false;
    for (const Token& t : tokens) {
      const std::set<std::string> spellings = PhraseSpellings(t, exact);
      variants = variants || spellings.size() > 1;
      words.emplace_back(Xapian::Query::OP_OR, spellings.begin(), spellings.end());
      as_written.emplace_back(t.forms->exact);
    }
    const Xapian::Query any(Xapian::Query::OP_PHRASE, words.begin(), words.end());
    if (!variants) return any;
    // Any spelling matches; the phrase as written scores again, so it ranks first.
    return Xapian::Query(
        Xapian::Query::OP_AND_MAYBE, any,
        Xapian::Query(Xapian::Query::OP_PHRASE, as_written.begin(), as_written.end()));
  }
  for (const Token& t : tokens) parts.push_back(WordQuery(t, exact));
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

// word*: every indexed word starting with the folded prefix, through Xapian's OP_WILDCARD.
// Exact terms are lower case and prefixed terms start upper case, so only words expand.
Xapian::Query QueryBuilder::PrefixQuery(const std::string& prefix) {
  const std::string folded = FoldWord(prefix);
  if (folded.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_WILDCARD, folded, kMaxPrefixExpansions,
                       Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
}

std::set<std::string> QueryBuilder::PhraseSpellings(const Token& token, bool exact) {
  const WordForms& f = *token.forms;
  std::set<std::string> spellings = {f.exact};
  if (exact || f.keys.empty() || !VariantsFor(f) || OrdinaryQueryWord(f)) return spellings;
  // Inside a phrase only terms with positions can take part: the exact words, here every
  // spelling the index holds under the name's keys.
  for (const std::string& term : NameTerms(f, f.keys)) {
    spellings.insert(term.substr(term.find(':') + 1));
  }
  return spellings;
}

std::vector<std::string> QueryBuilder::NameTerms(const WordForms& f,
                                                 const std::vector<std::string>& keys) {
  std::set<std::pair<Xapian::doccount, std::string>> found;
  for (const std::string& key : keys) {
    // A key of one or two letters is shared by too many short words to mean a name.
    if (key.size() < kMinQueryKey) continue;
    const std::string scan = prefix::NameTerm(key, "");
    for (auto it = db_->allterms_begin(scan); it != db_->allterms_end(scan); ++it) {
      const std::string term = *it;
      if (IsSpellingOf(f, term.substr(scan.size()), key)) found.emplace(it.get_termfreq(), term);
    }
  }
  // Keys hold no ':', so no term is found under two keys.
  std::vector<std::string> terms;
  for (auto it = found.rbegin(); it != found.rend() && terms.size() < kMaxSpellings; ++it) {
    terms.push_back(it->second);
  }
  return terms;
}

// Analysed as the index analysed it (костина, a Russian surname, is Kostin, not Kostanay).
// Two Latin spellings must also end alike.
bool QueryBuilder::IsSpellingOf(const WordForms& f, const std::string& exact,
                                const std::string& key) {
  if (exact == f.exact) return true;
  return OneNameSpellings(f, analyser_->AnalyseIndexedName(exact, key));
}

// Every word with this stem: the inflected ones by their Z term, and the word that is its
// own stem by its exact term (it gets no Z term: DocumentBuilder::IndexTokens).
Xapian::Query QueryBuilder::StemQuery(const std::string& stem) {
  return Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query(prefix::kStem + stem),
                       Xapian::Query(stem));
}

bool QueryBuilder::MostlyName(const WordForms& f) {
  const Xapian::doccount as_name = db_->get_termfreq(prefix::NameTerm(f.keys.front(), f.exact));
  return as_name > 0 && 2 * as_name >= db_->get_termfreq(f.exact);
}

// Not for a known common word: "oil" is a name only inside West Oil Software, and its key
// would match every "Ал" and "Ол".
bool QueryBuilder::VariantsFor(const WordForms& f) {
  return f.capitalised || MostlyName(f) || !db_->term_exists(f.exact);
}

bool QueryBuilder::OrdinaryQueryWord(const WordForms& f) {
  if (db_->term_exists(prefix::NameTerm(f.keys.front(), f.exact))) return false;
  return OrdinaryWordHere(f, false);
}

Xapian::Query QueryBuilder::WordQuery(const Token& token, bool exact) {
  const WordForms& f = *token.forms;
  if (f.keys.empty()) return Xapian::Query(f.exact);  // numbers, other scripts
  const std::string name_term = prefix::NameTerm(f.keys.front(), f.exact);
  std::vector<Xapian::Query> parts;
  // A capitalised name matches only its uses as a name, not "oral arguments"; a capitalised
  // common word (Workers) still finds "workers".
  if (f.capitalised && MostlyName(f)) {
    parts.emplace_back(name_term);
  } else {
    parts.emplace_back(f.exact);
    if (!f.stem.empty()) parts.push_back(Scaled(StemQuery(f.stem), weights_.stem));
  }
  const bool variants = !exact && VariantsFor(f);
  if (variants) {
    parts.push_back(Scaled(TranslitQuery(f), weights_.translit));
  }
  // An ordinary word (Act, Being) gets no spelling keys: they would make it a name.
  if (variants && !OrdinaryQueryWord(f)) {
    // Every spelling under the name's keys counts as one term, as one key would.
    const std::vector<std::string> spellings = NameTerms(f, f.keys);
    if (!spellings.empty()) {
      parts.push_back(
          Scaled(Xapian::Query(Xapian::Query::OP_SYNONYM, spellings.begin(), spellings.end()),
                 weights_.key));
    }
    // Fuzzy keys are for what remains: a misspelling whose keys the index has never seen.
    // Were they tried for every name, a consonant away would merge real, different names
    // (Қарағанды and Қорытынды).
    const bool key_known = std::any_of(f.keys.begin(), f.keys.end(), [&](const std::string& k) {
      const std::string scan = prefix::NameTerm(k, "");
      return db_->allterms_begin(scan) != db_->allterms_end(scan);
    });
    if (!key_known) {
      Xapian::Query fuzzy = FuzzyKeys(f);
      if (!fuzzy.empty()) parts.push_back(Scaled(fuzzy, weights_.fuzzy));
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// Names whose Latin form is the word's: written in another script, by their XT term, or in
// Latin letters as that form, by its name term (such a name gets no XT term).
Xapian::Query QueryBuilder::TranslitQuery(const WordForms& f) {
  if (f.translit.empty()) return Xapian::Query();
  const Xapian::Query other_script(prefix::kTranslit + f.translit);
  const WordForms& latin = analyser_->AnalyseWord(f.translit, Lang::kEnglish, WordKind::kWord);
  if (latin.keys.empty()) return other_script;
  return Xapian::Query(Xapian::Query::OP_SYNONYM, other_script,
                       Xapian::Query(prefix::NameTerm(latin.keys.front(), f.translit)));
}

// The keys near `key` that the index holds, by their name terms (key:exact), each key
// with all its spellings.
Xapian::Query QueryBuilder::FuzzyKeys(const WordForms& f) {
  const std::string& key = f.keys.front();
  const size_t edits = FuzzyEditsFor(key.size());
  if (edits == 0) return Xapian::Query();
  // Misspellings keep a name's first and last letters: scanning only the keys that share
  // the first bounds the cost, and requiring the last keeps Tengiz from tenge.
  std::map<std::string, Xapian::doccount> near;  // key -> articles naming it
  for (const NameLexicon::Entry& entry : lexicon_.Scan(*db_, key.front())) {
    const size_t colon = entry.term.find(':');
    if (colon == std::string::npos || colon == 0) continue;
    const std::string_view candidate = std::string_view(entry.term).substr(0, colon);
    if (candidate == key || candidate.back() != key.back()) continue;
    if (EditDistance(candidate, key, edits) <= edits)
      near[std::string(candidate)] += entry.frequency;
  }
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (const auto& [candidate, freq] : near) found.emplace_back(freq, candidate);
  std::sort(found.rbegin(), found.rend());
  if (found.size() > weights_.max_fuzzy_expansions) found.resize(weights_.max_fuzzy_expansions);
  std::vector<Xapian::Query> keys;
  for (const auto& [freq, candidate] : found) {
    const std::vector<std::string> spellings = NameTerms(f, {candidate});
    if (spellings.empty()) continue;
    keys.emplace_back(Xapian::Query::OP_SYNONYM, spellings.begin(), spellings.end());
  }
  return Xapian::Query(Xapian::Query::OP_OR, keys.begin(), keys.end());
}

Status DateRangeQuery(std::string_view range, Xapian::Query* out) {
  const size_t dots = range.find("..");
  const std::string_view from = dots == std::string_view::npos ? range : range.substr(0, dots);
  const std::string_view to = dots == std::string_view::npos ? range : range.substr(dots + 2);
  Date start, end;
  if (!from.empty()) {
    if (Status s = Date::Parse(from, &start); !s.ok()) return Status::InvalidQuery(s.message());
  }
  if (!to.empty()) {
    if (Status s = Date::Parse(to, &end); !s.ok()) return Status::InvalidQuery(s.message());
  }
  if (from.empty() && to.empty()) {
    return Status::InvalidQuery("date range '" + std::string(range) +
                                "' has no ends; write e.g. date:2023-12..2024-02");
  }
  if (to.empty()) {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::kDate, DayValue(start.FirstDay()));
  } else if (from.empty()) {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::kDate, DayValue(LastDay(end)));
  } else {
    *out = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::kDate, DayValue(start.FirstDay()),
                         DayValue(LastDay(end)));
  }
  return Status::OK();
}

}  // namespace steppe
