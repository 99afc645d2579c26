#include "dict/word_table.h"

#include <algorithm>
#include <bit>

namespace khaldun::dict {

uint32_t WordTable::intern(std::string_view word) {
  if ((words_.size() + 1) * 2 > slots_.size()) grow();
  uint64_t prefix = prefix_of(word);
  size_t mask = slots_.size() - 1;
  for (size_t i = hash(word) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.id == kMissing) {
      s = Slot{prefix, rest_of(word), static_cast<uint32_t>(word.size()),
               static_cast<uint32_t>(words_.size())};
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
    slots_[i] = Slot{prefix_of(w), rest_of(w), static_cast<uint32_t>(w.size()), id};
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
