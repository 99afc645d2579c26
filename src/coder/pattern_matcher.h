// PETRARCH-2 verb patterns against the words around a predicate. The words after the verb in its
// clause are matched in order, with gaps allowed: a literal word by form or lemma, a synonym set by
// any member, `{...}` as adjacent words, `(P ...)` as a prepositional phrase headed by P, `+` and
// `$` as a noun phrase that names an actor (binding the target or the source). Items before the
// `*` are matched backwards over the words before the verb. The pattern with the most matched
// words wins (a synonym-set member of three words counts three); on a tie, the first written.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "coder/sentence_view.h"
#include "dict/compiled.h"
#include "dict/model.h"

namespace khaldun::coder {

// A synonym set: its members split into words (as key ids), nested sets expanded; and, since a
// member can only match where its first word (its last, read backwards) stands, the members by
// that word.
struct SynsetMembers {
  uint32_t id = 0;  // its number in the SynsetTable (WordSet::may_contain() keeps a flag per set)
  std::vector<std::vector<uint32_t>> members;
  std::vector<std::pair<uint32_t, uint32_t>> by_first;  // (first word, member), sorted
  std::vector<std::pair<uint32_t, uint32_t>> by_last;   // (last word, member), sorted

  // A word's run in by_first (or by_last): [begin, end), empty when no member starts (ends) so.
  // A small hash table rather than a binary search: every token a synonym-set item is tried at
  // asks, and most tokens start no member.
  struct Run {
    uint32_t key = dict::kUnknownWord;  // empty slot
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  std::vector<Run> first_runs, last_runs;  // sizes a power of two, at most half full
  // Bit k: the word with key id k is the first (last) word of a member of some set. Shared by all
  // sets and small enough to stay in cache; most tokens are turned away here.
  const uint64_t* any_first = nullptr;
  const uint64_t* any_last = nullptr;
  size_t any_size = 0;  // in words of 64 bits
  const Run* run_of(uint32_t key, bool last) const {
    const uint64_t* any = last ? any_last : any_first;
    if (key / 64 >= any_size || (any[key / 64] >> (key % 64) & 1) == 0) return nullptr;
    return find_run(last ? last_runs : first_runs, key);
  }
  // The run of `key` in a table built by SynsetTable over a sorted (key, value) index, or nullptr.
  static const Run* find_run(const std::vector<Run>& runs, uint32_t key) {
    size_t mask = runs.size() - 1;
    for (size_t i = (key * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
      if (runs[i].key == key) return &runs[i];
      if (runs[i].key == dict::kUnknownWord) return nullptr;
    }
  }
};

class SynsetTable {
 public:
  explicit SynsetTable(const dict::CompiledDictionary& dict);
  // The set of that name (without '&', any case), or nullptr when unknown.
  const SynsetMembers* members(const std::string& name) const;
  // The same for a name already folded by fold_name().
  const SynsetMembers* members_folded(const std::string& folded) const;
  static std::string fold_name(const std::string& name);
  // The most words of any member ("AUSTRIAN GOLD FLORIN" is 3).
  size_t max_words() const { return max_words_; }
  size_t size() const { return sets_.size(); }
  // Sets bit `id` of `present` for every set (SynsetMembers::id) with a member that starts with
  // the word whose key id this is.
  void mark_sets_starting_with(uint32_t key, std::vector<uint64_t>& present) const {
    if (key / 64 >= any_first_.size() || (any_first_[key / 64] >> (key % 64) & 1) == 0) return;
    if (const SynsetMembers::Run* run = SynsetMembers::find_run(start_runs_, key))
      for (uint32_t k = run->begin; k < run->end; ++k)
        present[starts_[k].second / 64] |= uint64_t{1} << (starts_[k].second % 64);
  }

