// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_NAME_LEXICON_H_
#define STEPPE_LIB_SEARCH_NAME_LEXICON_H_

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

namespace steppe {

// The name terms of an index (prefix::kName + key:exact) by the first letter of their key:
// what fuzzy keys and spelling suggestions scan. Over a remote shard a scan streams every such
// term over the network (at 100k, thousands per letter), so a searcher with a remote shard
// keeps each letter it scanned until the index changes.
class NameLexicon {
 public:
  struct Entry {
    std::string term;  // key:exact, without prefix::kName
    Xapian::doccount frequency;
  };

  // Whether scans are kept; forgets those kept.
  void Keep(bool keep) {
    keep_ = keep;
    kept_.clear();
  }
  // The name terms of `db` whose key starts with the byte `letter`.
  const std::vector<Entry>& Scan(const Xapian::Database& db, char letter);
  // Forgets what was kept: call when the index changes.
  void Clear() { kept_.clear(); }

 private:
  bool keep_ = false;
  std::map<char, std::vector<Entry>> kept_;
  std::vector<Entry> scanned_;  // the last scan, when not kept
};

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_NAME_LEXICON_H_
