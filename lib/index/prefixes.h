// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_PREFIXES_H_
#define STEPPE_LIB_INDEX_PREFIXES_H_

#include <xapian.h>

#include <string>
#include <string_view>

// Every term prefix and value slot Steppe writes, in one table. Letters follow Omega's
// conventions (docs/termprefixes.rst in Xapian) where one fits; X… prefixes are Steppe's own.
namespace steppe::prefix {

// Unprefixed terms are exact folded words, with positions (phrases).
inline constexpr char kId[] = "Q";         // unique id: replace_document key
inline constexpr char kStem[] = "Z";       // language stem of every word
inline constexpr char kTitle[] = "S";      // exact words of the title
inline constexpr char kYear[] = "Y";       // Y2023
inline constexpr char kMonth[] = "M";      // M202312
inline constexpr char kDay[] = "D";        // D20231216
inline constexpr char kLang[] = "L";       // Len, Lru, Lkk
inline constexpr char kCompany[] = "XC";   // company, by the spelling key of its name
inline constexpr char kFile[] = "XF";      // canonical path of the file an article came from
inline constexpr char kMention[] = "XM";   // a date the text mentions: XM2024, XM202402, ...
inline constexpr char kPlace[] = "XP";     // place, by the spelling key of its name
inline constexpr char kSource[] = "XS";    // source, by the spelling key of its name
inline constexpr char kTranslit[] = "XT";  // Latin transliteration of a name
inline constexpr char kName[] = "XW";      // a word used as a name: key + ":" + exact, per key

// The term marking a word used as a name under one of its spelling keys. A query for a key
// reads every spelling under it (QueryBuilder::NameTerms), and suggestions the spellings
// near it; a phrase then matches those spellings' exact terms, which have the positions.
inline std::string NameTerm(std::string_view key, std::string_view exact) {
  std::string term = kName;
  term.append(key).append(":").append(exact);
  return term;
}

}  // namespace steppe::prefix

namespace steppe::slot {

// YYYYMMDD of the publication date (first day of the month or year when only that is
// known); absent when undated, so date ranges exclude undated articles.
inline constexpr Xapian::valueno kDate = 0;
// Facets. Companies and places hold "key\x1Ename" entries joined by "\x1F", so spellings
// of one entity count together; the others hold one display value.
inline constexpr Xapian::valueno kCompanies = 1;
inline constexpr Xapian::valueno kPlaces = 2;
inline constexpr Xapian::valueno kYear = 3;    // 2023
inline constexpr Xapian::valueno kMonth = 4;   // 2023-12
inline constexpr Xapian::valueno kSource = 5;  // as written
inline constexpr Xapian::valueno kLang = 6;    // en, ru, kk
// "<hash>:<bytes>" of the file an article was read from, to skip unchanged files.
inline constexpr Xapian::valueno kFileHash = 7;
// The article's SimHash, and the near-duplicate group search collapses on (both hex).
inline constexpr Xapian::valueno kSimHash = 8;
inline constexpr Xapian::valueno kDuplicateGroup = 9;
// "<line>:<hash>:<bytes>": the line of the record an article was read from (0 for a one-article
// file) and the hash of that record's text (of the article, for a one-article file), so that
// a changed file's records that are as before are neither read nor analysed again.
inline constexpr Xapian::valueno kRecordHash = 10;
// The facets and the group above joined in one value, counted by one
// Xapian spy (index/facets_value.h); an index of older Steppe has none.
inline constexpr Xapian::valueno kFacets = 11;

// Separators inside the entity facet values.
inline constexpr char kKeySeparator = '\x1E';
inline constexpr char kEntrySeparator = '\x1F';
// Between the fields of slot::kFacets.
inline constexpr char kFieldSeparator = '\x1D';

}  // namespace steppe::slot

#endif  // STEPPE_LIB_INDEX_PREFIXES_H_
