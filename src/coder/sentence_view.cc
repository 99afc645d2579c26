#include "coder/sentence_view.h"

#include <bit>
#include <cstring>

#include "dict/word_table.h"
#include "text/char_class.h"

namespace khaldun::coder {
namespace {

constexpr uint32_t kAsIs = 0xFFFFFFFF;

// WordTable::load_upto8() for the text of a std::string (from any position on): its terminating
// NUL may be read too, and is the zero padding, which saves the byte-by-byte loads of the short
// words that most tokens are ("the", ",").
inline uint64_t load_terminated(const char* p, size_t size) {
  uint64_t v = 0;
  if (size >= 7) {
    std::memcpy(&v, p, 8);  // for seven bytes, the eighth is the NUL
    return v;
  }
  if (size >= 3) {  // bytes 0-3 and size-3 .. size (the NUL), overlapping
    uint32_t lo = 0, hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + size - 3, 4);
    return lo | uint64_t{hi} << (8 * (size - 3));
  }
  if (size >= 1) {  // the same with two bytes
    uint16_t lo = 0, hi = 0;
    std::memcpy(&lo, p, 2);
    std::memcpy(&hi, p + size - 1, 2);
    return lo | uint64_t{hi} << (8 * (size - 1));
  }
  return v;
}

// A tag of up to eight letters as load_terminated() reads it.
template <size_t N>
constexpr uint64_t tag(const char (&name)[N]) {
  static_assert(N - 1 <= 8);
  uint64_t v = 0;
  for (size_t i = 0; i + 1 < N; ++i) v |= uint64_t{static_cast<unsigned char>(name[i])} << (8 * i);
  return v;
}

// The relation up to its subtype ("obl" for "obl:agent"): the first ':' among the first eight
// bytes is found in one step, with the zero-byte test of x ^ "::::::::".
std::string_view without_subtype(const std::string& rel) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const size_t head = rel.size() < 8 ? rel.size() : 8;
  const uint64_t x = load_terminated(rel.data(), head) ^ (kOnes * ':');
  // The lowest byte flagged is the first ':' (padding bytes, 0 ^ ':', are not flagged).
  if (const uint64_t colons = (x - kOnes) & ~x & (kOnes * 0x80); colons != 0)
    return std::string_view(rel).substr(0, static_cast<size_t>(std::countr_zero(colons)) / 8);
  size_t colon = head;
  while (colon < rel.size() && rel[colon] != ':') ++colon;
  return std::string_view(rel).substr(0, colon);
}

// The word lower-cased (ASCII letters only) and its WordTable::hash(), in one pass: where its
// lower-cased copy starts in `arena`, or kAsIs when it has no capitals (most words), with no copy.
// Also tells whether it is all ASCII. Inlined: it runs twice per token.
[[gnu::always_inline]] inline uint32_t fold(const std::string& in, std::string& arena, bool& ascii,
                                            uint64_t& hash) {
  // Eight bytes at a time: a byte b < 0x80 is a capital when
  // 0x41 <= b <= 0x5A, which the two subtractions tell for all eight at once (each byte has its
  // high bit set first, so that none borrows from the next).
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  uint64_t any = 0, upper = 0;
  uint64_t h = dict::WordTable::hash_start(in.size());
  for (size_t i = 0; i < in.size(); i += 8) {
    const uint64_t c = load_terminated(in.data() + i, in.size() - i);
    any |= c;
    const uint64_t at_least_a = (c | kHigh) - 0x4141414141414141ULL;
    const uint64_t past_z = (c | kHigh) - 0x5B5B5B5B5B5B5B5BULL;
    const uint64_t capitals = at_least_a & ~past_z & ~c & kHigh;
    upper |= capitals;
    // A capital's bit 7 moved to bit 5 adds 0x20: its lower-case letter, as the table has it.
    h = dict::WordTable::hash_step(h, c | capitals >> 2);
  }
  hash = h;
  ascii = (any & kHigh) == 0;
  if (upper == 0) return kAsIs;
  auto at = static_cast<uint32_t>(arena.size());
  arena.resize(at + in.size());
  char* out = arena.data() + at;
  for (size_t i = 0; i < in.size(); ++i) out[i] = text::to_lower(in[i]);
  return at;
}

// a == b for two std::strings, reading the first eight bytes of each as one number.
bool same_string(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  if (a.size() <= 8)
    return load_terminated(a.data(), a.size()) == load_terminated(b.data(), b.size());
  return a == b;
}

