// SPDX-License-Identifier: Apache-2.0
#include "analyse/script.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "util/utf8.h"

namespace steppe {

Script ScriptOf(std::string_view word) {
  for (size_t pos = 0; pos < word.size();) {
    const char32_t c = NextCodePoint(word, &pos);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode code = uscript_getScript(c, &status);
    if (code == USCRIPT_LATIN) return Script::kLatin;
    if (code == USCRIPT_CYRILLIC) return Script::kCyrillic;
    return Script::kOther;
  }
  return Script::kOther;
}

bool HasKazakhLetters(std::string_view word) {
  for (size_t pos = 0; pos < word.size();) {
    switch (u_tolower(NextCodePoint(word, &pos))) {
      case U'ә':
      case U'ғ':
      case U'қ':
      case U'ң':
      case U'ө':
      case U'ұ':
      case U'ү':
      case U'һ':
      case U'і':  // Cyrillic
      case U'ä':
      case U'ğ':
      case U'ı':
      case U'ñ':
      case U'ö':
      case U'ş':
      case U'ü':
      case U'ǵ':
      case U'ń':
      case U'ó':
      case U'ú':
      case U'ý':
      case U'á':  // Latin, 2017-2021
        return true;
      default:
        break;
    }
  }
  return false;
}

Lang WordLang(Script script, bool kazakh_letters, Lang article_lang) {
  if (kazakh_letters) return Lang::kKazakh;
  if (script == Script::kCyrillic) {
    return article_lang == Lang::kKazakh ? Lang::kKazakh : Lang::kRussian;
  }
  return Lang::kEnglish;
}

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kRussian:
      return "ru";
    case Lang::kKazakh:
      return "kk";
    case Lang::kEnglish:
      break;
  }
  return "en";
}

Lang LangFromCode(std::string_view code) {
  if (code == "ru") return Lang::kRussian;
  if (code == "kk" || code == "kz") return Lang::kKazakh;
  return Lang::kEnglish;
}

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kLatin:
      return "latin";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kOther:
      break;
  }
  return "other";
}

}  // namespace steppe
