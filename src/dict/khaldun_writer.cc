// Writing a Dictionary in khaldun's own format (what `dict convert` produces).
#include <filesystem>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "dict/compiled.h"
#include "dict/date.h"
#include "dict/inflect.h"
#include "dict/khaldun_format.h"

namespace khaldun::dict {
namespace {

namespace fs = std::filesystem;

// Tabs and newlines would break the row; nothing we read contains them, but notes might.
std::string field(std::string_view s) {
  std::string out;
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += " | ";
    out += field(n);
  }
  return out;
}

std::string stem_of(const std::string& source) {
  std::string name = fs::path(source).filename().string();
  for (const char* ext : {".txt", ".tsv"}) {
    if (name.ends_with(ext)) name.resize(name.size() - 4);
  }
  for (const char* kind : {".actors", ".agents", ".verbs", ".discards", ".issues", ".places"}) {
    std::string_view k(kind);
    if (name.ends_with(k)) name.resize(name.size() - k.size());
  }
  return name;
}

struct Out {
  std::string text;
  std::string header;
};

std::string code_list(const Actor& a) {
  std::string out;
  for (const auto& c : a.codes) {
    if (!out.empty()) out += "; ";
    out += c.code;
    if (c.dated) out += "@" + format_iso_range(c.range);
  }
  return out;
}

bool same_shape(const Verb& v) {
  for (const auto& f : v.forms) {
    if (f.size() != v.words.size()) return false;
    for (size_t i = 0; i < f.size(); ++i) {
      if (i != v.verb_index && f[i] != v.words[i]) return false;
    }
  }
  return true;
}

std::string verb_text(const std::vector<std::string>& words, size_t index,
                      const std::vector<std::string>* forms) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += ' ';
    out += words[i];
    if (i == index && forms) {
      out += " {";
      for (size_t f = 0; f < forms->size(); ++f) out += (f ? " " : "") + (*forms)[f];
      out += '}';
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> format_verb_rows(const Verb& v) {
  if (!v.explicit_forms) {
    if (v.verb_index == 0) return {verb_text(v.words, 0, nullptr)};
    // The verb is not the first word: name it by listing the forms that would be generated.
    auto forms = regular_verb_forms(v.words[v.verb_index]);
    return {verb_text(v.words, v.verb_index, &forms)};
  }
  if (same_shape(v)) {
    std::vector<std::string> forms;
    for (const auto& f : v.forms) forms.push_back(f[v.verb_index]);
    return {verb_text(v.words, v.verb_index, &forms)};
  }
  // Forms of another shape ("+WIRE_TAP {+WIRE_TAPS}"): one row per form, each with no forms.
  std::vector<std::string> none;
  std::vector<std::string> rows{verb_text(v.words, v.verb_index, &none)};
  for (const auto& f : v.forms) rows.push_back(verb_text(f, v.verb_index, &none));
  return rows;
}

std::vector<std::string> write_khaldun_directory(const Dictionary& dict,
                                                 const std::string& out_dir) {
  std::map<std::string, Out> files;  // file name -> contents
  auto out_for = [&](const std::string& source, const char* kind, const char* header) -> Out& {
    Out& o = files[stem_of(source) + "." + kind + ".tsv"];
    if (o.header.empty()) {
      o.header = fmt::format("# Converted by `khaldun dict convert` from {}\n{}\n",
                             fs::path(source).filename().string(), header);
    }
    return o;
  };
  for (const auto& a : dict.actors) {
    out_for(a.source.file, "actors", "names\tcodes\tnote").text +=
        fmt::format("{}\t{}\t{}\n", join_names(a.names), code_list(a), field(a.note));
  }
  for (const auto& a : dict.agents) {
    out_for(a.source.file, "agents", "names\tcode\tnote").text +=
        fmt::format("{}\t{}\t{}\n", join_names(a.names), a.code, field(a.note));
  }
  const char* verbs_header = "kind\tgroup\tcode\ttext\tnote";
  for (const auto& s : dict.synsets) {
    out_for(s.source.file, "verbs", verbs_header).text +=
        fmt::format("synset\t&{}\t---\t{}\t\n", s.name, join_names(s.members));
  }
  for (const auto& g : dict.verb_groups) {
    Out& o = out_for(g.source.file, "verbs", verbs_header);
    o.text += fmt::format("group\t{}\t{}\t\t\n", g.name, g.code.to_string());
    for (const auto& v : g.verbs) {
      for (const auto& row : format_verb_rows(v)) {
        o.text += fmt::format("verb\t{}\t{}\t{}\t{}\n", g.name, v.code.to_string(), field(row),
                              field(v.note));
      }
    }
    for (const auto& p : g.patterns) {
      o.text += fmt::format("pattern\t{}\t{}\t{}\t{}\n", g.name, p.code.to_string(),
                            format_pattern(p.items), field(p.note));
    }
  }
  for (const auto& t : dict.transformations) {
    out_for(t.source.file, "verbs", verbs_header).text +=
        fmt::format("transform\t{}\t---\t{}\t\n", t.verb, field(t.text));
  }
  for (const auto& d : dict.discards) {
    out_for(d.source.file, "discards", "phrase\tnote").text +=
        fmt::format("{}{}\t{}\n", d.whole_story ? "+" : "", field(d.phrase), field(d.note));
  }
  for (const auto& i : dict.issues) {
    std::string code = i.kind == IssueKind::kStrongExclude ? "~~"
                       : i.kind == IssueKind::kExclude     ? "~"
                                                           : "";
    if (i.category != i.code) code += i.category + "/";  // "/CODE": no category
    code += i.code;
    out_for(i.source.file, "issues", "phrases\tcode\tnote").text +=
        fmt::format("{}\t{}\t{}\n", join_names(i.phrases), code, field(i.note));
  }
  for (const auto& p : dict.places) {
    out_for(p.source.file, "places", "names\tcountry\tkind\tnote").text +=
        fmt::format("{}\t{}\t{}\t{}\n", join_names(p.names), p.country, p.kind, field(p.note));
  }
  fs::create_directories(out_dir);
  std::vector<std::string> written;
  for (const auto& [name, o] : files) {
    fs::path path = fs::path(out_dir) / name;
    std::ofstream f(path, std::ios::binary);
    f << o.header << o.text;
    if (!f) throw std::runtime_error(path.string() + ": cannot write");
    written.push_back(path.string());
  }
  return written;
}

}  // namespace khaldun::dict
