#include "io/conllu.h"

#include <charconv>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace khaldun::conllu {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// The byte length of the whitespace character at text[pos], 0 if there is none. Treebank texts
// hold no-break and other Unicode spaces between tokens (SpacesAfter=\u00A0).
size_t space_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  if (is_space(text[pos])) return 1;
  auto byte = [&](size_t k) {
    return pos + k < text.size() ? static_cast<unsigned char>(text[pos + k]) : 0u;
  };
  if (byte(0) == 0xC2 && byte(1) == 0xA0) return 2;  // U+00A0
  if (byte(0) == 0xE2 && byte(1) == 0x80 &&
      ((byte(2) >= 0x80 && byte(2) <= 0x8B) || byte(2) == 0xAF))
    return 3;                                                           // U+2000..U+200B, U+202F
  if (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;  // U+205F
  if (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;  // U+3000
  return 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) {
      parts.push_back(s.substr(start));
      return parts;
    }
    parts.push_back(s.substr(start, end - start));
    start = end + 1;
  }
}

// A non-negative decimal integer that fills the whole string.
std::optional<int> to_int(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size() || value < 0) return std::nullopt;
  return value;
}

// The value of a "# key = value" comment, if the line is that comment.
std::optional<std::string_view> comment_value(std::string_view line, std::string_view key) {
  std::string_view rest = line.substr(1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.starts_with(key)) return std::nullopt;
  rest.remove_prefix(key.size());
  if (!rest.empty() && rest.front() != ' ' && rest.front() != '=') return std::nullopt;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  if (!rest.empty() && rest.front() == '=') {
    rest.remove_prefix(1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  }
  return rest;
}

bool misc_has(std::string_view misc, std::string_view item) {
  for (std::string_view part : split(misc, '|'))
    if (part == item) return true;
  return false;
}

std::string field(std::string_view s) { return s == "_" ? std::string() : std::string(s); }

}  // namespace

// A multiword token line "3-4 don't": words [first, last] (1-based) share one surface token.
struct Range {
  int first = 0;
  int last = 0;
  std::string surface;
  bool space_after = true;
  size_t line = 0;
};

struct PendingSentence {
  std::string text;
  bool has_text = false;
  uint32_t paragraph = 0;
  std::vector<Token> words;
  std::vector<size_t> word_lines;
  std::vector<Range> ranges;

  bool empty() const { return words.empty() && ranges.empty(); }
};

struct Reader::State {
  std::istream& in;
  std::string file_name;
  size_t line_no = 0;
  size_t doc_count = 0;

  std::string doc_id;
  size_t doc_first_line = 0;
  uint32_t paragraph = 0;
  bool paragraph_break = false;  // a "# newpar" was seen since the last sentence
  std::vector<PendingSentence> sentences;
  PendingSentence current;

  State(std::istream& i, std::string name) : in(i), file_name(std::move(name)) {}

  [[noreturn]] void fail(size_t line, const std::string& message) const {
    throw ParseError(fmt::format("{}:{}: {}", file_name, line, message));
  }

  // After a malformed line: drop the sentence and read up to its end, so the next call to
  // next() starts on a clean line.
  [[noreturn]] void fail_in_sentence(size_t line, const std::string& message) {
    std::string rest;
    while (std::getline(in, rest)) {
      ++line_no;
      if (rest.empty() || rest == "\r") break;
    }
    current = PendingSentence();
    fail(line, message);
  }

