// HTML character references that leak into scraped news ("&amp;", "&#8217;", "&nbsp;").
#pragma once

#include <cstddef>
#include <string_view>

namespace khaldun::text {

// If s[i] starts a character reference ("&name;", "&#123;", "&#x1F;"), returns its code point and
// sets `length` to the bytes it spans. Returns -1 otherwise (the '&' is then literal text).
int32_t decode_html_entity(std::string_view s, size_t i, size_t& length);

}  // namespace khaldun::text
