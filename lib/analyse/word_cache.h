// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_WORD_CACHE_H_
#define STEPPE_LIB_ANALYSE_WORD_CACHE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyse/script.h"

namespace steppe {

// Everything Steppe derives from one written word. Computing it costs ICU and Snowball
// calls; by Zipf's law a few hundred thousand distinct words cover millions of articles, so
// it is computed once per word and cached.
struct WordForms {
  std::string exact;              // FoldWord(surface)
  std::string stem;               // the language's stem of `exact` (numbers: empty)
  std::string translit;           // Latin form of the name stem (Stemmer::StemName), for names
  std::vector<std::string> keys;  // spelling keys of the exact and stemmed forms, deduplicated
  Script script = Script::kOther;
  Lang lang = Lang::kEnglish;
  bool capitalised = false;
  bool all_caps = false;
};

// A bounded map from (language hint, surface word) to WordForms. When full it is emptied
// whole, between texts, so the pointers it hands out stay valid while one text is analysed.
// Not thread-safe: one per thread, inside an Analyser.
class WordCache {
 public:
  explicit WordCache(size_t capacity) : capacity_(capacity) {}

  const WordForms* Find(std::string_view key) const;
  const WordForms* Insert(std::string key, WordForms forms);
  // Empties the cache if it holds `capacity` words or more. Call between texts only.
  void TrimIfFull();

  size_t size() const { return map_.size(); }
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  size_t capacity_;
  mutable size_t hits_ = 0;
  mutable size_t misses_ = 0;
  std::unordered_map<std::string, WordForms, Hash, std::equal_to<>> map_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_WORD_CACHE_H_
