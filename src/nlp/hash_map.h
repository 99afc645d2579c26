// A map from 64-bit hashes to small values, for the word tables of the tagger, lemmatizer and
// morphological features, which are read for every token. The keys are hashes already, so their
// low bits place them in one array with open addressing: a lookup is one cache miss, where
// std::unordered_map takes a division and two dependent misses (bucket, then node). The keys
// also keep the order they were inserted in, so that a loaded model saved again writes its
// tables in the same order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace khaldun::nlp {

template <typename V>
class HashMap64 {
 public:
  HashMap64() { rehash(16); }

  // The value of `key`, or null.
  const V* find(uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_ : nullptr;  // 0 marks the empty slots
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return &s.value;
      if (s.key == 0) return nullptr;
    }
  }

  // The value of `key`, inserted as V{} if it is new.
  V& operator[](uint64_t key) {
    if (key == 0) {
      if (!has_zero_) order_.push_back(0);
      has_zero_ = true;
      return zero_;
    }
    if ((slots_used_ + 1) * 4 > slots_.size() * 3) rehash(slots_.size() * 2);
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key) return s.value;
      if (s.key == 0) {
        s.key = key;
        ++slots_used_;
        order_.push_back(key);
        return s.value;
      }
    }
  }

  void reserve(size_t n) {
    if ((n + 1) * 4 > slots_.size() * 3) rehash((n + 1) * 4 / 3 + 1);
  }
  size_t size() const { return order_.size(); }

  // f(key, value) in insertion order.
  template <typename F>
  void for_each(F&& f) const {
    for (uint64_t key : order_) f(key, *find(key));
  }

 private:
  struct Slot {
    uint64_t key = 0;
    V value{};
  };

  void rehash(size_t capacity) {
    size_t n = 16;
    while (n < capacity) n *= 2;
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.key == 0) continue;
      size_t i = s.key & mask_;
      while (slots_[i].key != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t slots_used_ = 0;
  std::vector<uint64_t> order_;
  bool has_zero_ = false;
  V zero_{};
};

}  // namespace khaldun::nlp
