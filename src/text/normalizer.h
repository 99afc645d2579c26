// Normalisation for matching: NFC, ASCII quotes/dashes/ellipses/spaces, decoded HTML entities,
// one kind of line break. Every output byte keeps the offset of the raw byte it came from.
#pragma once

#include <string_view>

#include "text/mapped_text.h"

namespace khaldun::text {

// `raw` must be valid UTF-8 (see repair_utf8). Linear time.
MappedText normalize(std::string_view raw);

}  // namespace khaldun::text
