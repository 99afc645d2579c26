// The line conventions shared by every PETRARCH-2 dictionary file: '#' starts a comment, and
// "<!-- ... -->" blocks (which may span lines) are comments too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khaldun::dict {

struct PetrarchLine {
  int number = 0;            // 1-based
  std::string_view text;     // comment removed, trailing blanks removed; leading blanks kept
  std::string_view comment;  // the text after '#', trimmed
};

// Splits `content` into its non-blank lines. The views point into `content`.
std::vector<PetrarchLine> petrarch_lines(std::string_view content);

// A PETRARCH phrase as running text: '_' joins words ("SERGEY_V._LAVROV_" -> "SERGEY V. LAVROV");
// a trailing '_' (TABARI's "whole word only") is dropped. Case is kept.
std::string petrarch_phrase(std::string_view text);

// Reads a whole file; throws std::runtime_error naming the file when it cannot.
std::string read_file(const std::string& path);

std::string_view trim(std::string_view s);

}  // namespace khaldun::dict
