// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_STEMMER_H_
#define STEPPE_LIB_ANALYSE_STEMMER_H_

#include <string>
#include <string_view>

#include "analyse/script.h"

struct sb_stemmer;

namespace steppe {

// Snowball's English and Russian stemmers and Steppe's Kazakh suffix stripper behind one call.
// Not thread-safe (Snowball stemmers keep state): use one per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of one folded word in `lang`.
  std::string Stem(std::string_view word, Lang lang);

  // The stem of a name: only case endings come off. Snowball's Russian stemmer is built for
  // common words and cuts surnames and towns (Токаев -> тока, Киев -> ки); a name keeps its
  // suffixes and loses only its inflection (Токаева, Токаеву -> токаев; Жанаозене -> жанаозен).
  // English names are left whole (Almaty is not almati). A name in a vowel keeps it (Актау is
  // not Акта + у), and a Russian place adjective gives its place (Мангистауской -> мангистау,
  // Карагандинской -> караганд, Караганда's stem).
  std::string StemName(std::string_view word, Lang lang);

 private:
  sb_stemmer* english_;
  sb_stemmer* russian_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_STEMMER_H_
