// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_FACETS_H_
#define STEPPE_LIB_SEARCH_FACETS_H_

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "index/prefixes.h"
#include "steppe/search.h"

namespace steppe {

// Counts company and place facets. A document may name several, each stored in its value
// slot as key + name, so that every spelling of one entity counts under one key; the name
// shown is the spelling most often seen for that key. (Xapian's ValueCountMatchSpy counts
// one value per document, which suits year, month, source and language.)
class EntitySpy : public Xapian::MatchSpy {
 public:
  explicit EntitySpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  // The `limit` most frequent entities, under their most frequent spelling.
  std::vector<FacetCount> Top(size_t limit) const;

 private:
  struct Counts {
    size_t documents = 0;
    std::map<std::string, size_t> spellings;
  };
  Xapian::valueno slot_;
  std::map<std::string, Counts> by_key_;
};

// The spies of every facet, registered on one Enquire; Collect() reads them after get_mset.
class FacetCounter {
 public:
  // Adds the spies to `enquire`, which must not outlive this counter.
  void Register(Xapian::Enquire* enquire);
  std::vector<Facet> Collect(size_t limit) const;

 private:
  EntitySpy companies_{slot::kCompanies};
  EntitySpy places_{slot::kPlaces};
  Xapian::ValueCountMatchSpy year_{slot::kYear}, month_{slot::kMonth};
  Xapian::ValueCountMatchSpy source_{slot::kSource}, lang_{slot::kLang};
};

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_FACETS_H_
