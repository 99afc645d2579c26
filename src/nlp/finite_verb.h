// News sentences have a finite verb. The tagger, reading "Israeli forces demolished Palestinian
// homes" word by word, can take the verb for an adjective or a participle ("demolished/JJ",
// "trained/VBN") and the parser then builds one long noun phrase with no predicate. When a
// sentence has no finite verb at all, the first "-ed" word right after a noun and before what can
// start an object is read as the past tense it most likely is.
#pragma once

#include <span>

#include "core/document.h"

namespace khaldun::nlp {

// Retags at most one token (UPOS VERB, XPOS VBD, its FEATS left to the features stage); returns
// whether it did. Call between tagging and lemmatising.
bool restore_finite_verb(std::span<Token> sentence);

}  // namespace khaldun::nlp
