// SPDX-License-Identifier: Apache-2.0
#include "analyse/stemmer.h"

#include <libstemmer.h>

#include <stdexcept>

#include "analyse/kazakh_stemmer.h"

namespace steppe {
namespace {

sb_stemmer* NewStemmer(const char* language) {
  sb_stemmer* stemmer = sb_stemmer_new(language, "UTF_8");
  if (stemmer == nullptr) throw std::bad_alloc();  // the only way sb_stemmer_new fails
  return stemmer;
}

std::string RunSnowball(sb_stemmer* stemmer, std::string_view word) {
  const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
  if (out == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

// Russian noun case endings, longest first; a name keeps at least four letters.
constexpr std::string_view kRussianNameEndings[] = {
    "ами", "ями", "ого", "его", "ому", "ему", "ой", "ей", "ом", "ем", "ым", "им",
    "ам",  "ям",  "ах",  "ях",  "а",   "я",   "у",  "ю",  "е",  "ы",  "и"};
constexpr size_t kMinNameBytes = 8;  // four Cyrillic letters

bool EndsInVowel(std::string_view word) {
  for (std::string_view vowel : {"а", "е", "ё", "и", "о", "у", "ы", "э", "ю", "я"}) {
    if (word.ends_with(vowel)) return true;
  }
  return false;
}

std::string StripRussianCase(std::string_view word) {
  for (std::string_view ending : kRussianNameEndings) {
    if (word.size() < ending.size() + kMinNameBytes || !word.ends_with(ending)) continue;
    const std::string_view stem = word.substr(0, word.size() - ending.size());
    // A Russian stem never ends in a vowel before a one-letter case ending but in и (Россия,
    // России): a name in a vowel and -у, -е (Актау, Бейнеу, Кызылорда) does not decline.
    if (ending.size() == 2 && EndsInVowel(stem) && !stem.ends_with("и")) return std::string(word);
    return std::string(stem);
  }
  return std::string(word);
}

// Adjectival endings of Russian place adjectives (Мангистауская, Мангистауской, Актауского),
// longest first. Not -ом, -ем, which are also the instrumental of a town in -ск (Уральском).
constexpr std::string_view kAdjectiveEndings[] = {"ыми", "ими", "ого", "его", "ому", "ему", "ий",
                                                  "ый",  "ой",  "ая",  "яя",  "ое",  "ее",  "ую",
                                                  "юю",  "ые",  "ие",  "ых",  "их",  "ым",  "им"};

// The place a Russian place adjective is made from: -ск- and its ending off, and the linking
// -ин- (Карагандинской: караганд, whose key is Караганда's; Алматинской: алмат, Алматы's) or a
// soft sign (Уральская: урал). Empty when `word` is not such an adjective.
std::string PlaceOfAdjective(std::string_view word) {
  for (std::string_view ending : kAdjectiveEndings) {
    if (!word.ends_with(ending)) continue;
    std::string_view stem = word.substr(0, word.size() - ending.size());
    if (!stem.ends_with("ск")) return {};
    stem.remove_suffix(std::string_view("ск").size());
    if (stem.ends_with("ь")) stem.remove_suffix(std::string_view("ь").size());
    if (stem.ends_with("ин") && stem.size() >= kMinNameBytes + 4) stem.remove_suffix(4);
    if (stem.size() < kMinNameBytes) return {};
    return std::string(stem);
  }
  return {};
}

}  // namespace

Stemmer::Stemmer() : english_(NewStemmer("english")), russian_(NewStemmer("russian")) {}

Stemmer::~Stemmer() {
  sb_stemmer_delete(english_);
  sb_stemmer_delete(russian_);
}

std::string Stemmer::Stem(std::string_view word, Lang lang) {
  switch (lang) {
    case Lang::kEnglish:
      return RunSnowball(english_, word);
    case Lang::kRussian:
      return RunSnowball(russian_, word);
    case Lang::kKazakh:
      return StemKazakh(word);
  }
  return std::string(word);
}

std::string Stemmer::StemName(std::string_view word, Lang lang) {
  switch (lang) {
    case Lang::kRussian:
      if (std::string place = PlaceOfAdjective(word); !place.empty()) return place;
      return StripRussianCase(word);
    case Lang::kKazakh:
      return StemKazakh(word);
    case Lang::kEnglish:
      break;
  }
  return std::string(word);
}

}  // namespace steppe
