#include "coder/coder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>

#include "coder/event_date.h"
#include "coder/mentions.h"
#include "coder/participants.h"
#include "dict/cameo_codebook.h"

namespace khaldun::coder {
namespace {

// Prepositions whose object is the target of an action ("met with", "attacked on", "sent to").
bool target_preposition(std::string_view p) {
  static constexpr std::string_view kPreps[] = {"with", "against", "to",   "toward", "towards",
                                                "on",   "upon",    "into", "at",     "for"};
  return std::find(std::begin(kPreps), std::end(kPreps), p) != std::end(kPreps);
}

// Relations of modifiers inside a noun phrase: such a token is never the head of a participant.
bool modifier(Text rel) {
  // By length first: most relations asked about are none of these, and fail at the switch.
  switch (rel.size()) {
    case 3:
      return rel == "det";
    case 4:
      return rel == "amod" || rel == "flat" || rel == "case";
    case 5:
      return rel == "fixed" || rel == "appos";
    case 6:
      return rel == "nummod";
    case 8:
      return rel == "compound";
    default:
      return false;
  }
}

// The token that negates a predicate ("not", "n't", "never"), or -1.
int negation_of(const SentenceView& s, uint32_t v) {
  for (uint32_t c : s.children(v)) {
    Text r = s.rel(c);
    if ((r == "advmod" || r == "neg") && (s.is(c, "not") || s.is(c, "n't") || s.is(c, "never")))
      return static_cast<int>(c);
  }
  return -1;
}

// PETRARCH-2 codes a negated verb as the opposite event where its internal ontology (PICO) has
// one: there "disapprove" (110) is "not cooperate diplomatically" (050) and "coerce" (170) is
// "not sign" (057), so "did not clash" gives 050; "not provide material cooperation" (06x) or
// "not yield" (08x) is a rejection (12x). Other negated codes give no event.
std::string negated_petrarch_code(const std::string& code) {
  static const std::unordered_map<std::string, std::string> kOpposite = {
      {"110", "050"},  {"170", "057"},  {"060", "121"},  {"061", "1211"},  {"062", "1212"},
      {"080", "124"},  {"081", "1241"}, {"082", "1242"}, {"0841", "1242"}, {"0842", "1242"},
      {"085", "1244"}, {"086", "1245"}, {"087", "1246"}};
  auto it = kOpposite.find(code);
  return it == kOpposite.end() ? std::string() : it->second;
}

// "to wage war": an infinitive clause.
bool infinitive(const SentenceView& s, size_t v) {
  for (uint32_t m : s.children(v))
    if (s.rel(m) == "mark" && s.is(m, "to")) return true;
  return false;
}

// Auxiliaries that announce rather than report an action.
bool is_modal(const SentenceView& s, uint32_t v) {
  for (uint32_t c : s.children(v)) {
    if (s.rel(c) != "aux") continue;
    Text l = s.lemma(c);
    if (l == "will" || l == "would" || l == "may" || l == "might" || l == "could" || l == "shall" ||
        l == "'ll" || l == "wo")
      return true;
  }
  return false;
}

// The agent of a passive: "by the United States".
int passive_agent(const SentenceView& s, uint32_t v) {
  for (uint32_t c : s.children(v)) {
    if (s.full_rel(c) == "obl:agent") return static_cast<int>(c);
    if ((s.rel(c) == "obl" || s.rel(c) == "nmod") && s.case_of(c) == "by")
      return static_cast<int>(c);
  }
  return -1;
}

// "if the summit goes ahead": CAMEO codes what happened, not what might under a condition.
bool conditional(const SentenceView& s, uint32_t v) {
  auto has_if = [&](uint32_t clause) {
    for (uint32_t c : s.children(clause))
      if (s.rel(c) == "mark" && (s.is(c, "if") || s.is(c, "unless"))) return true;
    return false;
  };
  if (has_if(v)) return true;
  for (uint32_t c : s.children(v))
    if (s.rel(c) == "advcl" && has_if(c)) return true;
  return false;
}

bool passive(const SentenceView& s, uint32_t v) {
  for (uint32_t c : s.children(v))
    if (s.full_rel(c) == "nsubj:pass" || s.full_rel(c) == "aux:pass" ||
        s.full_rel(c) == "csubj:pass")
      return true;
  // A participle that modifies a noun ("sanctions imposed by ..."). But a headline-like sentence
  // the parser read as a noun with a participle ("Indian troops clashed with ..." with the noun
  // as root) is an active main clause, unless a "by" phrase says otherwise.
  if (s.rel(v) != "acl" || s.token(v).xpos != "VBN") return false;
  int h = s.head(v);
  bool under_root = h >= 0 && s.head(static_cast<size_t>(h)) < 0;
  return !under_root || passive_agent(s, v) >= 0;
}

// "a woman believed linked to Al-Qaeda" with the pattern "* LINKED": a pattern that reads a
// passive's participle complement says what the passive's subject did, so that subject is the
// source. Returns the subject's token (the passive subject, or the noun a participle modifies), or
// -1. Not an adjective complement: in "was shot dead" the subject is the victim.
int subject_described(const SentenceView& s, uint32_t v,
                      const std::vector<uint32_t>& pattern_tokens) {
  int x = s.child(v, "xcomp");
  if (x < 0 || s.token(static_cast<size_t>(x)).xpos != "VBN" ||
      infinitive(s, static_cast<size_t>(x)) || passive_agent(s, v) >= 0 ||
      std::find(pattern_tokens.begin(), pattern_tokens.end(), static_cast<uint32_t>(x)) ==
          pattern_tokens.end())
    return -1;
  for (uint32_t c : s.children(v))
    if (s.full_rel(c) == "nsubj:pass") return static_cast<int>(c);
  return passive(s, v) && s.rel(v) == "acl" ? s.head(v) : -1;
}

// CAMEO's regions: "in the eastern Mediterranean" says where, like a city, not to whom.
bool is_region(const std::string& code) {
  static constexpr std::string_view kRegions[] = {
      "AFR", "ASA", "BLK", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EUR", "LAM", "MDT",
      "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU"};
  return std::find(std::begin(kRegions), std::end(kRegions), code) != std::end(kRegions);
}

bool cooperative_root(const std::string& code) {
  return code.size() >= 2 && code[0] == '0' && code[1] >= '3' && code[1] <= '6';
}

bool reciprocal(const SentenceView& s, uint32_t t) {
  if (s.word(t) == "other" || s.word(t) == "another") {
    int h = s.head(t);
    for (uint32_t c : s.children(t))
      if (s.word(c) == "each" || s.word(c) == "one") return true;
    return h >= 0 &&
           (s.word(static_cast<size_t>(h)) == "each" || s.word(static_cast<size_t>(h)) == "one");
  }
  return false;
}

}  // namespace

std::string intent_code(const std::string& code) {
  if (code.size() < 3) return code;
  std::string root = code.substr(0, 2);
  auto known = [](const std::string& c) {
    return dict::CameoCodebook::builtin().find(c) != nullptr;
  };
  auto pick = [&](const std::string& c, const std::string& fallback) {
    return known(c) ? c : fallback;
  };
  if (root == "04") return code == "045" ? "039" : "036";
  if (root == "05") return code == "057" ? "030" : "032";
  if (root == "06") return pick("031" + code.substr(2, 1), "031");
  if (root == "07") return pick("033" + code.substr(2, 1), "033");
  if (root == "08") {
    static const std::unordered_map<std::string, std::string> kYield = {
        {"081", "0351"},  {"082", "0352"}, {"084", "0353"}, {"0841", "0353"},
        {"0842", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"}};
    auto it = kYield.find(code);
    return it != kYield.end() ? it->second : "035";
  }
  int r = std::stoi(root);
  if (r >= 10) {
    if (code == "163") return "1312";
    if (code == "161") return "1313";
    if (root == "19") return "1384";
    if (root == "20") return "1385";
    return "130";
  }
  return code;
}

struct Coder::Memory {
  std::string last_person;   // the one human actor the previous sentences were about
  std::string last_country;  // the one country the previous sentence named
};

Coder::Coder(const dict::DictionarySet& dictionaries, CoderOptions options)
    : dict_(dictionaries.loaded.dict),
      compiled_(*dictionaries.compiled),
      options_(options),
      verbs_(compiled_, options.petrarch_compatible),
      synsets_(compiled_),
      acronyms_in_capitals_(written_in_mixed_case(dictionaries.loaded.dict)) {
  patterns_.reserve(dict_.verb_groups.size());
  for (const auto& group : dict_.verb_groups)
    patterns_.push_back(prepare_group(group, compiled_, synsets_));
}

bool Coder::discarded(const std::vector<uint32_t>& ids, bool& whole_story,
                      std::string& phrase) const {
  for (size_t i = 0; i < ids.size(); ++i) {
    auto m = compiled_.longest_match(ids, i, dict::EntryRef::Kind::kDiscard);
    if (m.length == 0) continue;
    const dict::Discard& d = dict_.discards[m.entries.front().index];
    whole_story = d.whole_story;
    phrase = d.phrase;
    return true;
  }
  return false;
}

std::vector<std::string> Coder::issues_of(const std::vector<uint32_t>& ids) const {
  std::vector<std::string> out;
  for (size_t i = 0; i < ids.size(); ++i) {
    auto m = compiled_.longest_match(ids, i, dict::EntryRef::Kind::kIssue);
    for (const auto& ref : m.entries) {
      const dict::Issue& issue = dict_.issues[ref.index];
      if (issue.kind != dict::IssueKind::kCode) continue;
      if (std::find(out.begin(), out.end(), issue.code) == out.end()) out.push_back(issue.code);
    }
  }
  return out;
}

std::optional<Location> Coder::location_of(const SentenceView& s, const std::vector<uint32_t>& ids,
                                           uint32_t verb,
                                           const std::vector<uint32_t>& clause) const {
  // "in Moscow" on the predicate, else anywhere in its clause.
  std::vector<uint32_t> candidates;
  for (uint32_t c : s.children(verb))
    if (s.case_of(c) == "in" || s.case_of(c) == "at") candidates.push_back(c);
  for (uint32_t t : clause)
    if ((s.rel(t) == "obl" || s.rel(t) == "nmod") && s.case_of(t) == "in") candidates.push_back(t);
  if (candidates.empty()) return std::nullopt;
  for (uint32_t c : candidates) {
    // The place name ends at the nominal; it may start a few tokens before ("New Delhi").
    for (uint32_t start = c >= 3 ? c - 3 : 0; start <= c; ++start) {
      auto m = compiled_.longest_match(ids, start, dict::EntryRef::Kind::kPlace);
      if (m.length == 0 || start + m.length - 1 != c) continue;
      const dict::Place& place = dict_.places[m.entries.front().index];
      Location loc;
      loc.first = start;
      loc.last = c;
      for (uint32_t k = start; k <= c; ++k) loc.name += (k > start ? " " : "") + s.token(k).form;
      loc.country = place.country;
      loc.entry = static_cast<int>(m.entries.front().index);
      return loc;
    }
  }
  return std::nullopt;
}

struct Coder::SentenceState {
  const SentenceView& s;
  const ParticipantResolver& resolver;
  std::vector<std::optional<std::vector<Participant>>> cache;

  const std::vector<Participant>& participants(uint32_t t) {
    static const std::vector<Participant> kNobody;
    if (!resolver.mention_below(t)) return kNobody;  // most tokens, at once
    if (!cache[t]) cache[t] = resolver.resolve(t);
    return *cache[t];
  }
  // With `roles`, a role without a country counts too ("detained 12 protesters"): the coder gives
  // it a country afterwards.
  bool names_actor(uint32_t t, bool roles = false) {
    if (!resolver.mention_below(t)) return false;  // most tokens, at once
    // Patterns ask this of the same tokens again and again: the answer without roles is kept.
    if (!roles && named.empty()) named.assign(s.size(), -1);
    if (!roles && named[t] >= 0) return named[t] != 0;
    bool found = false;
    if (!modifier(s.rel(t)) && !s.is_verb(t))
      for (const auto& p : participants(t))
        if (!p.code.empty() || (roles && !p.agent.empty())) found = true;
    if (!roles) named[t] = found ? 1 : 0;
    return found;
  }
  std::vector<int8_t> named = {};  // names_actor(t) without roles: 1, 0, or -1 not yet known
};

namespace {

// `explain`: each pattern the predicate tried, and what became of it.
template <typename Note>
void note_trials(const SentenceView& s, uint32_t v, const dict::VerbGroup& group,
                 const std::vector<PatternTrial>& trials, const Note& note) {
  note(
      fmt::format("  predicate '{}' (token {}): {} of the {} patterns of {} tried (the others "
                  "need words the sentence lacks)",
                  s.token(v).form, v + 1, trials.size(), group.patterns.size(), group.name));
  for (const PatternTrial& t : trials) {
    const dict::Pattern& p = group.patterns[static_cast<size_t>(t.pattern)];
    std::string outcome;
    switch (t.outcome) {
      case PatternTrial::Outcome::kWordsAbsent:
        outcome = "its words are not all in the sentence";
        break;
      case PatternTrial::Outcome::kCannotWin:
        outcome = "not tried: it cannot beat the match already found";
        break;
      case PatternTrial::Outcome::kNoMatch:
        outcome = "no match";
        break;
      case PatternTrial::Outcome::kMatched:
        outcome = fmt::format("matches (score {})", t.score);
        break;
    }
    note(fmt::format("    {} [{}] ({}:{}): {}", dict::format_pattern(p.items), p.code.to_string(),
                     group.source.file, p.line, outcome));
  }
}

}  // namespace

bool Coder::code_sentence(const Document& doc, uint32_t sentence_number, uint32_t index,
                          int32_t date, Memory& memory, std::vector<Event>& out,
                          std::vector<std::string>* trace, std::vector<std::string>* limits) const {
  const Sentence& sentence = doc.sentences[sentence_number];
  thread_local SentenceView view;  // its buffers serve every sentence (SentenceView::assign)
  view.assign(doc.tokens_of(sentence), &compiled_);
  const SentenceView& s = view;
  auto note = [&](std::string line) {
    if (trace != nullptr) trace->push_back(std::move(line));
  };
  if (trace != nullptr) note(fmt::format("sentence {}: {}", index, sentence.text));

  const std::vector<uint32_t>& word_ids = s.word_ids();
  const std::vector<uint32_t>& lemma_ids = s.lemma_ids();
  bool whole_story = false;
  std::string phrase;
  if (discarded(word_ids, whole_story, phrase)) {
    note(fmt::format("  discarded by '{}'{}", phrase, whole_story ? " (the whole story)" : ""));
    return !whole_story;
  }
  // PETRARCH-2 knows an agent only by the forms its dictionary lists or generates ("POLICE {}"
  // has no plural, so "polices" is no agent); khaldun also reads lemmas.
  std::vector<Mention> mentions =
      find_mentions(s, compiled_, word_ids, options_.petrarch_compatible ? word_ids : lemma_ids,
                    date, acronyms_in_capitals_);
  // Traces only: building them costs as much as coding.
  for (const Mention& m : trace != nullptr ? mentions : std::vector<Mention>{}) {
    std::string text;
    for (uint32_t t = m.begin; t < m.end; ++t) text += (t > m.begin ? " " : "") + s.token(t).form;
    const dict::SourceRef& src =
        m.is_agent() ? dict_.agents[m.entry.index].source : dict_.actors[m.entry.index].source;
    note(fmt::format("  mention '{}' -> {} ({} {})", text,
                     m.code.empty() ? "(no code on this date)" : m.code,
                     m.is_agent() ? "agent" : "actor", src.to_string()));
  }
  // Memory for the next sentences: the one person the sentence was about, the one country it named.
  // (Distinct codes in small vectors rather than sets: this runs for every sentence.)
  auto remember = [&](const std::set<std::string>& subjects) {
    std::vector<std::string_view> persons, countries;
    auto add = [](std::vector<std::string_view>& to, std::string_view code) {
      if (std::find(to.begin(), to.end(), code) == to.end()) to.push_back(code);
    };
    for (const Mention& m : mentions) {
      if (m.is_agent() || m.code.empty()) continue;
      if (m.person) add(persons, m.code);
      if (m.code.size() == 3) add(countries, m.code);
    }
    for (const auto& c : subjects)
      if (c.size() > 3) add(persons, c);
    if (persons.size() == 1) memory.last_person = persons.front();
    if (persons.size() > 1) memory.last_person.clear();
    memory.last_country = countries.size() == 1 ? std::string(countries.front()) : std::string();
  };
  // A sentence without a verb that the dictionary knows gives no event: what it leaves in the
  // document memory is all that is left to do (most of the work below is for predicates).
  bool any_predicate = false;
  for (size_t i = 0; i < s.size() && !any_predicate; ++i)
    any_predicate = s.is_verb_or_aux(i) && verbs_.may_match(s, i);
  // Nor does one without a possible source: every participant comes from a mention, or is the
  // person of the document memory for a "he"/"she". (Traces and limit reports, which tell about
  // every predicate, still go through it all.)
  bool any_source = !mentions.empty();
  if (!any_source && !memory.last_person.empty())
    for (size_t i = 0; i < s.size() && !any_source; ++i)
      any_source = s.lemma(i) == "he" || s.lemma(i) == "she";
  if (!any_predicate || (!any_source && trace == nullptr && limits == nullptr)) {
    remember({});
    return true;
  }
  // Tokens that end a place name the dictionaries know ("in Moscow" says where, not to whom).
  // Found when first asked: only roles and fallback targets ask.
  std::vector<bool> place_token;
  std::vector<const std::string*> place_country;  // the place's country, or null
  auto find_places = [&] {
    if (!place_token.empty()) return;
    place_token.assign(s.size(), false);
    place_country.assign(s.size(), nullptr);
    for (size_t i = 0; i < s.size(); ++i) {
      auto m = compiled_.longest_match(word_ids, i, dict::EntryRef::Kind::kPlace);
      if (m.length == 0) continue;
      place_token[i + m.length - 1] = true;
      place_country[i + m.length - 1] = &dict_.places[m.entries.front().index].country;
    }
  };
  bool names_a_country = false;
  for (const Mention& m : mentions) names_a_country |= !m.is_agent() && !m.code.empty();
  ParticipantResolver resolver(s, mentions, options_.petrarch_compatible,
                               !options_.universal_petrarch);
  SentenceState state{s, resolver, std::vector<std::optional<std::vector<Participant>>>(s.size())};

  // The country of the current predicate's source: a role without a country in its target is taken
  // to be of that country ("Iranian police detained protesters" -> IRNOPP), as coders do for
  // domestic events.
  std::string domestic_country;
  // Resolve pronouns and bare roles from the document memory.
  auto with_memory = [&](uint32_t head, std::vector<Participant> ps) {
    if (ps.empty()) {
      Text l = s.lemma(head);
      if ((l == "he" || l == "she") && !memory.last_person.empty()) {
        Participant p;
        p.code = memory.last_person;
        p.head = p.first = p.last = head;
        p.from_memory = true;
        ps.push_back(p);
      }
    }
    for (auto& p : ps) {
      if (!p.code.empty() || p.agent.empty()) continue;
      // "Police in Istanbul": the country of a place named in the phrase.
      find_places();
      for (uint32_t t = p.first; t <= p.last + 3 && t < s.size(); ++t) {
        if (place_country[t] == nullptr || place_country[t]->empty() || !s.dominates(p.head, t))
          continue;
        p.code = compose(*place_country[t], p.agent);
        break;
      }
      // "The minister said": the one country of the previous sentence, if this one names none.
      if (p.code.empty() && !names_a_country && !memory.last_country.empty()) {
        p.code = compose(memory.last_country, p.agent);
        p.from_memory = true;
      }
    }
    // PETRARCH-2 writes a role it cannot place as "---" + role: "a senior official" -> ---GOV.
    if (options_.petrarch_compatible)
      for (auto& p : ps)
        if (p.code.empty() && !p.agent.empty()) p.code = compose("---", p.agent);
    std::erase_if(ps, [](const Participant& p) { return p.code.empty() || p.media; });
    return ps;
  };

  // "a treaty between Moscow and Tehran": the pair a nominal relates, anywhere below it.
  auto between_in = [&](uint32_t root) -> std::vector<Participant> {
    thread_local std::vector<uint32_t> stack;  // scratch: asked of many phrases per sentence
    stack.assign(1, root);
    for (size_t k = 0; k < stack.size() && k < 64; ++k) {
      uint32_t t = stack[k];
      if (s.case_of(t) == "between") {
        // Through the memory like any participant: a role with no country is nobody.
        auto ps = with_memory(t, state.participants(t));
        if (ps.size() >= 2) return ps;
      }
      for (uint32_t c : s.children(t))
        if (!s.is_verb(c)) stack.push_back(c);
    }
    return {};
  };

  // The subject of a predicate, following control and coordination up the tree.
  auto subject_of = [&](uint32_t v) -> std::vector<Participant> {
    uint32_t cur = v;
    int pronoun = -1;  // a pronoun subject met on the way up, for the document memory
    for (int depth = 0; depth < 4; ++depth) {
      if (passive(s, cur)) {
        int agent = passive_agent(s, cur);
        // "Gollum was seen to break into the parade": the passive's subject does what follows.
        if (agent < 0 && cur != v && s.rel(v) == "xcomp")
          for (uint32_t c : s.children(cur))
            if (s.full_rel(c) == "nsubj:pass") return with_memory(c, state.participants(c));
        return agent >= 0 ? with_memory(static_cast<uint32_t>(agent),
                                        state.participants(static_cast<uint32_t>(agent)))
                          : std::vector<Participant>{};
      }
      std::vector<Participant> best;
      bool found_subject = false;
      for (uint32_t c : s.children(cur)) {
        if (s.full_rel(c) != "nsubj" && s.full_rel(c) != "nsubj:outer") continue;
        found_subject = true;
        // "Amir-Abdollahian, who left Iran": the relative pronoun stands for the noun it follows.
        // (The features last: they lie outside the token's fields the coder keeps cached.)
        if (s.rel(cur) == "acl" && s.head(cur) >= 0 &&
            s.token(c).feats.find("PronType=Rel") != std::string::npos)
          return with_memory(static_cast<uint32_t>(s.head(cur)),
                             state.participants(static_cast<uint32_t>(s.head(cur))));
        // "Iran said it would retaliate": a pronoun subject of a reported or adverbial clause is,
        // first, the subject of the clause that governs it.
        Text l = s.lemma(c);
        bool personal = l == "it" || l == "they" || l == "he" || l == "she";
        Text up = s.rel(cur);
        if (personal && state.participants(c).empty() && s.head(cur) >= 0 &&
            (up == "ccomp" || up == "advcl" || up == "conj" || up == "xcomp")) {
          if (pronoun < 0) pronoun = static_cast<int>(c);
          found_subject = false;
          break;
        }
        // A title split from its name can leave two subjects ("Turkish" and "Hakan Fidan"): the
        // more specific code wins.
        auto ps = with_memory(c, state.participants(c));
        if (!ps.empty() && (best.empty() || ps.front().code.size() > best.front().code.size()))
          best = ps;
      }
      // PETRARCH-2 finds actors anywhere in the subject: "Resumption of ties between Arnor and
      // Gondor may spur reconciliation" has Arnor and Gondor for sources.
      if (found_subject && best.empty() && options_.petrarch_compatible)
        for (uint32_t c : s.children(cur))
          if (s.rel(c) == "nsubj" && best.empty()) best = with_memory(c, between_in(c));
      if (found_subject) return best;
      int h = s.head(cur);
      if (h < 0) break;
      Text r = s.rel(cur);
      if (pronoun >= 0 && r != "acl" && r != "xcomp" && r != "conj" && r != "advcl" && r != "ccomp")
        break;
      if (r == "acl")
        return with_memory(static_cast<uint32_t>(h), state.participants(static_cast<uint32_t>(h)));
      if (r == "xcomp") {
        int obj = s.child(static_cast<size_t>(h), "obj");
        if (obj >= 0 && obj < static_cast<int>(cur)) {
          auto ps = state.participants(static_cast<uint32_t>(obj));
          if (!ps.empty()) return with_memory(static_cast<uint32_t>(obj), ps);
        }
      }
      if (r != "xcomp" && r != "conj" && r != "advcl" && r != "ccomp") break;
      // PETRARCH-2 gives a subjectless adverbial clause no source of its own, except an
      // infinitive of purpose: "celebrated Iftar ... after leaving Eriador" is one event.
      if (options_.petrarch_compatible && r == "advcl" && !infinitive(s, cur)) break;
      cur = static_cast<uint32_t>(h);
      // A verb the parser coordinated with its sibling's object ("condemned an attack ... and
      // promised aid") shares that sibling's subject.
      if (r == "conj" && !s.is_verb(cur) && s.head(cur) >= 0 && s.rel(cur) == "obj")
        cur = static_cast<uint32_t>(s.head(cur));
    }
    if (pronoun >= 0) return with_memory(static_cast<uint32_t>(pronoun), {});
    return {};
  };

  // A nominal or what it governs: "a meeting with his Russian counterpart".
  uint32_t current_predicate = 0;  // the predicate being coded
  std::function<std::vector<Participant>(uint32_t, int)> target_in = [&](uint32_t t, int depth) {
    if (state.names_actor(t) || (!modifier(s.rel(t)) && !state.participants(t).empty())) {
      auto ps = with_memory(t, state.participants(t));
      if (!ps.empty()) return ps;
    }
    if (depth >= 2) return std::vector<Participant>{};
    for (uint32_t c : s.children(t)) {
      Text r = s.rel(c);
      // "condemned an attack by Israel": the actor of a nominal action is who is acted on.
      bool agent_of_noun = s.case_of(c) == "by" && !s.is_verb(t);
      if ((r == "nmod" || r == "obl") && (target_preposition(s.case_of(c)) || agent_of_noun)) {
        auto ps = target_in(c, depth + 1);
        if (!ps.empty()) return ps;
      }
      // "welcomed memos sent by Bree": the author of what is acted on.
      if (r == "acl" && c != current_predicate && !s.is_verb(t) && passive(s, c)) {
        int agent = passive_agent(s, c);
        if (agent < 0) continue;
        auto ps = target_in(static_cast<uint32_t>(agent), depth + 1);
        if (!ps.empty()) return ps;
      }
    }
    return std::vector<Participant>{};
  };

  // Whether t, in v's clause, belongs to something other than v's event: an attribution
  // ("according to Russia's TASS news agency"), or an adverbial or relative clause of its own ("to
  // counter the U.S. moves"); a complement is part of the event ("promised to invest in Zambia").
  // PETRARCH-2 looks into relative clauses and infinitives too ("vowed to wage war on the
  // Rohans"), but not into finite adverbial clauses ("postponed their meeting after a hafling was
  // reported on the pass of Cirith Ungol").
  auto apart_from_event = [&](uint32_t t, uint32_t v) {
    for (int up = static_cast<int>(t); up >= 0 && static_cast<uint32_t>(up) != v;
         up = s.head(static_cast<size_t>(up))) {
      auto u = static_cast<size_t>(up);
      if (s.case_of(u) == "according") return true;
      // A verbless adverbial clause says when or where: "shot at officers while in detention in
      // Afghanistan".
      if (s.rel(u) == "advcl" && !s.is_verb(u)) return true;
      if (u == t || !s.is_verb(u)) continue;
      Text r = s.rel(u);
      if (options_.petrarch_compatible
              ? r == "advcl" && !infinitive(s, u)
              : r == "advcl" || r == "acl" || r == "ccomp" || r == "parataxis")
        return true;
    }
    return false;
  };

  // The first actor named in the rest of the clause; but not where the event happens ("in
  // Moscow"), nor the agent of a passive.
  auto first_actor_in = [&](uint32_t v,
                            const std::vector<uint32_t>& after) -> std::vector<Participant> {
    int agent = passive_agent(s, v);
    for (uint32_t t : after) {
      if (!state.names_actor(t)) continue;  // most tokens, at once
      Text c = s.case_of(t);
      bool where = c == "in" || c == "at" || c == "near" || c == "across" || c == "throughout";
      if (where) find_places();
      bool place = where && place_token[t];
      if (place || c == "by" || c == "between" || static_cast<int>(t) == agent) continue;
      if (s.rel(t) == "conj" && s.head(t) >= 0 &&
          s.case_of(static_cast<size_t>(s.head(t))) == "between")
        continue;
      if (agent >= 0 && s.dominates(static_cast<size_t>(agent), t)) continue;
      if (apart_from_event(t, v)) continue;
      auto ps = with_memory(t, state.participants(t));
      if (where && !options_.petrarch_compatible)
        std::erase_if(ps, [](const Participant& p) { return is_region(p.code); });
      if (!ps.empty()) return ps;
    }
    return {};
  };

  // A passive whose subject names an actor, and no complement carries the event ("Gollum was seen
  // to break into ...").
  auto actor_passive_subject = [&](uint32_t v) {
    int complement = s.child(v, "xcomp");
    if (complement >= 0 && s.is_verb(static_cast<size_t>(complement))) return false;
    for (uint32_t c : s.children(v))
      if (s.full_rel(c) == "nsubj:pass" && state.names_actor(c)) return true;
    return false;
  };

  // `code` is the predicate's; `described`, whether its subject is what the pattern describes
  // (subject_described()), which makes that subject no target.
  auto target_of = [&](uint32_t v, const std::vector<uint32_t>& extra,
                       const std::vector<uint32_t>& after, const std::string& code,
                       bool described) -> std::vector<Participant> {
    if (passive(s, v) && !described) {
      for (uint32_t c : s.children(v))
        if (s.full_rel(c) == "nsubj:pass") {
          auto ps = target_in(c, 0);
          if (!ps.empty()) return ps;
        }
      if (s.rel(v) == "acl") {
        // "sanctions imposed by the US on Iran" / "Iran, under sanctions imposed by the US".
        int n = s.head(v);
        for (int up = 0; n >= 0 && up < 4; ++up, n = s.head(static_cast<size_t>(n))) {
          auto at = static_cast<uint32_t>(n);
          if (s.is_verb(at)) {
            for (uint32_t c : s.children(at))
              if (s.rel(c) == "nsubj" && !s.dominates(c, v)) {
                auto ps = target_in(c, 0);
                if (!ps.empty()) return ps;
              }
            break;
          }
          auto ps = target_in(at, 0);
          if (!ps.empty()) return ps;
        }
      }
    }
    for (std::string_view rel : {"iobj", "obj"})
      for (uint32_t c : s.children(v))
        if (s.rel(c) == rel) {
          auto ps = target_in(c, 0);
          if (!ps.empty()) return ps;
        }
    for (uint32_t c : s.children(v)) {
      Text r = s.rel(c);
      if ((r == "obl" || r == "nmod") && target_preposition(s.case_of(c))) {
        auto ps = target_in(c, 0);
        if (!ps.empty()) return ps;
      }
    }
    // The noun of a light verb carries the target: "held talks with", "imposed sanctions on".
    for (uint32_t x : extra) {
      for (uint32_t c : s.children(x)) {
        Text r = s.rel(c);
        if ((r == "nmod" || r == "obl") && target_preposition(s.case_of(c))) {
          auto ps = target_in(c, 0);
          if (!ps.empty()) return ps;
        }
      }
    }
    // A role without a country as the object takes the source's ("Police in Istanbul
    // detained 12 protesters" -> TUROPP), as coders do for domestic events.
    if (!domestic_country.empty() && s.rel(v) != "acl") {
      for (uint32_t c : s.children(v)) {
        if (s.rel(c) != "obj" && s.rel(c) != "iobj") continue;
        std::vector<Participant> ps;
        for (Participant p : state.participants(c)) {
          // People, not the state's own forces: "massed troops" are no target.
          bool people = !p.agent.ends_with("MIL") && !p.agent.ends_with("GOV") &&
                        !p.agent.ends_with("COP") && !p.agent.ends_with("SPY");
          if (!p.code.empty() || p.agent.empty() || !people) continue;
          p.code = compose(domestic_country, p.agent);
          ps.push_back(p);
        }
        if (!ps.empty()) return ps;
      }
    }
    // "mediated between Hamas and Israel", "hosted talks between Iran and the United States",
    // and in a complement: "offered to mediate between Russia and Ukraine".
    for (uint32_t c : s.children(v)) {
      Text r = s.rel(c);
      if (r == "xcomp")
        for (uint32_t g : s.children(c))
          if (s.rel(g) == "obl" && s.case_of(g) == "between")
            if (auto ps = between_in(g); ps.size() >= 2) return ps;
      if (r != "obj" && r != "obl") continue;
      auto ps = between_in(c);
      if (ps.size() >= 2) return ps;
    }
    // A demand or an appeal is made of the subject of its clause ("Beijing demanded that Tokyo
    // stop ..."); PETRARCH-2's fallback below reads complements anyway.
    const bool khaldun = !options_.petrarch_compatible;
    if (khaldun && (code.starts_with("10") || code.starts_with("02")))
      for (uint32_t c : s.children(v)) {
        if (s.rel(c) != "ccomp") continue;
        for (uint32_t g : s.children(c))
          if (s.rel(g) == "nsubj" && state.names_actor(g))
            if (auto ps = with_memory(g, state.participants(g)); !ps.empty()) return ps;
      }
    // Else, as PETRARCH does, the first actor named in the rest of the clause ("invested in
    // Zambian mines", "pledged $2 billion in aid to Sudan").
    auto ps = first_actor_in(v, after);
    // A visit is to the place it is made in: "arrived in Beijing for a state visit" (the capital
    // stands for its government).
    if (ps.empty() && khaldun && code == "042")
      for (uint32_t c : s.children(v))
        if (s.rel(c) == "obl" && s.case_of(c) == "in" && state.names_actor(c)) {
          ps = with_memory(c, state.participants(c));
          std::erase_if(ps, [](const Participant& p) { return is_region(p.code); });
          if (!ps.empty()) break;
        }
    return ps;
  };

  // Predicates top-down, so that a governing verb's pattern can use the words of the clause it
  // governs ("plans to visit" is one intent, not an intent and a visit).
  // A noun only ever adds a line to the trace (below), so without one it is not tried.
  // (Scratch kept per thread, like the view's, so that a sentence allocates none of it.)
  thread_local std::vector<uint32_t> order;
  order.clear();
  for (uint32_t i = 0; i < s.size(); ++i)
    if (s.is_verb_or_aux(i) || (trace != nullptr && s.token(i).upos == "NOUN")) order.push_back(i);
  // The predicate whose subject a predicate has: itself, or up through complements without a
  // subject of their own ("Mordor will be hosting Osgiliath to celebrate ...": hosting).
  auto subject_holder = [&](uint32_t v) {
    for (int up = 0;; ++up) {
      for (uint32_t c : s.children(v))
        if (s.rel(c) == "nsubj") return v;
      if (up == 3 || s.rel(v) != "xcomp" || s.head(v) < 0) return v;
      v = static_cast<uint32_t>(s.head(v));
    }
  };
  auto depth_of = [&](uint32_t i) {
    int d = 0;
    for (int h = s.head(i); h >= 0 && d < 64; h = s.head(static_cast<size_t>(h))) ++d;
    return d;
  };
  // Each depth once, not at every comparison; (depth, token) pairs sort as a stable sort by depth.
  thread_local std::vector<std::pair<int, uint32_t>> by_depth;
  by_depth.clear();
  for (uint32_t i : order) by_depth.emplace_back(depth_of(i), i);
  std::sort(by_depth.begin(), by_depth.end());
  for (size_t k = 0; k < order.size(); ++k) order[k] = by_depth[k].second;
  thread_local std::vector<uint8_t> consumed;
  consumed.assign(s.size(), 0);
  // Found when the first event needs them: most sentences give none.
  std::optional<std::vector<std::string>> issues;
  thread_local WordSet sentence_words;  // its storage serves every sentence, as the view's
  sentence_words.assign(s, &synsets_);
  std::set<std::string> subjects_seen;

  thread_local std::vector<uint8_t> coded;
  coded.assign(s.size(), 0);
  PatternContext ctx;  // one for every predicate, so that its token lists keep their storage
  ctx.before.reserve(s.size());
  ctx.after.reserve(s.size());
  for (uint32_t v : order) {
    if (consumed[v]) continue;
    VerbMatch vm;
    if (!verbs_.match(s, v, vm)) continue;
    // The complement of a coded verb is part of that event ("urged Eriador to respond"), also
    // when the parser hung the infinitive on the object.
    int governor = s.rel(v) == "xcomp" ? s.head(v) : -1;
    if (s.rel(v) == "acl" && s.head(v) >= 0 && s.rel(static_cast<size_t>(s.head(v))) == "obj" &&
        infinitive(s, v))
      governor = s.head(static_cast<size_t>(s.head(v)));
    // With PETRARCH-2 dictionaries, a complement whose own pattern names an actor is the event
    // when its governor gave only its verb's code ("Mordor will be hosting Osgiliath to celebrate
    // May Day with Eriador": 017, not 043); an intent, agreement or threat stays the event.
    auto governor_event = [&](const Event& e) {
      return e.sentence == sentence_number && e.verb == static_cast<uint32_t>(governor);
    };
    auto note_part_of_governor = [&] {
      if (trace != nullptr)
        note(fmt::format("  predicate '{}' (token {}): part of the event of '{}'", s.token(v).form,
                         v + 1, s.token(static_cast<size_t>(governor)).form));
    };
    bool replaces_governor = false;
    if (governor >= 0 && coded[static_cast<size_t>(governor)]) {
      replaces_governor =
          options_.petrarch_compatible && std::none_of(out.begin(), out.end(), [&](const Event& e) {
            return governor_event(e) && (e.pattern >= 0 || e.code.starts_with("03") ||
                                         e.code.starts_with("05") || e.code.starts_with("13"));
          });
      if (!replaces_governor) {
        note_part_of_governor();
        continue;
      }
    }
    // Nouns are predicates only through a verb entry of several words that they head.
    if (s.token(v).upos == "NOUN") continue;
    current_predicate = v;
    const dict::VerbGroup& group = dict_.verb_groups[vm.group];
    const dict::Verb& verb = group.verbs[vm.verb];
    for (uint32_t x : vm.extra_tokens) consumed[x] = true;

    ctx.sentence = &s;
    ctx.verb = v;
    clause_tokens(s, v, ctx.before, ctx.after);
    // The verb that reports or governs this one is part of what patterns read before it
    // ("INDICATED WOULD * NOW" for "Ethiopia indicated it would act now").
    if ((s.rel(v) == "ccomp" || s.rel(v) == "xcomp") && s.head(v) >= 0 &&
        static_cast<uint32_t>(s.head(v)) < v) {
      auto h = static_cast<uint32_t>(s.head(v));
      ctx.before.insert(std::lower_bound(ctx.before.begin(), ctx.before.end(), h), h);
      // A complement's words before its governor are its own too: "unexpectedly won't try to
      // clash" reads "UNEXPECTEDLY &NEGATVAUXVRB * OVER EFFORTS".
      if (s.rel(v) == "xcomp") {
        std::vector<uint32_t> governor_before, governor_after;
        clause_tokens(s, h, governor_before, governor_after);
        std::vector<uint32_t> merged;
        std::set_union(ctx.before.begin(), ctx.before.end(), governor_before.begin(),
                       governor_before.end(), std::back_inserter(merged));
        ctx.before = std::move(merged);
      }
    }
    // UniversalPetrarch reads the words of a pattern before the verb in its subject only: a
    // complement's subject is its governor's ("Gollum was seen to break in ...").
    if (options_.universal_petrarch) {
      const uint32_t holder = subject_holder(v);
      std::erase_if(ctx.before, [&](uint32_t t) {
        for (uint32_t c : s.children(holder))
          if (s.rel(c) == "nsubj" && s.dominates(c, t)) return false;
        return true;
      });
    }
    ctx.names_actor = [&](uint32_t t) { return state.names_actor(t); };
    ctx.phrase_end = [&](uint32_t t) {
      const auto& ps = state.participants(t);
      uint32_t end = t;
      for (const auto& p : ps) end = std::max(end, p.last);
      return end;
    };
    // UniversalPetrarch reads a pattern's words after the verb outside its clausal complement
    // ("Gollum allowed that Mordor isn't the neatest place" is no "* {THE NEATEST PLACE}"); the
    // target may still be found there.
    std::vector<uint32_t> full_after;
    if (options_.universal_petrarch) {
      full_after = ctx.after;
      std::erase_if(ctx.after, [&](uint32_t t) {
        for (uint32_t c : s.children(v))
          if (s.rel(c) == "ccomp" && s.dominates(c, t)) return true;
        return false;
      });
    }
    std::vector<PatternTrial> trials;
    if (trace != nullptr) ctx.trials = &trials;
    PatternMatch pm = match_patterns(patterns_[vm.group], ctx, sentence_words);
    if (options_.universal_petrarch) ctx.after = std::move(full_after);
    if (trace != nullptr) note_trials(s, v, group, trials, note);
    if (pm.limit_hit && limits != nullptr)
      limits->push_back(fmt::format(
          "sentence {}: pattern matching for '{}' (token {}) stopped at its step limit; "
          "the patterns it had not tried were skipped",
          index, s.token(v).form, v + 1));
    if (replaces_governor) {
      if (pm.pattern < 0 || pm.tokens.empty() || (pm.source < 0 && pm.target < 0)) {
        note_part_of_governor();
        continue;
      }
      std::erase_if(out, governor_event);
    }
    for (uint32_t t : pm.tokens) consumed[t] = true;
    dict::EventCode code = pm.pattern >= 0 ? group.patterns[static_cast<size_t>(pm.pattern)].code
                                           : dict::CompiledDictionary::verb_code(group, verb);
    std::string pattern_text =
        trace == nullptr ? ""
        : pm.pattern >= 0
            ? dict::format_pattern(group.patterns[static_cast<size_t>(pm.pattern)].items)
            : "(verb's own code)";
    std::string head =
        trace == nullptr ? ""
                         : fmt::format("  predicate '{}' (token {}): verb {} ({}), pattern {} [{}]",
                                       s.token(v).form, v + 1, group.name, verb.source.to_string(),
                                       pattern_text, code.to_string());
    auto note_no_event = [&](std::string_view why) {
      if (trace != nullptr) note(fmt::format("{} -> no event: {}", head, why));
    };
    if (code.none()) {
      note_no_event("the dictionary codes nothing here");
      continue;
    }
    // A pattern that spells out the negation ("&NEGATVAUXVRB * OVER EFFORTS") has its own code.
    int negation = negation_of(s, v);
    bool negated = negation >= 0 && std::find(pm.tokens.begin(), pm.tokens.end(),
                                              static_cast<uint32_t>(negation)) == pm.tokens.end();
    if (negated && options_.petrarch_compatible) {
      code.primary = negated_petrarch_code(code.primary);
      code.reverse = negated_petrarch_code(code.reverse);
      if (!code.primary.empty()) head += fmt::format(", negated: [{}]", code.to_string());
    }
    if (negated && code.primary.empty() && code.reverse.empty()) {
      note_no_event("the predicate is negated");
      continue;
    }
    if (negated && !options_.petrarch_compatible) {
      note_no_event("the predicate is negated");
      continue;
    }
    if (!options_.petrarch_compatible && conditional(s, v)) {
      note_no_event("the action depends on a condition");
      continue;
    }
    const int described = pm.source >= 0 ? -1 : subject_described(s, v, pm.tokens);
    const int source_token = pm.source >= 0 ? pm.source : described;
    std::vector<Participant> sources =
        source_token >= 0 ? with_memory(static_cast<uint32_t>(source_token),
                                        state.participants(static_cast<uint32_t>(source_token)))
                          : subject_of(v);
    // A passive without "by": "The Philippines was criticized over its dispute with Eriador".
    // UniversalPetrarch takes the source from the rest of the clause (ERI>PHL); PETRARCH-2 reads
    // the sentence as if active (PHL>ERI).
    std::vector<Participant> passive_target;
    if (sources.empty() && options_.petrarch_compatible && passive_agent(s, v) < 0 &&
        actor_passive_subject(v)) {
      if (options_.universal_petrarch) {
        sources = first_actor_in(v, ctx.after);
      } else {
        for (uint32_t c : s.children(v))
          if (s.full_rel(c) == "nsubj:pass") sources = with_memory(c, state.participants(c));
        passive_target = first_actor_in(v, ctx.after);
      }
    }
    domestic_country.clear();
    if (!options_.petrarch_compatible && !sources.empty() &&
        compose(sources.front().code, "~X").size() == 4)
      domestic_country = sources.front().code.substr(0, 3);
    std::vector<Participant> targets =
        pm.target >= 0 ? with_memory(static_cast<uint32_t>(pm.target),
                                     state.participants(static_cast<uint32_t>(pm.target)))
                       : target_of(v, vm.extra_tokens, ctx.after, code.primary, described >= 0);
    if (!passive_target.empty()) targets = passive_target;
    // PETRARCH-2: a pattern that names the source but not the target makes the clause's
    // grammatical subject the target, up through complements ("Mordor will be hosting Osgiliath
    // to celebrate May Day with Eriador" is ERI>MOR).
    if (options_.petrarch_compatible && pm.source >= 0 && pm.target < 0) {
      for (uint32_t c : s.children(subject_holder(v)))
        if (s.rel(c) == "nsubj")
          if (auto ps = with_memory(c, state.participants(c)); !ps.empty()) targets = ps;
    }
    // "between Moscow and Tehran", "with each other", or co-agents of a cooperative act.
    bool mutual = false;
    // A pattern's `%`: the actors of one phrase act on each other ("% * [030:030]").
    if (pm.compound >= 0) {
      // Read backwards, the slot can bind the last conjunct: the phrase is the whole coordination.
      auto phrase = static_cast<uint32_t>(pm.compound);
      while (s.rel(phrase) == "conj" && s.head(phrase) >= 0)
        phrase = static_cast<uint32_t>(s.head(phrase));
      auto ps = with_memory(phrase, state.participants(phrase));
      if (ps.size() >= 2) {
        sources = ps;
        targets = ps;
        mutual = true;
      }
    }
    if (targets.empty()) {
      for (uint32_t t = 0; t < s.size(); ++t)
        if (reciprocal(s, t) && s.dominates(v, t)) mutual = true;
    }
    // Without a source, "a treaty between Moscow and Tehran may be signed" is between the two,
    // whatever else the clause names.
    if (sources.empty() && (targets.empty() || !options_.petrarch_compatible)) {
      for (uint32_t c : s.children(v)) {
        Text r = s.rel(c);
        if (r != "nsubj" && r != "obj" && r != "obl") continue;
        auto ps = between_in(c);
        if (ps.size() >= 2) {
          sources = ps;
          mutual = true;
          break;
        }
      }
    }
    // Co-agents without a target act on each other: "Iran and Russia signed a treaty". With
    // PETRARCH-2 dictionaries for any code, as PETRARCH-2 does; with ours for cooperation and
    // clashes only ("Iran and Russia condemned the attack" is no exchange between them).
    bool mutual_code = options_.petrarch_compatible || cooperative_root(code.primary) ||
                       code.primary.starts_with("19");
    if (targets.empty() && sources.size() >= 2 && mutual_code) mutual = true;
    if (mutual && sources.size() >= 2) {
      targets = sources;
    }
    if (sources.empty()) {
      note_no_event("no source actor");
      continue;
    }
    if (targets.empty() && !options_.allow_no_target) {
      note_no_event("no target actor (use --allow-no-target)");
      continue;
    }
    std::string mode = "asserted";
    std::string primary = code.primary, reverse = code.reverse;
    // An action governed by a verb of intent ("plans to sign", "promised to supply") is that
    // intent: its 03x, or its 13x threat.
    bool intended = false;
    if (!options_.petrarch_compatible && s.rel(v) == "xcomp" && s.head(v) >= 0) {
      VerbMatch governing;
      if (verbs_.match(s, static_cast<size_t>(s.head(v)), governing)) {
        const dict::VerbGroup& g = dict_.verb_groups[governing.group];
        intended = dict::CompiledDictionary::verb_code(g, g.verbs[governing.verb])
                       .primary.starts_with("03");
      }
    }
    if (!options_.petrarch_compatible && (intended || is_modal(s, v)) &&
        !primary.starts_with("03")) {
      mode = "intent";
      if (!primary.empty()) primary = intent_code(primary);
      if (!reverse.empty()) reverse = intent_code(reverse);
    }
    std::string date_text = doc.date;
    std::string date_expression;
    if (auto d = parse_iso_date(doc.date)) {
      // A clause reported or governed by another takes that one's date when it has none of its
      // own: "In July 2022, Peskov said that a treaty may be signed" is dated July 2022.
      EventDate ed = resolve_event_date(s, v, *d);
      uint32_t cur = v;
      for (int steps = 0; !ed.from_text && steps < 3; ++steps) {
        Text r = s.rel(cur);
        bool governed =
            r == "ccomp" || r == "xcomp" || r == "conj" || r == "advcl" || r == "parataxis";
        if (!governed || s.head(cur) < 0) break;
        cur = static_cast<uint32_t>(s.head(cur));
        EventDate outer = resolve_event_date(s, cur, *d);
        if (outer.from_text) ed = outer;
      }
      // (A date from the text only: the document's is already written so.)
      if (ed.from_text) date_text = ed.date.iso();
      date_expression = ed.expression;
    }
    std::optional<Location> location = location_of(s, word_ids, v, ctx.after);

    auto emit = [&](const Participant& src, const Participant& tgt, const std::string& c) {
      if (c.empty()) return;
      if (src.media || tgt.media) {
        if (trace != nullptr)
          note(head + fmt::format(" -> {} -> {}: not coded, a news organisation is no actor",
                                  src.code, tgt.code));
        return;
      }
      if (!tgt.code.empty() && src.code == tgt.code) {
        if (trace != nullptr)
          note(head + fmt::format(" -> {} -> {}: not coded, an actor does not act on itself",
                                  src.code, tgt.code));
        return;
      }
      Event e;
      e.sentence = sentence_number;
      e.sentence_index = index;
      e.code = c;
      e.date = date_text;
      e.date_expression = date_expression;
      e.source = src;
      e.target = tgt;
      e.verb = v;
      e.verb_tokens = {v};
      e.verb_tokens.insert(e.verb_tokens.end(), vm.extra_tokens.begin(), vm.extra_tokens.end());
      std::sort(e.verb_tokens.begin(), e.verb_tokens.end());
      e.verb_group = vm.group;
      e.verb_entry = vm.verb;
      e.pattern = pm.pattern;
      e.pattern_tokens = pm.tokens;
      e.mode = mode;
      e.location = location;
      if (!issues) issues = issues_of(word_ids);
      e.issues = *issues;
      if (trace != nullptr)
        note(head + fmt::format(" -> event {} -> {} [{}]", src.code,
                                tgt.code.empty() ? "(none)" : tgt.code, c));
      out.push_back(std::move(e));
      coded[v] = true;
    };
    for (const auto& src : sources) {
      if (targets.empty()) {
        emit(src, Participant{}, primary);
        continue;
      }
      for (const auto& tgt : targets) {
        if (mutual && src.head == tgt.head && src.code == tgt.code) continue;
        emit(src, tgt, primary);
        if (!mutual) emit(tgt, src, reverse);
      }
    }
    for (const auto& src : sources)
      if (!src.code.empty()) subjects_seen.insert(src.code);
  }

  remember(subjects_seen);
  return true;
}

std::vector<Event> Coder::code(const Document& doc, std::vector<std::string>* trace,
                               std::vector<std::string>* limits) const {
  std::vector<Event> out;
  int32_t date = 0;
  if (auto d = parse_iso_date(doc.date)) date = d->year * 10000 + d->month * 100 + d->day;
  Memory memory;
  uint32_t index = 0;
  for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    if (!sentence.codable()) continue;
    if (!code_sentence(doc, i, index, date, memory, out, trace, limits)) {
      out.clear();  // a discard phrase that rules out the whole story
      return out;
    }
    ++index;
  }
  return out;
}

}  // namespace khaldun::coder
