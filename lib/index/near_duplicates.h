// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_
#define STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "analyse/analyser.h"

namespace steppe {

// A 64-bit SimHash of a text's word 3-shingles: syndicated copies of one story (the same text
// from two sources, lightly edited) differ in a few bits, unrelated stories in about half.
uint64_t SimHash(const std::vector<Token>& tokens);

// Bits two SimHashes may differ in and still be copies of one story.
inline constexpr int kNearDuplicateBits = 3;

// Puts `doc`, built with its SimHash value set, in the group of the first indexed
// near-duplicate, or in a group of its own: sets the group value that search collapses on,
// and the band terms that let later copies find it. A document without a SimHash (a short
// text) is left alone.
void AssignDuplicateGroup(const Xapian::Database& db, Xapian::Document* doc);

// Sets the band terms and a group of its own, without looking for copies: for a document
// written into a shard, whose group RegroupDuplicates sets when the shard is merged.
void AddDuplicateBands(Xapian::Document* doc);

// A document whose group changes: document `id` of source number `source` joins `group`.
struct GroupChange {
  size_t source;
  Xapian::docid id;
  std::string group;
};

// Groups the documents of `sources` as AssignDuplicateGroup would have, adding them in the
// order a merge puts them (source by source, each in docid order): for shards, whose copies
// could not see each other. The first `kept` sources keep the groups they hold. Returns the
// documents whose group changes, in that order; holds 32 bytes per document in memory, plus
// the slack of growing vectors.
std::vector<GroupChange> RegroupDuplicates(const std::vector<Xapian::Database>& sources,
                                           size_t kept);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_
