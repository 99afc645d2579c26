// A map from a non-zero feature key to a row number, with open addressing: one probe
// sequence in one array, which is what the scorers' inner loop needs to be fast.
#pragma once

#include <cstdint>
#include <vector>

#include "nlp/big_allocator.h"

namespace khaldun::nlp {

template <typename Key>
class BasicFlatIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Room for `expected` keys at most 3/4 full: linear probing stays short, and the table (paged
  // in at load time) stays small.
  explicit BasicFlatIndex(size_t expected = 0) { rehash(expected + expected / 3 + 16); }

  // Asks the CPU to fetch the slot of `key`, so that a batch of lookups waits for memory once
  // rather than once per key (the tables are far larger than the caches).
  void prefetch(Key key) const { __builtin_prefetch(&slots_[key & mask_]); }

  uint32_t find(Key key) const {
    size_t i = key & mask_;
    for (;;) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.row;
      if (s.key == 0) return kMissing;
      i = (i + 1) & mask_;
    }
  }

  // The row of `key`, inserting it with row `next_row` if it is new.
  uint32_t find_or_insert(Key key, uint32_t next_row) {
    if ((size_ + 1) * 4 > slots_.size() * 3) rehash(slots_.size() * 2);
    size_t i = key & mask_;
    for (;;) {
      Slot& s = slots_[i];
      if (s.key == key) return s.row;
      if (s.key == 0) {
        s = Slot{key, next_row};
        ++size_;
        return next_row;
      }
      i = (i + 1) & mask_;
    }
  }

  size_t size() const { return size_; }

  template <typename F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key != 0) f(s.key, s.row);
  }

 private:
  struct Slot {
    Key key = 0;
    uint32_t row = 0;
  };

  void rehash(size_t capacity) {
    size_t n = 16;
    while (n < capacity) n *= 2;
    BigVector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) find_or_insert(s.key, s.row);
  }

  BigVector<Slot> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Training keeps the full 64-bit feature hashes; trained models keep 32 bits (8-byte slots).
using FlatIndex = BasicFlatIndex<uint64_t>;
using FlatIndex32 = BasicFlatIndex<uint32_t>;

}  // namespace khaldun::nlp
