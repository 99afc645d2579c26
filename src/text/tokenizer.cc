#include "text/tokenizer.h"

#include <algorithm>
#include <array>

#include "text/abbreviations.h"
#include "text/char_class.h"

namespace khaldun::text {
namespace {

// Prefixes after which EWT keeps a hyphenated word whole.
constexpr std::array<std::string_view, 27> kKeptPrefixes = {
    "anti",  "bi",  "co",   "counter", "e",    "ex",    "inter", "mid",    "mini",
    "multi", "non", "over", "pan",     "post", "pre",   "pro",   "psycho", "re",
    "semi",  "sub", "t",    "tri",     "un",   "under", "vice",  "x",      "y"};
static_assert(std::is_sorted(kKeptPrefixes.begin(), kKeptPrefixes.end()));

bool starts_with_ci(std::string_view w, std::string_view prefix) {
  if (w.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (to_lower(w[i]) != prefix[i]) return false;
  return true;
}

bool is_url_like(std::string_view w) {
  if (w.size() < 2) return false;
  if (starts_with_ci(w, "http://") || starts_with_ci(w, "https://") ||
      starts_with_ci(w, "ftp://") || starts_with_ci(w, "www."))
    return true;
  size_t at = w.find('@');
  if (at != std::string_view::npos) {
    if (at == 0) return w.size() > 1 && is_alnum(w[1]);  // @handle
    return w.find('.', at) != std::string_view::npos;    // name@host.tld
  }
  return w.size() > 1 && w[0] == '#' && is_letter(w[1]);  // #hashtag
}

class ChunkTokenizer {
 public:
  ChunkTokenizer(std::string_view text, std::vector<TokenBounds>& out) : p_(text), out_(out) {}

  void run(size_t s, size_t e, char next_char) {
    // Dashes and ellipses glued between words ("reality--that", "slides....they") separate them.
    if (!is_url_like(p_.substr(s, e - s))) {
      for (size_t i = s + 1; i + 2 < e; ++i) {
        char c = p_[i];
        if ((c != '-' && c != '.') || p_[i + 1] != c || !is_alnum(p_[i - 1])) continue;
        size_t j = run_of(i, e, c);
        if (j >= e || !is_alnum(p_[j])) continue;
        run(s, i, c);
        emit(i, j);
        run(j, e, next_char);
        return;
      }
      // A comma glued between words ("me,just", "11,2000"), but not a thousands separator.
      for (size_t i = s + 1; i + 1 < e; ++i) {
        if (p_[i] != ',' || !is_alnum(p_[i - 1]) || !is_alnum(p_[i + 1])) continue;
        size_t d = i + 1;
        while (d < e && is_digit(p_[d])) ++d;
        bool thousands = is_digit(p_[i - 1]) && d - i - 1 == 3 && (d == e || !is_alnum(p_[d]));
        if (thousands) continue;
        run(s, i, ',');
        emit(i, i + 1);
        run(i + 1, e, next_char);
        return;
      }
    }
    if (is_emoticon(p_.substr(s, e - s))) {
      emit(s, e);
      return;
    }
    peel_leading(s, e);
    if (s >= e) return;
    std::vector<TokenBounds> trailing;
    peel_trailing(s, e, next_char, trailing);
    if (s < e) core(s, e);
    for (auto it = trailing.rbegin(); it != trailing.rend(); ++it) out_.push_back(*it);
  }

 private:
  void emit(size_t b, size_t e, uint8_t mwt = 0) { out_.push_back({b, e, mwt}); }

  // "01-Feb-02": a date written with a month name stays one token.
  static bool is_day_month_year(std::string_view w) {
    size_t a = w.find('-');
    size_t b = a == std::string_view::npos ? a : w.find('-', a + 1);
    if (b == std::string_view::npos || a == 0 || b + 1 >= w.size()) return false;
    auto all = [](std::string_view x, bool (*f)(char)) {
      return std::all_of(x.begin(), x.end(), f);
    };
    return all(w.substr(0, a), is_digit) && b - a - 1 == 3 && all(w.substr(a + 1, 3), is_letter) &&
           all(w.substr(b + 1), is_digit);
  }

  static bool is_emoticon(std::string_view w) {
    if (w.size() < 2 || w.size() > 3 || (w[0] != ':' && w[0] != ';' && w[0] != '<')) return false;
    static constexpr std::string_view kFaces[] = {":)", ":-)", ";)", ";-)", ":(", ":-(",
                                                  ":D", ":-D", ":P", ":-P", ":/", "<3"};
    for (auto f : kFaces)
      if (w == f) return true;
    return false;
  }

  size_t run_of(size_t i, size_t e, char c) const {
    size_t j = i;
    while (j < e && p_[j] == c) ++j;
    return j;
  }

  void peel_leading(size_t& s, size_t e) {
    while (s < e) {
      char c = p_[s];
      if (c == '*') {
        size_t j = run_of(s, e, c);
        emit(s, j);
        s = j;
      } else if (c == '"' || c == '(' || c == '[' || c == '{' || c == '`' || c == '<') {
        emit(s, s + 1);
        ++s;
      } else if (c == '\'' && s + 1 < e && !is_clitic_start(s, e) && !is_year_abbreviation(s, e)) {
        emit(s, s + 1);
        ++s;
      } else if ((c == '-' || c == '.') && s + 1 < e && p_[s + 1] == c) {
        size_t j = run_of(s, e, c);
        emit(s, j);
        s = j;
      } else if ((c == '$' || c == '#') && s + 1 < e && is_digit(p_[s + 1])) {
        emit(s, s + 1);
        ++s;
      } else if (static_cast<unsigned char>(c) == 0xC2 && s + 2 < e &&
                 static_cast<unsigned char>(p_[s + 1]) == 0xA3) {  // pound sign
        emit(s, s + 2);
        s += 2;
      } else {
        break;
      }
    }
  }

  // "'67": a two-digit year keeps its apostrophe.
  bool is_year_abbreviation(size_t s, size_t e) const {
    return e - s >= 3 && is_digit(p_[s + 1]) && is_digit(p_[s + 2]) &&
           (e - s == 3 || !is_digit(p_[s + 3]));
  }

  // "'s", "'re" standing alone after a space belong to the previous word.
  bool is_clitic_start(size_t s, size_t e) const {
    std::string lower = lower_ascii(p_.substr(s, e - s));
    return lower == "'s" || lower == "'re" || lower == "'ve" || lower == "'ll" || lower == "'d" ||
           lower == "'m";
  }

  void peel_trailing(size_t s, size_t& e, char next_char, std::vector<TokenBounds>& trailing) {
    while (e > s) {
      char c = p_[e - 1];
      if (c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '}' || c == '"' ||
          c == '>' || c == '%' || (c == '\'' && !is_clitic_start(s, e))) {
        if (c == ')' && p_.substr(s, e - s).find('(') != std::string_view::npos) break;
        trailing.push_back({e - 1, e, 0});
        --e;
      } else if (c == '!' || c == '?' || c == '*' || (c == '-' && e - s >= 2 && p_[e - 2] == '-')) {
        size_t b = e - 1;
        auto same_run = [&](char x) {
          return c == '-' || c == '*' ? x == c : x == '!' || x == '?';
        };
        while (b > s && same_run(p_[b - 1])) --b;
        trailing.push_back({b, e, 0});
        e = b;
      } else if (c == '.') {
        size_t b = e - 1;
        while (b > s && p_[b - 1] == '.') --b;
        if (e - b >= 2) {  // an ellipsis
          trailing.push_back({b, e, 0});
          e = b;
          continue;
        }
        std::string_view word = p_.substr(s, e - 1 - s);
        std::string lower = lower_ascii(word);
        bool numbered = (lower == "no" || lower == "nos") && is_digit(next_char);
        if (numbered || classify_abbreviation(word) != Abbreviation::kNone) break;
        trailing.push_back({e - 1, e, 0});
        --e;
      } else {
        break;
      }
    }
  }

  void core(size_t s, size_t e) {
    std::string_view w = p_.substr(s, e - s);
    if (is_url_like(w)) {
      emit(s, e);
      return;
    }
    // Whole-word contractions that EWT splits inside one surface token.
    if (w.size() == 5 || w.size() == 6) {
      std::string lower = lower_ascii(w);
      if (lower == "cannot" || lower == "gonna" || lower == "wanna" || lower == "gotta") {
        emit(s, s + 3, 2);
        emit(s + 3, e);
        return;
      }
    }
    size_t clitic =
        w.size() > 2 && w.find('\'') != std::string_view::npos ? clitic_length(lower_ascii(w)) : 0;
    if (clitic > 0 && clitic < w.size()) {
      size_t host_end = e - clitic;
      compound(s, host_end, true);
      emit(host_end, e);
      return;
    }
    compound(s, e, false);
  }

  static size_t clitic_length(const std::string& lower) {
    auto ends = [&](std::string_view suffix) {
      return lower.size() > suffix.size() &&
             lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends("n't")) return 3;
    if (ends("'re") || ends("'ve") || ends("'ll")) return 3;
    if (ends("'s") || ends("'m") || ends("'d")) {
      char host_last = lower[lower.size() - 3];
      return is_alnum(host_last) ? 2 : 0;
    }
    return 0;
  }

  // Splits hyphenated and slashed compounds; the last part opens a multiword token when a clitic
  // follows.
  void compound(size_t s, size_t e, bool clitic_follows) {
    size_t part = s;
    for (size_t i = s + 1; i + 1 < e; ++i) {
      char c = p_[i];
      bool hyphen = c == '-' && is_alnum(p_[i - 1]) && is_alnum(p_[i + 1]);
      bool slash = c == '/' && is_letter(p_[i - 1]) && is_letter(p_[i + 1]);
      if (!hyphen && !slash) continue;
      if (hyphen && keeps_hyphen(s, i, e)) continue;
      emit(part, i);
      emit(i, i + 1);
      part = i + 1;
    }
    emit(part, e, clitic_follows ? 2 : 0);
  }

  bool keeps_hyphen(size_t s, size_t hyphen, size_t e) const {
    std::string first = lower_ascii(p_.substr(s, hyphen - s));
    if (std::binary_search(kKeptPrefixes.begin(), kKeptPrefixes.end(), first)) return true;
    if (is_day_month_year(p_.substr(s, e - s))) return true;
    // Phone numbers and codes made of digits ("555-1234"), but not scores and ranges ("5-3").
    size_t digits = 0;
    for (size_t i = s; i < e; ++i) {
      if (is_digit(p_[i])) {
        ++digits;
      } else if (p_[i] != '-') {
        return false;
      }
    }
    return digits >= 5;
  }

  std::string_view p_;
  std::vector<TokenBounds>& out_;
};

}  // namespace

void tokenize(std::string_view text, size_t begin, size_t end, std::vector<TokenBounds>& out) {
  ChunkTokenizer chunker(text, out);
  size_t i = begin;
  while (i < end) {
    while (i < end && is_space(text[i])) ++i;
    size_t s = i;
    while (i < end && !is_space(text[i])) ++i;
    if (s == i) break;
    size_t next = i;
    while (next < end && is_space(text[next])) ++next;
    chunker.run(s, i, next < end ? text[next] : '\0');
  }
}

std::vector<std::string> split_phrase(std::string_view phrase) {
  std::vector<TokenBounds> bounds;
  tokenize(phrase, 0, phrase.size(), bounds);
  std::vector<std::string> words;
  words.reserve(bounds.size());
  for (const auto& b : bounds) words.emplace_back(phrase.substr(b.begin, b.end - b.begin));
  return words;
}

}  // namespace khaldun::text
