// SPDX-License-Identifier: Apache-2.0
#include "index/near_duplicates.h"

#include <bit>
#include <cstdio>
#include <functional>
#include <limits>
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
  for (size_t i = 0; i + 2 < tokens.size(); ++i) {
    const std::string shingle = tokens[i].forms->exact + ' ' + tokens[i + 1].forms->exact + ' ' +
                                tokens[i + 2].forms->exact;
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

// The group of the first document with a docid below `before` that shares a band with `hash`
// and is within kNearDuplicateBits of it, or "" when there is none. With 4 bands of 16 bits,
// any two hashes within 3 bits share a band, so the candidates are only the documents sharing
// one. `group_of(docid, document)` reads a candidate's group.
template <typename GroupOf>
std::string FirstCopyGroup(const Xapian::Database& db, uint64_t hash, Xapian::docid before,
                           GroupOf group_of) {
  for (int band = 0; band < kBands; ++band) {
    const std::string term = BandTerm(hash, band);
    Xapian::doccount seen = 0;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      if (*it >= before || ++seen > kMaxCandidatesPerBand) break;
      const Xapian::Document other = db.get_document(*it);
      const uint64_t other_hash = std::stoull(other.get_value(slot::kSimHash), nullptr, 16);
      if (std::popcount(hash ^ other_hash) <= kNearDuplicateBits) return group_of(*it, other);
    }
  }
  return "";
}

std::string StoredGroup(Xapian::docid, const Xapian::Document& doc) {
  return doc.get_value(slot::kDuplicateGroup);
}

}  // namespace

void AssignDuplicateGroup(const Xapian::Database& db, Xapian::Document* doc) {
  const std::string value = doc->get_value(slot::kSimHash);
  if (value.empty()) return;
  const uint64_t hash = std::stoull(value, nullptr, 16);
  const std::string copy_of =
      FirstCopyGroup(db, hash, std::numeric_limits<Xapian::docid>::max(), StoredGroup);
  for (int band = 0; band < kBands; ++band) doc->add_boolean_term(BandTerm(hash, band));
  // A group of its own, unless a copy was found.
  doc->add_value(slot::kDuplicateGroup, copy_of.empty() ? Hex(hash, 16) : copy_of);
}

void RegroupDuplicates(Xapian::WritableDatabase* db) {
  std::unordered_map<Xapian::docid, std::string> regrouped;  // the groups changed so far
  auto group_of = [&](Xapian::docid id, const Xapian::Document& doc) {
    auto it = regrouped.find(id);
    return it != regrouped.end() ? it->second : StoredGroup(id, doc);
  };
  for (auto v = db->valuestream_begin(slot::kSimHash); v != db->valuestream_end(slot::kSimHash);
       ++v) {
    const Xapian::docid id = v.get_docid();
    const uint64_t hash = std::stoull(*v, nullptr, 16);
    const std::string copy_of = FirstCopyGroup(*db, hash, id, group_of);
    const std::string wanted = copy_of.empty() ? Hex(hash, 16) : copy_of;
    Xapian::Document doc = db->get_document(id);
    if (wanted == doc.get_value(slot::kDuplicateGroup)) continue;
    regrouped[id] = wanted;
    doc.add_value(slot::kDuplicateGroup, wanted);
    db->replace_document(id, doc);
  }
}

}  // namespace steppe
