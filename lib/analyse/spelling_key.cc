// SPDX-License-Identifier: Apache-2.0
#include "analyse/spelling_key.h"

#include <algorithm>
#include <vector>

namespace steppe {
namespace {

// Folded sounds that take two or more letters in some scheme get one upper-case symbol:
// S for sh/ш, J for zh/j/ж. Vowels all become 'a'. When only similarity is asked (not the
// key), х keeps a symbol of its own, X, apart from к (Kyiv is not HIV), and a w after a vowel
// is W, which may be either в (German -ow, -ew) or у (Kazakh Latin -aw, -ıw).
constexpr char kSh = 'S';
constexpr char kZh = 'J';
constexpr char kKh = 'X';
constexpr char kVowelW = 'W';

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// The other readings of letters that schemes use for two sounds, for OtherReadingKeys.
enum Reading : unsigned {
  kVowelWReading = 1,  // w after a vowel is у (Kazakh Latin), not в (German)
  kSchZhReading = 2,   // sch is ж (German Schukow), not ш
};

// Folds the digraph that starts at s[i], if any, onto *out and returns its length; else 0.
size_t FoldDigraph(std::string_view s, size_t i, bool fold_vowels, unsigned readings,
                   std::string* out) {
  // Most letters start no digraph: they skip the comparisons.
  if (std::string_view("cdgkopstz").find(s[i]) == std::string_view::npos) return 0;
  const auto at = [&](std::string_view p) { return s.substr(i, p.size()) == p; };
  const char kh = fold_vowels ? 'k' : kKh;
  const char next2 = i + 2 < s.size() ? s[i + 2] : '\0';
  if (at("shch") || at("tsch")) return *out += kSh, 4;
  if (at("dsch")) return *out += kZh, 4;
  if (at("sch")) return *out += (readings & kSchZhReading) != 0 ? kZh : kSh, 3;
  if (at("tch")) return *out += kSh, 3;
  if (at("dzh")) return *out += kZh, 3;
  if (at("zh") || at("dj")) return *out += kZh, 2;
  // German Chr-, Chl- (Chruschtschow) is kh; elsewhere ch is ch/sh.
  if (at("ch")) return *out += next2 == 'r' || next2 == 'l' ? kh : kSh, 2;
  if (at("sh")) return *out += kSh, 2;
  if (at("kh")) return *out += kh, 2;
  if (at("gh")) return *out += 'g', 2;
  if (at("ph")) return *out += 'f', 2;
  if (at("ts") || at("tz")) return *out += 's', 2;      // ц: ts, German z and tz
  if (at("ou") && !fold_vowels) return *out += 'u', 2;  // French у: Boukhara, Ouralsk
  return 0;
}

// Replaces the digraphs and letters that transliteration schemes disagree on, and with
// `fold_vowels` (the key) every vowel by 'a'; else only y by i and French ou by u. The
// schemes: English press and BGN/PCGN (zh kh ts ch sh shch), German (sch tsch dsch, z for ц,
// w for в, -ow/-ew), French (ch tch dj, ou for у), the Kazakh Latin alphabets (q ğ ñ, j for
// ж, w for у) and ISO 9 through the transliterator (č š ž).
std::string FoldScheme(std::string_view s, bool fold_vowels, unsigned readings = 0) {
  std::string out;
  const char vowel = fold_vowels ? 'a' : 'i';
  for (size_t i = 0; i < s.size();) {
    const bool after_vowel = !out.empty() && IsVowel(out.back());
    if (const size_t length = FoldDigraph(s, i, fold_vowels, readings, &out); length > 0) {
      i += length;
      continue;
    }
    const char c = s[i++];
    switch (c) {
      case 'j':  // Jomart = Zhomart, but Kyjiw = Kyiv, Nazarbajew = Nazarbayev, and German
                 // lj is ль (Tscheljabinsk, Abljasow)
        out += after_vowel || (!out.empty() && out.back() == 'l') ? vowel : kZh;
        break;
      case 'q':
      case 'c':
        out += 'k';
        break;
      case 'h':
        out += fold_vowels ? 'k' : kKh;
        break;
      case 'x':
        out += "ks";
        break;
      case 'w':  // в; after a vowel also у in Kazakh Latin (Aqtaw), which OtherReadingKeys keys
        if (!after_vowel) {
          out += 'v';
        } else if (!fold_vowels) {
          out += kVowelW;
        } else {
          out += (readings & kVowelWReading) != 0 ? 'a' : 'v';
        }
        break;
      case 'z':
        out += 's';
        break;
      case 'y':
        out += vowel;
        break;
      default:
        out += IsVowel(c) && fold_vowels ? 'a' : c;
    }
  }
  return out;
}

std::string CollapseDoubles(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (out.empty() || out.back() != c) out += c;
  }
  return out;
}

// Keeps ASCII letters and any non-ASCII bytes (names in other scripts key as themselves).
std::string LettersOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || u >= 0x80) out += c;
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

namespace {

std::string KeyOf(std::string_view latin, unsigned readings) {
  std::string key = CollapseDoubles(FoldScheme(LettersOnly(latin), /*fold_vowels=*/true, readings));
  // ñ, ң and ng all reach here as "ng" or "n": Tengiz = Teñiz = Теңіз.
  std::string no_ng;
  for (size_t i = 0; i < key.size(); ++i) {
    no_ng += key[i];
    if (key[i] == 'n' && i + 1 < key.size() && key[i + 1] == 'g') ++i;
  }
  key = CollapseDoubles(no_ng);
  // Case endings and scheme habits (Almaty/Алматы, Karaganda/Qaraghandy) differ in the
  // final vowel, which the key drops.
  if (key.size() > 3 && key.back() == 'a') key.pop_back();
  return key;
}

}  // namespace

