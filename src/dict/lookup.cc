#include "dict/lookup.h"

#include <fmt/format.h>

#include "dict/date.h"
#include "dict/phrase.h"
#include "dict/resolve.h"

namespace khaldun::dict {
namespace {

std::string code_text(const DatedCode& c) {
  return c.dated ? c.code + "@" + format_iso_range(c.range) : c.code;
}

std::string when(int32_t date) { return date ? format_iso_date(date) : "an unknown date"; }

void explain(const CompiledDictionary& cd, const EntryRef& ref, int32_t date, std::string& out) {
  const Dictionary& d = cd.dictionary();
  switch (ref.kind) {
    case EntryRef::Kind::kActor: {
      const Actor& a = d.actors[ref.index];
      auto codes = codes_at(a, date);
      std::string now;
      for (const auto* c : codes) now += (now.empty() ? "" : " ") + c->code;
      out += fmt::format("actor {}\n", a.names.front());
      out += fmt::format("  code on {}: {}\n", when(date), now.empty() ? "(none)" : now);
      for (const auto* c : codes) {
        out +=
            fmt::format("    because {} applies ({}:{})\n", code_text(*c), a.source.file, c->line);
      }
      out += fmt::format("  matched name: {}\n", a.names[ref.sub]);
      out += fmt::format("  entry: {}\n", a.source.to_string());
      std::string all;
      for (const auto& c : a.codes) {
        all += fmt::format("{}{} (line {})", all.empty() ? "" : "; ", code_text(c), c.line);
      }
      out += fmt::format("  all codes: {}\n", all.empty() ? "(none)" : all);
      break;
    }
    case EntryRef::Kind::kAgent: {
      const Agent& a = d.agents[ref.index];
      out += fmt::format("agent {}\n  code: {}\n  matched name: {}\n  entry: {}\n", a.names.front(),
                         a.code, a.names[ref.sub], a.source.to_string());
      break;
    }
    case EntryRef::Kind::kVerb: {
      const VerbGroup& g = d.verb_groups[ref.index];
      const Verb& v = g.verbs[ref.sub];
      out += fmt::format("verb {} in group {}\n  code: {}\n  entry: {}\n  group: {}\n",
                         fmt::join(v.words, " "), g.name,
                         CompiledDictionary::verb_code(g, v).to_string(), v.source.to_string(),
                         g.source.to_string());
      out += fmt::format("  patterns ({}):\n", g.patterns.size());
      for (const auto& p : g.patterns) {
        out += fmt::format("    {:<50} [{}]  line {}\n", format_pattern(p.items),
                           p.code.to_string(), p.line);
      }
      break;
    }
    case EntryRef::Kind::kPlace: {
      const Place& p = d.places[ref.index];
      out += fmt::format("place {}\n  country: {}  kind: {}\n  entry: {}\n", p.names.front(),
                         p.country, p.kind, p.source.to_string());
      break;
    }
    case EntryRef::Kind::kDiscard: {
      const Discard& x = d.discards[ref.index];
      out += fmt::format("discard {}\n  discards the {}\n  entry: {}\n", x.phrase,
                         x.whole_story ? "whole story" : "sentence", x.source.to_string());
      break;
    }
    case EntryRef::Kind::kIssue: {
      const Issue& i = d.issues[ref.index];
      const char* kind = i.kind == IssueKind::kCode      ? "issue"
                         : i.kind == IssueKind::kExclude ? "issue exclusion"
                                                         : "issue exclusion (strong)";
      out += fmt::format("{} {}\n  code: {}{}\n  entry: {}\n", kind, i.phrases[ref.sub], i.code,
                         i.category.empty() ? "" : " (category " + i.category + ")",
                         i.source.to_string());
      break;
    }
  }
}

}  // namespace

std::string explain_lookup(const CompiledDictionary& cd, std::string_view phrase, int32_t date) {
  auto words = phrase_words(phrase);
  std::string out;
  for (const auto& ref : cd.exact(words)) explain(cd, ref, date, out);
  if (!out.empty() || words.empty()) return out;
  // Nothing for the whole phrase: show what the coder would find inside it.
  auto ids = cd.word_ids(words);
  for (auto kind : {EntryRef::Kind::kActor, EntryRef::Kind::kAgent, EntryRef::Kind::kVerb,
                    EntryRef::Kind::kPlace, EntryRef::Kind::kDiscard, EntryRef::Kind::kIssue}) {
    for (size_t pos = 0; pos < ids.size();) {
      auto m = cd.longest_match(ids, pos, kind);
      if (m.length == 0) {
        ++pos;
        continue;
      }
      out += fmt::format("-- words {}-{} \"{}\":\n", pos + 1, pos + m.length,
                         fmt::join(words.begin() + static_cast<long>(pos),
                                   words.begin() + static_cast<long>(pos + m.length), " "));
      for (const auto& ref : m.entries) explain(cd, ref, date, out);
      pos += m.length;
    }
  }
  return out;
}

}  // namespace khaldun::dict
