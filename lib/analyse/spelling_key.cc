// SPDX-License-Identifier: Apache-2.0
#include "analyse/spelling_key.h"

#include <algorithm>
#include <vector>

namespace steppe {
namespace {

// Folded sounds that take two or more letters in some scheme get one upper-case symbol:
// S for sh/ш, J for zh/j/ж. Vowels all become 'a'.
constexpr char kSh = 'S';
constexpr char kZh = 'J';

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// Replaces the digraphs and letters that transliteration schemes disagree on, and with
// `fold_vowels` every vowel by 'a'; else only y by i.
std::string FoldScheme(std::string_view s, bool fold_vowels) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const auto at = [&](std::string_view p) { return s.substr(i, p.size()) == p; };
    const char next2 = i + 2 < s.size() ? s[i + 2] : '\0';
    if (at("shch") || at("tsch")) {
      out += kSh, i += 4;
    } else if (at("sch")) {
      out += kSh, i += 3;
    } else if (at("dzh")) {
      out += kZh, i += 3;
    } else if (at("zh")) {
      out += kZh, i += 2;
    } else if (at("ch")) {  // German Chr-, Chl- (Chruschtschow) is kh; elsewhere ch/sh
      out += next2 == 'r' || next2 == 'l' ? 'k' : kSh, i += 2;
    } else if (at("sh")) {
      out += kSh, i += 2;
    } else if (at("kh")) {
      out += 'k', i += 2;
    } else if (at("gh")) {
      out += 'g', i += 2;
    } else if (at("ph")) {
      out += 'f', i += 2;
    } else {
      const char c = s[i++];
      const bool after_vowel = !out.empty() && IsVowel(out.back());
      const char vowel = fold_vowels ? 'a' : 'i';
      switch (c) {
        case 'j':  // Jomart = Zhomart, but Kyjiw = Kyiv, Nazarbajew = Nazarbayev
          out += after_vowel ? vowel : kZh;
          break;
        case 'q':
        case 'c':
        case 'h':
          out += 'k';
          break;
        case 'x':
          out += "ks";
          break;
        case 'w':
          out += 'v';
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

std::string SpellingKey(std::string_view latin) {
  std::string key = CollapseDoubles(FoldScheme(LettersOnly(latin), /*fold_vowels=*/true));
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
  return a.back() == b.back() || (IsVowel(a.back()) && IsVowel(b.back()));
}

bool SimilarSpellings(std::string_view latin_a, std::string_view latin_b) {
  const std::string a = FoldKeepingVowels(latin_a);
  const std::string b = FoldKeepingVowels(latin_b);
  const size_t limit = std::max<size_t>(1, (std::max(a.size(), b.size()) - 1) / 3);
  return EditDistance(a, b, limit) <= limit;
}

size_t FuzzyEditsFor(size_t key_length) {
  if (key_length < 5) return 0;
  return key_length <= 8 ? 1 : 2;
}

}  // namespace steppe