std::string SpellingKey(std::string_view latin) { return KeyOf(latin, 0); }

std::vector<std::string> OtherReadingKeys(std::string_view latin) {
  // Most words have neither letter: they cost a scan, not a key.
  bool vowel_w = false;
  for (size_t i = 1; i < latin.size() && !vowel_w; ++i) {
    vowel_w = latin[i] == 'w' && IsVowel(latin[i - 1]);
  }
  const bool sch = latin.find("sch") != std::string_view::npos;
  std::vector<std::string> keys;
  if (!vowel_w && !sch) return keys;
  const std::string key = KeyOf(latin, 0);
  for (unsigned reading : {kVowelWReading, kSchZhReading}) {
    if (reading == kVowelWReading ? !vowel_w : !sch) continue;
    std::string other = KeyOf(latin, reading);
    if (other != key) keys.push_back(std::move(other));
  }
  return keys;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    size_t row_min = limit + 1;
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return std::min(d[n][m], limit + 1);
}

namespace {

// A Latin form folded as the key folds it, but keeping its vowels.
std::string FoldKeepingVowels(std::string_view latin) {
  return CollapseDoubles(FoldScheme(LettersOnly(latin), /*fold_vowels=*/false));
}

}  // namespace

bool EndAlike(std::string_view latin_a, std::string_view latin_b) {
  const std::string a = FoldKeepingVowels(latin_a);
  const std::string b = FoldKeepingVowels(latin_b);
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  const auto vowel_like = [](char c) { return IsVowel(c) || c == kVowelW; };
  const auto v_like = [](char c) { return c == 'v' || c == kVowelW; };
  return a.back() == b.back() || (vowel_like(a.back()) && vowel_like(b.back())) ||
         (v_like(a.back()) && v_like(b.back()));
}

namespace {

// Vowels that schemes and the two languages trade for each other: ө is o or e (ё, oe), ұ
// and ү o or u (Қонаев, Кунаев), і and е e or i (Ертіс, Irtysh). Every scheme's ә reaches
// here as a (ä, á), so a and e are not a pair: Tanis is not Teñiz.
bool RelatedVowels(char a, char b) {
  const auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  return pair('o', 'u') || pair('e', 'i') || pair('e', 'o');
}

// The cost, in half edits, of writing `a` for `b` at the end of a word (`last`) or inside.
// A W (w after a vowel) is either в or у. Other vowels cost an edit and a half inside a word:
// a name's vowels are fixed, a scheme's changes are the related pairs (Astana is not Aston),
// while the final vowel is a case ending or a scheme habit (Karaganda, Karagandy).
size_t SubstitutionCost(char a, char b, bool last) {
  if (a == b) return 0;
  if ((a == kVowelW && (b == 'v' || b == 'u')) || (b == kVowelW && (a == 'v' || a == 'u'))) {
    return 0;
  }
  if (IsVowel(a) && IsVowel(b)) return RelatedVowels(a, b) || last ? 1 : 3;
  return 2;
}

// Damerau-Levenshtein distance in half edits, with SubstitutionCost, or more than `limit`
// once every path exceeds it.
size_t WeightedDistance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size(), width = m + 1;
  std::vector<size_t> d((n + 1) * width);
  const auto at = [&](size_t i, size_t j) -> size_t& { return d[i * width + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = 2 * i;
  for (size_t j = 0; j <= m; ++j) at(0, j) = 2 * j;
  for (size_t i = 1; i <= n; ++i) {
    size_t row_min = at(i, 0);
    for (size_t j = 1; j <= m; ++j) {
      const bool last = i == n && j == m;
      size_t cost = std::min({at(i - 1, j) + 2, at(i, j - 1) + 2,
                              at(i - 1, j - 1) + SubstitutionCost(a[i - 1], b[j - 1], last)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cost = std::min(cost, at(i - 2, j - 2) + 2);
      }
      at(i, j) = cost;
      row_min = std::min(row_min, cost);
    }
    // Costs never fall along a path; a transposition reaches back one more row, so stop
    // only when two rows are over.
    if (row_min > limit + 2) return limit + 1;
  }
  return at(n, m);
}

}  // namespace

bool SimilarSpellings(std::string_view latin_a, std::string_view latin_b) {
  const std::string a = FoldKeepingVowels(latin_a);
  const std::string b = FoldKeepingVowels(latin_b);
  const size_t longest = std::max(a.size(), b.size());
  const size_t size_gap = longest - std::min(a.size(), b.size());
  // Under a third of the letters: no edit for three letters (HIV is not Kyiv), one up to 7,
  // two up to 10.
  const size_t limit = longest <= 3 ? 0 : std::max<size_t>(1, (longest - 1) / 3);
  if (size_gap > limit) return false;
  return WeightedDistance(a, b, 2 * limit) <= 2 * limit;
}

size_t FuzzyEditsFor(size_t key_length) {
  if (key_length < 5) return 0;
  return key_length <= 8 ? 1 : 2;
}

}  // namespace steppe
