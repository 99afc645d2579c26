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
#include "dict/model.h"

namespace khaldun::coder {

// Synonym sets with their members split into folded words, nested sets expanded.
class SynsetTable {
 public:
  explicit SynsetTable(const dict::Dictionary& dict);
  // The members of a set (name without '&', any case), or nullptr when unknown.
  const std::vector<std::vector<std::string>>* members(const std::string& name) const;
  // The same for a name already folded by fold_name().
  const std::vector<std::vector<std::string>>* members_folded(const std::string& folded) const;
  static std::string fold_name(const std::string& name);
  // The most words of any member ("AUSTRIAN GOLD FLORIN" is 3).
  size_t max_words() const { return max_words_; }

 private:
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> sets_;
  size_t max_words_ = 1;
};

struct PatternContext {
  const SentenceView* sentence = nullptr;
  uint32_t verb = 0;
  std::vector<uint32_t> before;  // tokens of the clause before the verb, in sentence order
  std::vector<uint32_t> after;   // tokens of the clause after the verb, in sentence order
  // Whether a token heads a noun phrase that names an actor; and the last token of that phrase.
  std::function<bool(uint32_t)> names_actor;
  std::function<uint32_t(uint32_t)> phrase_end;
};

// A pattern made ready for matching once, when the coder is built: words case-folded, the words
// that must be in a sentence for it to match listed, its specificity computed.
struct PreparedPattern {
  std::vector<dict::PatternItem> items;  // texts folded
  std::vector<uint32_t> required;        // ids of its literal words (all must be in the sentence)
  int weight = 0;
  int synsets = 0;  // synonym-set items: a member of several words adds to the weight
  int slots = 0;    // actor slots ($ + %), which weigh 1
  int index = 0;    // into VerbGroup::patterns
};

// Ids for the literal words of patterns, so that a sentence can be tested for a pattern's words
// with integer comparisons before any matching is tried.
class PatternWords {
 public:
  uint32_t intern(const std::string& folded);
  // The id of a word, or kNone.
  uint32_t find(const std::string& folded) const;
  static constexpr uint32_t kNone = 0xFFFFFFFF;

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

std::vector<PreparedPattern> prepare_patterns(const dict::VerbGroup& group, PatternWords& words);

// The pattern-word ids of a sentence's words and lemmas, sorted.
class WordSet {
 public:
  WordSet(const SentenceView& s, const PatternWords& words);
  bool contains(uint32_t id) const { return std::binary_search(ids_.begin(), ids_.end(), id); }

 private:
  std::vector<uint32_t> ids_;
};

struct PatternMatch {
  int pattern = -1;  // index into VerbGroup::patterns; -1 = none matched
  int score = 0;
  int source = -1;               // token heading the `$` phrase, or -1
  int target = -1;               // token heading the `+` phrase, or -1
  int compound = -1;             // token heading the `%` phrase (actors acting on each other)
  std::vector<uint32_t> tokens;  // tokens the pattern's words matched
};

// The best of a group's prepared patterns in this context.
PatternMatch match_patterns(const std::vector<PreparedPattern>& patterns,
                            const PatternContext& context, const SynsetTable& synsets,
                            const WordSet& words);

// Builds the clause context of a predicate: its subtree, without subordinate and coordinated
// clauses, which are predicates of their own.
void clause_tokens(const SentenceView& s, uint32_t verb, std::vector<uint32_t>& before,
                   std::vector<uint32_t>& after);

}  // namespace khaldun::coder
