// Supplied parses that use Universal Dependencies v1 labels, upgraded to the v2 labels the coder
// matches on. The PETRARCH .ud.xml validation records were parsed by UDPipe with a v1 English
// model, so they say dobj, nsubjpass, auxpass, neg, name and nmod where v2 says obj, nsubj:pass,
// aux:pass, advmod, flat and obl.
#pragma once

#include <span>

#include "core/document.h"

namespace khaldun::ud {

// Rewrites, in place, the v1-only labels of one sentence (Token::head is 1-based, 0 = root):
//   dobj -> obj, nsubjpass -> nsubj:pass, csubjpass -> csubj:pass, auxpass -> aux:pass,
//   name -> flat, mwe -> fixed, foreign -> flat:foreign, remnant -> orphan,
//   neg -> det on a determiner ("no"), advmod otherwise ("not", "never"),
//   nmod on a predicate (verb, adjective, adverb) -> obl, and obl:agent when the predicate is
//   passive and the phrase's case marker is "by";
//   nmod:tmod / nmod:npmod on a predicate (or a copular clause) -> obl:tmod / obl:npmod;
//   UPOS CONJ -> CCONJ.
// A v2 "obl" with "by" on a passive predicate also becomes obl:agent. Other v2 labels are left
// alone, so running it on v2 input is safe (and idempotent).
void upgrade_ud_v1_labels(std::span<Token> sentence);

}  // namespace khaldun::ud
