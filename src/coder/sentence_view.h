// A parsed sentence seen as a tree: children lists, relations without subtypes, case-folded words.
// Built once per sentence and shared by every step of the coder. Given the compiled dictionary, it
// also looks every word and lemma up once, so that the later steps compare integers: the trie ids
// for phrase matching, and the key ids under which verbs, patterns and synonym sets compare words.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "dict/compiled.h"

namespace khaldun::coder {

// A view of a word or relation whose comparison with a string literal compares a length known at
// compile time, which inlines to a load or two: std::string_view's == calls compare(), and that
// memcmp, for a length it does not know (and the coder compares with literals everywhere).
struct Text : std::string_view {
  Text() = default;
  Text(std::string_view v) : std::string_view(v) {}  // NOLINT: as easily used as a string_view
  template <size_t N>
  bool operator==(const char (&literal)[N]) const {
    return size() == N - 1 && __builtin_memcmp(data(), literal, N - 1) == 0;
  }
};

class SentenceView {
 public:
  SentenceView() = default;
  explicit SentenceView(std::span<const Token> tokens,
                        const dict::CompiledDictionary* dict = nullptr) {
    assign(tokens, dict);
  }
  // Not copied: its words may be views into its own buffer.
  SentenceView(const SentenceView&) = delete;
  SentenceView& operator=(const SentenceView&) = delete;
  // Views another sentence, reusing the storage of the previous one (the coder keeps one view per
  // thread, so that a sentence costs no allocation once the buffers have grown).
  void assign(std::span<const Token> tokens, const dict::CompiledDictionary* dict = nullptr);

  size_t size() const { return tokens_.size(); }
  const Token& token(size_t i) const { return tokens_[i]; }
  std::span<const Token> tokens() const { return tokens_; }

  // 0-based head, or -1 for the root (and for unparsed tokens).
  int head(size_t i) const { return heads_[i]; }
  // The relation without its subtype ("obl" for "obl:agent").
  Text rel(size_t i) const { return rels_[i]; }
  Text full_rel(size_t i) const { return std::string_view(tokens_[i].deprel); }
  std::span<const uint32_t> children(size_t i) const {
    return {children_.data() + child_begin_[i], children_.data() + child_begin_[i + 1]};
  }

  // Lower-cased form and lemma (the lemma falls back to the form when the parser gave none). As
  // views: the coder compares them with literals everywhere, and a view compares its length first
  // where std::string == const char* calls strlen and memcmp.
  Text word(size_t i) const { return words_[i]; }
  Text lemma(size_t i) const { return lemmas_[i]; }
  bool is(size_t i, std::string_view folded) const {
    return words_[i] == folded || lemmas_[i] == folded;
  }
  template <size_t N>
  bool is(size_t i, const char (&folded)[N]) const {
    return word(i) == folded || lemma(i) == folded;
  }

  // With a dictionary: the trie ids of the words and lemmas (CompiledDictionary::word_ids)...
  const std::vector<uint32_t>& word_ids() const { return word_ids_; }
  const std::vector<uint32_t>& lemma_ids() const { return lemma_ids_; }
  // ... and their key ids (CompiledDictionary::key_id): is(i, key) is is(i, word) for the word
  // whose key id that is.
  uint32_t word_key(size_t i) const { return word_keys_[i]; }
  uint32_t lemma_key(size_t i) const { return lemma_keys_[i]; }
  bool is(size_t i, uint32_t key) const {
    return key != dict::kUnknownWord && (word_keys_[i] == key || lemma_keys_[i] == key);
  }

  // The first child of `i` with this relation (without subtype), or -1.
  int child(size_t i, std::string_view relation) const;
  // The lemma of the case marker of a nominal ("with" in "with Lavrov"), or empty.
  Text case_of(size_t i) const {
    return case_[i] < 0 ? Text() : Text(lemmas_[static_cast<size_t>(case_[i])]);
  }
  bool is_verb(size_t i) const { return upos_[i] == kVerb; }
  bool is_nominal(size_t i) const { return upos_[i] == kNominal; }
  bool is_verb_or_aux(size_t i) const { return upos_[i] == kVerb || upos_[i] == kAux; }
  // Whether `ancestor` dominates `i` (or is it).
  bool dominates(size_t ancestor, size_t i) const;

 private:
  std::span<const Token> tokens_;
  std::vector<int> heads_;
  std::vector<std::string_view> rels_;
  // The part of speech as the coder asks it, found once (string comparisons add up).
  enum : uint8_t { kOtherPos, kVerb, kNominal, kAux };
  std::vector<uint8_t> upos_;
  std::vector<int> case_;  // case_of()'s token, found once (the coder asks very often), or -1
  // Children of token i: children_[child_begin_[i] .. child_begin_[i + 1]), in sentence order.
  std::vector<uint32_t> child_begin_;
  std::vector<uint32_t> children_;
  std::vector<uint32_t> fill_;    // scratch for the counting sort
  std::vector<uint64_t> hashes_;  // scratch: the word table hashes of words and lemmas
  // Views of the token's own form or lemma when it has no capitals (most words), else of its
  // lower-cased copy in folded_ (set once all copies are made, so that the views stay valid).
  std::vector<std::string_view> words_;
  std::vector<std::string_view> lemmas_;
  std::string folded_;
  std::vector<uint32_t> folded_at_;  // scratch: where word i (2i) and lemma i (2i + 1) start in
                                     // folded_, or 0xFFFFFFFF when not copied
  // How far ahead assign() prefetches tokens, and how much of each: the fields it reads come first
  // in Token (core/document.h).
  static constexpr size_t kTokensAhead = 4;
  static constexpr size_t kHotTokenBytes = 136;
  // Every cache line of the token's first kHotTokenBytes (three or four: a Token is not aligned),
  // without a loop: one of them may be asked for twice, which costs less than the loop.
  static void prefetch_hot(const Token& t) {
    static_assert(kHotTokenBytes > 128 && kHotTokenBytes <= 192);
    const char* at = reinterpret_cast<const char*>(&t);
    __builtin_prefetch(at);
    __builtin_prefetch(at + 64);
    __builtin_prefetch(at + 128);
    __builtin_prefetch(at + kHotTokenBytes - 1);
  }
  std::vector<uint8_t> ascii_;  // bit 0: the word is all ASCII, bit 1: the lemma is; bit 2:
                                // the lemma is the word (see assign())
  std::vector<uint32_t> word_ids_, lemma_ids_, word_keys_, lemma_keys_;
};

}  // namespace khaldun::coder