// a == b, without a call to memcmp for the short words that most are.
bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.size() <= 8)
    return dict::WordTable::load_upto8(a.data(), a.size()) ==
           dict::WordTable::load_upto8(b.data(), b.size());
  return a == b;
}

constexpr uint8_t kLemmaIsWord = 4;  // in ascii_

}  // namespace

void SentenceView::assign(std::span<const Token> tokens, const dict::CompiledDictionary* dict) {
  tokens_ = tokens;
  size_t n = tokens.size();
  heads_.assign(n, -1);
  child_begin_.assign(n + 1, 0);
  rels_.resize(n);
  case_.assign(n, -1);
  upos_.resize(n);
  words_.resize(n);
  lemmas_.resize(n);
  ascii_.resize(n);
  folded_.clear();
  const size_t arena_capacity = folded_.capacity();
  folded_at_.resize(2 * n);
  hashes_.resize(2 * n);
  word_ids_.resize(n);
  lemma_ids_.resize(n);
  word_keys_.resize(n);
  lemma_keys_.resize(n);
  // The loops below work through local pointers: a store through a byte pointer (ascii_, the
  // lower-cased copies) may alias anything, so that the compiler would load every vector's
  // pointer again after each one.
  int* const heads = heads_.data();
  uint32_t* const child_begin = child_begin_.data();
  std::string_view* const rels = rels_.data();
  uint8_t* const upos = upos_.data();
  std::string_view* const words = words_.data();
  std::string_view* const lemmas = lemmas_.data();
  uint8_t* const ascii = ascii_.data();
  uint32_t* const folded_at = folded_at_.data();
  uint64_t* const hashes = hashes_.data();
  for (size_t i = 0; i < n; ++i) {
    // The tokens of the bench's (or a batch's) documents have left the caches by the time they are
    // coded: ask for the fields read here a few tokens ahead, so that the misses overlap.
    if (i + kTokensAhead < n) prefetch_hot(tokens[i + kTokensAhead]);
    const Token& t = tokens[i];
    bool word_ascii = false, lemma_ascii = false;
    // Views of the tokens' own text, or of its lower-cased copies (made again below in the rare
    // sentence where folded_ grows, which moves them).
    uint64_t word_hash = 0, lemma_hash = 0;
    const uint32_t word_at = fold(t.form, folded_, word_ascii, word_hash);
    words[i] = word_at == kAsIs ? std::string_view(t.form)
                                : std::string_view(folded_.data() + word_at, t.form.size());
    uint32_t lemma_at = word_at;
    bool lemma_is_word = true;
    // The lemma is most often the form as written ("the", "said" -> "said"): then the word's.
    if (t.lemma.empty() || Text(t.lemma) == "_" || same_string(t.lemma, t.form)) {
      lemmas[i] = words[i];
      lemma_ascii = word_ascii;
    } else {
      lemma_at = fold(t.lemma, folded_, lemma_ascii, lemma_hash);
      if (lemma_at != kAsIs && word_at != kAsIs) {
        words[i] = std::string_view(folded_.data() + word_at, t.form.size());  // may have moved
      }
      lemmas[i] = lemma_at == kAsIs ? std::string_view(t.lemma)
                                    : std::string_view(folded_.data() + lemma_at, t.lemma.size());
      // (Whether the lemma is the word once lower-cased, found once here for the lookups below.)
      lemma_is_word = word_hash == lemma_hash && same_text(words[i], lemmas[i]);
    }
    folded_at[2 * i] = word_at;
    folded_at[2 * i + 1] = lemma_at;
    hashes[2 * i] = word_hash;
    hashes[2 * i + 1] = lemma_hash;
    ascii[i] = static_cast<uint8_t>((word_ascii ? 1 : 0) | (lemma_ascii ? 2 : 0) |
                                    (lemma_is_word ? kLemmaIsWord : 0));
    // The word table is larger than the caches: ask for the slots now, so that the sentence's
    // misses overlap with each other and with the work up to the lookups below.
    if (dict != nullptr) {
      dict->prefetch_hash(word_hash);
      if (!lemma_is_word) dict->prefetch_hash(lemma_hash);
    }
    int h = t.head - 1;
    if (h >= 0 && static_cast<size_t>(h) < n && static_cast<size_t>(h) != i) {
      heads[i] = h;
      ++child_begin[static_cast<size_t>(h) + 1];
    }
    // The part of speech as one number (tags have no NUL, so that the zero-padded first eight
    // bytes tell them apart), compared with each tag's.
    const uint64_t u = load_terminated(t.upos.data(), t.upos.size());
    bool nominal = u == tag("NOUN") || u == tag("PROPN") || u == tag("PRON") || u == tag("NUM") ||
                   u == tag("X") || u == tag("ADJ");
    upos[i] = u == tag("VERB") ? kVerb : nominal ? kNominal : u == tag("AUX") ? kAux : kOtherPos;
    rels[i] = without_subtype(t.deprel);
  }
  if (folded_.capacity() != arena_capacity) {  // it has grown: the copies have moved
    const std::string_view arena = folded_;
    for (size_t i = 0; i < n; ++i) {
      if (folded_at[2 * i] != kAsIs) words[i] = arena.substr(folded_at[2 * i], words[i].size());
      if (folded_at[2 * i + 1] != kAsIs)
        lemmas[i] = arena.substr(folded_at[2 * i + 1], lemmas[i].size());
    }
  }
  // Children in one array, each token's in sentence order (a counting sort by head).
  for (size_t i = 0; i < n; ++i) child_begin[i + 1] += child_begin[i];
  children_.resize(child_begin[n]);
  fill_.assign(child_begin, child_begin + n);
  uint32_t* const children = children_.data();
  uint32_t* const fill = fill_.data();
  for (size_t i = 0; i < n; ++i)
    if (heads[i] >= 0) children[fill[static_cast<size_t>(heads[i])]++] = static_cast<uint32_t>(i);
  // The case marker of each nominal: its first "case" child in sentence order, not a possessive.
  int* const cases = case_.data();
  for (size_t i = 0; i < n; ++i) {
    int h = heads[i];
    if (h < 0 || cases[static_cast<size_t>(h)] >= 0 || !(Text(rels[i]) == "case")) continue;
    if (!(Text(lemmas[i]) == "'s") && !(Text(lemmas[i]) == "'"))
      cases[static_cast<size_t>(h)] = static_cast<int>(i);
  }

  uint32_t* const word_ids = word_ids_.data();
  uint32_t* const lemma_ids = lemma_ids_.data();
  uint32_t* const word_keys = word_keys_.data();
  uint32_t* const lemma_keys = lemma_keys_.data();
  if (dict == nullptr) {
    std::fill(word_ids, word_ids + n, dict::kUnknownWord);
    lemma_ids_ = word_keys_ = lemma_keys_ = word_ids_;
    return;
  }
  const size_t phrase_words = dict->word_count();
  auto look_up = [&](std::string_view w, bool is_ascii, uint64_t hash, uint32_t& id,
                     uint32_t& key) {
    key = dict->key_id(w, hash);
    // Lower-cased ASCII is already folded; other text folds Unicode case for the trie.
    id = is_ascii ? (key < phrase_words ? key : dict::kUnknownWord) : dict->word_id(w);
  };
  for (size_t i = 0; i < n; ++i) {
    look_up(words[i], (ascii[i] & 1) != 0, hashes[2 * i], word_ids[i], word_keys[i]);
    if ((ascii[i] & kLemmaIsWord) != 0) {
      lemma_ids[i] = word_ids[i];
      lemma_keys[i] = word_keys[i];
    } else {
      look_up(lemmas[i], (ascii[i] & 2) != 0, hashes[2 * i + 1], lemma_ids[i], lemma_keys[i]);
    }
  }
  // The coder matches phrases at every token next: start loading their first trie steps too.
  for (size_t i = 0; i < n; ++i) {
    dict->prefetch_phrase_start(word_ids[i]);
    dict->prefetch_phrase_start(lemma_ids[i]);
  }
}

int SentenceView::child(size_t i, std::string_view relation) const {
  for (uint32_t c : children(i))
    if (rel(c) == relation) return static_cast<int>(c);
  return -1;
}

bool SentenceView::dominates(size_t ancestor, size_t i) const {
  int cur = static_cast<int>(i);
  for (size_t steps = 0; cur >= 0 && steps <= tokens_.size(); ++steps) {
    if (static_cast<size_t>(cur) == ancestor) return true;
    cur = heads_[static_cast<size_t>(cur)];
  }
  return false;
}

}  // namespace khaldun::coder
