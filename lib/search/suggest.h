// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_SUGGEST_H_
#define STEPPE_LIB_SEARCH_SUGGEST_H_

#include <xapian.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/analyser.h"

namespace steppe {

// The name terms suggestions scan (prefix::kName + key:exact), by the first letter of the key.
// Over a remote shard a scan streams every such term over the network, so a lexicon that
// keeps them (a searcher with remote shards) scans each letter once, until Clear.
class NameLexicon {
 public:
  struct Entry {
    std::string term;  // without prefix::kName
    Xapian::doccount frequency;
  };
  explicit NameLexicon(bool keep = false) : keep_(keep) {}

  // The name terms of `db` whose key starts with `letter` (one byte).
  const std::vector<Entry>& Scan(const Xapian::Database& db, char letter);
  // Forgets what was kept: call when the index changes.
  void Clear() { kept_.clear(); }

 private:
  bool keep_;
  std::map<char, std::vector<Entry>> kept_;
  std::vector<Entry> scanned_;  // the last scan, when not kept
};

// "Did you mean": for each word of `text`, the indexed names whose spelling key is one or two
// edits from the word's (the same key already matched), best first, one Latin and one
// Cyrillic spelling per word, capitalised; at most `max` in all. Names are read through
// `lexicon`.
std::vector<std::string> SuggestSpellings(const Xapian::Database& db, NameLexicon* lexicon,
                                          Analyser* analyser, std::string_view text, size_t max);

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_SUGGEST_H_
