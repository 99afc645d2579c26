#include "text/html_entities.h"

#include <algorithm>
#include <array>
#include <utility>

namespace khaldun::text {
namespace {

// The named references seen in news markup; sorted for binary search.
constexpr std::array<std::pair<std::string_view, int32_t>, 40> kNamed = {{
    {"Aacute", 0xC1},  {"Eacute", 0xC9},   {"aacute", 0xE1},  {"acute", 0xB4},  {"agrave", 0xE0},
    {"amp", '&'},      {"apos", '\''},     {"bull", 0x2022},  {"ccedil", 0xE7}, {"cent", 0xA2},
    {"copy", 0xA9},    {"deg", 0xB0},      {"eacute", 0xE9},  {"egrave", 0xE8}, {"euro", 0x20AC},
    {"gt", '>'},       {"hellip", 0x2026}, {"iacute", 0xED},  {"laquo", 0xAB},  {"ldquo", 0x201C},
    {"lsquo", 0x2018}, {"lt", '<'},        {"mdash", 0x2014}, {"middot", 0xB7}, {"nbsp", 0xA0},
    {"ndash", 0x2013}, {"ntilde", 0xF1},   {"oacute", 0xF3},  {"ouml", 0xF6},   {"pound", 0xA3},
    {"quot", '"'},     {"raquo", 0xBB},    {"rdquo", 0x201D}, {"reg", 0xAE},    {"rsquo", 0x2019},
    {"sect", 0xA7},    {"shy", 0xAD},      {"trade", 0x2122}, {"uacute", 0xFA}, {"uuml", 0xFC},
}};

static_assert(std::is_sorted(kNamed.begin(), kNamed.end()), "kNamed must stay sorted");

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

int32_t decode_html_entity(std::string_view s, size_t i, size_t& length) {
  constexpr size_t kMaxLength = 10;  // "&#x10FFFF;"
  if (i >= s.size() || s[i] != '&') return -1;
  size_t end = i + 1;
  while (end < s.size() && end - i <= kMaxLength && (is_alnum(s[end]) || s[end] == '#')) ++end;
  if (end >= s.size() || s[end] != ';' || end == i + 1) return -1;
  std::string_view body = s.substr(i + 1, end - i - 1);
  length = end - i + 1;
  if (body[0] == '#') {
    int32_t cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return -1;
    for (char c : digits) {
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else if (hex && c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else {
        return -1;
      }
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) return -1;
    }
    // NUL, surrogates and C1 controls are never meant as text.
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    return cp;
  }
  auto it =
      std::lower_bound(kNamed.begin(), kNamed.end(), body,
                       [](const auto& entry, std::string_view key) { return entry.first < key; });
  if (it == kNamed.end() || it->first != body) return -1;
  return it->second;
}

}  // namespace khaldun::text
