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
//   - unless events without a target are allowed, a target of another code than the source
//     (self-events are dropped). Without a role (an agent mention) every participant's code is the
//     code of an actor mention (on the document date) or, for "he"/"she", the person the memory
//     holds; one role alone composes with one country for all its phrases unless the sentence
//     names a place ("police in X"). So a sentence with at most one such code gives no event. It
//     may still leave its would-be source in the document memory as the person it was about,
//     which only a later "he"/"she" reads: it is parsed when a later sentence has one.
// A sentence ruled out still goes through Coder::code unparsed: what the coder takes from it
// without a predicate (discard phrases, the actors it names for the document memory) does not
// depend on the parse. Keep this in step with Coder::code_sentence: a new way of finding a
// predicate or a source there must be allowed for here (tests/coder/parse_filter_test.cc checks
// that filtered and fully parsed coding agree on the corpus).
#pragma once

#include <span>
#include <vector>

#include "coder/pattern_matcher.h"
#include "coder/verb_index.h"
#include "core/document.h"
#include "dict/compiled.h"

namespace khaldun::coder {

class ParseFilter {
 public:
  ParseFilter(const dict::CompiledDictionary& dict, bool allow_no_target);

  // Which sentences of a document with tagged (and lemmatised) codable sentences to parse.
  std::vector<bool> sentences_to_parse(const Document& doc) const;

 private:
  enum class Verdict { kNoEvent, kSelfEventsOnly, kMaybe };
  Verdict check(std::span<const Token> tagged, int32_t date) const;
  bool may_code(const SentenceView& s, size_t i, const WordSet& words) const;

  const dict::CompiledDictionary& dict_;
  VerbIndex verbs_;
  SynsetTable synsets_;
  // Per verb group: the sentence words each of its coding patterns needs.
  std::vector<std::vector<std::vector<uint32_t>>> coding_patterns_;
  bool allow_no_target_;
  bool acronyms_in_capitals_;
};

}  // namespace khaldun::coder
