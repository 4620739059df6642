// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_WORD_CACHE_H_
#define STEPPE_LIB_ANALYSE_WORD_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
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
  std::string latin;              // Latin form of `exact`, whole
  std::vector<std::string> keys;  // spelling keys of the exact and stemmed forms, deduplicated
  Script script = Script::kOther;
  Lang lang = Lang::kEnglish;
  bool capitalised = false;
  bool all_caps = false;
  // Whether the word is capitalised and, in lower case, an ordinary word of its language by
  // the dictionary (Act, Being, TOTAL; not Aston or HIV, which the dictionary writes
  // capitalised): -1 until IsOrdinaryWord first asks, since most words never need it.
  mutable int8_t common = -1;
};

// A bounded map from (language hint, surface word) to WordForms. When full it is emptied
// whole, between texts, so the pointers it hands out stay valid while one text is analysed.
// Not thread-safe: one per thread, inside an Analyser.
//
// Every word of every text is looked up here, so the lookup is the analyser's hot path. A
// node-based std::unordered_map costs three or four cache misses per lookup on a table of
// a few hundred thousand words (bucket, node, key); this flat open-addressing index of
// (hash, entry) pairs costs about two (slot, entry).
class WordCache {
 public:
  explicit WordCache(size_t capacity);

  const WordForms* Find(std::string_view key) const;
  // REQUIRES: Find(key) == nullptr.
  const WordForms* Insert(std::string key, WordForms forms);
  // Empties the cache if it holds `capacity` words or more. Call between texts only.
  void TrimIfFull();

  size_t size() const { return entries_.size(); }
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  struct Entry {
    std::string key;
    WordForms forms;
  };
  struct Slot {
    uint64_t hash = 0;
    uint32_t entry = kEmpty;
  };
  static constexpr uint32_t kEmpty = ~0u;

  size_t SlotFor(uint64_t hash) const { return hash & (slots_.size() - 1); }
  void Grow();

  size_t capacity_;
  mutable size_t hits_ = 0;
  mutable size_t misses_ = 0;
  std::vector<Slot> slots_;    // a power of two, at most half full
  std::deque<Entry> entries_;  // a deque: growing it moves no entry
};

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_WORD_CACHE_H_