  void read_word_line(std::string_view line) {
    std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() != 10)
      fail_in_sentence(line_no,
                       fmt::format("expected 10 tab-separated columns, found {}", cols.size()));
    std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) {
      auto parts = split(id, '.');
      if (parts.size() != 2 || !to_int(parts[0]) || !to_int(parts[1]))
        fail_in_sentence(line_no, fmt::format("bad empty-node ID '{}'", id));
      return;  // empty nodes belong to the enhanced graph, which we do not use
    }
    const int expected = static_cast<int>(current.words.size()) + 1;
    if (id.find('-') != std::string_view::npos) {
      auto parts = split(id, '-');
      std::optional<int> first, last;
      if (parts.size() == 2) first = to_int(parts[0]), last = to_int(parts[1]);
      if (!first || !last || *last < *first)
        fail_in_sentence(line_no, fmt::format("bad multiword token range '{}'", id));
      if (*first != expected)
        fail_in_sentence(line_no, fmt::format("multiword token range '{}' should start at word {}",
                                              id, expected));
      current.ranges.push_back(
          Range{*first, *last, std::string(cols[1]), !misc_has(cols[9], "SpaceAfter=No"), line_no});
      return;
    }
    std::optional<int> n = to_int(id);
    if (!n) fail_in_sentence(line_no, fmt::format("expected a numeric word ID, found '{}'", id));
    if (*n != expected)
      fail_in_sentence(line_no, fmt::format("expected word ID {}, found {}", expected, *n));
    Token t;
    t.form = std::string(cols[1]);
    t.lemma = cols[2] == "_" && cols[1] != "_" ? std::string() : std::string(cols[2]);
    t.upos = field(cols[3]);
    t.xpos = field(cols[4]);
    t.feats = field(cols[5]);
    if (cols[6] == "_") {
      t.head = -1;
    } else {
      std::optional<int> head = to_int(cols[6]);
      if (!head)
        fail_in_sentence(line_no,
                         fmt::format("expected a numeric HEAD or '_', found '{}'", cols[6]));
      t.head = *head;
    }
    t.deprel = field(cols[7]);
    t.misc = field(cols[9]);
    t.space_after = !misc_has(t.misc, "SpaceAfter=No");
    current.words.push_back(std::move(t));
    current.word_lines.push_back(line_no);
  }

  // At the blank line (or end of input) after a sentence: check what can only be checked on
  // the whole sentence, then add it to the document.
  void finish_sentence() {
    PendingSentence s = std::move(current);
    current = PendingSentence();
    if (s.words.empty()) {
      if (!s.ranges.empty()) fail(s.ranges.front().line, "multiword token without words");
      return;
    }
    const int n = static_cast<int>(s.words.size());
    for (int i = 0; i < n; ++i) {
      int head = s.words[i].head;
      if (head > n)
        fail(s.word_lines[i], fmt::format("HEAD {} is beyond the sentence's {} words", head, n));
      if (head == i + 1) fail(s.word_lines[i], fmt::format("word {} is its own HEAD", i + 1));
    }
    for (const Range& r : s.ranges) {
      if (r.last > n)
        fail(r.line, fmt::format("multiword token {}-{} goes beyond the sentence's {} words",
                                 r.first, r.last, n));
      Token& first = s.words[r.first - 1];
      first.mwt_size = static_cast<uint8_t>(std::min(r.last - r.first + 1, 255));
    }
    if (paragraph_break && !sentences.empty()) ++paragraph;
    paragraph_break = false;
    s.paragraph = paragraph;
    sentences.push_back(std::move(s));
  }

  // Moves the sentences read so far into a Document, rebuilding its raw text.
  // Throws (and the document is lost) when a form is not found in the text.
  Document build_document(std::vector<PendingSentence> pending, std::string id, size_t first_line) {
    ++doc_count;
    Document doc;
    doc.id = id.empty() ? fmt::format("{}#{}", file_name, doc_count) : std::move(id);
    doc.origin = fmt::format("{}:{}", file_name, first_line);

    for (size_t si = 0; si < pending.size(); ++si) {
      PendingSentence& ps = pending[si];
      const auto& ranges = ps.ranges;
      // The surface units: a multiword token or a plain word, as [first, last] word indexes.
      struct Unit {
        int first, last;
        const std::string* surface;
        bool space_after;
        size_t line;
      };
      std::vector<Unit> units;
      size_t ri = 0;
      for (int i = 0; i < static_cast<int>(ps.words.size());) {
        if (ri < ranges.size() && ranges[ri].first == i + 1) {
          const Range& r = ranges[ri++];
          units.push_back({i, r.last - 1, &r.surface, r.space_after, r.line});
          i = r.last;
        } else {
          units.push_back({i, i, &ps.words[i].form, ps.words[i].space_after, ps.word_lines[i]});
          ++i;
        }
      }
      std::string text;
      if (ps.has_text) {
        text = ps.text;
      } else {
        for (size_t u = 0; u < units.size(); ++u) {
          text += *units[u].surface;
          if (u + 1 < units.size() && units[u].space_after) text += ' ';
        }
      }
      if (si > 0) doc.raw += ps.paragraph != pending[si - 1].paragraph ? "\n\n" : " ";
      const uint32_t base = static_cast<uint32_t>(doc.raw.size());
      doc.raw += text;

      Sentence sentence;
      sentence.text = text;
      sentence.raw = Span{base, static_cast<uint32_t>(doc.raw.size())};
      sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
      sentence.token_count = static_cast<uint32_t>(ps.words.size());
      sentence.paragraph = ps.paragraph;

      size_t pos = 0;
      for (const Unit& unit : units) {
        while (size_t n = space_at(text, pos)) pos += n;
        const std::string& form = *unit.surface;
        size_t p = pos;
        bool ok = !form.empty();
        for (size_t k = 0; ok && k < form.size(); ++k) {
          if (is_space(form[k])) {  // forms may hold spaces; the text may hold other whitespace
            if (space_at(text, p) == 0) ok = false;
            while (size_t n = space_at(text, p)) p += n;
            while (k + 1 < form.size() && is_space(form[k + 1])) ++k;
          } else if (p < text.size() && text[p] == form[k]) {
            ++p;
          } else {
            ok = false;
          }
        }
        if (!ok)
          fail(unit.line, fmt::format("form '{}' does not match the sentence text at byte {} "
                                      "(\"{}\"); document {} skipped",
                                      form, pos, text.substr(pos, 20), doc.id));
        const Span span{base + static_cast<uint32_t>(pos), base + static_cast<uint32_t>(p)};
        for (int w = unit.first; w <= unit.last; ++w) {
          Token& t = ps.words[w];
          t.raw = span;
          // Inside a multiword token the words touch; the token's SpaceAfter goes on its last.
          t.space_after = w == unit.last ? unit.space_after : false;
        }
        pos = p;
      }
      for (Token& t : ps.words) doc.tokens.push_back(std::move(t));
      doc.sentences.push_back(std::move(sentence));
    }
    return doc;
  }
};

