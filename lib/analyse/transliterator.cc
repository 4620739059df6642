// SPDX-License-Identifier: Apache-2.0
#include "analyse/transliterator.h"

#include <unicode/translit.h>
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
:: NFD ;
:: [:Nonspacing Mark:] Remove ;
:: NFC ;
)";

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace

LatinTransliterator::LatinTransliterator() {
  UParseError parse_error;
  UErrorCode status = U_ZERO_ERROR;
  icu_.reset(icu::Transliterator::createFromRules(
      "steppe-Latin", icu::UnicodeString::fromUTF8(kRules), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !icu_) {
    // The rules are a constant of this file: failing here is a bug, caught by every test.
    throw std::logic_error(std::string("bad transliteration rules: ") + u_errorName(status) +
                           " at line " + std::to_string(parse_error.line));
  }
}

LatinTransliterator::~LatinTransliterator() = default;

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
  icu_->transliterate(text);
  text.toUTF8String(out);
  return out;
}

const char* LatinTransliterator::Rules() { return kRules; }

}  // namespace steppe
