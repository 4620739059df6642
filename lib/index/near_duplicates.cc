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
constexpr size_t kMaxCandidatesPerBand = 64;

std::string Hex(uint64_t value) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

// A mixing step, so that std::hash of short strings spreads over all 64 bits.
uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

uint32_t BandKey(uint64_t hash, int band) {
  return static_cast<uint32_t>(band) << 16 | ((hash >> (16 * band)) & 0xFFFF);
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

void DuplicateGroups::Seed(const Xapian::Database& db) {
  std::lock_guard lock(mu_);
  // Both slots hold a value for every document with a SimHash: read them side by side.
  auto group = db.valuestream_begin(slot::kDuplicateGroup);
  for (auto v = db.valuestream_begin(slot::kSimHash); v != db.valuestream_end(slot::kSimHash);
       ++v) {
    const uint64_t hash = std::stoull(*v, nullptr, 16);
    group.skip_to(v.get_docid());
    const bool has_group =
        group != db.valuestream_end(slot::kDuplicateGroup) && group.get_docid() == v.get_docid();
    Add(hash, has_group ? std::stoull(*group, nullptr, 16) : hash);
  }
}

void DuplicateGroups::Assign(Xapian::Document* doc) {
  const std::string value = doc->get_value(slot::kSimHash);
  if (value.empty()) return;
  const uint64_t hash = std::stoull(value, nullptr, 16);
  uint64_t group;
  {
    std::lock_guard lock(mu_);
    group = Find(hash);
    Add(hash, group);
  }
  doc->add_value(slot::kDuplicateGroup, Hex(group));
}

uint64_t DuplicateGroups::Find(uint64_t hash) const {
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

void DuplicateGroups::Add(uint64_t hash, uint64_t group) {
  for (int band = 0; band < kBands; ++band) {
    bands_[BandKey(hash, band)].push_back(static_cast<uint32_t>(members_.size()));
  }
  members_.push_back({hash, group});
}

}  // namespace steppe
