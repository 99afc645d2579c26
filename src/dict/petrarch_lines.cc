#include "dict/petrarch_lines.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace khaldun::dict {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<PetrarchLine> petrarch_lines(std::string_view content) {
  std::vector<PetrarchLine> out;
  bool in_block = false;
  int number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (in_block) {
      auto close = line.find("-->");
      if (close == std::string_view::npos) continue;
      in_block = false;
      line = line.substr(close + 3);
    }
    std::string_view stripped = trim(line);
    if (stripped.starts_with("<!")) {  // "<!--" and the odd "<! --"
      auto close = stripped.find("-->");
      if (close == std::string_view::npos) {
        in_block = true;
        continue;
      }
      line = stripped.substr(close + 3);
    }
    std::string_view comment;
    // '#' starts a comment, except inside [...] where TABARI's special code "###" uses it.
    size_t hash = std::string_view::npos;
    int depth = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '[') ++depth;
      if (line[i] == ']' && depth > 0) --depth;
      if (line[i] == '#' && depth == 0) {
        hash = i;
        break;
      }
    }
    if (hash != std::string_view::npos) {
      comment = trim(line.substr(hash + 1));
      line = line.substr(0, hash);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (trim(line).empty()) continue;
    out.push_back({number, line, comment});
  }
  return out;
}

std::string petrarch_phrase(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '_' || c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace khaldun::dict