 private:
  std::unordered_map<std::string, SynsetMembers> sets_;
  size_t max_words_ = 1;
  std::vector<uint64_t> any_first_, any_last_;         // see SynsetMembers::any_first
  std::vector<std::pair<uint32_t, uint32_t>> starts_;  // (first word of a member, set id), sorted
  std::vector<SynsetMembers::Run> start_runs_;         // its runs by word
};

// What became of one pattern a predicate tried (for `explain`).
struct PatternTrial {
  enum class Outcome { kWordsAbsent, kCannotWin, kNoMatch, kMatched };
  int pattern = -1;  // index into VerbGroup::patterns
  Outcome outcome = Outcome::kNoMatch;
  int score = 0;  // when matched
};

struct PatternContext {
  std::vector<PatternTrial>* trials = nullptr;  // when set, every pattern tried is recorded
  const SentenceView* sentence = nullptr;
  uint32_t verb = 0;
  std::vector<uint32_t> before;  // tokens of the clause before the verb, in sentence order
  std::vector<uint32_t> after;   // tokens of the clause after the verb, in sentence order
  // Whether a token heads a noun phrase that names an actor; and the last token of that phrase.
  std::function<bool(uint32_t)> names_actor;
  std::function<uint32_t(uint32_t)> phrase_end;
};

// A pattern item made ready for matching in one direction: words as key ids, a synonym set
// resolved, the contents of `{...}` and `(...)` already arranged the way they are matched.
struct PreparedItem {
  dict::PatternItem::Kind kind = dict::PatternItem::Kind::kWord;
  bool joined = false;
  // Joined, but one adjective may stand between it and the item matched before it: in `{...}`,
  // before a synonym set ("{NEW &TIETYPES RELATIONS}" reads "new global economic relations").
  bool over_adjective = false;
  uint32_t word = dict::kUnknownWord;     // kWord: its key id
  const SynsetMembers* synset = nullptr;  // kSynset: its members, or none
  std::vector<PreparedItem> items;        // {...}: in matching order; (...): after the preposition
};

// A pattern made ready for matching once, when the coder is built: split at the verb (the items
// before it nearest first), the words that must be in a sentence for it to match listed, its
// specificity computed.
struct PreparedPattern {
  std::vector<PreparedItem> before;  // matched backwards from the verb
  std::vector<PreparedItem> after;
  std::vector<uint32_t> required;  // key ids of its literal words (all must be in the sentence)
  // Its synonym sets (each once): each must have a member that starts with a word of the sentence
  // (WordSet::may_contain). A null set, unknown to the dictionary, is one no sentence has.
  std::vector<const SynsetMembers*> required_sets;
  int weight = 0;
  int synsets = 0;  // synonym-set items: a member of several words adds to the weight
  int slots = 0;    // actor slots ($ + %), which weigh 1
  int bound = 0;    // the most weight a match can have (synonym sets of several words)
  int index = 0;    // into VerbGroup::patterns
};

std::vector<PreparedPattern> prepare_patterns(const dict::VerbGroup& group,
                                              const dict::CompiledDictionary& dict,
                                              const SynsetTable& synsets);

// A verb group's prepared patterns, indexed by one literal word each (its anchor: the word fewest
// of the group's patterns use), so that a predicate only looks at the patterns whose anchor is in
// its sentence instead of asking the sentence for the words of every pattern of a large group.
struct PreparedGroup {
  std::vector<PreparedPattern> patterns;
  std::vector<uint32_t> unanchored;    // patterns without literal words: always tried
  std::vector<uint32_t> anchors;       // the anchors' key ids, sorted, each once
  std::vector<uint32_t> anchor_begin;  // patterns of anchors[a]: anchored[anchor_begin[a]..[a+1])
  std::vector<uint32_t> anchored;      // pattern numbers, in order within each anchor
  // The anchors as a hash table (key id -> index into anchors; a power of two, at most half full),
  // so that a sentence with fewer words than the group has anchors probes its words here instead.
  struct AnchorSlot {
    uint32_t key = dict::kUnknownWord;  // empty slot
    uint32_t anchor = 0;
  };
  std::vector<AnchorSlot> anchor_table;
  // The index of the anchor with this key id in `anchors`, or -1.
  int anchor_of(uint32_t key) const {
    size_t mask = anchor_table.size() - 1;
    for (size_t i = (key * 0x9E3779B1u) & mask;; i = (i + 1) & mask) {
      if (anchor_table[i].key == key) return static_cast<int>(anchor_table[i].anchor);
      if (anchor_table[i].key == dict::kUnknownWord) return -1;
    }
  }
};

PreparedGroup prepare_group(const dict::VerbGroup& group, const dict::CompiledDictionary& dict,
                            const SynsetTable& synsets);

// The key ids of a sentence's words and lemmas, as a small open-addressing set: every pattern of a
// predicate's verb group asks it for each of its words.
class WordSet {
 public:
  WordSet() = default;
  explicit WordSet(const SentenceView& s) { assign(s); }
  // The set of another sentence, reusing the storage (the coder keeps one set per thread). With
  // the synonym sets, also which sets may_contain() can be matched.
  void assign(const SentenceView& s, const SynsetTable* synsets = nullptr);
  // The key ids in the set, each once.
  const std::vector<uint32_t>& keys() const { return keys_; }
  bool contains(uint32_t id) const {
    for (size_t i = slot(id);; i = (i + 1) & mask_) {
      if (slots_[i] == id) return true;
      if (slots_[i] == dict::kUnknownWord) return false;
    }
  }
  // Whether a member of the set starts with a word of the sentence: without one, no item of the
  // set can match (read backwards too, since a member matches whole). Most patterns without
  // literal words ("* &WEAPON") are turned away here instead of being matched at every token.
  // Known when assign() was given the synonym sets; else every set may be there.
  bool may_contain(const SynsetMembers& set) const {
    return !sets_known_ || (sets_present_[set.id / 64] >> (set.id % 64) & 1) != 0;
  }

 private:
  size_t slot(uint32_t id) const { return (id * 0x9E3779B1u) >> shift_ & mask_; }

  std::vector<uint32_t> slots_;  // kUnknownWord: empty
  std::vector<uint32_t> keys_;
  bool sets_known_ = false;
  std::vector<uint64_t> sets_present_;  // bit SynsetMembers::id: see may_contain()
  size_t mask_ = 0;
  int shift_ = 0;
};

struct PatternMatch {
  int pattern = -1;  // index into VerbGroup::patterns; -1 = none matched
  int score = 0;
  int source = -1;               // token heading the `$` phrase, or -1
  int target = -1;               // token heading the `+` phrase, or -1
  int compound = -1;             // token heading the `%` phrase (actors acting on each other)
  std::vector<uint32_t> tokens;  // tokens the pattern's words matched
  bool limit_hit = false;        // a pattern ran out of matching steps (see kMaxMatchSteps)
};

// The matching steps one pattern may take in one direction: a pathological pattern against a long
// sentence stops there rather than taking exponential time.
inline constexpr int kMaxMatchSteps = 4000;

// The best of a group's prepared patterns in this context.
PatternMatch match_patterns(const std::vector<PreparedPattern>& patterns,
                            const PatternContext& context, const WordSet& words);
// The same, trying only the patterns whose anchor is among `words` (the others cannot match).
PatternMatch match_patterns(const PreparedGroup& group, const PatternContext& context,
                            const WordSet& words);

// Builds the clause context of a predicate: its subtree, without subordinate and coordinated
// clauses, which are predicates of their own.
void clause_tokens(const SentenceView& s, uint32_t verb, std::vector<uint32_t>& before,
                   std::vector<uint32_t>& after);

}  // namespace khaldun::coder
