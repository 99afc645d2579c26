// The text stage of the pipeline: Document::raw in, Document::sentences and Document::tokens out.
// normalise -> reflow -> boilerplate -> sentences -> tokens, each step in linear time.
#pragma once

#include "core/document.h"

namespace khaldun::text {

// Fills doc.sentences and doc.tokens (clearing what was there) from doc.raw, which must be valid
// UTF-8 (the readers repair it). Boilerplate becomes sentences of its own kind, never coded.
void analyse(Document& doc);

}  // namespace khaldun::text
