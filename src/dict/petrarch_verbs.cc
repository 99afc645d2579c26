// PETRARCH-2 verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs*.txt): synonym sets, verb
// blocks with their verbs and patterns, and transformations.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "dict/petrarch_lines.h"
#include "dict/petrarch_reader.h"
#include "dict/text_util.h"

namespace khaldun::dict {
namespace {

std::string synset_name(std::string_view token) {
  if (!token.empty() && token.front() == '&') token.remove_prefix(1);
  while (!token.empty() && token.back() == '_') token.remove_suffix(1);
  return upper(token);
}

// "+ASK_FOR", "KLM_NOP_+RST", "LASH OUT": words, and which one is the verb ('+' marks it; the
// first word otherwise).
bool parse_verb_words(std::string_view text, std::vector<std::string>& words, uint32_t& index,
                      bool& marked) {
  words.clear();
  index = 0;
  marked = false;
  std::string word;
  bool plus = false;
  auto flush = [&] {
    if (word.empty()) return;
    if (plus) {
      index = static_cast<uint32_t>(words.size());
      marked = true;
    }
    words.push_back(upper(word));
    word.clear();
    plus = false;
  };
  for (char c : text) {
    if (c == '_' || c == ' ' || c == '\t') {
      flush();
    } else if (c == '+' && word.empty()) {
      plus = true;
    } else {
      word += c;
    }
  }
  flush();
  return !words.empty();
}

struct Reader {
  std::string_view content;
  const std::string& file;
  Dictionary& out;
  Diagnostics& diag;
  std::vector<std::string> synset_names;
  // kSkipping: inside a block whose header was bad (lenient mode); its lines count as that one
  // error.
  enum class State { kNone, kSynset, kVerbs, kSkipping } state = State::kNone;

  SourceRef at(int line) const { return {file, line}; }

  void run() {
    auto lines = petrarch_lines(content);
    // Patterns may use a set defined further down, and set names hold '_': collect names first.
    for (const auto& l : lines) {
      std::string_view t = trim(l.text);
      if (t.starts_with('&')) {
        synset_names.push_back(synset_name(t.substr(0, t.find_first_of(" \t"))));
      }
    }
    for (const auto& l : lines) line(l);
  }

  void line(const PetrarchLine& l) {
    std::string_view t = trim(l.text);
    if (t.starts_with("---")) return header(l, t);
    if (state == State::kSkipping && !t.starts_with('&')) return;
    switch (t.front()) {
      case '&':
        return synset(l, t);
      case '~':
        return transformation(l, t);
      case '-':
        return pattern(l, t);
      case '+':
        if (state == State::kSynset) return member(l, t);
        if (state == State::kVerbs) return verb(l, t);
        return diag.error(at(l.number), "'+' line outside a synonym set or verb block");
      case '*':
        // No verb starts with the verb marker: "* (TO QUESTION) [110]" is a pattern that lost
        // its '-', and PETRARCH-2 codes it as one.
        if (state == State::kVerbs) {
          diag.warn(at(l.number), "pattern written without its leading '-'; read as a pattern");
          return pattern(l, "-" + std::string(t));
        }
        [[fallthrough]];
      default:
        if (state == State::kVerbs) return verb(l, t);
        if (state == State::kSynset) {
          return diag.error(at(l.number),
                            fmt::format("expected '+MEMBER' of synonym set &{} or a "
                                        "'--- VERB [CODE] ---' block header, got '{}'",
                                        out.synsets.back().name, t));
        }
        return diag.error(at(l.number),
                          fmt::format("expected a '--- VERB [CODE] ---' block header or a "
                                      "'&SET' synonym set, got '{}'",
                                      t));
    }
  }

  void header(const PetrarchLine& l, std::string_view t) {
    std::string_view rest = trim(t.substr(t.find_first_not_of('-')));
    auto open = rest.find('[');
    auto close = rest.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      state = State::kSkipping;
      return diag.error(at(l.number), "expected '--- VERB [CODE] ---'");
    }
    std::string name = synset_name(trim(rest.substr(0, open)));
    if (name.empty()) {
      state = State::kSkipping;
      return diag.error(at(l.number), "expected a verb name in '--- VERB [CODE] ---'");
    }
    if (name.find_first_of(" \t") != std::string::npos) {
      // The PETRARCH-1 layout names blocks after multi-word verbs ("--- LASH OUT [122] ---").
      name = petrarch_phrase(name);
      std::replace(name.begin(), name.end(), ' ', '_');
      diag.warn(at(l.number), fmt::format("multi-word block name read as {}", name));
    }
    VerbGroup group;
    group.name = name;
    group.source = at(l.number);
    std::string warning;
    if (!parse_event_code(rest.substr(open + 1, close - open - 1), group.code, warning)) {
      state = State::kSkipping;
      return diag.error(at(l.number), fmt::format("'[{}]' is not a CAMEO code",
                                                  rest.substr(open + 1, close - open - 1)));
    }
    if (!warning.empty()) diag.warn(at(l.number), warning);
    std::string_view tail = trim(rest.substr(close + 1));
    if (tail.find_first_not_of("- \t") != std::string_view::npos || !tail.starts_with("---")) {
      diag.warn(at(l.number), fmt::format("block header ends in '{}', expected ' ---'", tail));
    } else if (tail.size() != 3 && rest[close + 1] == '-') {
      diag.warn(at(l.number), "block header has dashes glued to the code");
    }
    out.verb_groups.push_back(std::move(group));
    state = State::kVerbs;
  }

