// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_EXTRACT_GAZETTEER_H_
#define STEPPE_LIB_EXTRACT_GAZETTEER_H_

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyse/analyser.h"
#include "analyse/transliterator.h"
#include "extract/entities.h"
#include "steppe/status.h"

namespace steppe {

// The text of lib/extract/gazetteer.tsv, compiled into the library by the build
// (cmake/SteppeEmbedText.cmake).
std::string_view BuiltinGazetteerText();

// A text after analysis, as the gazetteer and the entity rules read it.
struct EntityText {
  std::string_view text;
  std::vector<Token> tokens;
  // The exact forms of the words the text writes in lower case somewhere: a capitalised
  // sentence-initial "Oil" is a common word when the text also writes "oil".
  std::unordered_set<std::string_view> lower_words;

  std::string_view Surface(size_t i) const {
    return text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // The characters between token i-1 and token i. REQUIRES: i > 0.
  std::string_view Gap(size_t i) const {
    return text.substr(tokens[i - 1].end, tokens[i].begin - tokens[i - 1].end);
  }
  bool Capitalised(size_t i) const { return tokens[i].forms->capitalised; }
};

// Whether two words separated by `gap` can belong to one name: spaces, at most one line
// break, hyphens, '/' and '&'; never sentence punctuation, nor a dash between spaces.
bool JoinsName(std::string_view gap);

// The length of an English possessive ending ('s, ’s, s') of `surface`, or 0: the ending
// is not part of the name.
size_t PossessiveLength(std::string_view surface);

// Places and companies with their aliases, matched word by word through the analyser's forms:
// the exact word, its Latin form (so that inflected Kazakh and Russian forms meet the
// nominative) and its spelling key (so that unseen spellings resolve). Immutable once loaded,
// so one Gazetteer serves every thread.
class Gazetteer {
 public:
  struct Entry {
    Entity::Kind kind;
    std::string name;                        // canonical
    std::vector<std::string> single_latins;  // Latin forms of its one-word aliases
  };
  struct Match {
    uint32_t entry;
    size_t words;
  };

  // Adds the entries of a gazetteer file's text (format in docs/gazetteer.md). An entry
  // whose kind and canonical name are already known adds its aliases to that entry. Returns
  // InvalidArgument naming `file`:line for a malformed line.
  Status Load(std::string_view tsv, const std::string& file, Analyser* analyser,
              const LatinTransliterator& translit);

  // The longest alias that starts at token `i`, if any.
  std::optional<Match> MatchAt(const EntityText& t, size_t i) const;

  // The entry of `kind` one of whose aliases is exactly tokens [begin, end), if any.
  std::optional<uint32_t> Resolve(const EntityText& t, size_t begin, size_t end,
                                  Entity::Kind kind) const;

  const Entry& entry(uint32_t i) const { return entries_[i]; }
  size_t size() const { return entries_.size(); }

 private:
  struct AliasWord {
    std::string exact;  // folded
    std::string latin;  // the Latin form of `exact`
    // Its stem and the Latin form of its name stem, which inflected forms share (Мангистауская
    // and Мангистауской: мангистауск; Россия and России: rossi).
    std::string stem;
    std::string stem_latin;
    std::string key;  // its spelling key, as Analyser::NameKey gives it
    Script script;
  };
  struct Alias {
    std::vector<AliasWord> words;
    uint32_t entry;
    bool acronym;  // one word in capitals: matches only capitals
    bool strict;   // also a common word: exact or Latin form only, never sentence-initial
  };
  struct Score {
    size_t words = 0;
    int min_level = 0;
    int sum_level = 0;
    auto operator<=>(const Score&) const = default;
  };

  Status AddLine(std::string_view line, const std::string& where, Analyser* analyser,
                 const LatinTransliterator& translit);
  uint32_t EntryFor(Entity::Kind kind, std::string_view name);
  // Returns false when `alias` has no words or more than five.
  bool AddAlias(uint32_t entry, std::string_view alias, Analyser* analyser,
                const LatinTransliterator& translit);
  std::optional<Match> Best(const EntityText& t, size_t i, size_t want_words,
                            const Entity::Kind* kind) const;
  std::optional<Score> ScoreAlias(const EntityText& t, size_t i, const Alias& alias) const;
  static int Level(const WordForms& f, const AliasWord& word, bool first_word);
  bool DerivedWord(const WordForms& f, const Entry& entry) const;

  std::vector<Entry> entries_;
  std::vector<Alias> aliases_;
  std::unordered_map<std::string, uint32_t> entry_by_name_;  // kind char + canonical name
  std::unordered_set<std::string> strict_words_;  // one-word aliases marked as common words
  // The spelling key of an alias's first word, and '=' + its exact form -> the aliases.
  std::unordered_map<std::string, std::vector<uint32_t>> by_first_word_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_EXTRACT_GAZETTEER_H_
