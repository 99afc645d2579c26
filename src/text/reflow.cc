#include "text/reflow.h"

#include <string_view>

#include "text/boilerplate.h"
#include "text/char_class.h"

namespace khaldun::text {
namespace {

struct Line {
  size_t begin;
  size_t end;
  size_t blank_lines_before;
};

// A line that fills most of a typical wrap width; shorter unfinished lines are titles or list
// items.
constexpr size_t kFullLine = 45;

bool ends_sentence(std::string_view line) {
  size_t i = line.size();
  while (i > 0 && is_closing(line[i - 1])) --i;
  if (i == 0) return !line.empty();
  char c = line[i - 1];
  return c == '.' || c == '!' || c == '?' || c == ':';
}

bool starts_list_item(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') return true;
  if (line.rfind("\xE2\x80\xA2", 0) == 0) return true;  // bullet
  size_t i = 0;
  while (i < line.size() && is_digit(line[i])) ++i;
  return i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ';
}

bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"a",    "an", "and",  "as",  "at",   "by",   "for",
                                                "from", "in", "is",   "of",  "on",   "or",   "the",
                                                "to",   "vs", "with", "are", "over", "after"};
  for (auto k : kWords)
    if (w == k) return true;
  return false;
}

std::string_view last_word(std::string_view line) {
  size_t e = line.size();
  size_t b = line.find_last_of(' ');
  return b == std::string_view::npos ? line : line.substr(b + 1, e - b - 1);
}

// Should `next` continue the paragraph that `prev` ends? `wrapped` says the document breaks
// sentences across blank lines, so that an unfinished full line is taken as wrapped too.
bool continues(std::string_view prev, std::string_view next, size_t blank_lines, bool prev_headline,
               bool wrapped) {
  if (starts_list_item(next)) return false;
  if (!next.empty() && is_lower(next[0])) return !prev_headline || blank_lines == 0;
  if (ends_sentence(prev)) return blank_lines == 0;
  if (prev_headline) return false;
  if (blank_lines == 0) return true;
  std::string_view w = last_word(prev);
  if (!w.empty() && (w.back() == ',' || w.back() == ';')) return true;
  if (is_function_word(lower_ascii(w))) return true;
  return wrapped && prev.size() >= kFullLine;
}

// A document is wrapped across blank lines when several blank-line breaks fall inside a sentence:
// an unfinished line followed by one in lower case. Elsewhere a blank line is a paragraph break.
bool wrapped_across_blank_lines(const std::string& s, const std::vector<Line>& lines) {
  size_t blank_breaks = 0, inside_sentence = 0;
  for (size_t k = 1; k < lines.size(); ++k) {
    if (lines[k].blank_lines_before == 0) continue;
    ++blank_breaks;
    std::string_view prev(s.data() + lines[k - 1].begin, lines[k - 1].end - lines[k - 1].begin);
    if (!ends_sentence(prev) && is_lower(s[lines[k].begin])) ++inside_sentence;
  }
  return inside_sentence >= 2 && inside_sentence * 4 >= blank_breaks;
}

}  // namespace

bool looks_like_headline(std::string_view line) {
  if (line.empty() || ends_sentence(line) || line.back() == ',') return false;
  if (dateline_length(line) > 0) return false;
  if (is_function_word(lower_ascii(last_word(line)))) return false;  // "... between Moscow and"
  size_t words = 0, capitalised = 0, content = 0;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t b = i;
    while (i < line.size() && line[i] != ' ') ++i;
    if (b == i) break;
    std::string_view w = line.substr(b, i - b);
    ++words;
    if (!is_letter(w[0]) && !is_digit(w[0])) continue;
    if (is_function_word(lower_ascii(w))) continue;
    ++content;
    if (is_upper(w[0]) || is_digit(w[0]) || is_non_ascii(w[0])) ++capitalised;
  }
  if (words == 0 || words > 20 || content == 0) return false;
  return capitalised * 10 >= content * 7;
}

ReflowedText reflow(const MappedText& in) {
  const std::string& s = in.text;
  std::vector<Line> lines;
  size_t blank = 0;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t nl = s.find('\n', pos);
    if (nl == std::string::npos) nl = s.size();
    size_t b = pos, e = nl;
    while (b < e && s[b] == ' ') ++b;
    while (e > b && s[e - 1] == ' ') --e;
    if (b == e) {
      ++blank;
    } else {
      lines.push_back({b, e, blank});
      blank = 0;
    }
    pos = nl + 1;
  }

  bool wrapped = wrapped_across_blank_lines(s, lines);
  ReflowedText out;
  out.text.text.reserve(s.size());
  out.text.to_raw.reserve(s.size() + 1);
  bool prev_headline = false;
  for (size_t k = 0; k < lines.size(); ++k) {
    const Line& line = lines[k];
    std::string_view text(s.data() + line.begin, line.end - line.begin);
    bool headline = looks_like_headline(text);
    if (k > 0) {
      const Line& prev = lines[k - 1];
      std::string_view prev_text(s.data() + prev.begin, prev.end - prev.begin);
      // A story's first line standing alone above a blank line is its title, whatever its case.
      bool title = k == 1 && line.blank_lines_before > 0 && !ends_sentence(prev_text) &&
                   !text.empty() && !is_lower(text[0]);
      if (title) out.paragraphs.back().headline_like = true;
      bool joined = !title && dateline_length(text) == 0 &&
                    continues(prev_text, text, line.blank_lines_before, prev_headline, wrapped);
      // The separator maps to the first break character, so a token never spans it in raw terms.
      uint32_t at = in.to_raw[prev.end];
      if (joined) {
        out.text.append(' ', at);
        headline = false;
      } else {
        out.paragraphs.back().end = out.text.text.size();
        out.text.append('\n', at);
      }
      if (!joined) out.paragraphs.push_back({out.text.text.size(), 0, headline});
    } else {
      out.paragraphs.push_back({0, 0, headline});
    }
    if (!headline) out.paragraphs.back().headline_like = false;
    out.text.text.append(text);
    out.text.to_raw.insert(out.text.to_raw.end(), in.to_raw.begin() + static_cast<long>(line.begin),
                           in.to_raw.begin() + static_cast<long>(line.end));
    prev_headline = headline;
  }
  if (!out.paragraphs.empty()) out.paragraphs.back().end = out.text.text.size();
  out.text.to_raw.push_back(in.to_raw.empty() ? 0 : in.to_raw.back());
  return out;
}

}  // namespace khaldun::text
