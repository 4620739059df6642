// SPDX-License-Identifier: Apache-2.0
#include "search/facets.h"

#include <algorithm>

#include "index/prefixes.h"

namespace steppe {
namespace {

std::vector<FacetCount> TopValues(const Xapian::ValueCountMatchSpy& spy, size_t limit) {
  std::vector<FacetCount> out;
  const auto n = static_cast<Xapian::termcount>(limit);
  for (auto it = spy.top_values_begin(n); it != spy.top_values_end(n); ++it) {
    out.push_back({*it, it.get_termfreq()});
  }
  return out;
}

}  // namespace

void EntitySpy::operator()(const Xapian::Document& doc, double) {
  const std::string value = doc.get_value(slot_);
  size_t start = 0;
  while (start < value.size()) {
    const size_t end = std::min(value.find(slot::kEntrySeparator, start), value.size());
    const std::string entry = value.substr(start, end - start);
    const size_t split = entry.find(slot::kKeySeparator);
    if (split != std::string::npos) {
      Counts& counts = by_key_[entry.substr(0, split)];
      ++counts.documents;
      ++counts.spellings[entry.substr(split + 1)];
    }
    start = end + 1;
  }
}

std::vector<FacetCount> EntitySpy::Top(size_t limit) const {
  std::vector<FacetCount> out;
  for (const auto& [key, counts] : by_key_) {
    const auto best =
        std::max_element(counts.spellings.begin(), counts.spellings.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    out.push_back({best->first, counts.documents});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

void FacetCounter::operator()(const Xapian::Document& doc, double weight) {
  if (seen_ >= sample_) return;
  ++seen_;
  if (group_slot_) {
    const std::string group = doc.get_value(*group_slot_);
    if (!group.empty() && !groups_seen_.insert(group).second) return;
  }
  ++matches_;
  for (Xapian::MatchSpy* spy : std::initializer_list<Xapian::MatchSpy*>{
           &companies_, &places_, &year_, &month_, &source_, &lang_}) {
    (*spy)(doc, weight);
  }
}

std::vector<Facet> FacetCounter::Collect(size_t limit) const {
  return {{"company", companies_.Top(limit)},    {"place", places_.Top(limit)},
          {"year", TopValues(year_, limit)},     {"month", TopValues(month_, limit)},
          {"source", TopValues(source_, limit)}, {"lang", TopValues(lang_, limit)}};
}

void MatchSampler::operator()(const Xapian::Document& doc, double) {
  if (seen_ >= sample_) return;
  ++seen_;
  const Xapian::docid id = doc.get_docid();
  first_ = first_ == 0 ? id : std::min(first_, id);
  last_ = std::max(last_, id);
  if (group_slot_) {
    const std::string group = doc.get_value(*group_slot_);
    if (!group.empty() && !groups_seen_.insert(group).second) return;
  }
  ++stories_;
}

std::optional<size_t> MatchSampler::Exact() const {
  if (seen_ >= sample_) return std::nullopt;
  return stories_;
}

std::optional<double> MatchSampler::Estimate(Xapian::docid last_docid) const {
  if (seen_ < sample_ || last_ < first_ || last_docid < last_) return std::nullopt;
  return static_cast<double>(stories_) * (last_docid - first_ + 1) / (last_ - first_ + 1);
}

}  // namespace steppe
