// The event coder: from a parsed document and a dictionary set to CAMEO events. For each coded
// sentence it finds actor mentions, the predicates the verb dictionary knows, the best pattern of
// each, and the source and target from the parse; then dates, places and issues. A document-level
// memory resolves pronouns and bare roles to the actor named before.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "coder/event.h"
#include "coder/pattern_matcher.h"
#include "coder/verb_index.h"
#include "dict/load.h"

namespace khaldun::coder {

struct CoderOptions {
  bool allow_no_target = false;  // also emit events that have a source but no target
  // Follow PETRARCH-2 where khaldun's own dictionaries assume otherwise. On: the target may be
  // any actor named later in the clause, co-agents act on each other whatever the code, and
  // modals leave the code as it is. Off (khaldun's dictionaries): targets come from the parse
  // (objects and prepositional objects), co-agents only cooperate or clash with each other, and
  // "will sign", "may visit" turn an action into its 03x intent or 13x threat.
  bool petrarch_compatible = false;
  // With petrarch_compatible: follow UniversalPetrarch where it differs from PETRARCH-2. A slashed
  // actor code ("[FRO/BIL/SAM]", several actors at once) stays one actor coded as written, where
  // PETRARCH-2 gives each of its actors an event; a passive without "by" takes its source from the
  // rest of the clause, where PETRARCH-2 reads it as if active; and the words of a pattern before
  // the verb are read in the subject only ("RECENTLY *" does not read "Gollum recently allowed").
  bool universal_petrarch = false;
};

class Coder {
 public:
  Coder(const dict::DictionarySet& dictionaries, CoderOptions options);

  // The events of a parsed document, in sentence order. Const and thread-safe: one Coder serves
  // many threads. With `trace`, appends a human-readable account of every decision. With
  // `limits`, appends a line for each sentence where an internal limit cut the work short (its
  // events may be incomplete), so that callers can report it.
  std::vector<Event> code(const Document& doc, std::vector<std::string>* trace = nullptr,
                          std::vector<std::string>* limits = nullptr) const;

  const dict::Dictionary& dictionary() const { return dict_; }
  const dict::CompiledDictionary& compiled() const { return compiled_; }

 private:
  struct Memory;
  struct SentenceState;
  // False when a discard phrase rules out the whole story.
  bool code_sentence(const Document& doc, uint32_t sentence, uint32_t index, int32_t date,
                     Memory& memory, std::vector<Event>& out, std::vector<std::string>* trace,
                     std::vector<std::string>* limits) const;
  bool discarded(const std::vector<uint32_t>& word_ids, bool& whole_story,
                 std::string& phrase) const;
  std::vector<std::string> issues_of(const std::vector<uint32_t>& word_ids) const;
  // `clause` is the predicate's clause after it, as clause_tokens() gives it.
  std::optional<Location> location_of(const SentenceView& s, const std::vector<uint32_t>& word_ids,
                                      uint32_t verb, const std::vector<uint32_t>& clause) const;

  const dict::Dictionary& dict_;
  const dict::CompiledDictionary& compiled_;
  CoderOptions options_;
  VerbIndex verbs_;
  SynsetTable synsets_;
  std::vector<PreparedGroup> patterns_;  // per verb group
  bool acronyms_in_capitals_;
};

// The 03x intent or 13x threat that a modal makes of an action code ("057" -> "030").
std::string intent_code(const std::string& code);

}  // namespace khaldun::coder
