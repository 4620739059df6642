// SPDX-License-Identifier: Apache-2.0
#include "analyse/word_cache.h"

namespace steppe {

const WordForms* WordCache::Find(std::string_view key) const {
  const auto it = map_.find(key);
  if (it == map_.end()) {
    ++misses_;
    return nullptr;
  }
  ++hits_;
  return &it->second;
}

const WordForms* WordCache::Insert(std::string key, WordForms forms) {
  return &map_.insert_or_assign(std::move(key), std::move(forms)).first->second;
}

void WordCache::TrimIfFull() {
  // Emptying whole is cruder than LRU, but costs nothing per lookup, and the frequent words
  // come straight back.
  if (map_.size() >= capacity_) map_.clear();
}

}  // namespace steppe
