// SPDX-License-Identifier: Apache-2.0
#include "index/near_duplicates.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdio>
#include <string>

#include "index/prefixes.h"

namespace steppe {
namespace {

const char kStory[] =
    "About five hundred employees of an oil transport contractor stopped work on Tuesday in "
    "the western city, demanding higher wages and the return of bonuses cut last spring. The "
    "company said talks with the workers would resume on Thursday and that production at the "
    "fields had not been affected. Local officials urged both sides to settle the dispute "
    "quickly, and a union spokesman said the strike would go on until an agreement is signed.";

const char kOtherStory[] =
    "The national bank kept its base rate unchanged at its meeting on Friday, citing slowing "
    "inflation and a steadier currency. Analysts had expected the pause after three cuts this "
    "year. The governor said further easing would depend on food prices and the budget, and "
    "that the bank would watch the effect of the new tax code on consumer demand next quarter.";

uint64_t HashOf(const std::string& text, Analyser* analyser) {
  std::vector<Token> tokens;
  analyser->BeginText();
  analyser->Analyse(text, Lang::kEnglish, &tokens);
  return SimHash(tokens);
}

std::string Hex(uint64_t value) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(value));
  return buf;
}

// A document as the builder leaves it: only its SimHash value set.
Xapian::Document DocWithHash(uint64_t hash) {
  Xapian::Document doc;
  doc.add_value(slot::kSimHash, Hex(hash));
  return doc;
}

TEST(SimHashTest, ACopyWithASmallEditIsMuchNearerThanAnotherStory) {
  Analyser analyser;
  std::string edited = kStory;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");  // a syndicated copy, lightly edited
  const uint64_t story = HashOf(kStory, &analyser);
  EXPECT_EQ(HashOf(kStory, &analyser), story) << "the same text, the same hash";
  const int near = std::popcount(story ^ HashOf(edited, &analyser));
  const int far = std::popcount(story ^ HashOf(kOtherStory, &analyser));
  EXPECT_GT(near, 0) << "an edit changes some shingles";
  EXPECT_LT(near * 3, far) << "unrelated texts differ in about half the bits";
  EXPECT_GT(far, 20);
}

TEST(SimHashTest, CaseAndSpacingDoNotChangeTheHash) {
  Analyser analyser;
  std::string shouted = kStory;
  for (char& c : shouted) c = c == ' ' ? ' ' : static_cast<char>(std::toupper(c));
  EXPECT_EQ(HashOf(shouted, &analyser), HashOf(kStory, &analyser));
  std::string spaced = kStory;
  spaced.insert(spaced.find("The company"), "\n\n");
  EXPECT_EQ(HashOf(spaced, &analyser), HashOf(kStory, &analyser));
}

TEST(DuplicateGroupsTest, ACopyJoinsTheFirstDocumentsGroupAndOthersGetTheirOwn) {
  DuplicateGroups groups;
  const uint64_t hash = 0x0123456789abcdefULL;
  Xapian::Document first = DocWithHash(hash);
  groups.Assign(&first);
  EXPECT_EQ(first.get_value(slot::kDuplicateGroup), Hex(hash));

  Xapian::Document copy = DocWithHash(hash ^ 0b101);  // 2 bits apart
  groups.Assign(&copy);
  EXPECT_EQ(copy.get_value(slot::kDuplicateGroup), Hex(hash));

  Xapian::Document far = DocWithHash(hash ^ 0xF0F0);  // 8 bits apart, one band shared
  groups.Assign(&far);
  EXPECT_EQ(far.get_value(slot::kDuplicateGroup), Hex(hash ^ 0xF0F0));

  Xapian::Document unhashed;  // a text too short to hash is left alone
  groups.Assign(&unhashed);
  EXPECT_TRUE(unhashed.get_value(slot::kDuplicateGroup).empty());
}

// Seeded from an index, a copy joins the group its first copy holds there, even when that
// group is named after an article since deleted.
TEST(DuplicateGroupsTest, ACopyJoinsTheGroupTheIndexHolds) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const uint64_t hash = 0x0123456789abcdefULL, gone = 0x1111111111111111ULL;
  Xapian::Document indexed = DocWithHash(hash);
  indexed.add_value(slot::kDuplicateGroup, Hex(gone));
  db.add_document(indexed);
  DuplicateGroups groups;
  groups.Seed(db);
  Xapian::Document copy = DocWithHash(hash ^ 0b1);
  groups.Assign(&copy);
  EXPECT_EQ(copy.get_value(slot::kDuplicateGroup), Hex(gone));
}

}  // namespace
}  // namespace steppe