Reader::Reader(std::istream& in, std::string file_name)
    : state_(std::make_unique<State>(in, std::move(file_name))) {}

Reader::~Reader() = default;

std::optional<Document> Reader::next() {
  State& st = *state_;
  std::string buffer;
  while (std::getline(st.in, buffer)) {
    ++st.line_no;
    std::string_view line = buffer;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (st.doc_first_line == 0) st.doc_first_line = st.line_no;
    if (line.empty()) {
      st.finish_sentence();
      continue;
    }
    if (line.front() == '#') {
      if (!st.current.empty()) continue;  // comments amid words are not valid; ignore them
      std::optional<std::string_view> id = comment_value(line, "newdoc id");
      if (!id) id = comment_value(line, "newdoc");
      if (id) {
        std::vector<PendingSentence> done = std::move(st.sentences);
        std::string done_id = std::move(st.doc_id);
        const size_t done_first = st.doc_first_line;
        st.sentences.clear();
        st.doc_id = std::string(*id);
        st.doc_first_line = st.line_no;
        st.paragraph = 0;
        st.paragraph_break = false;
        if (done.empty()) continue;
        return st.build_document(std::move(done), std::move(done_id), done_first);
      }
      if (comment_value(line, "newpar")) {
        st.paragraph_break = true;
      } else if (auto text = comment_value(line, "text")) {
        st.current.text = std::string(*text);
        st.current.has_text = true;
      }
      continue;
    }
    st.read_word_line(line);
  }
  st.finish_sentence();
  if (st.sentences.empty()) return std::nullopt;
  std::vector<PendingSentence> done = std::move(st.sentences);
  st.sentences.clear();
  return st.build_document(std::move(done), std::move(st.doc_id), st.doc_first_line);
}

