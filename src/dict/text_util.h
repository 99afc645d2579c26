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

}  // namespace khaldun::dict
