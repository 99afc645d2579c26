#include "text/boilerplate.h"

#include <array>
#include <string>

#include "text/char_class.h"

namespace khaldun::text {
namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (to_lower(s[i]) != to_lower(prefix[i])) return false;
  return true;
}

bool is_month(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return false;
  std::string lower = lower_ascii(w.substr(0, 3));
  for (auto m : kMonths)
    if (lower == m) return true;
  return false;
}

// A credit's text inside its brackets: an agency ("Xinhua/NAN", "AP", "Reuters") or a staff line.
bool is_credit_body(std::string_view body) {
  static constexpr std::array<std::string_view, 9> kStaff = {
      "reporting by", "writing by",    "editing by", "additional reporting", "compiled by",
      "edited by",    "translated by", "written by", "reporting and writing"};
  for (auto k : kStaff)
    if (starts_with_ci(body, k)) return true;
  // Short, and every word capitalised or an agency separator: "Xinhua/NAN", "AFP", "Reuters".
  size_t words = 1;
  for (char c : body) {
    if (c == ' ') ++words;
    if (c == '.' || c == ',' || c == ';') return false;
  }
  if (words > 3 || body.empty() || !is_upper(body[0])) return false;
  for (size_t i = 0; i + 1 < body.size(); ++i)
    if ((body[i] == ' ' || body[i] == '/') && !is_upper(body[i + 1])) return false;
  return true;
}

}  // namespace

size_t dateline_length(std::string_view p) {
  // The place is in capitals; a date and an agency in brackets may follow; then a dash.
  constexpr size_t kMaxDateline = 90;
  std::string_view head = p.substr(0, std::min(p.size(), kMaxDateline));
  size_t i = 0;
  size_t capitals = 0;
  auto place_char = [&](size_t k) {
    char c = head[k];
    bool inner_hyphen = c == '-' && k + 1 < head.size() && is_upper(head[k + 1]);
    return is_upper(c) || c == ' ' || c == '.' || c == '\'' || inner_hyphen;
  };
  while (i < head.size() && place_char(i)) {
    if (is_upper(head[i])) ++capitals;
    ++i;
  }
  if (capitals < 3) return 0;
  // Optional ", Region" / ", March 29" parts.
  while (i < head.size() && head[i] == ',') {
    ++i;
    while (i < head.size() && head[i] == ' ') ++i;
    size_t b = i;
    while (i < head.size() && (is_letter(head[i]) || head[i] == '.')) ++i;
    std::string_view word = head.substr(b, i - b);
    if (word.empty()) return 0;
    if (is_month(word)) {
      while (i < head.size() && head[i] == ' ') ++i;
      while (i < head.size() && is_digit(head[i])) ++i;
    } else if (!is_upper(word[0])) {
      return 0;
    }
    while (i < head.size() && head[i] == ' ') ++i;
  }
  // Optional "(Xinhua)" / "(Reuters)".
  if (i < head.size() && head[i] == '(') {
    size_t close = head.find(')', i);
    if (close == std::string_view::npos) return 0;
    if (!is_credit_body(head.substr(i + 1, close - i - 1))) return 0;
    i = close + 1;
    while (i < head.size() && head[i] == ' ') ++i;
  }
  if (i < head.size() && head[i] == '-') {
    while (i < head.size() && head[i] == '-') ++i;
  } else if (i < head.size() && head[i] == ':') {
    ++i;
  } else {
    return 0;
  }
  if (i < head.size() && head[i] != ' ') return 0;
  while (i < head.size() && head[i] == ' ') ++i;
  // The story proper starts after it, with a capital or a quote ("NATO - the alliance" is no
  // dateline).
  if (i < head.size() && !is_upper(head[i]) && !is_digit(head[i]) && head[i] != '"') return 0;
  return i;
}

size_t credit_start(std::string_view p) {
  size_t e = p.size();
  while (e > 0 && p[e - 1] == ' ') --e;
  static constexpr std::array<std::string_view, 3> kLines = {"copyright", "(c) ", "\xC2\xA9"};
  for (auto k : kLines)
    if (starts_with_ci(p, k) && p.size() < 200) return 0;
  if (e == 0 || p[e - 1] != ')') return p.size();
  size_t open = p.rfind('(', e - 1);
  if (open == std::string_view::npos) return p.size();
  if (!is_credit_body(p.substr(open + 1, e - 1 - open - 1))) return p.size();
  // A credit closes the text: it follows terminal punctuation or stands alone.
  size_t b = open;
  while (b > 0 && p[b - 1] == ' ') --b;
  if (b > 0) {
    char c = p[b - 1];
    if (c != '.' && c != '!' && c != '?' && c != '"' && c != '\'') return p.size();
  }
  return open;
}

bool is_byline(std::string_view p) {
  if (!starts_with_ci(p, "by ") || p.size() > 80) return false;
  if (p.size() < 4 || !is_upper(p[3])) return false;
  char last = p.back();
  return last != '.' && last != '?' && last != '!';
}

}  // namespace khaldun::text
