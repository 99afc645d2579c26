// Actor and agent mentions: the longest dictionary phrases found in a sentence, over the words as
// written and, where that finds nothing, over their lemmas ("ministers" -> "minister").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "coder/sentence_view.h"
#include "dict/compiled.h"

namespace khaldun::coder {

struct Mention {
  uint32_t begin = 0;  // token range [begin, end) in the sentence
  uint32_t end = 0;
  dict::EntryRef entry;  // kActor or kAgent
  // An actor's code on the document date ("RUSGOV"), or an agent's code as written ("~GOV").
  // Empty when the actor has no code on that date.
  std::string code;
  int code_line = 0;    // the dictionary line of the code that applied
  bool person = false;  // the actor has dated roles: a person rather than a country or body

  bool is_agent() const { return entry.kind == dict::EntryRef::Kind::kAgent; }
};

// Non-overlapping mentions, left to right, longest first. `date` is YYYYMMDD (0 = unknown: the
// most recent code applies). With `acronyms_in_capitals`, a dictionary name written in capitals of
// up to four letters ("US", "WHO", "IS") only matches a token in capitals, so that "us" and "who"
// stay words; that suits dictionaries written in running-text case, not PETRARCH's all-capitals.
// `word_ids` and `lemma_ids` are the sentence's words and lemmas as CompiledDictionary::word_ids
// gives them.
std::vector<Mention> find_mentions(const SentenceView& sentence,
                                   const dict::CompiledDictionary& dict,
                                   const std::vector<uint32_t>& word_ids,
                                   const std::vector<uint32_t>& lemma_ids, int32_t date,
                                   bool acronyms_in_capitals);

// Whether a dictionary writes its names in running-text case (khaldun's) rather than all in
// capitals (PETRARCH's).
bool written_in_mixed_case(const dict::Dictionary& dict);

// The code of an actor on a date, the way mentions resolve it; empty when it has none.
const dict::DatedCode* actor_code_at(const dict::Actor& actor, int32_t date);

}  // namespace khaldun::coder
