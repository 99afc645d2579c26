#include "coder/participants.h"

#include <algorithm>
#include <array>

namespace khaldun::coder {
namespace {

// Relations that stay inside a noun phrase: modifiers that can name its country or its person.
bool inside_phrase(std::string_view rel) {
  static constexpr std::array<std::string_view, 9> kRels = {
      "compound", "flat", "fixed", "amod", "nmod", "appos", "det", "nummod", "conj"};
  return std::find(kRels.begin(), kRels.end(), rel) != kRels.end();
}

// Codes of bodies that are not countries: a role composes with them whole ("IGOUNO" + GOV).
bool country_based(const std::string& code) {
  static constexpr std::array<std::string_view, 6> kNonCountry = {"IGO", "NGO", "IMG",
                                                                  "MNC", "NGM", "UAF"};
  if (code.size() < 3) return false;
  std::string_view head(code.data(), 3);
  return std::find(kNonCountry.begin(), kNonCountry.end(), head) == kNonCountry.end();
}

// A bare three-letter code, or several joined by '/' ("FRO/BIL/SAM").
bool is_country_code(const std::string& code) {
  if (code.size() % 4 != 3) return false;
  for (size_t i = 3; i < code.size(); i += 4)
    if (code[i] != '/') return false;
  return true;
}

bool is_country_only(const Mention& m) {
  return !m.is_agent() && is_country_code(m.code) && !m.person;
}

// News organisations and the press are never the actors of an event: "according to Russia's TASS
// news agency" must not become a source.
bool is_media(const std::string& code) { return code.size() >= 3 && code.ends_with("MED"); }

// PETRARCH-2's composition: prefix roles ("NGO~") before the actor, the others after it, each
// once ("West German" GMWGOV + "world government" ~WGO -> GMWGOVWGO).
std::string stack_roles(const std::string& actor, const std::vector<const Mention*>& agents) {
  std::string prefix, code = actor;
  auto has = [&](const std::string& sector) {
    for (size_t at = 0; at + sector.size() <= code.size(); at += 3)
      if (code.compare(at, sector.size(), sector) == 0) return true;
    return false;
  };
  for (const Mention* a : agents) {
    std::string sector = a->code;
    bool before = !sector.empty() && sector.back() == '~';
    std::erase(sector, '~');
    if (sector.empty() || has(sector) || prefix.find(sector) != std::string::npos) continue;
    if (before) {
      prefix += sector;
    } else {
      code += sector;
    }
  }
  return prefix + code;
}

}  // namespace

std::string compose(const std::string& actor, const std::string& agent) {
  std::string sector = agent;
  bool prefix = false;
  if (!sector.empty() && sector.front() == '~') {
    sector.erase(0, 1);
  } else if (!sector.empty() && sector.back() == '~') {
    sector.pop_back();
    prefix = true;
  }
  std::string base = actor.size() > 3 && country_based(actor) ? actor.substr(0, 3) : actor;
  return prefix ? sector + base : base + sector;
}

ParticipantResolver::ParticipantResolver(const SentenceView& sentence,
                                         const std::vector<Mention>& mentions, bool petrarch,
                                         bool split_slashed)
    : s_(sentence),
      mentions_(mentions),
      mention_of_(sentence.size(), -1),
      mention_below_(sentence.size(), 0),
      petrarch_(petrarch),
      split_slashed_(split_slashed) {
  for (size_t m = 0; m < mentions.size(); ++m)
    for (uint32_t t = mentions[m].begin; t < mentions[m].end && t < sentence.size(); ++t)
      mention_of_[t] = static_cast<int>(m);
  // Up from every mention token through its heads, until a token already marked (the steps are
  // bounded all the same, should a malformed parse have a cycle).
  for (size_t t = 0; t < sentence.size(); ++t) {
    if (mention_of_[t] < 0) continue;
    int cur = static_cast<int>(t);
    for (size_t steps = 0; cur >= 0 && steps <= sentence.size(); ++steps) {
      if (mention_below_[static_cast<size_t>(cur)] != 0) break;
      mention_below_[static_cast<size_t>(cur)] = 1;
      cur = sentence.head(static_cast<size_t>(cur));
    }
  }
}

void ParticipantResolver::collect(size_t i, int depth, bool role_head,
                                  std::vector<uint32_t>& tokens) const {
  tokens.push_back(static_cast<uint32_t>(i));
  if (depth > 6) return;
  for (uint32_t c : s_.children(i)) {
    Text rel = s_.rel(c);
    // A name cannot govern an object: "Bree Prime Minister Romendacil" with Romendacil as the
    // object of Bree is one name the parser split.
    bool split_name = rel == "obj" && s_.token(i).upos == "PROPN" && s_.token(c).upos == "PROPN";
    if (!inside_phrase(rel) && !split_name) continue;
    // Conjuncts of the head are separate participants; conjuncts of a modifier ("Iranian and
    // Russian delegations") stay in the phrase and give it several countries.
    if (rel == "conj" && depth == 0) continue;
    // "the president of Iran", "Iran's minister", and for roles "lawmakers in Arnor", "soldiers
    // from Gondor": an nmod names the country only so, not in "talks with Iran".
    if (rel == "nmod") {
      Text c_case = s_.case_of(c);
      // GUM's descriptive nmod ("Bree Prime Minister Romendacil") is part of the name, and so is
      // a bare nmod with no preposition, which is how the parser sometimes hangs it.
      bool possessive = s_.full_rel(c) == "nmod:poss" || s_.full_rel(c) == "nmod:desc" ||
                        (s_.full_rel(c) == "nmod" && c_case.empty());
      bool of_country = c_case == "of" || (role_head && (c_case == "in" || c_case == "from"));
      if (!possessive && !of_country) continue;
    }
    collect(c, depth + 1, role_head, tokens);
  }
}

std::vector<Participant> ParticipantResolver::resolve_phrase(size_t head) const {
  // Scratch kept per thread: the coder resolves many phrases per sentence, and no phrase is
  // resolved while another is.
  thread_local std::vector<uint32_t> tokens;
  thread_local std::vector<const Mention*> found, countries, agents;
  tokens.clear();
  found.clear();
  countries.clear();
  agents.clear();
  const Mention* head_mention = mention_at(head);
  collect(head, 0, head_mention != nullptr && head_mention->is_agent(), tokens);
  std::sort(tokens.begin(), tokens.end());
  // The mentions of the phrase, each once, in order.
  for (uint32_t t : tokens) {
    const Mention* m = mention_at(t);
    if (m != nullptr && (found.empty() || found.back() != m)) found.push_back(m);
  }
  if (found.empty()) return {};

  Participant base;
  base.head = static_cast<uint32_t>(head);
  base.first = tokens.front();
  base.last = tokens.back();
  for (const Mention* m : found) {
    base.first = std::min(base.first, m->begin);
    base.last = std::max(base.last, m->end - 1);
  }

  const Mention* agent = nullptr;
  const Mention* named = nullptr;  // a person or body with a full code
  // `countries`, and `agents`: every role of the phrase, in order.
  for (const Mention* m : found) {
    if (m->is_agent()) {
      agents.push_back(m);
      if (agent == nullptr || m == head_mention) agent = m;
    } else if (m->code.empty()) {
      continue;
    } else if (is_country_only(*m)) {
      countries.push_back(m);
    } else if (named == nullptr || m == head_mention) {
      named = m;
    }
  }

  // "Osgiliath soldiers in south Ithilen": a country that modifies the role itself says whose they
  // are; one in an "in"/"from" phrase counts only when there is no such country.
  auto located = [&](const Mention* m) {
    for (int t = static_cast<int>(m->begin); t >= 0 && static_cast<size_t>(t) != head;
         t = s_.head(static_cast<size_t>(t))) {
      Text c_case = s_.case_of(static_cast<size_t>(t));
      if (s_.rel(static_cast<size_t>(t)) == "nmod" && (c_case == "in" || c_case == "from"))
        return true;
    }
    return false;
  };
  if (std::any_of(countries.begin(), countries.end(), [&](auto* m) { return !located(m); }))
    std::erase_if(countries, located);
  // Several countries on one role are coordinated ("Iranian and Russian delegations") or listed
  // ("Mordor, the awful Arnor, and Gondor"); else the first one says whose it is ("Ithilen's
  // minister Calimehtar").
  // A mention's own head word ("Shire" in "the Shire"), the one attached outside it.
  auto top_of = [&](const Mention& m) {
    uint32_t top = m.begin;
    for (uint32_t t = m.begin; t < m.end; ++t) {
      int h = s_.head(t);
      if (h < static_cast<int>(m.begin) || h >= static_cast<int>(m.end)) top = t;
    }
    return top;
  };
  auto listed = [&](const Mention* prev, const Mention* m) {
    const uint32_t top = top_of(*m);
    // (The phrase's own head is a conjunct or apposition of something outside it.)
    // An apposition on a role names who holds it ("Ithilen's minister Calimehtar").
    bool holder = head_mention != nullptr && head_mention->is_agent();
    if (top != head && (s_.rel(top) == "conj" || (s_.rel(top) == "appos" && !holder))) return true;
    // "U.S. and Iranian officials", however the parser hung the two adjectives.
    bool joined = false;
    for (uint32_t t = prev->end; t < m->begin; ++t) {
      const std::string& upos = s_.token(t).upos;
      if (upos != "CCONJ" && upos != "PUNCT") return false;
      joined |= upos == "CCONJ";
    }
    return joined;
  };
  for (size_t k = 1; k < countries.size();)
    if (listed(countries[k - 1], countries[k]))
      ++k;
    else
      countries.erase(countries.begin() + static_cast<std::ptrdiff_t>(k));

  // Whether a mention's head word hangs on the phrase's head as `rel` ("flat" or "nmod:poss").
  auto on_head_as = [&](const Mention& m, std::string_view rel) {
    const uint32_t top = top_of(m);
    return static_cast<size_t>(s_.head(top)) == head &&
           (s_.rel(top) == rel || s_.full_rel(top) == rel);
  };
  std::vector<Participant> out;
  auto emit_one = [&](std::string code, std::vector<const Mention*> used) {
    Participant p = base;
    p.code = std::move(code);
    p.agent = agent != nullptr ? agent->code : "";
    p.mentions.reserve(used.size());
    for (const Mention* m : used) p.mentions.push_back(*m);
    // A named news organisation is never an event's actor; journalists ("a Belarusian
    // journalist") can be, as targets of arrests and attacks.
    p.media = !petrarch_ && named != nullptr && is_media(named->code) && p.code == named->code;
    out.push_back(std::move(p));
  };
  auto emit = [&](std::string code, std::vector<const Mention*> used) {
    for (const Mention* m : used) {
      size_t at = code.find(m->code);
      if (!split_slashed_ || m->code.find('/') == std::string::npos || at == std::string::npos)
        continue;
      size_t from = 0;
      while (from <= m->code.size()) {
        size_t slash = std::min(m->code.find('/', from), m->code.size());
        std::string one = code;
        one.replace(at, m->code.size(), m->code.substr(from, slash - from));
        emit_one(std::move(one), used);
        from = slash + 1;
      }
      return;
    }
    emit_one(std::move(code), std::move(used));
  };
  if (petrarch_ && !agents.empty() && (named != nullptr || !countries.empty())) {
    std::vector<const Mention*> bases = countries;
    if (bases.empty() || (named != nullptr && head_mention == named)) bases = {named};
    for (const Mention* b : bases) {
      std::vector<const Mention*> used{b};
      used.insert(used.end(), agents.begin(), agents.end());
      emit(stack_roles(b->code, agents), used);
    }
    return out;
  }
  // A named body keeps its own code over a role ("Hamas militants" is Hamas), unless it is a state
  // named by its capital, which the role refines ("Moscow's forces" -> RUSMIL).
  bool state_metonym = named != nullptr && named->code.size() == 6 && named->code.ends_with("GOV");
  // A country that owns an action or a thing the phrase names ("Hungary's veto of EU aid",
  // "Sweden's NATO membership") is whose it is, over a body named further in; not over one that
  // names the head itself ("Lebanon's capital Beirut", "Syria's affiliate Jabhat al-Nusra").
  if (named != nullptr && head_mention == nullptr && agent == nullptr &&
      std::none_of(found.begin(), found.end(), [&](const Mention* m) {
        return !is_country_only(*m) && (on_head_as(*m, "appos") || on_head_as(*m, "flat"));
      }))
    for (const Mention* c : countries)
      if (on_head_as(*c, "nmod:poss")) {
        emit(c->code, {c});
        return out;
      }
  if (named != nullptr &&
      (head_mention == named || agent == nullptr || named->person || !state_metonym)) {
    emit(named->code, {named});
  } else if (agent != nullptr && !countries.empty()) {
    for (const Mention* c : countries) emit(compose(c->code, agent->code), {c, agent});
  } else if (agent != nullptr && named != nullptr) {
    emit(compose(named->code, agent->code), {named, agent});
  } else if (!countries.empty()) {
    // A country named as a modifier stands for the phrase too: the target of "invested in Zambian
    // copper mines" is Zambia, the source of "the Israeli airstrike" is Israel.
    for (const Mention* c : countries) emit(c->code, {c});
  } else if (named != nullptr) {
    emit(named->code, {named});
  } else if (agent != nullptr) {
    emit("", {agent});  // a role without a country: left for the document memory
  }
  return out;
}

std::vector<Participant> ParticipantResolver::resolve(size_t head) const {
  // The phrase and its conjuncts are all below the head.
  if (mention_below_[head] == 0) return {};
  std::vector<Participant> out = resolve_phrase(head);
  // The countries on the first conjunct qualify bare roles after it: "Danish media and
  // government", "lawmakers and officials in Arnor and Gondor".
  std::vector<const Mention*> shared_countries;
  for (const Participant& p : out)
    for (const Mention& m : p.mentions)
      if (is_country_only(m) && std::none_of(shared_countries.begin(), shared_countries.end(),
                                             [&](const Mention* c) { return c->code == m.code; }))
        shared_countries.push_back(&m);
  // Coordinated phrases: "Iran and Russia", "the minister and his deputy".
  std::vector<Participant> conjuncts;
  std::vector<uint32_t> pending(s_.children(head).begin(), s_.children(head).end());
  for (size_t k = 0; k < pending.size(); ++k) {
    uint32_t c = pending[k];
    if (s_.rel(c) != "conj") continue;
    std::vector<Participant> phrase = resolve_phrase(c);
    // PETRARCH-2 reads a conjunct as words: its first actor stands for it, however the parser
    // hung it ("Calenardhon and the evil Arnor awful Gondor" with "Arnor" as a preposition).
    if (phrase.empty() && petrarch_ && mention_below_[c] != 0) {
      for (const Mention& m : mentions_)
        if (!m.is_agent() && !m.code.empty() && s_.dominates(c, m.begin)) {
          phrase = resolve_phrase(m.begin);
          break;
        }
    }
    for (Participant& p : phrase) {
      if (!p.code.empty() || p.agent.empty() || shared_countries.empty()) {
        conjuncts.push_back(std::move(p));
        continue;
      }
      for (const Mention* country : shared_countries) {
        Participant shared = p;
        shared.code = compose(country->code, p.agent);
        conjuncts.push_back(std::move(shared));
      }
    }
    for (uint32_t cc : s_.children(c)) pending.push_back(cc);
  }
  out.insert(out.end(), conjuncts.begin(), conjuncts.end());
  return out;
}

}  // namespace khaldun::coder
