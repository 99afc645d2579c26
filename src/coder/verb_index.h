// Which dictionary verbs a token can be. Verbs are indexed by every surface form of their verb word
// (base, listed and generated forms); the other words of a multi-word verb ("hold talks", "carry
// out", "meet with") are looked for among the verb's dependents, not next to it, so that "held
// regular phone talks" and "sanctions imposed by" are found too.
#pragma once

#include <cstdint>
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
  explicit VerbIndex(const dict::CompiledDictionary& dict);

  // The most specific verb the token at `i` is (the most words matched; the first in the
  // dictionary on a tie), if any.
  bool match(const SentenceView& s, size_t i, VerbMatch& out) const;

 private:
  struct Entry {
    uint32_t group;
    uint32_t verb;
    std::vector<uint32_t> before;  // key ids of the words before the verb word, nearest last
    std::vector<uint32_t> after;   // key ids of the words after it
  };
  bool match_entry(const SentenceView& s, size_t i, const Entry& e, std::vector<uint32_t>& extra,
                   std::vector<uint32_t>& pool) const;

  std::vector<Entry> entries_;
  // Key id of a verb word -> its entries: by_word_[key_begin_[id] .. key_begin_[id + 1]).
  std::vector<uint32_t> key_begin_;
  std::vector<uint32_t> by_word_;
};

}  // namespace khaldun::coder