  void synset(const PetrarchLine& l, std::string_view t) {
    auto space = t.find_first_of(" \t");
    Synset set;
    set.name = synset_name(t.substr(0, space));
    set.source = at(l.number);
    if (set.name.empty()) {
      state = State::kSkipping;
      return diag.error(at(l.number), "expected a synonym set name after '&'");
    }
    if (space != std::string_view::npos) {
      diag.warn(at(l.number),
                fmt::format("text after synonym set name ignored: '{}'", trim(t.substr(space))));
    }
    out.synsets.push_back(std::move(set));
    state = State::kSynset;
  }

  void member(const PetrarchLine& l, std::string_view t) {
    std::string phrase = petrarch_phrase(trim(t.substr(1)));
    if (phrase.empty()) return diag.error(at(l.number), "empty synonym set member");
    out.synsets.back().members.push_back(upper(phrase));
  }

  void transformation(const PetrarchLine& l, std::string_view t) {
    std::string text = petrarch_phrase(trim(t.substr(1)));
    auto eq = text.find('=');
    if (eq == std::string::npos) {
      return diag.error(at(l.number), "expected a transformation '~ a (a b VERB) VERB = a b CODE'");
    }
    std::string_view before = trim(std::string_view(text).substr(0, eq));
    auto space = before.find_last_of(' ');
    Transformation tr;
    tr.text = text;
    tr.verb = upper(space == std::string_view::npos ? before : before.substr(space + 1));
    tr.source = at(l.number);
    out.transformations.push_back(std::move(tr));
  }

  void pattern(const PetrarchLine& l, std::string_view t) {
    if (state != State::kVerbs) {
      return diag.error(at(l.number), "pattern outside a verb block");
    }
    std::string_view body = t.substr(1);
    auto open = body.rfind('[');
    auto close = body.rfind(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      return diag.error(at(l.number), "expected '[CODE]' at the end of the pattern");
    }
    Pattern p;
    p.line = l.number;
    p.note = std::string(l.comment);
    std::string warning;
    if (!parse_event_code(body.substr(open + 1, close - open - 1), p.code, warning)) {
      return diag.error(at(l.number), fmt::format("'[{}]' is not a CAMEO code",
                                                  body.substr(open + 1, close - open - 1)));
    }
    if (!warning.empty()) diag.warn(at(l.number), warning);
    if (!trim(body.substr(close + 1)).empty()) {
      diag.warn(at(l.number),
                fmt::format("text after the code ignored: '{}'", trim(body.substr(close + 1))));
    }
    std::vector<std::string> warnings;
    std::string err = parse_pattern(body.substr(0, open), synset_names, p.items, warnings);
    if (!err.empty()) return diag.error(at(l.number), "bad pattern: " + err);
    for (auto& w : warnings) diag.warn(at(l.number), w);
    out.verb_groups.back().patterns.push_back(std::move(p));
  }

  void verb(const PetrarchLine& l, std::string_view t) {
    Verb v;
    v.source = at(l.number);
    v.note = std::string(l.comment);
    auto brace = t.find('{');
    auto bracket = t.find('[');
    std::string_view words = t.substr(0, std::min(brace, bracket));
    bool marked = false;
    if (!parse_verb_words(words, v.words, v.verb_index, marked)) {
      return diag.error(at(l.number), "expected a verb");
    }
    if (brace != std::string_view::npos && (bracket == std::string_view::npos || brace < bracket)) {
      auto end = t.find('}', brace);
      if (end == std::string_view::npos) {
        return diag.error(at(l.number), "expected '}' closing the verb forms");
      }
      v.explicit_forms = true;
      std::string_view forms = t.substr(brace + 1, end - brace - 1);
      std::string current;
      auto flush_form = [&] {
        std::vector<std::string> fw;
        uint32_t fi = 0;
        bool fm = false;
        if (parse_verb_words(current, fw, fi, fm)) {
          if (!fm && fw.size() == v.words.size()) fi = v.verb_index;
          if (fi != v.verb_index || fw.size() != v.words.size()) {
            diag.warn(at(l.number),
                      fmt::format("form '{}' has another shape than '{}'", current, words));
          }
          v.forms.push_back(std::move(fw));
        }
        current.clear();
      };
      for (char c : forms) {
        if (c == ' ' || c == '\t' || c == ',') {
          flush_form();
        } else {
          current += c;
        }
      }
      flush_form();
      bracket = t.find('[', end);
    }
    if (bracket != std::string_view::npos) {
      auto end = t.find(']', bracket);
      if (end == std::string_view::npos) return diag.error(at(l.number), "expected ']'");
      std::string warning;
      if (!parse_event_code(t.substr(bracket + 1, end - bracket - 1), v.code, warning)) {
        return diag.error(at(l.number), fmt::format("'[{}]' is not a CAMEO code",
                                                    t.substr(bracket + 1, end - bracket - 1)));
      }
      if (!warning.empty()) diag.warn(at(l.number), warning);
    }
    if (words.find(' ') != std::string_view::npos &&
        trim(words).find(' ') != std::string_view::npos) {
      diag.warn(at(l.number), "multi-word verb written with spaces; read as if joined with '_'");
    }
    out.verb_groups.back().verbs.push_back(std::move(v));
  }
};

}  // namespace

void read_petrarch_verbs(std::string_view content, const std::string& file, Dictionary& out,
                         Diagnostics& diag) {
  out.files.push_back(file);
  Reader{content, file, out, diag, {}}.run();
}

}  // namespace khaldun::dict
