#include "dict/inflect.h"

#include <cctype>

namespace khaldun::dict {
namespace {

char up(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

bool is_vowel(char c) {
  c = up(c);
  return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

bool ends_with(std::string_view w, std::string_view suffix) {
  if (w.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    if (up(w[w.size() - suffix.size() + i]) != suffix[i]) return false;
  }
  return true;
}

// Appends `suffix` in the case of the word's last letter.
std::string with(std::string_view stem, std::string_view suffix, bool lower) {
  std::string out(stem);
  for (char c : suffix) {
    out += lower ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
  }
  return out;
}

bool consonant_y(std::string_view w) {
  return w.size() >= 2 && up(w.back()) == 'Y' && !is_vowel(w[w.size() - 2]);
}

bool sibilant(std::string_view w) {
  return ends_with(w, "S") || ends_with(w, "X") || ends_with(w, "Z") || ends_with(w, "CH") ||
         ends_with(w, "SH");
}

}  // namespace

std::vector<std::string> regular_verb_forms(std::string_view v) {
  if (v.empty()) return {};
  bool lower = std::islower(static_cast<unsigned char>(v.back())) != 0;
  std::string_view stem = v.substr(0, v.size() - 1);
  std::vector<std::string> out;
  if (consonant_y(v)) {
    out.push_back(with(stem, "IES", lower));
    out.push_back(with(stem, "IED", lower));
    out.push_back(with(v, "ING", lower));
  } else if (ends_with(v, "E")) {
    out.push_back(with(v, "S", lower));
    out.push_back(with(v, "D", lower));
    // "AGREE" keeps its E (AGREEING); "PLACE" drops it (PLACING).
    out.push_back(ends_with(v, "EE") ? with(v, "ING", lower) : with(stem, "ING", lower));
  } else {
    out.push_back(sibilant(v) ? with(v, "ES", lower) : with(v, "S", lower));
    out.push_back(with(v, "ED", lower));
    out.push_back(with(v, "ING", lower));
  }
  return out;
}

std::string regular_plural(std::string_view n) {
  if (n.empty()) return {};
  bool lower = std::islower(static_cast<unsigned char>(n.back())) != 0;
  if (ends_with(n, "MAN")) return with(n.substr(0, n.size() - 2), "EN", lower);
  if (consonant_y(n)) return with(n.substr(0, n.size() - 1), "IES", lower);
  if (sibilant(n)) return with(n, "ES", lower);
  return with(n, "S", lower);
}

}  // namespace khaldun::dict
