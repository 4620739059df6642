// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_QUERY_BUILDER_H_
#define STEPPE_LIB_SEARCH_QUERY_BUILDER_H_

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "analyse/analyser.h"
#include "extract/entities.h"
#include "search/name_lexicon.h"
#include "search/query_parser.h"
#include "steppe/status.h"

namespace steppe {

// How much each layer of spelling variants counts against an exact match, so the searched
// spelling ranks first: exact 1, transliteration 0.6, spelling key 0.4, fuzzy key 0.2.
struct VariantWeights {
  double stem = 0.5;
  double translit = 0.6;
  double key = 0.4;
  double fuzzy = 0.2;
  size_t max_fuzzy_expansions = 8;
};

// Turns a parsed query into a Xapian query, analysing every word with the same Analyser
// pipeline as indexing. Reads the database's vocabulary to tell names from words and to
// expand fuzzy keys. Not thread-safe.
class QueryBuilder {
 public:
  // `gazetteer_file`: the user's gazetteer, beside the built-in one, for company and place
  // names (empty for none).
  QueryBuilder(const Xapian::Database* db, Analyser* analyser,
               std::filesystem::path gazetteer_file = {});
  ~QueryBuilder();

  // Builds *out from `node`; `exact` turns the variant layers off everywhere.
  // *positive is set when the query has something to rank by (not only filters and NOTs).
  Status Build(const QueryNode& node, bool exact, Xapian::Query* out, bool* positive);

  // The query for one word as written: exact (or name) term, stem, and for names the
  // transliteration, spelling keys and fuzzy keys, each weighted below the exact spelling.
  Xapian::Query WordQuery(const Token& token, bool exact);

  // The articles naming the company or place `name`: under the gazetteer's canonical name
  // when `name` is any of its names, aliases or spellings (KMG, Мангистау, Alma-Ata), as
  // indexing resolves them, and under `name` itself. InvalidArgument for a bad user gazetteer.
  Status EntityQuery(Entity::Kind kind, const std::string& name, Xapian::Query* out);

  VariantWeights& weights() { return weights_; }
  // The names fuzzy keys scan, for suggestions too.
  NameLexicon& lexicon() { return lexicon_; }

 private:
  Status BuildNode(const QueryNode& node, bool exact, Xapian::Query* out, bool* positive);
  Status FieldQuery(const QueryNode& node, Xapian::Query* out, bool* positive);
  Xapian::Query TextQuery(const std::string& text, bool exact, bool phrase);
  Xapian::Query PrefixQuery(const std::string& prefix);
  // One word of a phrase as the exact words that have positions: its own, and every spelling
  // under its keys when variants apply.
  std::set<std::string> PhraseSpellings(const Token& token, bool exact);
  // Every word with this stem, inflected or not.
  Xapian::Query StemQuery(const std::string& stem);
  // Whether the index uses the word mostly as a name: Oral the city, more than "oral".
  bool MostlyName(const WordForms& forms);
  // Whether a word may be a name, and so gets the variant layers: capitalised, mostly a name
  // in the index, or unknown (a lower-case or misspelt name).
  bool VariantsFor(const WordForms& forms);
  // Whether a query word with spelling keys is an ordinary word, not a name
  // (OrdinaryWordHere). The indexer judged each use in context, so a word this index holds as
  // a name is one; only other words cost a dictionary, loaded per process (~60 ms for en_US).
  bool OrdinaryQueryWord(const WordForms& forms);
  Xapian::Query FuzzyKeys(const WordForms& forms);
  // Names with the word's Latin form, in any script.
  Xapian::Query TranslitQuery(const WordForms& forms);
  // The name terms (key:exact) of every spelling the index holds under `keys` that is a
  // similar spelling of the word `forms` (SimilarSpellings), the most frequent first; keys too
  // short to mean a name are skipped.
  std::vector<std::string> NameTerms(const WordForms& forms, const std::vector<std::string>& keys);
  // Whether `exact`, indexed as a name under `key`, is a spelling of the word `forms`, not
  // another name that shares the key.
  bool IsSpellingOf(const WordForms& forms, const std::string& exact, const std::string& key);

  const Xapian::Database* db_;
  Analyser* analyser_;
  VariantWeights weights_;
  std::filesystem::path gazetteer_file_;
  std::unique_ptr<EntityExtractor> entities_;  // loaded on the first company or place filter
  NameLexicon lexicon_;
};

// The language codes an index holds, for --lang and lang:.
inline constexpr const char* kLangCodes[] = {"en", "ru", "kk"};

// Puts `code` as the index stores it in *out: any case (KK), and kz, which the readers also
// take for Kazakh. InvalidArgument naming the known codes for anything else.
Status NormaliseLangCode(std::string_view code, std::string* out);

// Parses "A..B", "A..", "..B" or a single date A (= A..A) into a Xapian value-range query
// on the date slot. Each end accepts YYYY, YYYY-MM or YYYY-MM-DD; B includes its period.
Status DateRangeQuery(std::string_view range, Xapian::Query* out);

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_QUERY_BUILDER_H_
