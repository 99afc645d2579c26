#include "dict/check.h"

#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "dict/compiled.h"
#include "dict/date.h"
#include "dict/phrase.h"

namespace khaldun::dict {
namespace {

// A phrase as matched: folded tokens joined by a separator no token holds.
std::string match_key(std::string_view phrase) {
  std::string key;
  for (const auto& w : phrase_words(phrase)) {
    if (!key.empty()) key += '\x1f';
    key += fold_case(w);
  }
  return key;
}

std::string describe(const DateRange& r) { return format_iso_range(r); }

struct Checker {
  const LoadedDictionary& loaded;
  const CameoCodebook& codebook;
  CheckReport report;

  void add(const char* check, Severity severity, SourceRef where, std::string message) {
    report.counts[check]++;
    (severity == Severity::kError ? report.errors : report.warnings)++;
    report.findings.push_back({severity, std::move(where), std::move(message)});
  }
  void warn(const char* check, SourceRef where, std::string message) {
    add(check, Severity::kWarning, std::move(where), std::move(message));
  }

  void run() {
    for (const auto& d : loaded.diagnostics) {
      add(d.severity == Severity::kError ? "syntax error" : "accepted oddity", d.severity, d.where,
          d.message);
    }
    synsets();
    actors();
    agents();
    verbs();
    discards();
  }

  void synsets() {
    const Dictionary& dict = loaded.dict;
    std::unordered_map<std::string, const Synset*> seen;
    for (const auto& s : dict.synsets) {
      auto [it, inserted] = seen.emplace(s.name, &s);
      if (!inserted) {
        warn("duplicate synset", s.source,
             fmt::format("synonym set &{} defined again (first at {}); the later one is used",
                         s.name, it->second->source.to_string()));
        it->second = &s;
      }
    }
    for (const auto& s : dict.synsets) {
      for (const auto& m : s.members) {
        if (m.starts_with('&') && !seen.contains(m.substr(1))) {
          warn("unknown synset", s.source,
               fmt::format("synonym set &{} includes unknown set {}", s.name, m));
        }
      }
    }
    for (const auto& g : dict.verb_groups) {
      for (const auto& p : g.patterns) {
        std::vector<std::string> refs;
        collect_synsets(p.items, refs);
        for (const auto& r : refs) {
          if (!seen.contains(r)) {
            warn("unknown synset", {g.source.file, p.line},
                 fmt::format("pattern '{}' of {} refers to unknown synonym set &{}",
                             format_pattern(p.items), g.name, r));
          }
        }
      }
    }
  }

  void actors() {
    const auto& actors = loaded.dict.actors;
    std::unordered_map<std::string, uint32_t> owner;
    owner.reserve(actors.size() * 3);
    for (uint32_t i = 0; i < actors.size(); ++i) {
      const Actor& a = actors[i];
      for (const auto& name : a.names) {
        auto [it, inserted] = owner.emplace(match_key(name), i);
        if (inserted || it->second == i) continue;
        const Actor& first = actors[it->second];
        bool same = first.codes == a.codes;
        warn(same ? "duplicate actor" : "conflicting actor", a.source,
             fmt::format("actor name '{}' also at {}{}", name, first.source.to_string(),
                         same ? " with the same codes" : " with other codes; the first is used"));
      }
      dates(a);
    }
  }

  void dates(const Actor& a) {
    bool undated_seen = false;
    for (size_t i = 0; i < a.codes.size(); ++i) {
      const DatedCode& c = a.codes[i];
      if (!c.dated) {
        undated_seen = true;
        continue;
      }
      if (undated_seen) {
        warn("undated before dated", {a.source.file, c.line},
             fmt::format("'{}': dated code {} comes after an undated one; khaldun tries dated "
                         "codes first, PETRARCH-2 would stop at the undated one",
                         a.names.front(), c.code));
      }
      if (c.range.from > c.range.until) {
        warn("empty date range", {a.source.file, c.line},
             fmt::format("'{}': {} range {} ends before it starts", a.names.front(), c.code,
                         describe(c.range)));
        continue;
      }
      for (size_t j = 0; j < i; ++j) {
        const DatedCode& o = a.codes[j];
        if (!o.dated || o.range.from > o.range.until) continue;
        if (c.range.from <= o.range.until && o.range.from <= c.range.until) {
          warn("overlapping dates", {a.source.file, c.line},
               fmt::format("'{}': {} {} overlaps {} {} (line {}); the earlier line wins",
                           a.names.front(), c.code, describe(c.range), o.code, describe(o.range),
                           o.line));
        }
      }
    }
  }

