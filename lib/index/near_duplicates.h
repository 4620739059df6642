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

// Recomputes every group of `db` as AssignDuplicateGroup would have, adding the documents in
// docid order: for databases merged from shards, whose copies could not see each other.
// Rewrites only the documents whose group changes; does not commit.
void RegroupDuplicates(Xapian::WritableDatabase* db);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_NEAR_DUPLICATES_H_
