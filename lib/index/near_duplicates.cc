// SPDX-License-Identifier: Apache-2.0
#include "index/near_duplicates.h"

#include <bit>
#include <cstdio>
#include <functional>
#include <unordered_map>

#include "index/prefixes.h"

namespace steppe {
namespace {

constexpr int kBands = 4;
// Candidates looked at per band: a band shared by very many documents says little.
constexpr Xapian::doccount kMaxCandidatesPerBand = 64;

std::string Hex(uint64_t value, int digits) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%0*llx", digits, static_cast<unsigned long long>(value));
  return buf;
}

std::string BandTerm(uint64_t hash, int band) {
  return prefix::kSimHashBand + std::to_string(band) + Hex((hash >> (16 * band)) & 0xFFFF, 4);
}

// A mixing step, so that std::hash of short strings spreads over all 64 bits.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

}  // namespace

uint64_t SimHash(const std::vector<Token>& tokens) {
  int weights[64] = {};
  std::string shingle;  // one buffer: most shingles are too long for a string's own storage
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    shingle.assign(tokens[i].forms->exact).append(1, ' ').append(tokens[i + 1].forms->exact);
    shingle.append(1, ' ').append(tokens[i + 2].forms->exact);
    const uint64_t h = Mix(std::hash<std::string>()(shingle));
    for (int bit = 0; bit < 64; ++bit) weights[bit] += (h >> bit) & 1 ? 1 : -1;
  }
  uint64_t hash = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) hash |= uint64_t{1} << bit;
  }
  return hash;
}

namespace {

// The group of the first indexed document that shares a band with `hash` and is within
// kNearDuplicateBits of it, or "" when there is none. With 4 bands of 16 bits, any two hashes
// within 3 bits share a band, so the candidates are only the documents sharing one.
std::string FirstCopyGroup(const Xapian::Database& db, uint64_t hash) {
  for (int band = 0; band < kBands; ++band) {
    const std::string term = BandTerm(hash, band);
    Xapian::doccount seen = 0;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (++seen > kMaxCandidatesPerBand) break;
      const Xapian::Document other = db.get_document(*it);
      const uint64_t other_hash = std::stoull(other.get_value(slot::kSimHash), nullptr, 16);
      if (std::popcount(hash ^ other_hash) <= kNearDuplicateBits) {
        return other.get_value(slot::kDuplicateGroup);
      }
    }
  }
  return "";
}

}  // namespace

void AssignDuplicateGroup(const Xapian::Database& db, Xapian::Document* doc) {
  const std::string value = doc->get_value(slot::kSimHash);
  if (value.empty()) return;
  const std::string copy_of = FirstCopyGroup(db, std::stoull(value, nullptr, 16));
  AddDuplicateBands(doc);  // and a group of its own, unless a copy was found
  if (!copy_of.empty()) doc->add_value(slot::kDuplicateGroup, copy_of);
}

void AddDuplicateBands(Xapian::Document* doc) {
  const std::string value = doc->get_value(slot::kSimHash);
  if (value.empty()) return;
  const uint64_t hash = std::stoull(value, nullptr, 16);
  for (int band = 0; band < kBands; ++band) doc->add_boolean_term(BandTerm(hash, band));
  doc->add_value(slot::kDuplicateGroup, Hex(hash, 16));
}

namespace {

// The near-duplicate search of FirstCopyGroup over hashes held in memory, documents added in
// merge order: the same candidates in the same order, without a posting list or a document
// read per candidate.
class GroupsInMemory {
 public:
  // The group a document with `hash` joins, given every document before it.
  uint64_t Find(uint64_t hash) const {
    for (int band = 0; band < kBands; ++band) {
      auto it = bands_.find(BandKey(hash, band));
      if (it == bands_.end()) continue;
      const std::vector<uint32_t>& members = it->second;
      for (size_t i = 0; i < members.size() && i < kMaxCandidatesPerBand; ++i) {
        const Member& other = members_[members[i]];
        if (std::popcount(hash ^ other.hash) <= kNearDuplicateBits) return other.group;
      }
    }
    return hash;  // a group of its own
  }

  void Add(uint64_t hash, uint64_t group) {
    for (int band = 0; band < kBands; ++band)
      bands_[BandKey(hash, band)].push_back(static_cast<uint32_t>(members_.size()));
    members_.push_back({hash, group});
  }

 private:
  struct Member {
    uint64_t hash;
    uint64_t group;
  };
  static uint32_t BandKey(uint64_t hash, int band) {
    return static_cast<uint32_t>(band) << 16 | ((hash >> (16 * band)) & 0xFFFF);
  }
  // Band key -> members, in order; 32 bits suffice, as for a docid.
  std::unordered_map<uint32_t, std::vector<uint32_t>> bands_;
  std::vector<Member> members_;  // in merge order
};

}  // namespace

std::vector<GroupChange> RegroupDuplicates(const std::vector<Xapian::Database>& sources,
                                           size_t kept) {
  std::vector<GroupChange> changes;
  GroupsInMemory groups;
  for (size_t source = 0; source < sources.size(); ++source) {
    const Xapian::Database& db = sources[source];
    // Both slots hold a value for every document with a SimHash: read them side by side.
    auto stored = db.valuestream_begin(slot::kDuplicateGroup);
    for (auto v = db.valuestream_begin(slot::kSimHash); v != db.valuestream_end(slot::kSimHash);
         ++v) {
      const uint64_t hash = std::stoull(*v, nullptr, 16);
      stored.skip_to(v.get_docid());
      const bool has_group = stored != db.valuestream_end(slot::kDuplicateGroup) &&
                             stored.get_docid() == v.get_docid();
      const std::string old_group = has_group ? *stored : "";
      if (source < kept) {  // never changed: a kept source may be open for writing elsewhere
        groups.Add(hash, has_group ? std::stoull(old_group, nullptr, 16) : hash);
        continue;
      }
      const uint64_t group = groups.Find(hash);
      groups.Add(hash, group);
      std::string wanted = Hex(group, 16);
      if (wanted != old_group) changes.push_back({source, v.get_docid(), std::move(wanted)});
    }
  }
  return changes;
}

}  // namespace steppe
