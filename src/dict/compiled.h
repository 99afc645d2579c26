// The compiled form of a dictionary, built for matching: words are case-folded and interned to
// ids, and every phrase (actor and agent names, verb forms, places, discards, issues) is a path
// in one trie over word ids. At a token position the coder asks for the longest phrase of a
// kind; the entries found point back into the Dictionary, which must outlive this object.
//
// The same word ids serve the coder's other comparisons: the words that verb entries, patterns and
// synonym sets compare exactly are interned too (after the phrase words), so that a sentence's
// tokens are looked up once and everything after is integer comparison.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/huge_page_allocator.h"
#include "dict/model.h"
#include "dict/word_table.h"

namespace khaldun::dict {

struct EntryRef {
  enum class Kind : uint8_t { kActor, kAgent, kVerb, kPlace, kDiscard, kIssue };
  Kind kind = Kind::kActor;
  uint32_t index = 0;  // into the Dictionary vector of that kind (verb_groups for kVerb)
  uint32_t sub = 0;    // which name of the entry (for kVerb: which verb of the group)
  bool operator==(const EntryRef&) const = default;
};

std::string_view to_string(EntryRef::Kind kind);

inline constexpr uint32_t kUnknownWord = 0xFFFFFFFF;

class CompiledDictionary {
 public:
  explicit CompiledDictionary(const Dictionary& dict);

  const Dictionary& dictionary() const { return *dict_; }

  // The id of a word (any case), kUnknownWord when no phrase uses it.
  uint32_t word_id(std::string_view word) const;
  // Ids of a token sequence, e.g. a sentence, computed once and then matched at every position.
  std::vector<uint32_t> word_ids(std::span<const std::string> tokens) const;
  // The id of a word already case-folded, kUnknownWord when no phrase uses it: word_id() without
  // the folding, for words known to be folded (all-ASCII lower case).
  uint32_t folded_word_id(std::string_view folded) const {
    uint32_t id = words_.find(folded);
    return id < phrase_words_ ? id : kUnknownWord;
  }
  // The id under which the coder compares this exact string (no folding): phrase words and the
  // words of verbs, patterns and synonym sets. kUnknownWord when none of them is this string.
  uint32_t key_id(std::string_view word) const { return words_.find(word); }
  // key_id() in two steps, for a batch of words: prefetch what it reads (see WordTable::prefetch)
  // given the word's WordTable::hash(), then look the word up with that hash.
  void prefetch_hash(uint64_t hash) const { words_.prefetch(hash); }
  uint32_t key_id(std::string_view word, uint64_t hash) const { return words_.find(word, hash); }
  // Prefetches what longest_match() reads first for a phrase starting with this word id.
  void prefetch_phrase_start(uint32_t id) const {
    if (id < root_edges_.size()) __builtin_prefetch(&root_edges_[id]);
  }

  struct Match {
    size_t length = 0;                  // tokens matched; 0 = no match
    std::span<const EntryRef> entries;  // the entries of that kind ending there
  };
  // The longest phrase of `kind` that starts at ids[pos].
  Match longest_match(std::span<const uint32_t> ids, size_t pos, EntryRef::Kind kind) const {
    // Inline, the usual answer: no phrase of this kind starts with this word (the coder asks for
    // places, issues and discards at every token).
    if (pos >= ids.size() || !starts_phrase(ids[pos], kind_mask(kind))) return Match{};
    std::array<Match, kKinds> all;
    longest_matches(ids, pos, kind_mask(kind), all);
    return all[static_cast<size_t>(kind)];
  }
  // Whether a phrase of one of `kinds` (kind_mask() bits) starts with this word id: one load, so
  // that a caller can pass over the many words that start none before setting up a walk.
  bool starts_phrase(uint32_t id, uint16_t kinds) const {
    return id < root_edges_.size() && (root_edges_[id].kinds & (kinds * 0x101u)) != 0;
  }
  // longest_match() for several kinds in one walk: out[k] is the match of kind k (as a number) for
  // every kind in `kinds`; the other elements of `out` are left alone.
  static constexpr size_t kKinds = 6;
  static constexpr uint16_t kind_mask(EntryRef::Kind kind) { return kind_bit(kind); }
  void longest_matches(std::span<const uint32_t> ids, size_t pos, uint16_t kinds,
                       std::span<Match, kKinds> out) const;

