// SPDX-License-Identifier: Apache-2.0
#include "index/facets_value.h"

#include <algorithm>
#include <array>

#include "index/prefixes.h"

namespace steppe {
namespace {

// The slots joined, in the order of FacetFields.
constexpr std::array<Xapian::valueno, 7> kJoined = {
    slot::kDuplicateGroup, slot::kCompanies, slot::kPlaces, slot::kYear,
    slot::kMonth,          slot::kSource,    slot::kLang};

}  // namespace

void AddFacetsValue(Xapian::Document* doc) {
  std::string value;
  for (size_t i = 0; i < kJoined.size(); ++i) {
    if (i > 0) value += slot::kFieldSeparator;
    const size_t start = value.size();
    value += doc->get_value(kJoined[i]);
    // A source given in memory is not cleaned of control characters: keep the fields apart.
    std::replace(value.begin() + start, value.end(), slot::kFieldSeparator, ' ');
  }
  doc->add_value(slot::kFacets, value);
}

bool SplitFacetsValue(std::string_view value, FacetFields* out) {
  std::array<std::string_view, kJoined.size()> fields;
  for (size_t i = 0; i < fields.size(); ++i) {
    const size_t end = value.find(slot::kFieldSeparator);
    if ((end == std::string_view::npos) != (i + 1 == fields.size())) return false;
    fields[i] = value.substr(0, end);
    value.remove_prefix(end == std::string_view::npos ? value.size() : end + 1);
  }
  *out = {fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]};
  return true;
}

}  // namespace steppe
