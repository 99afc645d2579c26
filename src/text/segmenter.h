// Sentence boundaries in one reflowed paragraph, by rule: terminal punctuation, then closing quotes
// and brackets, then space, unless the period belongs to an abbreviation or an initial.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace khaldun::text {

// Byte ranges [begin, end) of the sentences in `paragraph`, trimmed of spaces. Linear time.
std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view paragraph);

}  // namespace khaldun::text
