// Feature keys: every feature of the tagger and the parser is a 64-bit hash of its template
// number and the values it looks at, so no feature strings are built or stored.
#pragma once

#include <cstdint>
#include <string_view>

namespace khaldun::nlp {

// The splitmix64 finaliser: cheap, and every input bit affects every output bit.
[[gnu::always_inline]] constexpr uint64_t mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

[[gnu::always_inline]] constexpr uint64_t combine(uint64_t seed, uint64_t value) {
  return mix(seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

// FNV-1a: `h` (kFnvStart for a new string) continued over the bytes of `s`.
inline constexpr uint64_t kFnvStart = 0xcbf29ce484222325ULL;
constexpr uint64_t fnv1a(uint64_t h, std::string_view s) {
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// FNV-1a over the bytes, then mixed; stable across runs and machines (models store these).
constexpr uint64_t hash_string(std::string_view s) { return mix(fnv1a(kFnvStart, s)); }

// The key of template `id` over `values`. Never 0, which the index uses for empty slots.
// Always inlined: the parser and tagger compute ~100 per move or word, mostly with a constant
// `id`, whose mix is then folded at compile time.
template <typename... Values>
[[gnu::always_inline]] constexpr uint64_t feature_key(uint64_t id, Values... values) {
  uint64_t h = mix(id + 1);
  ((h = combine(h, static_cast<uint64_t>(values))), ...);
  return h == 0 ? 1 : h;
}

}  // namespace khaldun::nlp
