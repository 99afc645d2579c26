#include "dict/word_table.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace khaldun::dict {

uint64_t WordTable::hash(std::string_view word) {
  // Eight bytes at a time: words are short, and every token of every sentence is hashed.
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ word.size();
  for (size_t i = 0; i < word.size(); i += 8) {
    uint64_t chunk = 0;
    std::memcpy(&chunk, word.data() + i, std::min<size_t>(8, word.size() - i));
    h = (h ^ chunk) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
  }
  return h;
}

uint64_t WordTable::prefix_of(std::string_view word) {
  uint64_t p = 0;
  std::memcpy(&p, word.data(), std::min<size_t>(8, word.size()));
  return p;
}

uint32_t WordTable::find(std::string_view word, uint64_t hash) const {
  if (slots_.empty()) return kMissing;
  uint64_t prefix = prefix_of(word);
  size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id == kMissing) return kMissing;
    if (same(s, word, prefix)) return s.id;
  }
}

uint32_t WordTable::intern(std::string_view word) {
  if ((words_.size() + 1) * 2 > slots_.size()) grow();
  uint64_t prefix = prefix_of(word);
  size_t mask = slots_.size() - 1;
  for (size_t i = hash(word) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.id == kMissing) {
      s = Slot{prefix, static_cast<uint32_t>(word.size()), static_cast<uint32_t>(words_.size())};
      words_.emplace_back(word);
      return s.id;
    }
    if (same(s, word, prefix)) return s.id;
  }
}

void WordTable::grow() {
  slots_.assign(std::max<size_t>(64, slots_.size() * 2), Slot{});
  size_t mask = slots_.size() - 1;
  for (uint32_t id = 0; id < words_.size(); ++id) {
    const std::string& w = words_[id];
    size_t i = hash(w) & mask;
    while (slots_[i].id != kMissing) i = (i + 1) & mask;
    slots_[i] = Slot{prefix_of(w), static_cast<uint32_t>(w.size()), id};
  }
}

uint32_t EdgeTable::find_or_insert(uint32_t node, uint32_t word, uint32_t fresh, bool& inserted) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  uint64_t key = (uint64_t{node} << 32) | word;
  for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
    Slot& s = slots_[i];
    if (s.child == 0) {
      s = Slot{key, fresh};
      ++size_;
      inserted = true;
      return fresh;
    }
    if (s.key == key) {
      inserted = false;
      return s.child;
    }
  }
}

void EdgeTable::grow() {
  auto old = std::move(slots_);
  size_t n = std::max<size_t>(64, old.size() * 2);
  slots_.assign(n, Slot{});
  mask_ = n - 1;
  shift_ = 64 - std::countr_zero(n);
  for (const Slot& s : old) {
    if (s.child == 0) continue;
    size_t i = slot_of(s.key);
    while (slots_[i].child != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

}  // namespace khaldun::dict
