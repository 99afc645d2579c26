// Small string helpers shared by the dictionary readers.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace khaldun::dict {

// ASCII upper case: dictionary words and codes are compared in upper case.
inline std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A code as dictionaries write them: letters and digits only ("RUSGOV", "075A").
inline bool is_code(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
}

// PETRARCH-2's several actors at once, "FRO/BIL/SAM": codes joined by '/', kept whole.
inline bool is_slashed_code(std::string_view s) {
  size_t pos = 0;
  while (true) {
    auto slash = s.find('/', pos);
    if (!is_code(s.substr(pos, slash == std::string_view::npos ? slash : slash - pos)))
      return false;
    if (slash == std::string_view::npos) return true;
    pos = slash + 1;
  }
}

}  // namespace khaldun::dict
