// Interned words and trie edges in flat open-addressing tables: the coder looks up every token of
// every sentence here, so a lookup is one hash and, almost always, one probe into one array (no
// per-entry allocation, no pointer chasing as in std::unordered_map).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/huge_page_allocator.h"

namespace khaldun::dict {

// Words to dense ids 0, 1, 2, ... in the order first interned.
class WordTable {
 public:
  static constexpr uint32_t kMissing = 0xFFFFFFFF;

  uint32_t find(std::string_view word) const { return find(word, hash(word)); }
  // find() with the word's hash() already computed.
  uint32_t find(std::string_view word, uint64_t hash) const {
    if (slots_.empty()) return kMissing;
    uint64_t prefix = prefix_of(word);
    size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.id == kMissing) return kMissing;
      if (same(s, word, prefix)) return s.id;
    }
  }
  // Starts loading the slot where find(word) will look first. The table is larger than the caches,
  // so a sentence's lookups each wait for memory; prefetched together, those waits overlap.
  void prefetch(uint64_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
  }
  static uint64_t hash(std::string_view word) {
    // Eight bytes at a time: words are short, and every token of every sentence is hashed.
    uint64_t h = hash_start(word.size());
    for (size_t i = 0; i < word.size(); i += 8)
      h = hash_step(h, load_upto8(word.data() + i, word.size() - i));
    return h;
  }
  // hash() in steps, for a caller that reads the word eight bytes at a time anyway (the coder
  // lower-cases every token that way): hash_start(size), then hash_step() with each load_upto8()
  // of the word in turn.
  static uint64_t hash_start(size_t size) { return 0x9E3779B97F4A7C15ULL ^ size; }
  static uint64_t hash_step(uint64_t h, uint64_t chunk) {
    h = (h ^ chunk) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
  }
  uint32_t intern(std::string_view word);
  size_t size() const { return words_.size(); }
  const std::string& word(uint32_t id) const { return words_[id]; }

  // The first min(8, size) bytes at `p` as a little-endian number, zero-padded: what a memcpy of
  // that many bytes into a zeroed uint64_t gives, but with fixed-size loads, which compile to a few
  // instructions where a memcpy of variable length is a library call (every token is hashed and
  // case-checked).
  static uint64_t load_upto8(const char* p, size_t size) {
    uint64_t v = 0;
    if (size >= 8) {
      std::memcpy(&v, p, 8);
    } else if (size >= 4) {
      uint32_t lo = 0, hi = 0;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + size - 4, 4);  // overlaps lo where size < 8: the same bytes
      v = lo | (uint64_t{hi} << (8 * (size - 4)));
    } else if (size > 0) {
      const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
      v = byte(0) | byte(size / 2) << (8 * (size / 2)) | byte(size - 1) << (8 * (size - 1));
    }
    return v;
  }

 private:
  // A word's first 16 bytes live in its slot, so that a lookup of a word of up to 16 bytes (nearly
  // all words) reads one slot and nothing else: the longer words ("government", "negotiations")
  // are common, and comparing them with words_ was another cache miss per lookup. 32 bytes,
  // aligned, so that a slot is always within one cache line (the one prefetch() asks for).
  struct alignas(32) Slot {
    uint64_t prefix = 0;  // the first 8 bytes, zero-padded
    uint64_t rest = 0;    // the next 8 bytes, zero-padded
    uint32_t length = 0;
    uint32_t id = kMissing;
  };
  static uint64_t prefix_of(std::string_view word) { return load_upto8(word.data(), word.size()); }
  static uint64_t rest_of(std::string_view word) {
    return word.size() <= 8 ? 0 : load_upto8(word.data() + 8, word.size() - 8);
  }
  bool same(const Slot& s, std::string_view word, uint64_t prefix) const {
    return s.prefix == prefix && s.length == word.size() &&
           (word.size() <= 8 ||
            (s.rest == rest_of(word) &&
             (word.size() <= 16 || std::string_view(words_[s.id]).substr(16) == word.substr(16))));
  }
  void grow();

  // Read at a random place per lookup: on huge pages, so that a lookup misses no TLB.
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<std::string> words_;
};

// (node, word id) -> child node of a trie; node 0 (the root) is never a child, so 0 means none.
class EdgeTable {
 public:
  uint32_t find(uint32_t node, uint32_t word) const {
    if (slots_.empty()) return 0;
    uint64_t key = (uint64_t{node} << 32) | word;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.child;
      if (s.child == 0) return 0;
    }
  }
  // The child of `node` by `word`, made `fresh` when there is none yet (`inserted` tells which).
  uint32_t find_or_insert(uint32_t node, uint32_t word, uint32_t fresh, bool& inserted);
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t child = 0;  // 0: empty slot
  };
  size_t slot_of(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_) & mask_;
  }
  void grow();

  std::vector<Slot, HugePageAllocator<Slot>> slots_;  // on huge pages, as WordTable's
  size_t mask_ = 0;
  int shift_ = 64;
  size_t size_ = 0;
};

}  // namespace khaldun::dict
