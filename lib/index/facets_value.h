// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_FACETS_VALUE_H_
#define STEPPE_LIB_INDEX_FACETS_VALUE_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace steppe {

// Every facet of an article and its near-duplicate group, joined in one value
// (slot::kFacets), so that one of Xapian's built-in ValueCountMatchSpys counts all facets in
// one pass, on a remote shard too (xapian-tcpsrv runs no spy of ours). Search splits the
// distinct values it saw; there are about as many as stories.
struct FacetFields {
  std::string_view group;      // slot::kDuplicateGroup: empty for an article of its own
  std::string_view companies;  // slot::kCompanies: "key\x1Ename" entries joined by "\x1F"
  std::string_view places;     // slot::kPlaces, likewise
  std::string_view year, month, source, lang;
};

// Sets slot::kFacets from the document's facet and group values: call it last, once the
// near-duplicate group is assigned.
void AddFacetsValue(Xapian::Document* doc);

// The fields of a slot::kFacets value; false when it is not one.
bool SplitFacetsValue(std::string_view value, FacetFields* out);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_FACETS_VALUE_H_