  void agents() {
    const auto& agents = loaded.dict.agents;
    std::unordered_map<std::string, uint32_t> owner;
    for (uint32_t i = 0; i < agents.size(); ++i) {
      for (const auto& name : agents[i].names) {
        auto [it, inserted] = owner.emplace(match_key(name), i);
        if (inserted || it->second == i) continue;
        const Agent& first = agents[it->second];
        bool same = first.code == agents[i].code;
        warn(same ? "duplicate agent" : "conflicting agent", agents[i].source,
             fmt::format("agent '{}' also at {}{}", name, first.source.to_string(),
                         same ? "" : fmt::format(" with code {}", first.code)));
      }
    }
  }

  void code(const EventCode& c, const SourceRef& where, const std::string& what) {
    for (const auto* part : {&c.primary, &c.reverse}) {
      if (!part->empty() && !codebook.find(*part)) {
        warn("code outside CAMEO", where,
             fmt::format("{} has code {} which is not a CAMEO event code", what, *part));
      }
    }
  }

  void verbs() {
    const auto& groups = loaded.dict.verb_groups;
    std::unordered_map<std::string, std::pair<uint32_t, const Verb*>> form_owner;
    std::unordered_map<std::string, uint32_t> group_names;
    for (uint32_t g = 0; g < groups.size(); ++g) {
      const VerbGroup& group = groups[g];
      auto [gi, fresh] = group_names.emplace(group.name, g);
      if (!fresh) {
        warn("duplicate verb group", group.source,
             fmt::format("verb block {} also at {}", group.name,
                         groups[gi->second].source.to_string()));
      }
      code(group.code, group.source, "verb block " + group.name);
      for (const auto& v : group.verbs) {
        code(v.code, v.source, "verb " + v.words[v.verb_index]);
        for (const auto& form : CompiledDictionary::verb_surface_forms(v)) {
          std::string key;
          for (const auto& w : form) key += fold_case(w) + '\x1f';
          auto [it, inserted] = form_owner.emplace(key, std::make_pair(g, &v));
          if (inserted || it->second.second == &v) continue;
          const VerbGroup& other = groups[it->second.first];
          bool same = it->second.first == g;
          warn(same ? "duplicate verb" : "conflicting verb", v.source,
               fmt::format("verb form '{}' of {} is also a form of {} at {}", fmt::join(form, " "),
                           group.name, other.name, it->second.second->source.to_string()));
        }
      }
      std::unordered_map<std::string, const Pattern*> patterns;
      for (const auto& p : group.patterns) {
        SourceRef where{group.source.file, p.line};
        code(p.code, where, "pattern '" + format_pattern(p.items) + "'");
        auto [it, inserted] = patterns.emplace(format_pattern(p.items), &p);
        if (inserted) continue;
        bool same = it->second->code == p.code;
        warn(same ? "duplicate pattern" : "conflicting pattern", where,
             fmt::format("pattern '{}' of {} also at line {}{}", it->first, group.name,
                         it->second->line,
                         same ? "" : fmt::format(" with code {}", it->second->code.to_string())));
      }
    }
    std::unordered_set<std::string> verb_words;
    for (const auto& g : groups) {
      for (const auto& v : g.verbs) {
        if (v.words.size() == 1) verb_words.insert(fold_case(v.words.front()));
      }
    }
    for (const auto& t : loaded.dict.transformations) {
      if (!verb_words.contains(fold_case(t.verb))) {
        warn("unknown verb", t.source,
             fmt::format("transformation refers to verb {}, which no verb block lists", t.verb));
      }
    }
  }

  void discards() {
    std::unordered_map<std::string, const Discard*> seen;
    for (const auto& d : loaded.dict.discards) {
      auto [it, inserted] = seen.emplace(match_key(d.phrase), &d);
      if (!inserted) {
        warn("duplicate discard", d.source,
             fmt::format("discard '{}' also at {}", d.phrase, it->second->source.to_string()));
      }
    }
  }
};

}  // namespace

CheckReport check_dictionary(const LoadedDictionary& loaded, const CameoCodebook& codebook) {
  Checker checker{loaded, codebook, {}};
  checker.run();
  return std::move(checker.report);
}

}  // namespace khaldun::dict
