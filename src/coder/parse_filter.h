// Which sentences `khaldun code` must parse. Parsing is most of the time of coding text, and most
// sentences of news cannot give an event with a given dictionary. The test runs on a tagged (and
// lemmatised) but unparsed sentence and is conservative: it only rules a sentence out when the
// coder, given its parse, would find no event in it either:
//   - an event needs a predicate: a VERB or AUX token whose form or lemma is the verb word of a
//     verb entry (nouns never are predicates), with the entry's words before the verb word right
//     before it and its other words somewhere in the sentence, and a code: the verb's own, or a
//     pattern's of its group whose words are all in the sentence (a pattern is matched on
//     sentence words only);
//   - an event needs a source, and every source comes from an actor or agent mention in the
//     sentence, or from a "he"/"she" that the document memory resolves;
// A sentence ruled out still goes through Coder::code unparsed: what the coder takes from it
// without a predicate (discard phrases, the actors it names for the document memory) does not
// depend on the parse. Keep this in step with Coder::code_sentence: a new way of finding a
// predicate or a source there must be allowed for here (tests/coder/parse_filter_test.cc checks
// that filtered and fully parsed coding agree on the corpus).
#pragma once

#include <span>

#include "coder/pattern_matcher.h"
#include "coder/verb_index.h"
#include "core/document.h"
#include "dict/compiled.h"

namespace khaldun::coder {

class ParseFilter {
 public:
  explicit ParseFilter(const dict::CompiledDictionary& dict);

  // Whether the tagged sentence could give an event once parsed. `date` is the document date as
  // Coder::code uses it (YYYYMMDD, 0 = unknown).
  bool worth_parsing(std::span<const Token> tagged, int32_t date) const;
  // The document date as worth_parsing() takes it.
  static int32_t date_of(const Document& doc);

 private:
  bool may_code(const SentenceView& s, size_t i, const WordSet& words) const;

  const dict::CompiledDictionary& dict_;
  VerbIndex verbs_;
  SynsetTable synsets_;
  // Per verb group: the sentence words each of its coding patterns needs.
  std::vector<std::vector<std::vector<uint32_t>>> coding_patterns_;
  bool acronyms_in_capitals_;
};

}  // namespace khaldun::coder
