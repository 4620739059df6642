// SPDX-License-Identifier: Apache-2.0
#include "search/name_lexicon.h"

#include "index/prefixes.h"

namespace steppe {

const std::vector<NameLexicon::Entry>& NameLexicon::Scan(const Xapian::Database& db, char letter) {
  if (keep_) {
    if (auto it = kept_.find(letter); it != kept_.end()) return it->second;
  }
  std::vector<Entry>& out = keep_ ? kept_[letter] : scanned_;
  out.clear();
  const std::string scan = prefix::kName + std::string(1, letter);
  const size_t skip = std::char_traits<char>::length(prefix::kName);
  for (auto it = db.allterms_begin(scan); it != db.allterms_end(scan); ++it) {
    out.push_back({(*it).substr(skip), it.get_termfreq()});
  }
  return out;
}

}  // namespace steppe
