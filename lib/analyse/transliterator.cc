// SPDX-License-Identifier: Apache-2.0
#include "analyse/transliterator.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace steppe {
namespace {

// Kazakh letters first, so that no general rule sees them. Letters are lower case: the
// input has been case-folded.
constexpr char kRules[] = R"(
ә > a ; ғ > g ; қ > k ; ң > n ; ө > o ; ұ > u ; ү > u ; һ > h ; і > i ;
ї > yi ; є > ye ; ґ > g ;
а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; ё > yo ; ж > zh ; з > z ; и > i ; й > y ;
к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ;
х > kh ; ц > ts ; ч > ch ; ш > sh ; щ > shch ; ъ > ; ы > y ; ь > ; э > e ; ю > yu ;
я > ya ;
ş > sh ; ç > ch ; ğ > g ; ǵ > g ; ñ > n ; ń > n ; ı > i ; ä > a ; ö > o ; ü > u ; ß > ss ;
ø > o ; æ > ae ; œ > oe ;
č > ch ; š > sh ; ž > zh ; ŝ > shch ; ĉ > ch ; û > yu ; â > ya ; ǎ > a ; ý > u ; ū > u ;
c \' > ch ; s \' > sh ; ʹ > ; ʺ > ; \' > ; ʼ > ;
)";

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

// What `:: NFD ; :: [:Nonspacing Mark:] Remove ; :: NFC ;` at the end of the rules would do
// (accents dropped), without naming ICU's stock transforms: the first use of any of those
// loads ICU's whole transliterator registry, which cost every process ~40 ms at start-up.
void RemoveAccents(icu::UnicodeString* text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return;
  const icu::UnicodeString decomposed = nfd->normalize(*text, status);
  icu::UnicodeString kept;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) kept.append(c);
  }
  if (U_SUCCESS(status)) *text = nfc->normalize(kept, status);
}

}  // namespace

LatinTransliterator::LatinTransliterator() = default;

LatinTransliterator::~LatinTransliterator() = default;

// Compiled on first use: a process that meets no non-ASCII word (most searches) never pays it.
const icu::Transliterator& LatinTransliterator::Icu() const {
  if (icu_) return *icu_;
  UParseError parse_error;
  UErrorCode status = U_ZERO_ERROR;
  icu_.reset(icu::Transliterator::createFromRules(
      "steppe-Latin", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !icu_) {
    // The rules are a constant of this file: failing here is a bug, caught by every test.
    throw std::logic_error(std::string("bad transliteration rules: ") + u_errorName(status) +
                           " at line " + std::to_string(parse_error.line));
  }
  return *icu_;
}

std::string LatinTransliterator::ToLatin(std::string_view word) const {
  std::string out;
  if (IsAscii(word)) {  // already Latin: only apostrophes to drop, after c' and s' (the
                        // Kazakh alphabet of 2017: ч, ш) as h
    for (char c : word) {
      if (c != '\'') {
        out.push_back(c);
      } else if (!out.empty() && (out.back() == 'c' || out.back() == 's')) {
        out.push_back('h');
      }
    }
    return out;
  }
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
  Icu().transliterate(text);
  RemoveAccents(&text);
  text.toUTF8String(out);
  return out;
}

const char* LatinTransliterator::Rules() { return kRules; }

}  // namespace steppe
