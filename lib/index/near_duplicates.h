// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_
#define STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_

#include <xapian.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyse/analyser.h"

namespace steppe {

// A 64-bit SimHash of a text's word 3-shingles: syndicated copies of one story (the same text
// from two sources, lightly edited) differ in a few bits, unrelated stories in about half.
uint64_t SimHash(const std::vector<Token>& tokens);

// Bits two SimHashes may differ in and still be copies of one story.
inline constexpr int kNearDuplicateBits = 3;

// The near-duplicate groups of an index, held in memory so that articles written by any
// thread into any shard find their copies without a look-up per shard: each article's SimHash
// and group, in the order they were written. Safe to use from many threads.
class DuplicateGroups {
 public:
  // Adds the articles of `db` (the index's own shards, read before anything is written), with
  // the groups they hold. Call once, before Assign; 16 bytes an article, plus its band entries.
  void Seed(const Xapian::Database& db);

  // Puts `doc`, built with its SimHash value set, in the group of the first known
  // near-duplicate, or in a group of its own, and remembers it for the articles after it. A
  // document without a SimHash (a short text) is left alone.
  void Assign(Xapian::Document* doc);

 private:
  struct Member {
    uint64_t hash;
    uint64_t group;
  };
  uint64_t Find(uint64_t hash) const;
  void Add(uint64_t hash, uint64_t group);

  std::mutex mu_;
  // Band key (band number and 16 bits of the hash) -> members sharing it, in order. With 4
  // bands of 16 bits, any two hashes within kNearDuplicateBits share a band.
  std::unordered_map<uint32_t, std::vector<uint32_t>> bands_;
  std::vector<Member> members_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_
