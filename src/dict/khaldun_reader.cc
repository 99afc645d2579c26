// Reading khaldun's own TSV dictionary files.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include <fmt/format.h>

#include "dict/date.h"
#include "dict/khaldun_format.h"
#include "dict/petrarch_lines.h"
#include "dict/text_util.h"

namespace khaldun::dict {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  for (;;) {
    auto at = s.find(sep, pos);
    out.push_back(s.substr(pos, at == std::string_view::npos ? s.npos : at - pos));
    if (at == std::string_view::npos) break;
    pos = at + 1;
  }
  return out;
}

// Collapses runs of blanks to single spaces.
std::string clean(std::string_view s) {
  s = trim(s);
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> names_of(std::string_view field) {
  std::vector<std::string> out;
  for (auto part : split(field, '|')) {
    std::string n = clean(part);
    if (!n.empty()) out.push_back(std::move(n));
  }
  return out;
}

struct Columns {
  std::vector<std::string_view> names;
  size_t required;
};

Columns columns_of(FileKind kind) {
  switch (kind) {
    case FileKind::kActors:
      return {{"names", "codes", "note"}, 2};
    case FileKind::kAgents:
      return {{"names", "code", "note"}, 2};
    case FileKind::kVerbs:
      return {{"kind", "group", "code", "text", "note"}, 4};
    case FileKind::kDiscards:
      return {{"phrase", "note"}, 1};
    case FileKind::kIssues:
      return {{"phrases", "code", "note"}, 2};
    case FileKind::kPlaces:
      return {{"names", "country", "kind", "note"}, 3};
  }
  return {{}, 0};
}

struct Reader {
  const std::string& file;
  FileKind kind;
  Dictionary& out;
  Diagnostics& diag;
  std::unordered_map<std::string, size_t> groups;  // verb group name -> index in out
  std::vector<std::string> synset_names;
  std::vector<bool> group_has_code_row;

  SourceRef at(int line) const { return {file, line}; }

  void run(std::string_view content) {
    for (size_t i = 0; i < out.verb_groups.size(); ++i) groups[out.verb_groups[i].name] = i;
    for (const auto& s : out.synsets) synset_names.push_back(s.name);
    group_has_code_row.assign(out.verb_groups.size(), true);
    struct Line {
      int number;
      std::string_view text;
    };
    std::vector<Line> lines;
    int number = 0;
    size_t pos = 0;
    while (pos < content.size()) {
      auto end = content.find('\n', pos);
      if (end == std::string_view::npos) end = content.size();
      std::string_view line = content.substr(pos, end - pos);
      pos = end + 1;
      ++number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (trim(line).empty() || trim(line).front() == '#') continue;
      lines.push_back({number, line});
    }
    if (lines.empty()) return;
    Columns cols = columns_of(kind);
    auto header = split(lines.front().text, '\t');
    for (size_t i = 0; i < cols.names.size() && i < cols.required; ++i) {
      if (i >= header.size() || trim(header[i]) != cols.names[i]) {
        std::string expected;
        for (auto n : cols.names) expected += (expected.empty() ? "" : "<TAB>") + std::string(n);
        diag.error(at(lines.front().number), fmt::format("expected the header '{}'", expected));
        return;  // without a header no row can be read
      }
    }
    if (kind == FileKind::kVerbs) {
      for (size_t i = 1; i < lines.size(); ++i) {
        auto f = split(lines[i].text, '\t');
        if (f.size() >= 2 && trim(f[0]) == "synset") {
          std::string n(trim(f[1]));
          if (n.starts_with('&')) n.erase(0, 1);
          synset_names.push_back(upper(n));
        }
      }
    }
    for (size_t i = 1; i < lines.size(); ++i) {
      auto fields = split(lines[i].text, '\t');
      if (fields.size() < cols.required) {
        diag.error(
            at(lines[i].number),
            fmt::format("expected {} tab-separated columns ({}), got {}", cols.required,
                        fmt::join(cols.names.begin(),
                                  cols.names.begin() + static_cast<long>(cols.required), ", "),
                        fields.size()));
        continue;
      }
      std::string note = fields.size() > cols.required && cols.names.size() > cols.required
                             ? clean(fields[cols.required])
                             : std::string();
      row(lines[i].number, fields, std::move(note));
    }
  }

  void row(int line, const std::vector<std::string_view>& f, std::string note) {
    switch (kind) {
      case FileKind::kActors:
        return actor(line, f, std::move(note));
      case FileKind::kAgents:
        return agent(line, f, std::move(note));
      case FileKind::kVerbs:
        return verbs(line, f, std::move(note));
      case FileKind::kDiscards:
        return discard(line, f, std::move(note));
      case FileKind::kIssues:
        return issue(line, f, std::move(note));
      case FileKind::kPlaces:
        return place(line, f, std::move(note));
    }
  }

  void actor(int line, const std::vector<std::string_view>& f, std::string note) {
    Actor a;
    a.names = names_of(f[0]);
    a.note = std::move(note);
    a.source = at(line);
    if (a.names.empty()) return diag.error(at(line), "expected at least one name");
    for (auto part : split(f[1], ';')) {
      part = trim(part);
      if (part.empty()) continue;
      DatedCode c;
      c.line = line;
      auto atsign = part.find('@');
      std::string_view code = trim(part.substr(0, atsign));
      // "---": recognised but codes nothing; "+++": TABARI's null actor (see DICTIONARIES.md).
      bool special = code == "---" || code == "+++";
      if (!special && !is_slashed_code(code)) {
        return diag.error(at(line), fmt::format("expected a code like RUSGOV or "
                                                "RUSGOV@2004-03-09.., got '{}'",
                                                part));
      }
      c.code = upper(code);
      if (c.code != code) diag.warn(at(line), fmt::format("code '{}' read as '{}'", code, c.code));
      if (atsign != std::string_view::npos) {
        std::string err = parse_iso_range(part.substr(atsign + 1), c.range);
        if (!err.empty()) return diag.error(at(line), err);
        c.dated = true;
      }
      a.codes.push_back(std::move(c));
    }
    if (a.codes.empty()) {
      diag.warn(at(line), fmt::format("actor '{}' has no code", a.names.front()));
    }
    out.actors.push_back(std::move(a));
  }

  void agent(int line, const std::vector<std::string_view>& f, std::string note) {
    Agent a;
    a.names = names_of(f[0]);
    a.code = upper(trim(f[1]));
    a.note = std::move(note);
    a.source = at(line);
    if (a.names.empty()) return diag.error(at(line), "expected at least one name");
    std::string_view bare = a.code;
    if (bare.starts_with('~')) {
      bare.remove_prefix(1);
    } else if (bare.ends_with('~')) {
      bare.remove_suffix(1);
    }
    if (!is_code(bare)) {
      return diag.error(at(line),
                        fmt::format("expected an agent code like ~GOV, got '{}'", a.code));
    }
    out.agents.push_back(std::move(a));
  }

  // nullptr when the group does not exist and `create` is false.
  VerbGroup* group_named(const std::string& name, int line, bool create) {
    auto it = groups.find(name);
    if (it != groups.end()) return &out.verb_groups[it->second];
    if (create) {
      VerbGroup g;
      g.name = name;
      g.source = at(line);
      out.verb_groups.push_back(std::move(g));
      group_has_code_row.push_back(false);
      groups[name] = out.verb_groups.size() - 1;
      return &out.verb_groups.back();
    }
    return nullptr;
  }

  void verbs(int line, const std::vector<std::string_view>& f, std::string note) {
    std::string_view kind_field = trim(f[0]);
    std::string group_name = upper(trim(f[1]));
    std::string_view text = trim(f[3]);
    EventCode code;
    std::string warning;
    if (kind_field != "synset" && !parse_event_code(f[2], code, warning)) {
      return diag.error(at(line), fmt::format("expected a CAMEO code or '---', got '{}'", f[2]));
    }
    if (!warning.empty()) diag.warn(at(line), warning);
    if (kind_field == "synset") {
      if (!group_name.starts_with('&') || group_name.size() < 2) {
        return diag.error(at(line), "expected a synset name starting with '&'");
      }
      Synset s;
      s.name = group_name.substr(1);
      s.members = names_of(text);
      s.source = at(line);
      if (s.members.empty()) return diag.error(at(line), "synset with no members");
      out.synsets.push_back(std::move(s));
      return;
    }
    if (group_name.empty() || group_name.find(' ') != std::string::npos) {
      return diag.error(at(line), "expected a verb group name (one upper-case word)");
    }
    if (kind_field == "group") {
      VerbGroup& g = *group_named(group_name, line, true);
      g.code = code;
      g.source = at(line);
      group_has_code_row[groups[group_name]] = true;
      return;
    }
    if (kind_field == "verb") {
      Verb v;
      v.code = code;
      v.note = std::move(note);
      v.source = at(line);
      std::string err = parse_verb_text(text, v);
      if (!err.empty()) return diag.error(at(line), err);
      VerbGroup& g = *group_named(group_name, line, true);
      size_t gi = groups[group_name];
      if (!group_has_code_row[gi] && g.verbs.empty()) g.code = code;
      g.verbs.push_back(std::move(v));
      return;
    }
    if (kind_field == "pattern") {
      VerbGroup* g = group_named(group_name, line, false);
      if (!g) {
        return diag.error(at(line), fmt::format("pattern for verb group '{}' before any of its "
                                                "verb rows",
                                                group_name));
      }
      Pattern p;
      p.code = code;
      p.note = std::move(note);
      p.line = line;
      std::vector<std::string> warnings;
      std::string err = parse_pattern(text, synset_names, p.items, warnings);
      if (!err.empty()) return diag.error(at(line), "bad pattern: " + err);
      for (auto& w : warnings) diag.warn(at(line), w);
      g->patterns.push_back(std::move(p));
      return;
    }
    if (kind_field == "transform") {
      Transformation t;
      t.text = clean(text);
      t.verb = group_name;
      t.source = at(line);
      if (t.text.find('=') == std::string::npos) {
        return diag.error(at(line), "expected a transformation 'a (a b VERB) VERB = a b CODE'");
      }
      out.transformations.push_back(std::move(t));
      return;
    }
    diag.error(at(line), fmt::format("unknown row kind '{}' (expected verb, pattern, synset, "
                                     "group or transform)",
                                     kind_field));
  }

  // "hold {holds held holding} talks": the braces follow the verb word; without braces the first
  // word is the verb and its regular forms are generated.
  static std::string parse_verb_text(std::string_view text, Verb& v) {
    std::string body = clean(text);
    auto open = body.find('{');
    std::string before = body.substr(0, open);
    std::string forms, after;
    if (open != std::string::npos) {
      auto close = body.find('}', open);
      if (close == std::string::npos) return "expected '}' closing the verb forms";
      forms = body.substr(open + 1, close - open - 1);
      after = body.substr(close + 1);
      if (after.find('{') != std::string::npos) return "more than one '{...}' in a verb";
      v.explicit_forms = true;
    }
    for (auto w : split(trim(before), ' ')) {
      if (!w.empty()) v.words.emplace_back(w);
    }
    if (v.words.empty()) return "expected the verb word before '{'";
    v.verb_index = open == std::string::npos ? 0 : static_cast<uint32_t>(v.words.size() - 1);
    for (auto w : split(trim(after), ' ')) {
      if (!w.empty()) v.words.emplace_back(w);
    }
    for (auto w : split(trim(forms), ' ')) {
      if (w.empty()) continue;
      auto form = v.words;
      form[v.verb_index] = std::string(w);
      v.forms.push_back(std::move(form));
    }
    return {};
  }

  void discard(int line, const std::vector<std::string_view>& f, std::string note) {
    Discard d;
    std::string_view p = trim(f[0]);
    // A leading '+' (PETRARCH's marker) discards the whole story rather than the sentence.
    d.whole_story = p.starts_with('+');
    if (d.whole_story) p.remove_prefix(1);
    d.phrase = clean(p);
    d.note = std::move(note);
    d.source = at(line);
    if (d.phrase.empty()) return diag.error(at(line), "expected a phrase");
    out.discards.push_back(std::move(d));
  }

  void issue(int line, const std::vector<std::string_view>& f, std::string note) {
    Issue i;
    i.phrases = names_of(f[0]);
    std::string_view code = trim(f[1]);
    if (code.starts_with("~~")) {
      i.kind = IssueKind::kStrongExclude;
      code.remove_prefix(2);
    } else if (code.starts_with('~')) {
      i.kind = IssueKind::kExclude;
      code.remove_prefix(1);
    }
    auto slash = code.find('/');
    if (slash != std::string_view::npos) {
      i.category = std::string(code.substr(0, slash));
      code = code.substr(slash + 1);
    }
    i.code = std::string(code);
    if (slash == std::string_view::npos) i.category = i.code;  // a code is its own category
    i.note = std::move(note);
    i.source = at(line);
    if (i.phrases.empty()) return diag.error(at(line), "expected at least one phrase");
    if (i.code.empty()) return diag.error(at(line), "expected an issue code");
    out.issues.push_back(std::move(i));
  }

  void place(int line, const std::vector<std::string_view>& f, std::string note) {
    Place p;
    p.names = names_of(f[0]);
    p.country = upper(trim(f[1]));
    p.kind = std::string(trim(f[2]));
    p.note = std::move(note);
    p.source = at(line);
    if (p.names.empty()) return diag.error(at(line), "expected at least one name");
    if (p.country.size() != 3 || !is_code(p.country)) {
      return diag.error(at(line),
                        fmt::format("expected a three-letter country code, got '{}'", trim(f[1])));
    }
    if (p.kind != "capital" && p.kind != "city" && p.kind != "region") {
      diag.warn(at(line), fmt::format("place kind '{}' is not capital, city or region", p.kind));
    }
    out.places.push_back(std::move(p));
  }
};

}  // namespace

std::optional<FileKind> khaldun_file_kind(std::string_view name) {
  if (name.ends_with(".actors.tsv")) return FileKind::kActors;
  if (name.ends_with(".agents.tsv")) return FileKind::kAgents;
  if (name.ends_with(".verbs.tsv")) return FileKind::kVerbs;
  if (name.ends_with(".discards.tsv")) return FileKind::kDiscards;
  if (name.ends_with(".issues.tsv")) return FileKind::kIssues;
  if (name.ends_with(".places.tsv")) return FileKind::kPlaces;
  return std::nullopt;
}

void read_khaldun_file(std::string_view content, const std::string& file, FileKind kind,
                       Dictionary& out, Diagnostics& diag) {
  out.files.push_back(file);
  Reader{file, kind, out, diag, {}, {}, {}}.run(content);
}

}  // namespace khaldun::dict
