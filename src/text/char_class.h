// ASCII character tests used on normalised text. Non-ASCII bytes count as letters: after
// normalisation they are almost always letters of names (Erdoğan, Zelenskyy, Québec).
#pragma once

#include <string_view>

namespace khaldun::text {

inline bool is_space(char c) { return c == ' ' || c == '\n'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
inline bool is_letter(char c) { return is_upper(c) || is_lower(c) || is_non_ascii(c); }
inline bool is_alnum(char c) { return is_letter(c) || is_digit(c); }
inline bool is_closing(char c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}'; }
// Letters, and none of them lower case ("US", "WHO", "U.S."); ASCII only.
inline bool all_capitals(std::string_view s) {
  bool letters = false;
  for (char c : s) {
    if (is_lower(c)) return false;
    letters |= is_upper(c);
  }
  return letters;
}
inline char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Lower-cases ASCII letters; other bytes unchanged.
std::string lower_ascii(std::string_view s);

}  // namespace khaldun::text
