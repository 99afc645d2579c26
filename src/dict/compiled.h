// The compiled form of a dictionary, built for matching: words are case-folded and interned to
// ids, and every phrase (actor and agent names, verb forms, places, discards, issues) is a path
// in one trie over word ids. At a token position the coder asks for the longest phrase of a
// kind; the entries found point back into the Dictionary, which must outlive this object.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dict/model.h"

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

  struct Match {
    size_t length = 0;                  // tokens matched; 0 = no match
    std::span<const EntryRef> entries;  // the entries of that kind ending there
  };
  // The longest phrase of `kind` that starts at ids[pos].
  Match longest_match(std::span<const uint32_t> ids, size_t pos, EntryRef::Kind kind) const;

  // Every entry whose phrase is exactly these words (any kind).
  std::vector<EntryRef> exact(std::span<const std::string> words) const;

  // The effective code of a verb: its own, else its group's.
  static const EventCode& verb_code(const VerbGroup& group, const Verb& verb);
  // Every surface form of a verb (base, listed or generated forms), as word sequences.
  static std::vector<std::vector<std::string>> verb_surface_forms(const Verb& verb);

  const Synset* synset(std::string_view name) const;
  const VerbGroup* verb_group(std::string_view name) const;

  size_t word_count() const { return words_.size(); }
  size_t node_count() const { return nodes_; }
  size_t phrase_count() const { return refs_.size(); }

 private:
  uint32_t intern(const std::string& folded);
  void add(const std::vector<std::string>& words, EntryRef ref);
  void add_phrase(std::string_view phrase, EntryRef ref);
  uint32_t child(uint32_t node, uint32_t word) const;
  void freeze();

  const Dictionary* dict_;
  std::unordered_map<std::string, uint32_t> words_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 32 | word) -> child node
  // While building: (node, ref) pairs; frozen into refs_ sorted by node and kind.
  std::vector<std::pair<uint32_t, EntryRef>> pending_;
  std::vector<EntryRef> refs_;
  std::vector<uint32_t> payload_begin_;  // per node, into refs_ (node_count + 1 entries)
  uint32_t nodes_ = 1;                   // node 0 is the root
  std::unordered_map<std::string, uint32_t> synsets_;
  std::unordered_map<std::string, uint32_t> groups_;
};

}  // namespace khaldun::dict
