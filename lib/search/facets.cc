// SPDX-License-Identifier: Apache-2.0
#include "search/facets.h"

#include <algorithm>
#include <array>

#include "index/facets_value.h"
#include "index/format.h"
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

// Counts of one-value facets (year, month, source, language), ranked as Xapian's
// ValueCountMatchSpy ranks them: most frequent first, then in byte order.
class ValueCounts {
 public:
  void Add(std::string_view value, size_t documents) {
    if (!value.empty()) counts_[std::string(value)] += documents;
  }
  std::vector<FacetCount> Top(size_t limit) const {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts_) out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    if (out.size() > limit) out.resize(limit);
    return out;
  }

 private:
  std::map<std::string, size_t> counts_;
};

// The stories among the slot::kFacets values a spy saw, each with the matches that had it:
// the copies of one story (values of one group, adjacent in byte order since the group comes
// first) give one value, counted once: the one most of them have (a tie goes by hash, which
// favours no value). An article without a group is a story of its own.
template <typename Visit>
void EachStory(const Xapian::ValueCountMatchSpy& spy, Visit visit) {
  std::string best;        // the value most copies of the current group have
  std::string best_group;  // its group
  size_t best_count = 0;
  const auto visit_best = [&] {
    FacetFields story;
    if (best_count > 0 && SplitFacetsValue(best, &story)) visit(story, 1);
    best_count = 0;
  };
  FacetFields fields;  // of the current value
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string value = *it;
    if (!SplitFacetsValue(value, &fields)) continue;
    const size_t count = it.get_termfreq();
    if (fields.group.empty()) {
      visit(fields, count);
      continue;
    }
    if (best_count > 0 && fields.group != best_group) visit_best();
    // Between values as common, the one of the smaller hash: the first in byte order would
    // favour the earliest year of a story whose copies differ only in their dates.
    if (count > best_count || (count == best_count && ContentHash(value) < ContentHash(best))) {
      best = value, best_count = count;
      best_group = fields.group;
    }
  }
  visit_best();
}

}  // namespace

void EntitySpy::operator()(const Xapian::Document& doc, double) { Add(doc.get_value(slot_), 1); }

void EntitySpy::Add(std::string_view value, size_t documents) {
  while (!value.empty()) {
    const size_t end = std::min(value.find(slot::kEntrySeparator), value.size());
    const std::string_view entry = value.substr(0, end);
    const size_t split = entry.find(slot::kKeySeparator);
    if (split != std::string_view::npos) {
      Counts& counts = by_key_[std::string(entry.substr(0, split))];
      counts.documents += documents;
      counts.spellings[std::string(entry.substr(split + 1))] += documents;
    }
    value.remove_prefix(std::min(end + 1, value.size()));
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

void FacetTally::Register(Xapian::Enquire* enquire) {
  if (collapse_) {
    enquire->add_matchspy(&joined_);
    return;
  }
  for (Xapian::MatchSpy* spy : std::initializer_list<Xapian::MatchSpy*>{
           &companies_, &places_, &year_, &month_, &source_, &lang_}) {
    enquire->add_matchspy(spy);
  }
}

size_t FacetTally::Stories() const {
  if (!collapse_) return seen();
  size_t stories = 0;
  EachStory(joined_, [&](const FacetFields&, size_t count) { stories += count; });
  return stories;
}

std::vector<Facet> FacetTally::Collect(size_t limit) const {
  EntitySpy companies(slot::kCompanies), places(slot::kPlaces);
  if (!collapse_) {
    // A document's companies (places) are one value: each distinct set is split once.
    for (auto [spy, into] : {std::pair(&companies_, &companies), std::pair(&places_, &places)}) {
      for (auto it = spy->values_begin(); it != spy->values_end(); ++it) {
        into->Add(*it, it.get_termfreq());
      }
    }
    return {{"company", companies.Top(limit)},     {"place", places.Top(limit)},
            {"year", TopValues(year_, limit)},     {"month", TopValues(month_, limit)},
            {"source", TopValues(source_, limit)}, {"lang", TopValues(lang_, limit)}};
  }
  std::array<ValueCounts, 4> values;  // year, month, source, lang
  EachStory(joined_, [&](const FacetFields& f, size_t count) {
    companies.Add(f.companies, count);
    places.Add(f.places, count);
    values[0].Add(f.year, count);
    values[1].Add(f.month, count);
    values[2].Add(f.source, count);
    values[3].Add(f.lang, count);
  });
  return {{"company", companies.Top(limit)}, {"place", places.Top(limit)},
          {"year", values[0].Top(limit)},    {"month", values[1].Top(limit)},
          {"source", values[2].Top(limit)},  {"lang", values[3].Top(limit)}};
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
