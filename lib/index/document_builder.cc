// SPDX-License-Identifier: Apache-2.0
#include "index/document_builder.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "extract/dates.h"
#include "index/near_duplicates.h"
#include "index/prefixes.h"
#include "index/stored_article.h"

namespace steppe {
namespace {

// Bodies shorter than this get no SimHash, and are never grouped as near-duplicates.
constexpr size_t kMinWordsForSimHash = 20;
// Title words count as this many body words, so a title match ranks higher.
constexpr Xapian::termcount kTitleWdf = 3;
// A gap in positions between title and body, so no phrase spans the two.
constexpr Xapian::termpos kTitleGap = 100;

void AddTerm(const std::string& term, Xapian::termcount wdf, Xapian::Document* doc) {
  if (term.size() <= kMaxTermBytes) doc->add_term(term, wdf);
}

std::string FoldAscii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

Xapian::Document DocumentBuilder::Build(const Article& article) {
  Xapian::Document doc;
  analyser_->BeginText();
  const Lang lang = article.lang.empty() ? GuessLanguage(article.title + "\n" + article.body)
                                         : LangFromCode(article.lang);
  title_tokens_.clear();
  body_tokens_.clear();
  analyser_->Analyse(article.title, lang, &title_tokens_);
  analyser_->Analyse(article.body, lang, &body_tokens_);
  // Entities first: a word the gazetteer knows as a name here is one even when it is also
  // an ordinary word (Oral the city).
  Article stored = article;
  stored.lang = LangCode(lang);
  // Metadata first; else the dateline the article opens with; else undated.
  if (!stored.date) {
    stored.date = FindDateline(stored.body);
    stored.date_source = stored.date ? "dateline" : "";
  } else if (stored.date_source.empty()) {
    stored.date_source = "metadata";
  }
  AddEntities(&stored);
  FindNames();
  word_counts_.clear();
  word_index_.clear();
  IndexTokens(title_tokens_, kTitleWdf, true, &doc);
  IndexTokens(body_tokens_, 1, false, &doc);
  IndexWordTerms(&doc);
  // Too short a text has too few shingles to tell copies from unrelated notes.
  if (body_tokens_.size() >= kMinWordsForSimHash) {
    char hash[20];
    std::snprintf(hash, sizeof hash, "%016llx",
                  static_cast<unsigned long long>(SimHash(body_tokens_)));
    doc.add_value(slot::kSimHash, hash);
  }
  IndexMentions(stored.body, &doc);
  IndexMetadata(stored, &doc);
  doc.set_data(SerialiseArticle(stored));
  return doc;
}

// A capitalised word mid-sentence is a name, and so is an all-capitals one (WOS, KMG). At a
// sentence start it is one unless the article also writes it in lower case ("Oral arguments"
// beside "oral"); in a title-case title, only if the body uses it as a name. An ordinary word
// of the language (OrdinaryWordHere: the Act, Being, TOTAL) is not, unless it is part of a
// company or place the article names.
void DocumentBuilder::FindNames() {
  names_.clear();
  std::unordered_set<std::string_view> lower_case;  // views of the cached forms, as names_
  for (const Token& t : body_tokens_) {
    const WordForms& f = *t.forms;
    if (!f.capitalised) lower_case.insert(f.exact);
  }
  for (const Token& t : body_tokens_) {
    const WordForms& f = *t.forms;
    if (OrdinaryWordHere(f, t.sentence_start) && !entity_words_.count(f.exact)) continue;
    if (f.all_caps || (f.capitalised && (!t.sentence_start || !lower_case.count(f.exact)))) {
      names_.insert(f.exact);
    }
  }
}

// Each word's exact term, with its positions; the other terms of a word wait for
// IndexWordTerms, which adds them once per distinct word with the wdf summed here.
void DocumentBuilder::IndexTokens(const std::vector<Token>& tokens, Xapian::termcount wdf,
                                  bool title, Xapian::Document* doc) {
  const Xapian::termpos offset = title ? 0 : kTitleGap;
  for (const Token& t : tokens) {
    const WordForms& f = *t.forms;
    if (f.exact.empty() || f.exact.size() > kMaxTermBytes) continue;
    doc->add_posting(f.exact, t.position + offset, wdf);
    auto [it, added] = word_index_.try_emplace(t.forms, word_counts_.size());
    if (added) word_counts_.push_back({t.forms, 0, 0});
    WordCount& count = word_counts_[it->second];
    count.wdf += wdf;
    if (title) count.title_wdf += wdf;
  }
}

// Adding a word's stem, name and transliteration terms once, not once per occurrence, saves
// a Xapian term-map insertion and a term string for most tokens.
void DocumentBuilder::IndexWordTerms(Xapian::Document* doc) {
  for (const WordCount& count : word_counts_) {
    const WordForms& f = *count.forms;
    if (count.title_wdf > 0) AddTerm(prefix::kTitle + f.exact, count.title_wdf, doc);
    // A word that is its own stem needs no stem term: its exact term stands for it
    // (QueryBuilder::StemQuery). That is a third of the stem terms, and of their cost.
    if (!f.stem.empty() && f.stem != f.exact) AddTerm(prefix::kStem + f.stem, count.wdf, doc);
    // Names, and names only, get the spelling-variant terms: the keys are built to merge.
    // A name term per key (key:exact) lets a query find every spelling under a key, and
    // phrases match across spellings through those spellings' exact terms, which have the
    // positions; so no variant term needs positions of its own.
    if (f.keys.empty() || !names_.count(f.exact)) continue;
    for (const std::string& key : f.keys) AddTerm(prefix::NameTerm(key, f.exact), count.wdf, doc);
    // A Latin name that is its own transliteration needs no XT term: its name term stands
    // for it (QueryBuilder::TranslitQuery). That is most names in English text.
    if (f.translit != f.exact) AddTerm(prefix::kTranslit + f.translit, count.wdf, doc);
  }
}

void DocumentBuilder::IndexMetadata(const Article& a, Xapian::Document* doc) {
  doc->add_boolean_term(IdTerm(a.id));
  if (a.date) {
    char day[16];
    std::snprintf(day, sizeof day, "%08d", a.date->FirstDay());
    doc->add_value(slot::kDate, day);
    doc->add_boolean_term(prefix::kYear + std::string(day, 4));
    doc->add_value(slot::kYear, std::string(day, 4));
    if (a.date->month > 0) {
      doc->add_boolean_term(prefix::kMonth + std::string(day, 6));
      doc->add_value(slot::kMonth, std::string(day, 4) + "-" + std::string(day + 4, 2));
    }
    if (a.date->day > 0) doc->add_boolean_term(prefix::kDay + std::string(day, 8));
  }
  doc->add_boolean_term(prefix::kLang + FoldAscii(a.lang));
  doc->add_value(slot::kLang, FoldAscii(a.lang));
  if (!a.source.empty()) {
    AddTerm(prefix::kSource + analyser_->NameKey(a.source), 0, doc);
    doc->add_value(slot::kSource, a.source);
  }
  doc->add_value(slot::kCompanies, IndexEntities(a.companies, prefix::kCompany, doc));
  doc->add_value(slot::kPlaces, IndexEntities(a.places, prefix::kPlace, doc));
}

// The tokens Build made of the title and the body, moved to their places in title + "\n" +
// body: analysing the article again for its entities cost a tenth of the build.
std::vector<Token> DocumentBuilder::TitleAndBodyTokens(const Article& a) const {
  std::vector<Token> tokens = title_tokens_;
  const size_t shift = a.title.size() + 1;
  for (Token t : body_tokens_) {
    t.begin += shift;
    t.end += shift;
    tokens.push_back(t);
  }
  return tokens;
}

// Puts the article's own companies and places under the gazetteer's names when it knows them
// (Mangistau -> Mangystau Region, Janaozen -> Zhanaozen), then adds those the title and body
// name, once each: an entity is known by the spelling key of its canonical name.
void DocumentBuilder::AddEntities(Article* a) {
  entity_words_.clear();
  if (entities_ == nullptr) return;
  std::unordered_set<std::string> known;
  for (auto* names : {&a->companies, &a->places}) {
    std::vector<std::string> canonical;
    for (const std::string& name : *names) {
      const std::vector<Entity> found = entities_->Extract(name, analyser_);
      const bool whole = found.size() == 1 && found[0].end - found[0].begin + 2 >= name.size();
      const std::string& use = whole ? found[0].name : name;
      if (known.insert(analyser_->NameKey(use)).second) canonical.push_back(use);
    }
    *names = std::move(canonical);
  }
  const std::string text = a->title + "\n" + a->body;
  const std::vector<Token> tokens = TitleAndBodyTokens(*a);
  for (const Entity& e : entities_->Extract(text, tokens)) {
    auto t = std::lower_bound(tokens.begin(), tokens.end(), e.begin,
                              [](const Token& token, size_t at) { return token.begin < at; });
    for (; t != tokens.end() && t->begin < e.end; ++t) entity_words_.insert(t->forms->exact);
    if (!known.insert(analyser_->NameKey(e.name)).second) continue;
    (e.kind == Entity::Kind::kCompany ? a->companies : a->places).push_back(e.name);
  }
}

// Every full date the body mentions, searchable as mentions:YYYY[-MM[-DD]], never the
// article's own date.
void DocumentBuilder::IndexMentions(std::string_view body, Xapian::Document* doc) {
  for (const DateMention& m : FindDateMentions(body)) {
    char day[16];
    std::snprintf(day, sizeof day, "%08d", m.date.FirstDay());
    for (int digits : {4, 6, 8}) doc->add_boolean_term(prefix::kMention + std::string(day, digits));
  }
}

// Adds a term per entity, by the key of its name, and returns the facet value that lists them.
std::string DocumentBuilder::IndexEntities(const std::vector<std::string>& names,
                                           const char* term_prefix, Xapian::Document* doc) {
  std::string value;
  for (const std::string& name : names) {
    const std::string key = analyser_->NameKey(name);
    if (key.empty()) continue;
    AddTerm(term_prefix + key, 0, doc);
    if (!value.empty()) value += slot::kEntrySeparator;
    value += key + slot::kKeySeparator + name;
  }
  return value;
}

}  // namespace steppe
