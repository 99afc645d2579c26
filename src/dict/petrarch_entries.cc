// PETRARCH-2 actor, agent, discard and issue dictionaries.
#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "dict/date.h"
#include "dict/inflect.h"
#include "dict/petrarch_lines.h"
#include "dict/petrarch_reader.h"
#include "dict/text_util.h"

namespace khaldun::dict {
namespace {

// One "[CODE restriction]" group of an actor line; "[ELR/GAL]" holds several codes.
bool parse_actor_code(std::string_view inside, int line, std::vector<DatedCode>& out,
                      Diagnostics& diag, const SourceRef& where) {
  inside = trim(inside);
  auto space = inside.find_first_of(" \t<>");
  std::string_view codes = inside.substr(0, space);
  DatedCode proto;
  proto.line = line;
  if (space != std::string_view::npos) {
    std::vector<std::string> warnings;
    std::string err = parse_petrarch_restriction(inside.substr(space), proto.range, warnings);
    for (auto& w : warnings) diag.warn(where, w);
    if (!err.empty()) {
      diag.error(where, "bad date restriction: " + err);
      return false;
    }
    proto.dated = true;
  }
  // "---" names something that codes nothing (so it is not read as something else); "+++" is
  // TABARI's null actor. Both are kept as written.
  if (codes == "---" || codes == "+++") {
    proto.code = std::string(codes);
    out.push_back(std::move(proto));
    return true;
  }
  // PETRARCH-2 reports a slashed code ("[FRO/BIL/SAM]", several actors at once) as written, so
  // it is kept whole.
  if (!is_slashed_code(codes)) {
    diag.error(where, fmt::format("expected '[CODE]' or '[CODE DATES]', got '[{}]'", inside));
    return false;
  }
  proto.code = upper(codes);
  if (proto.code != codes)
    diag.warn(where, fmt::format("code '{}' read as '{}'", codes, proto.code));
  out.push_back(std::move(proto));
  return true;
}

// Reads every [..] group of `text` into `codes`; returns the text before the first '['.
std::string_view read_codes(std::string_view text, int line, std::vector<DatedCode>& codes,
                            Diagnostics& diag, const SourceRef& where, bool& ok) {
  ok = true;
  auto first = text.find('[');
  std::string_view head = text.substr(0, first);
  size_t pos = first;
  while (pos != std::string_view::npos && pos < text.size()) {
    auto close = text.find(']', pos);
    if (close == std::string_view::npos) {
      diag.error(where, "expected ']' closing the code");
      ok = false;
      return head;
    }
    if (!parse_actor_code(text.substr(pos + 1, close - pos - 1), line, codes, diag, where)) {
      ok = false;
      return head;
    }
    auto next = text.find('[', close);
    std::string_view between = trim(
        text.substr(close + 1, (next == std::string_view::npos ? text.size() : next) - close - 1));
    if (!between.empty()) {
      diag.warn(where, fmt::format("text after the code ignored: '{}'", between));
    }
    pos = next;
  }
  return head;
}

void finish_actor(Dictionary& out, Diagnostics& diag) {
  if (out.actors.empty()) return;
  const Actor& a = out.actors.back();
  if (a.codes.empty()) {
    diag.warn(a.source,
              fmt::format("actor '{}' has no code; it matches but codes nothing", a.names.front()));
  }
}

}  // namespace

void read_petrarch_actors(std::string_view content, const std::string& file, Dictionary& out,
                          Diagnostics& diag) {
  out.files.push_back(file);
  bool have_current = false;  // whether out.actors.back() belongs to this file and is open
  bool bad = false;           // an error was found in the open actor (lenient mode): drop it
  auto close_current = [&] {
    if (!have_current) return;
    if (bad) {
      out.actors.pop_back();
    } else {
      finish_actor(out, diag);
    }
    have_current = false;
    bad = false;
  };
  for (const auto& l : petrarch_lines(content)) {
    SourceRef where{file, l.number};
    std::string_view t = trim(l.text);
    bool ok = true;
    if (t.front() == '[' || t.front() == '+') {
      if (!have_current) {
        // Either a stray line or one belonging to an actor already rejected.
        if (!bad)
          diag.error(where, t.front() == '[' ? "code line with no actor name before it"
                                             : "'+' synonym with no actor name before it");
        continue;
      }
      if (bad) continue;
      std::vector<DatedCode> codes;
      std::string name;
      if (t.front() == '+') {
        name = petrarch_phrase(trim(read_codes(t.substr(1), l.number, codes, diag, where, ok)));
        if (ok && name.empty()) {
          diag.error(where, "expected a name after '+'");
          ok = false;
        }
      } else {
        read_codes(t, l.number, codes, diag, where, ok);
      }
      if (!ok) {
        bad = true;
        continue;
      }
      if (!name.empty()) out.actors.back().names.push_back(std::move(name));
      auto& into = out.actors.back().codes;
      into.insert(into.end(), codes.begin(), codes.end());
      continue;
    }
    // A name line. TABARI convention: names without a code share the code written after them,
    // so a name line joins the open actor while that actor has no code yet.
    if (l.text.front() == ' ' || l.text.front() == '\t') {
      diag.warn(where, "indented name line read as a new name");
    }
    bool join = have_current && !bad && out.actors.back().codes.empty();
    if (!join) close_current();
    std::vector<DatedCode> codes;
    std::string_view head = read_codes(t, l.number, codes, diag, where, ok);
    std::string name = petrarch_phrase(trim(head));
    if (ok && name.empty()) {
      diag.error(where, "expected an actor name");
      ok = false;
    }
    if (!ok) {
      if (join) {
        bad = true;
      } else {
        bad = true;  // swallow the lines that belong to the rejected actor
        have_current = false;
      }
      continue;
    }
    if (trim(head).find_first_of(" \t") != std::string_view::npos) {
      diag.warn(where, fmt::format("name '{}' written with spaces; read as if joined with '_'",
                                   trim(head)));
    }
    if (!join) {
      Actor a;
      a.note = std::string(l.comment);
      a.source = where;
      out.actors.push_back(std::move(a));
      have_current = true;
      bad = false;
    }
    out.actors.back().names.push_back(std::move(name));
    auto& into = out.actors.back().codes;
    into.insert(into.end(), codes.begin(), codes.end());
  }
  close_current();
}

void read_petrarch_agents(std::string_view content, const std::string& file, Dictionary& out,
                          Diagnostics& diag) {
  out.files.push_back(file);
  std::map<std::string, std::vector<std::string>> macros;  // "!PERSON!" -> MAN, MEN, ...
  std::vector<std::string> pending;  // nouns written without a code, waiting for the next one
  for (const auto& l : petrarch_lines(content)) {
    SourceRef where{file, l.number};
    std::string_view t = trim(l.text);
    if (t.front() == '!' && t.find('=') != std::string_view::npos) {
      std::string_view name = trim(t.substr(0, t.find('=')));
      if (name.size() < 3 || name.back() != '!') {
        diag.error(where, "expected '!NAME! = WORD, WORD, ...'");
        continue;
      }
      std::vector<std::string> words;
      std::string_view rest = t.substr(t.find('=') + 1);
      size_t pos = 0;
      while (pos <= rest.size()) {
        auto comma = rest.find(',', pos);
        if (comma == std::string_view::npos) comma = rest.size();
        std::string w = petrarch_phrase(trim(rest.substr(pos, comma - pos)));
        if (!w.empty()) words.push_back(upper(w));
        pos = comma + 1;
      }
      macros[upper(name)] = std::move(words);
      continue;
    }
    auto open = t.find('[');
    if (open == std::string_view::npos) {
      if (t.find_first_of("{}]") != std::string_view::npos) {
        diag.error(where, "expected 'NOUN {PLURALS} [~CODE]'");
        continue;
      }
      // As with actors, a noun without a code shares the code of the next entry.
      diag.warn(where,
                fmt::format("agent '{}' has no code; it takes the code of the next entry", t));
      pending.push_back(upper(petrarch_phrase(t)));
      continue;
    }
    auto close = t.find_first_of("]}", open);
    if (close == std::string_view::npos) {
      diag.error(where, "expected ']' closing the agent code");
      continue;
    }
    if (t[close] == '}') diag.warn(where, "agent code closed with '}' instead of ']'");
    std::string code = upper(trim(t.substr(open + 1, close - open - 1)));
    if (code.empty() || code.find_first_of(" \t") != std::string::npos ||
        !is_code(code.front() == '~'  ? code.substr(1)
                 : code.back() == '~' ? code.substr(0, code.size() - 1)
                                      : code)) {
      diag.error(where, fmt::format("expected an agent code like '[~GOV]', got '[{}]'",
                                    t.substr(open + 1, close - open - 1)));
      continue;
    }
    if (!trim(t.substr(close + 1)).empty()) {
      diag.warn(where, fmt::format("text after the code ignored: '{}'", trim(t.substr(close + 1))));
    }
    std::string_view head = t.substr(0, open);
    std::vector<std::string> plurals;
    bool explicit_plurals = false;
    auto brace = head.find('{');
    if (brace != std::string_view::npos) {
      auto end = head.find('}', brace);
      if (end == std::string_view::npos) {
        diag.error(where, "expected '}' closing the plurals");
        continue;
      }
      explicit_plurals = true;
      std::string_view inside = head.substr(brace + 1, end - brace - 1);
      size_t pos = 0;
      while (pos < inside.size()) {
        auto sep = inside.find_first_of(" \t,", pos);
        if (sep == std::string_view::npos) sep = inside.size();
        std::string p = petrarch_phrase(inside.substr(pos, sep - pos));
        if (!p.empty()) plurals.push_back(upper(p));
        pos = sep + 1;
      }
      head = head.substr(0, brace);
    }
    std::string base = upper(petrarch_phrase(trim(head)));
    if (base.empty()) {
      diag.error(where, "expected an agent noun before the code");
      continue;
    }
    // "!MINIST! FOR_AGRICULTURE": a space after a substitution is the usual way to write it.
    std::string spaced(trim(head));
    for (size_t at = spaced.find("! "); at != std::string::npos; at = spaced.find("! ", at)) {
      spaced[at + 1] = '_';
    }
    if (spaced.find_first_of(" \t") != std::string::npos) {
      diag.warn(where, fmt::format("agent '{}' written with spaces; read as if joined with '_'",
                                   trim(head)));
    }
    // Expand !MACRO! substitutions; the macro lists carry their own plurals.
    std::vector<std::string> written = std::move(pending);
    pending.clear();
    written.push_back(base);
    Agent a;
    a.code = code;
    a.note = std::string(l.comment);
    a.source = where;
    bool bad_macro = false;
    for (const auto& name : written) {
      std::vector<std::string> names{name};
      bool used_macro = false;
      for (;;) {
        auto bang = names.front().find('!');
        if (bang == std::string::npos) break;
        auto end = names.front().find('!', bang + 1);
        std::string key =
            end == std::string::npos ? "" : names.front().substr(bang, end - bang + 1);
        auto it = macros.find(key);
        if (it == macros.end()) {
          diag.error(where, fmt::format("unknown substitution '{}' (define it with '{} = ...')",
                                        key.empty() ? names.front().substr(bang) : key,
                                        key.empty() ? "!NAME!" : key));
          bad_macro = true;
          break;
        }
        std::vector<std::string> expanded;
        for (const auto& n : names) {
          auto at = n.find(key);
          for (const auto& w : it->second) {
            expanded.push_back(petrarch_phrase(n.substr(0, at) + w + n.substr(at + key.size())));
          }
        }
        names = std::move(expanded);
        used_macro = true;
      }
      if (bad_macro) break;
      for (const auto& n : names) {
        a.names.push_back(n);
        if (!explicit_plurals && !used_macro) {
          // PETRARCH-2 generates the plural of the last word when none is given.
          auto space = n.rfind(' ');
          std::string last = space == std::string::npos ? n : n.substr(space + 1);
          a.names.push_back((space == std::string::npos ? "" : n.substr(0, space + 1)) +
                            regular_plural(last));
        }
      }
    }
    if (bad_macro) continue;
    for (auto& p : plurals) a.names.push_back(std::move(p));
    out.agents.push_back(std::move(a));
  }
}

void read_petrarch_discards(std::string_view content, const std::string& file, Dictionary& out,
                            Diagnostics& diag) {
  out.files.push_back(file);
  for (const auto& l : petrarch_lines(content)) {
    std::string_view t = trim(l.text);
    Discard d;
    d.whole_story = t.front() == '+';
    if (d.whole_story) t.remove_prefix(1);
    d.phrase = petrarch_phrase(trim(t));
    d.note = std::string(l.comment);
    d.source = {file, l.number};
    if (d.phrase.empty()) {
      diag.error(d.source, "expected a phrase after '+'");
      continue;
    }
    out.discards.push_back(std::move(d));
  }
}

namespace {

// Expands one word of an issue phrase: "n:school" -> school, schools; "pre+k" -> pre-k, pre k,
// prek.
std::vector<std::string> issue_word_variants(std::string_view word) {
  std::vector<std::string> out{""};
  size_t pos = 0;
  bool first = true;
  while (pos <= word.size()) {
    auto plus = word.find('+', pos);
    if (plus == std::string_view::npos) plus = word.size();
    std::string_view part = word.substr(pos, plus - pos);
    std::vector<std::string> part_forms;
    if (part.starts_with("n:")) {
      part.remove_prefix(2);
      part_forms = {std::string(part), regular_plural(part)};
    } else {
      part_forms = {std::string(part)};
    }
    std::vector<std::string> next;
    for (const auto& prefix : out) {
      for (const auto& f : part_forms) {
        if (first) {
          next.push_back(f);
        } else {
          for (const char* joint : {"-", " ", ""}) next.push_back(prefix + joint + f);
        }
      }
    }
    out = std::move(next);
    first = false;
    pos = plus + 1;
  }
  return out;
}

}  // namespace

void read_petrarch_issues(std::string_view content, const std::string& file, Dictionary& out,
                          Diagnostics& diag) {
  out.files.push_back(file);
  std::string category;
  for (const auto& l : petrarch_lines(content)) {
    SourceRef where{file, l.number};
    std::string_view t = trim(l.text);
    if (t.starts_with("</ISSUE")) {
      category.clear();
      continue;
    }
    if (t.starts_with("<ISSUE")) {
      auto key = t.find("CATEGORY=\"");
      auto end = key == std::string_view::npos ? key : t.find('"', key + 10);
      if (end == std::string_view::npos) {
        diag.error(where, "expected '<ISSUE CATEGORY=\"NAME\" TYPE=\"...\">'");
        continue;
      }
      category = std::string(t.substr(key + 10, end - key - 10));
      continue;
    }
    Issue issue;
    issue.source = where;
    issue.note = std::string(l.comment);
    issue.category = category;
    if (t.starts_with("~~")) {
      issue.kind = IssueKind::kStrongExclude;
      t.remove_prefix(2);
    } else if (t.starts_with('~')) {
      issue.kind = IssueKind::kExclude;
      t.remove_prefix(1);
    }
    auto open = t.find('[');
    std::string_view phrase = t;
    if (open != std::string_view::npos) {
      auto close = t.find(']', open);
      if (close == std::string_view::npos) {
        diag.error(where, "expected ']' closing the issue code");
        continue;
      }
      issue.code = std::string(trim(t.substr(open + 1, close - open - 1)));
      phrase = t.substr(0, open);
      if (!trim(t.substr(close + 1)).empty()) {
        diag.warn(where, fmt::format("text after the code ignored: '{}'", t.substr(close + 1)));
      }
    }
    if (issue.code.empty()) issue.code = category;
    if (issue.code.empty()) {
      diag.error(where, "issue phrase with no [CODE] outside an <ISSUE CATEGORY=...> block");
      continue;
    }
    std::vector<std::string> phrases{""};
    std::string_view p = trim(phrase);
    if (p.empty()) {
      diag.error(where, "expected an issue phrase");
      continue;
    }
    size_t pos = 0;
    while (pos < p.size()) {
      auto space = p.find_first_of(" \t", pos);
      if (space == std::string_view::npos) space = p.size();
      if (space > pos) {
        std::vector<std::string> next;
        for (const auto& prefix : phrases) {
          for (const auto& v : issue_word_variants(p.substr(pos, space - pos))) {
            next.push_back(prefix.empty() ? v : prefix + " " + v);
          }
        }
        phrases = std::move(next);
      }
      pos = space + 1;
    }
    issue.phrases = std::move(phrases);
    out.issues.push_back(std::move(issue));
  }
}

}  // namespace khaldun::dict
