// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_KAZAKH_STEMMER_H_
#define STEPPE_LIB_ANALYSE_KAZAKH_STEMMER_H_

#include <string>
#include <string_view>

namespace steppe {

// Strips Kazakh plural, possessive and case endings from one lower-case word, in
// Cyrillic (Жаңаөзенде -> жаңаөзен) or in the Kazakh Latin alphabets
// (Qazaqstanğa -> qazaqstan). Conservative: never leaves a stem shorter than
// three letters, so names keep their stem. Returns the word unchanged when no
// ending applies. Input and output are UTF-8.
std::string StemKazakh(std::string_view word);

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_KAZAKH_STEMMER_H_
