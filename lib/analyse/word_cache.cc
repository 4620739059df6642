// SPDX-License-Identifier: Apache-2.0
#include "analyse/word_cache.h"

#include <functional>

namespace steppe {
namespace {

uint64_t Hash(std::string_view key) { return std::hash<std::string_view>()(key); }

}  // namespace

WordCache::WordCache(size_t capacity) : capacity_(capacity), slots_(1024) {}

const WordForms* WordCache::Find(std::string_view key) const {
  const uint64_t hash = Hash(key);
  for (size_t i = SlotFor(hash);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (slot.entry == kEmpty) break;
    if (slot.hash == hash && entries_[slot.entry].key == key) {
      ++hits_;
      return &entries_[slot.entry].forms;
    }
  }
  ++misses_;
  return nullptr;
}

const WordForms* WordCache::Insert(std::string key, WordForms forms) {
  if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = Hash(key);
  size_t i = SlotFor(hash);
  while (slots_[i].entry != kEmpty) i = (i + 1) & (slots_.size() - 1);
  slots_[i] = {hash, static_cast<uint32_t>(entries_.size())};
  entries_.push_back({std::move(key), std::move(forms)});
  return &entries_.back().forms;
}

void WordCache::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (slot.entry == kEmpty) continue;
    size_t i = SlotFor(slot.hash);
    while (slots_[i].entry != kEmpty) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = slot;
  }
}

void WordCache::TrimIfFull() {
  // Emptying whole is cruder than LRU, but costs nothing per lookup, and the frequent words
  // come straight back.
  if (entries_.size() < capacity_) return;
  entries_.clear();
  slots_.assign(1024, Slot());
}

}  // namespace steppe
