// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_SCRIPT_H_
#define STEPPE_LIB_ANALYSE_SCRIPT_H_

#include <string_view>

namespace steppe {

enum class Script { kLatin, kCyrillic, kOther };
enum class Lang { kEnglish, kRussian, kKazakh };

// The script of the first letter of `word` (UTF-8).
Script ScriptOf(std::string_view word);

// Whether `word` has a letter only Kazakh uses: Cyrillic ә ғ қ ң ө ұ ү һ і, or the Latin
// letters of the Kazakh alphabets of 2017-2021 (ä ğ ı ñ ö ş ü and the acute-accent forms).
bool HasKazakhLetters(std::string_view word);

// The language whose stemmer applies to a word of `script`, given the article's language.
Lang WordLang(Script script, bool kazakh_letters, Lang article_lang);

// "en", "ru", "kk"; and back (anything else gives English).
std::string_view LangCode(Lang lang);
Lang LangFromCode(std::string_view code);
std::string_view ScriptName(Script script);

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_SCRIPT_H_
