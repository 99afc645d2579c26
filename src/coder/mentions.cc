#include "coder/mentions.h"

#include <array>

#include "dict/resolve.h"
#include "text/char_class.h"

namespace khaldun::coder {
namespace {

constexpr uint16_t kActorOrAgent =
    dict::CompiledDictionary::kind_mask(dict::EntryRef::Kind::kActor) |
    dict::CompiledDictionary::kind_mask(dict::EntryRef::Kind::kAgent);

// Short names in capitals are acronyms; they must not match ordinary words in lower case.
bool acronym_mismatch(const dict::CompiledDictionary& dict, const dict::EntryRef& ref,
                      const SentenceView& s, uint32_t begin, uint32_t end) {
  if (end - begin != 1 || !dict.has_short_capital_name(ref)) return false;
  const dict::Dictionary& d = dict.dictionary();
  const std::vector<std::string>* names = nullptr;
  if (ref.kind == dict::EntryRef::Kind::kActor) names = &d.actors[ref.index].names;
  if (ref.kind == dict::EntryRef::Kind::kAgent) names = &d.agents[ref.index].names;
  if (names == nullptr || ref.sub >= names->size()) return false;
  const std::string& name = (*names)[ref.sub];
  if (name.size() > 4 || !text::all_capitals(name)) return false;
  return !text::all_capitals(s.token(begin).form);
}

// A lower-case word with a hyphen inside, as modifiers are written: "state-run", "pro-government".
bool hyphenated_modifier(const std::string& form) {
  return form.size() >= 3 && text::is_lower(form.front()) && form.find('-', 1) < form.size() - 1;
}

// An actor name with a hyphenated modifier inside it, passed over ("Ithilen state-run television"
// is ITHILEN TELEVISION): the longest name of at least two words that starts at `i` and continues
// after the modifier at i + 1, its length in tokens counting the modifier; or no match.
dict::CompiledDictionary::Match name_around_modifier(const SentenceView& s,
                                                     const dict::CompiledDictionary& dict,
                                                     const std::vector<uint32_t>& word_ids,
                                                     size_t i) {
  if (i + 2 >= s.size() || !hyphenated_modifier(s.token(i + 1).form)) return {};
  std::array<uint32_t, 8> ids{};
  size_t n = 0;
  ids[n++] = word_ids[i];
  for (size_t j = i + 2; j < s.size() && n < ids.size(); ++j) ids[n++] = word_ids[j];
  auto m =
      dict.longest_match(std::span<const uint32_t>(ids.data(), n), 0, dict::EntryRef::Kind::kActor);
  if (m.length < 2 || m.entries.empty()) return {};
  ++m.length;
  return m;
}

}  // namespace

const dict::DatedCode* actor_code_at(const dict::Actor& actor, int32_t date) {
  if (date > 0) return dict::first_code_at(actor, date);
  // Unknown date: the undated code, else the latest dated one.
  const dict::DatedCode* best = nullptr;
  for (const auto& c : actor.codes) {
    if (!c.dated) return &c;
    if (best == nullptr || c.range.until > best->range.until) best = &c;
  }
  return best;
}

bool written_in_mixed_case(const dict::Dictionary& d) {
  for (const auto& actor : d.actors)
    for (const auto& n : actor.names)
      if (!text::all_capitals(n)) return true;
  return false;
}

std::vector<Mention> find_mentions(const SentenceView& s, const dict::CompiledDictionary& dict,
                                   const std::vector<uint32_t>& word_ids,
                                   const std::vector<uint32_t>& lemma_ids, int32_t date,
                                   bool acronyms_in_capitals) {
  const dict::Dictionary& d = dict.dictionary();

  std::vector<Mention> out;
  size_t i = 0;
  constexpr uint16_t kAgent = dict::CompiledDictionary::kind_mask(dict::EntryRef::Kind::kAgent);
  while (i < s.size()) {
    // Most words start no actor or agent name (a name around a modifier starts as an actor's
    // does): passed over with a load or two, without the walks below.
    if (!dict.starts_phrase(word_ids[i], kActorOrAgent) &&
        !dict.starts_phrase(lemma_ids[i], kAgent)) {
      ++i;
      continue;
    }
    Mention best;
    // Actors and agents over the words in one walk of the trie; agents over the lemmas apart.
    std::array<dict::CompiledDictionary::Match, dict::CompiledDictionary::kKinds> by_word;
    dict.longest_matches(word_ids, i, kActorOrAgent, by_word);
    auto consider = [&](const std::vector<uint32_t>& ids, dict::EntryRef::Kind kind) {
      auto m =
          &ids == &word_ids ? by_word[static_cast<size_t>(kind)] : dict.longest_match(ids, i, kind);
      if (m.length == 0 || m.length <= best.end - best.begin) return;
      for (const dict::EntryRef& ref : m.entries) {
        auto end = static_cast<uint32_t>(i + m.length);
        if (acronyms_in_capitals && acronym_mismatch(dict, ref, s, static_cast<uint32_t>(i), end))
          continue;
        best = Mention{static_cast<uint32_t>(i), end, ref, "", 0, false};
        return;
      }
    };
    consider(word_ids, dict::EntryRef::Kind::kActor);
    consider(word_ids, dict::EntryRef::Kind::kAgent);
    consider(lemma_ids, dict::EntryRef::Kind::kAgent);
    if (auto m = name_around_modifier(s, dict, word_ids, i); m.length > best.end - best.begin)
      best = Mention{static_cast<uint32_t>(i),
                     static_cast<uint32_t>(i + m.length),
                     m.entries.front(),
                     "",
                     0,
                     false};
    if (best.end == 0) {
      ++i;
      continue;
    }
    if (best.entry.kind == dict::EntryRef::Kind::kActor) {
      const dict::Actor& actor = d.actors[best.entry.index];
      if (const dict::DatedCode* c = actor_code_at(actor, date)) {
        best.code = c->code;
        best.code_line = c->line;
      }
      for (const auto& c : actor.codes) best.person |= c.dated;
    } else {
      best.code = d.agents[best.entry.index].code;
    }
    // Room for the usual few mentions at once, rather than growing by 1, 2, 4: an allocation each.
    if (out.empty()) out.reserve(8);
    out.push_back(best);
    i = best.end;
  }
  return out;
}

}  // namespace khaldun::coder
