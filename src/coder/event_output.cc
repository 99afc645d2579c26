#include "coder/event_output.h"

#include <fmt/format.h>

#include "dict/cameo_codebook.h"

namespace khaldun::coder {
namespace {

std::string words(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  auto tokens = doc.tokens_of(s);
  if (first >= tokens.size()) return "";
  last = std::min<uint32_t>(last, static_cast<uint32_t>(tokens.size()) - 1);
  return std::string(doc.raw_text({tokens[first].raw.begin, tokens[last].raw.end}));
}

nlohmann::json span_json(const Document& doc, const Sentence& s, uint32_t first, uint32_t last) {
  auto tokens = doc.tokens_of(s);
  if (first >= tokens.size()) return nullptr;
  last = std::min<uint32_t>(last, static_cast<uint32_t>(tokens.size()) - 1);
  return {{"tokens", {first, last}}, {"bytes", {tokens[first].raw.begin, tokens[last].raw.end}}};
}

nlohmann::json participant_json(const Document& doc, const Sentence& s, const Participant& p,
                                const dict::Dictionary& dict) {
  if (p.code.empty()) return nullptr;
  nlohmann::json j = span_json(doc, s, p.first, p.last);
  nlohmann::json entries = nlohmann::json::array();
  for (const Mention& mention : p.mentions) {
    const Mention* m = &mention;
    bool agent = m->is_agent();
    const auto& names =
        agent ? dict.agents[m->entry.index].names : dict.actors[m->entry.index].names;
    const dict::SourceRef& src =
        agent ? dict.agents[m->entry.index].source : dict.actors[m->entry.index].source;
    std::string where = src.to_string();
    if (!agent && m->code_line > 0 && m->code_line != src.line)
      where += fmt::format(" (code at line {})", m->code_line);
    entries.push_back({{"kind", agent ? "agent" : "actor"},
                       {"name", m->entry.sub < names.size() ? names[m->entry.sub] : ""},
                       {"code", m->code},
                       {"entry", where}});
  }
  j["entries"] = entries;
  if (p.from_memory) j["from_memory"] = true;
  return j;
}

}  // namespace

nlohmann::json event_json(const Document& doc, const Event& e, const dict::Dictionary& dict) {
  const Sentence& s = doc.sentences[e.sentence];
  const dict::CameoCode* info = dict::CameoCodebook::builtin().find(e.code);
  const dict::VerbGroup& group = dict.verb_groups[e.verb_group];
  const dict::Verb& verb = group.verbs[e.verb_entry];

  nlohmann::json j;
  j["doc_id"] = doc.id;
  j["sentence_index"] = e.sentence_index;
  j["sentence"] = s.text;
  j["date"] = e.date;
  j["source"] = e.source.code;
  j["target"] = e.target.code.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.target.code);
  j["code"] = e.code;
  j["root"] = e.code.substr(0, 2);
  j["quad_class"] = info ? nlohmann::json(info->quad_class) : nlohmann::json(nullptr);
  j["goldstein"] = info ? nlohmann::json(info->goldstein) : nlohmann::json(nullptr);
  j["plover"] =
      info && !info->plover.empty() ? nlohmann::json(info->plover) : nlohmann::json(nullptr);
  j["source_text"] = words(doc, s, e.source.first, e.source.last);
  j["target_text"] = e.target.code.empty()
                         ? nlohmann::json(nullptr)
                         : nlohmann::json(words(doc, s, e.target.first, e.target.last));
  std::string verb_text;
  for (uint32_t t : e.verb_tokens)
    verb_text += (verb_text.empty() ? "" : " ") + words(doc, s, t, t);
  j["verb_text"] = verb_text;
  if (e.location) {
    j["location"] = {
        {"name", e.location->name},
        {"country", e.location->country.empty() ? nlohmann::json(nullptr)
                                                : nlohmann::json(e.location->country)}};
  } else {
    j["location"] = nullptr;
  }
  nlohmann::json evidence;
  evidence["source"] = participant_json(doc, s, e.source, dict);
  evidence["target"] = participant_json(doc, s, e.target, dict);
  nlohmann::json verb_json = span_json(doc, s, e.verb, e.verb);
  verb_json["group"] = group.name;
  verb_json["entry"] = verb.source.to_string();
  verb_json["words"] = e.verb_tokens;
  evidence["verb"] = verb_json;
  if (e.pattern >= 0) {
    const dict::Pattern& p = group.patterns[static_cast<size_t>(e.pattern)];
    evidence["pattern"] = {{"text", dict::format_pattern(p.items)},
                           {"code", p.code.to_string()},
                           {"entry", fmt::format("{}:{}", group.source.file, p.line)}};
  } else {
    evidence["pattern"] = nullptr;
  }
  if (e.location && e.location->entry >= 0)
    evidence["location"] = dict.places[static_cast<size_t>(e.location->entry)].source.to_string();
  j["evidence"] = evidence;
  j["mode"] = e.mode;
  j["issues"] = e.issues;
  j["date_expression"] =
      e.date_expression.empty() ? nlohmann::json(nullptr) : nlohmann::json(e.date_expression);
  if (!doc.meta.empty()) j["meta"] = doc.meta;
  return j;
}

std::string event_tsv_header() {
  return "doc_id\tsentence_index\tdate\tsource\ttarget\tcode\troot\tquad_class\tgoldstein\tplover\t"
         "location\tcountry\tissues\tsource_text\ttarget_text\tverb_text";
}

std::string event_tsv(const Document& doc, const Event& e) {
  const Sentence& s = doc.sentences[e.sentence];
  const dict::CameoCode* info = dict::CameoCodebook::builtin().find(e.code);
  auto clean = [](std::string v) {
    for (char& c : v)
      if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return v;
  };
  std::string issues;
  for (const auto& i : e.issues) issues += (issues.empty() ? "" : ";") + i;
  std::string date = e.date;
  std::erase(date, '-');
  std::string verb_text;
  for (uint32_t t : e.verb_tokens)
    verb_text += (verb_text.empty() ? "" : " ") + words(doc, s, t, t);
  return fmt::format(
      "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}", clean(doc.id),
      e.sentence_index, date, e.source.code, e.target.code, e.code, e.code.substr(0, 2),
      info ? std::to_string(info->quad_class) : "", info ? fmt::format("{}", info->goldstein) : "",
      info ? info->plover : "", e.location ? clean(e.location->name) : "",
      e.location ? e.location->country : "", issues,
      clean(words(doc, s, e.source.first, e.source.last)),
      e.target.code.empty() ? "" : clean(words(doc, s, e.target.first, e.target.last)),
      clean(verb_text));
}

}  // namespace khaldun::coder