namespace {

// CoNLL-U fields cannot hold tabs or line breaks; an empty field is "_".
std::string column(std::string_view s) {
  if (s.empty()) return "_";
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// Token::misc without the items we write ourselves, plus ours.
std::string merged_misc(std::string_view input, bool space_after, Span range, bool with_range) {
  std::string out;
  auto add = [&out](std::string_view item) {
    if (!out.empty()) out += '|';
    out += item;
  };
  if (!input.empty() && input != "_") {
    for (std::string_view item : split(input, '|')) {
      if (item.empty() || item.starts_with("SpaceAfter=") || item.starts_with("TokenRange="))
        continue;
      add(item);
    }
  }
  if (!space_after) add("SpaceAfter=No");
  if (with_range) add(fmt::format("TokenRange={}:{}", range.begin, range.end));
  return column(out);
}

}  // namespace

void write(std::ostream& out, const Document& doc, const WriteOptions& options) {
  out << "# newdoc id = " << one_line(doc.id) << "\n# doc_id = " << one_line(doc.id) << "\n";
  int written = 0;
  int64_t last_paragraph = -1;
  for (const Sentence& s : doc.sentences) {
    if (!s.codable() && !options.all_sentences) continue;
    ++written;
    if (static_cast<int64_t>(s.paragraph) != last_paragraph) out << "# newpar\n";
    last_paragraph = s.paragraph;
    if (!s.codable()) out << "# boilerplate = " << to_string(s.kind) << "\n";
    out << "# sent_id = " << one_line(doc.id) << "-" << written << "\n";
    const std::string_view text = s.text.empty() ? doc.raw_text(s.raw) : s.text;
    out << "# text = " << one_line(text) << "\n";
    auto tokens = doc.tokens_of(s);
    const int n = static_cast<int>(tokens.size());
    for (int i = 0; i < n; ++i) {
      const Token& t = tokens[i];
      const bool in_raw = t.raw.end > t.raw.begin && t.raw.end <= doc.raw.size();
      int mwt_last = i;
      if (t.mwt_size > 1) {
        mwt_last = std::min(n - 1, i + t.mwt_size - 1);
        // The surface token is the raw text its words cover, from the first to the last.
        Span range = t.raw;
        range.end = std::max(range.end, tokens[mwt_last].raw.end);
        const bool range_in_raw = range.end > range.begin && range.end <= doc.raw.size();
        std::string surface;
        if (range_in_raw) {
          surface = std::string(doc.raw_text(range));
        } else {
          for (int k = i; k <= mwt_last; ++k) surface += tokens[k].form;
        }
        out << i + 1 << '-' << mwt_last + 1 << '\t' << column(one_line(surface))
            << "\t_\t_\t_\t_\t_\t_\t_\t"
            << merged_misc("", tokens[mwt_last].space_after, range, range_in_raw) << "\n";
        for (int k = i; k <= mwt_last; ++k) {
          const Token& w = tokens[k];
          out << k + 1 << '\t' << column(w.form) << '\t' << column(w.lemma) << '\t'
              << column(w.upos) << '\t' << column(w.xpos) << '\t' << column(w.feats) << '\t'
              << (w.head < 0 ? std::string("_") : std::to_string(w.head)) << '\t'
              << column(w.deprel) << "\t_\t" << merged_misc(w.misc, true, w.raw, false) << "\n";
        }
        i = mwt_last;
        continue;
      }
      out << i + 1 << '\t' << column(t.form) << '\t' << column(t.lemma) << '\t' << column(t.upos)
          << '\t' << column(t.xpos) << '\t' << column(t.feats) << '\t'
          << (t.head < 0 ? std::string("_") : std::to_string(t.head)) << '\t' << column(t.deprel)
          << "\t_\t" << merged_misc(t.misc, t.space_after, t.raw, in_raw) << "\n";
    }
    out << "\n";
  }
}

}  // namespace khaldun::conllu
