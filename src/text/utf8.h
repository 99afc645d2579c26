// UTF-8 checks on untrusted input. Invalid sequences are replaced (U+FFFD) and counted rather than
// rejected: one bad byte in a wire story should not cost the whole story.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace khaldun::text {

struct Utf8Repair {
  size_t replaced = 0;      // invalid sequences replaced by U+FFFD
  size_t first_offset = 0;  // byte offset of the first one, for the warning
};

// Replaces invalid UTF-8 in `s` in place. Linear time; ASCII runs are copied in bulk.
Utf8Repair repair_utf8(std::string& s);

// Decodes one code point at s[i], advancing i. Returns -1 (and advances one byte) when invalid.
int32_t decode_utf8(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, int32_t cp);

}  // namespace khaldun::text