  // Every entry whose phrase is exactly these words (any kind).
  std::vector<EntryRef> exact(std::span<const std::string> words) const;

  // The effective code of a verb: its own, else its group's.
  static const EventCode& verb_code(const VerbGroup& group, const Verb& verb);
  // Every surface form of a verb (base, listed or generated forms), as word sequences.
  static std::vector<std::vector<std::string>> verb_surface_forms(const Verb& verb);

  // Whether an actor or agent has a name of at most four letters all in capitals ("US", "WHO"):
  // the coder matches such names with care, and asks this first to spare most mentions a look at
  // the (large, rarely cached) dictionary entry.
  bool has_short_capital_name(const EntryRef& ref) const {
    const std::vector<bool>* flags = ref.kind == EntryRef::Kind::kActor   ? &short_capitals_[0]
                                     : ref.kind == EntryRef::Kind::kAgent ? &short_capitals_[1]
                                                                          : nullptr;
    return flags != nullptr && ref.index < flags->size() && (*flags)[ref.index];
  }

  const Synset* synset(std::string_view name) const;
  const VerbGroup* verb_group(std::string_view name) const;

  size_t word_count() const { return phrase_words_; }
  size_t node_count() const { return nodes_; }
  size_t phrase_count() const { return refs_.size(); }

 private:
  uint32_t intern(const std::string& folded);
  void intern_compared_words();
  void add(const std::vector<std::string>& words, EntryRef ref);
  void add_phrase(std::string_view phrase, EntryRef ref);
  uint32_t child(uint32_t node, uint32_t word) const {
    if (word == kUnknownWord) return 0;
    if (node == 0) return word < root_edges_.size() ? root_edges_[word].child : 0;
    if ((child_filter_[node] & child_bit(word)) == 0) return 0;
    return edges_.find(node, word);
  }
  static uint64_t child_bit(uint32_t word) { return uint64_t{1} << ((word * 0x9E3779B1u) >> 26); }
  static constexpr uint16_t kind_bit(EntryRef::Kind kind) {
    return static_cast<uint16_t>(1u << static_cast<unsigned>(kind));
  }
  void freeze();

  const Dictionary* dict_;
  WordTable words_;
  uint32_t phrase_words_ = 0;  // ids below this are phrase words (the rest only compared)
  EdgeTable edges_;
  // Word id -> the root's child and that node's kinds (see node_kinds_): most walks end after
  // this one load.
  struct RootEdge {
    uint32_t child = 0;  // 0: none
    uint16_t kinds = 0;
  };
  std::vector<RootEdge, HugePageAllocator<RootEdge>> root_edges_;  // on huge pages, as words_
  std::vector<std::pair<uint32_t, uint32_t>> parents_;  // while building: node -> (parent, word)
  // Per node, bit k: a phrase of kind k ends here; bit 8 + k: one ends further down.
  std::vector<uint16_t, HugePageAllocator<uint16_t>> node_kinds_;
  // Per node, a filter of its child words (bit child_bit(word)): most words that do not continue
  // a phrase are turned away here, without a look in the (large) edge table.
  std::vector<uint64_t, HugePageAllocator<uint64_t>> child_filter_;
  // While building: (node, ref) pairs; frozen into refs_ sorted by node and kind.
  std::vector<std::pair<uint32_t, EntryRef>> pending_;
  std::vector<EntryRef> refs_;
  std::vector<uint32_t> payload_begin_;  // per node, into refs_ (node_count + 1 entries)
  uint32_t nodes_ = 1;                   // node 0 is the root
  std::vector<bool> short_capitals_[2];  // actors, agents: see has_short_capital_name()
  std::unordered_map<std::string, uint32_t> synsets_;
  std::unordered_map<std::string, uint32_t> groups_;
};

}  // namespace khaldun::dict
