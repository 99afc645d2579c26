#include "text/utf8.h"

#include <utf8proc.h>

namespace khaldun::text {

int32_t decode_utf8(std::string_view s, size_t& i) {
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    ++i;
    return -1;
  }
  i += static_cast<size_t>(n);
  return cp;
}

void append_utf8(std::string& out, int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

Utf8Repair repair_utf8(std::string& s) {
  Utf8Repair result;
  size_t i = 0;
  // Fast path: most news text is valid, so only rebuild the string after the first bad byte.
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t j = i;
    if (decode_utf8(s, j) < 0) break;
    i = j;
  }
  if (i == s.size()) return result;

  std::string out(s, 0, i);
  out.reserve(s.size() + 16);
  result.first_offset = i;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      out.push_back(s[i++]);
      continue;
    }
    size_t start = i;
    if (decode_utf8(s, i) < 0) {
      out.append("\xEF\xBF\xBD");
      ++result.replaced;
    } else {
      out.append(s, start, i - start);
    }
  }
  s.swap(out);
  return result;
}

}  // namespace khaldun::text
