// Which dictionary verbs a token can be. Verbs are indexed by every surface form of their verb word
// (base, listed and generated forms); the other words of a multi-word verb ("hold talks", "carry
// out", "meet with") are looked for among the verb's dependents, not next to it, so that "held
// regular phone talks" and "sanctions imposed by" are found too.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "coder/sentence_view.h"
#include "dict/compiled.h"

namespace khaldun::coder {

struct VerbMatch {
  uint32_t group = 0;                  // index into Dictionary::verb_groups
  uint32_t verb = 0;                   // index into VerbGroup::verbs
  uint32_t token = 0;                  // the verb token
  std::vector<uint32_t> extra_tokens;  // tokens matched by the other words of a multi-word verb
};

// Words are compared by their key ids (CompiledDictionary::key_id), so the index needs the
// sentence's SentenceView to have been built with the same compiled dictionary.
class VerbIndex {
 public:
  // With `forms_only`, a token matches by its word form alone, as PETRARCH-2 does, which knows a
  // verb only by the forms it lists or generates ("departes" is no form of DEPART); otherwise its
  // lemma may match too, which catches forms the dictionary never generated.
  explicit VerbIndex(const dict::CompiledDictionary& dict, bool forms_only = false);

  // The most specific verb the token at `i` is (the most words matched; the first in the
  // dictionary on a tie), if any.
  bool match(const SentenceView& s, size_t i, VerbMatch& out) const;
  struct Entry {
    uint32_t group;
    uint32_t verb;
    std::vector<uint32_t> before;  // key ids of the words before the verb word, nearest last
    std::vector<uint32_t> after;   // key ids of the words after it
  };
  // The entries whose verb word has this key id, in dictionary order.
  std::span<const uint32_t> entries_of(uint32_t key) const {
    if (key == dict::kUnknownWord || key + 1 >= key_begin_.size()) return {};
    return {by_word_.data() + key_begin_[key], by_word_.data() + key_begin_[key + 1]};
  }
  const Entry& entry(uint32_t id) const { return entries_[id]; }

  // Whether some verb entry has this key id (CompiledDictionary::key_id) as its verb word: a
  // token whose word and lemma both fail this can never match().
  bool has_verb_word(uint32_t key) const {
    // A bit per key id (a few KB that stay in cache) rather than two loads from key_begin_: the
    // coder asks this of every verb of every sentence, and most answers are no.
    return key / 64 < verb_words_.size() && (verb_words_[key / 64] >> (key % 64) & 1) != 0;
  }
  // Whether token i can match(): its word, or (unless forms only) its lemma, is a verb word.
  bool may_match(const SentenceView& s, size_t i) const {
    return has_verb_word(s.word_key(i)) || (!forms_only_ && has_verb_word(s.lemma_key(i)));
  }

 private:
  // `pool` holds the candidates for the words after the verb once `pool_ready`.
  bool match_entry(const SentenceView& s, size_t i, const Entry& e, std::vector<uint32_t>& extra,
                   std::vector<uint32_t>& pool, bool& pool_ready) const;

  bool forms_only_ = false;
  std::vector<Entry> entries_;
  // Key id of a verb word -> its entries: by_word_[key_begin_[id] .. key_begin_[id + 1]).
  std::vector<uint32_t> key_begin_;
  std::vector<uint32_t> by_word_;
  std::vector<uint64_t> verb_words_;  // bit k: key id k has entries (see has_verb_word)
};

}  // namespace khaldun::coder
