// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_FACETS_H_
#define STEPPE_LIB_SEARCH_FACETS_H_

#include <xapian.h>

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
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
  // Counts the entities of one slot value `documents` times.
  void Add(std::string_view value, size_t documents);
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

// Counts the matches and the values of every facet, registered on one Enquire; read it after
// get_mset. With `group_slot` set, copies of one story (documents sharing a non-empty value
// there, as search collapses them) count once, under the first copy seen: the counts then
// agree with the collapsed list. Every match is seen only when get_mset checks them all; with
// `sample`, only the first `sample` matches are counted (in docid order, as Xapian checks them
// up to check_at_least), a fair sample of a bigger set.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(std::optional<Xapian::valueno> group_slot = std::nullopt,
                        Xapian::doccount sample = std::numeric_limits<Xapian::doccount>::max())
      : group_slot_(group_slot), sample_(sample) {}

  // Adds this counter to `enquire`, which must not outlive it.
  void Register(Xapian::Enquire* enquire) { enquire->add_matchspy(this); }
  void operator()(const Xapian::Document& doc, double weight) override;
  std::vector<Facet> Collect(size_t limit) const;
  // The matches counted: stories when grouping, else articles.
  size_t matches() const { return matches_; }

 private:
  std::optional<Xapian::valueno> group_slot_;
  Xapian::doccount sample_;
  Xapian::doccount seen_ = 0;
  std::unordered_set<std::string> groups_seen_;
  size_t matches_ = 0;
  EntitySpy companies_{slot::kCompanies};
  EntitySpy places_{slot::kPlaces};
  Xapian::ValueCountMatchSpy year_{slot::kYear}, month_{slot::kMonth};
  Xapian::ValueCountMatchSpy source_{slot::kSource}, lang_{slot::kLang};
};

// Counts every facet with Xapian's own ValueCountMatchSpys, which a remote shard runs as well
// as a local one; the values they saw are split and merged here. Stories (`collapse`) are
// counted by one spy over slot::kFacets (every facet and the story group in one value,
// index/facets_value.h), which needs an index whose every article has that value (written
// since Steppe had it); copies of one story count once, under the value most of them have
// (ties broken by a hash of the values), whatever the shards. Articles are counted by one spy
// per facet slot, on any index.
class FacetTally {
 public:
  explicit FacetTally(bool collapse) : collapse_(collapse) {}

  // Adds this tally's spies to `enquire`, which must not outlive them.
  void Register(Xapian::Enquire* enquire);
  // The matches the spies saw, as articles.
  size_t seen() const { return (collapse_ ? joined_ : year_).get_total(); }
  // The stories among them: copies of one story once when collapsing.
  size_t Stories() const;
  // The `limit` most frequent values of each facet, counted as Stories counts.
  std::vector<Facet> Collect(size_t limit) const;

 private:
  bool collapse_;
  Xapian::ValueCountMatchSpy joined_{slot::kFacets};
  Xapian::ValueCountMatchSpy companies_{slot::kCompanies}, places_{slot::kPlaces};
  Xapian::ValueCountMatchSpy year_{slot::kYear}, month_{slot::kMonth};
  Xapian::ValueCountMatchSpy source_{slot::kSource}, lang_{slot::kLang};
};

// Estimates how many stories match a big search from its first `sample` matches. Xapian
// checks every match, in docid order, until it has checked check_at_least of them (only then
// may it skip documents that cannot rank), so the first `sample` are a fair sample of the
// docids they span: the stories among them, scaled from that span (first match to last of
// the sample) to the rest of the docids. It assumes the matches spread evenly over the docids
// after the first: right for words, and for dates when newer articles were indexed later;
// a search whose matches all lie among the first articles indexed is overestimated. With
// `group_slot` set, copies of one story count once, as search collapses them.
class MatchSampler : public Xapian::MatchSpy {
 public:
  MatchSampler(Xapian::doccount sample, std::optional<Xapian::valueno> group_slot)
      : sample_(sample), group_slot_(group_slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  // The stories matching, when fewer than `sample` matches were seen: then they were all.
  std::optional<size_t> Exact() const;
  // The estimate for a database whose docids end at `last_docid`; nothing when fewer than
  // `sample` matches were seen.
  std::optional<double> Estimate(Xapian::docid last_docid) const;

 private:
  Xapian::doccount sample_;
  std::optional<Xapian::valueno> group_slot_;
  Xapian::doccount seen_ = 0;
  size_t stories_ = 0;
  Xapian::docid first_ = 0;  // the smallest docid among the sample
  Xapian::docid last_ = 0;   // the largest
  std::unordered_set<std::string> groups_seen_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_FACETS_H_
