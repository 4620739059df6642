// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_TRANSLITERATOR_H_
#define STEPPE_LIB_ANALYSE_TRANSLITERATOR_H_

#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace steppe {

// Steppe's one Cyrillic-to-Latin table (Russian, Kazakh and Ukrainian letters, English-press
// conventions: ж zh, х kh, қ k, ң n, ө o), which also writes Latin letters of other schemes
// in plain ASCII (ş sh, ğ g, ñ n, ı i, accents dropped). ICU's stock transforms disagree
// with each other (Any-Latin keeps ң and ө), so none gives one form per name.
// Not thread-safe: use one per thread.
class LatinTransliterator {
 public:
  LatinTransliterator();
  ~LatinTransliterator();

  // The Latin form of one folded (lower-case) word, without apostrophes.
  std::string ToLatin(std::string_view word) const;

  // The rules, in ICU Transliterator syntax, for tests and documentation. Accents are then
  // dropped (NFD, nonspacing marks removed, NFC).
  static const char* Rules();

 private:
  const icu::Transliterator& Icu() const;

  mutable std::unique_ptr<icu::Transliterator> icu_;  // built on first use
};

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_TRANSLITERATOR_H_
