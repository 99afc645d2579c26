// Text that remembers where each of its bytes came from in the original document, so that the
// normalised, reflowed text the stages work on can always be traced back for evidence.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khaldun::text {

struct MappedText {
  std::string text;
  // to_raw[i] is the offset in the original of text[i]; to_raw[text.size()] is the end.
  std::vector<uint32_t> to_raw;

  void append(std::string_view s, uint32_t raw_offset) {
    text.append(s);
    to_raw.insert(to_raw.end(), s.size(), raw_offset);
  }
  void append(char c, uint32_t raw_offset) {
    text.push_back(c);
    to_raw.push_back(raw_offset);
  }
  // Raw offset just past text[i - 1] for an end position i.
  uint32_t raw_end(size_t i, uint32_t fallback) const {
    return i < to_raw.size() ? to_raw[i] : fallback;
  }
};

}  // namespace khaldun::text
