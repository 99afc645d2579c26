#include "text/segmenter.h"

#include <algorithm>
#include <string>

#include "text/abbreviations.h"
#include "text/char_class.h"

namespace khaldun::text {
namespace {

bool is_opening(char c) { return c == '"' || c == '\'' || c == '(' || c == '[' || c == '`'; }

// The word that ends just before position `dot` ("Mr" in "Mr."), without opening punctuation.
std::string_view word_before(std::string_view p, size_t dot) {
  size_t b = dot;
  while (b > 0 && !is_space(p[b - 1])) --b;
  while (b < dot && is_opening(p[b])) ++b;
  return p.substr(b, dot - b);
}

std::string_view word_at(std::string_view p, size_t i) {
  while (i < p.size() && is_opening(p[i])) ++i;
  size_t e = i;
  while (e < p.size() && is_letter(p[e])) ++e;
  return p.substr(i, e - i);
}

// Decides whether the terminator run p[t, j) followed by space and then p[next] ends a sentence.
bool is_boundary(std::string_view p, size_t t, size_t j, size_t next) {
  char first_next = p[next];
  bool next_lower = is_lower(first_next);
  std::string_view run = p.substr(t, j - t);
  bool has_qe = run.find_first_of("?!") != std::string_view::npos;
  std::string_view word = word_before(p, t);
  if (has_qe) return !next_lower || run.find('?') != std::string_view::npos || word.size() > 1;
  bool ellipsis = run.size() >= 2 && run[0] == '.' && run[1] == '.';
  if (ellipsis) return is_upper(first_next) || first_next == '"';
  // A single period. Before a lower-case word it ends a sentence only after a plain word: informal
  // text starts sentences in lower case, but "Inc. said", "approx. five" and "p. 5" do not.
  if (next_lower) {
    bool plain_word = word.size() >= 2 && std::all_of(word.begin(), word.end(), is_letter);
    return plain_word && classify_abbreviation(word) == Abbreviation::kNone;
  }
  std::string lower = lower_ascii(word);
  if ((lower == "no" || lower == "nos") && is_digit(first_next)) return false;
  switch (classify_abbreviation(word)) {
    case Abbreviation::kInside:
      return false;
    case Abbreviation::kMaybeFinal:
      return is_sentence_starter(word_at(p, next));
    case Abbreviation::kNone:
      return true;
  }
  return true;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view p) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto emit = [&](size_t end) {
    size_t b = start, e = end;
    while (b < e && is_space(p[b])) ++b;
    while (e > b && is_space(p[e - 1])) --e;
    if (b < e) out.emplace_back(b, e);
    start = end;
  };
  size_t i = 0;
  while (i < p.size()) {
    char c = p[i];
    if (c != '.' && c != '!' && c != '?') {
      ++i;
      continue;
    }
    size_t t = i;
    size_t j = i;
    while (j < p.size() && (p[j] == '.' || p[j] == '!' || p[j] == '?')) ++j;
    while (j < p.size() && is_closing(p[j])) ++j;
    i = j;
    if (j >= p.size()) break;
    if (!is_space(p[j])) continue;  // "U.S.-led", "3.5", "Yahoo!Inc"
    size_t next = j;
    while (next < p.size() && is_space(p[next])) ++next;
    if (next >= p.size()) break;
    if (is_boundary(p, t, j, next)) emit(j);
  }
  emit(p.size());
  return out;
}

}  // namespace khaldun::text
