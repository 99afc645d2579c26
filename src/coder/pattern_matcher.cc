#include "coder/pattern_matcher.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

#include "dict/phrase.h"

namespace khaldun::coder {
namespace {

using Kind = dict::PatternItem::Kind;

uint32_t key_of(const dict::CompiledDictionary& dict, const std::string& folded) {
  uint32_t id = dict.key_id(folded);
  // The compiled dictionary interns every word patterns and synonym sets compare; a miss would be
  // a bug there.
  if (id == dict::kUnknownWord) throw std::logic_error("pattern word not interned: " + folded);
  return id;
}

// Relations whose subtree is not part of the predicate's phrase: coordinated and loosely attached
// clauses are predicates of their own. Complements ("called on X to release", "said that") stay:
// patterns read them, as PETRARCH-2's patterns read the whole verb phrase.
bool separate_clause(Text rel) {
  return rel == "parataxis" || rel == "csubj" || rel == "conj" || rel == "punct" || rel == "list" ||
         rel == "vocative" || rel == "discourse";
}

// Matching state over one token list (the words after or before the verb), with a step budget so
// that a pathological pattern cannot take long.
class Matcher {
 public:
  Matcher(const PatternContext& ctx, std::span<const uint32_t> list, bool backwards)
      : ctx_(ctx), s_(*ctx.sentence), list_(list), backwards_(backwards) {}

  // Matches items[k..] from list position `at`; fills bindings on success.
  bool run(std::span<const PreparedItem> items, size_t k, size_t at, int prev_token) {
    if (++steps_ > kMaxMatchSteps) return false;
    if (k == items.size()) return true;
    const PreparedItem& item = items[k];
    if (item.kind == Kind::kVerb || (item.kind == Kind::kSkip && backwards_))
      return run(items, k + 1, at, prev_token);
    // "^" passes over the noun phrase that starts here, up to its head ("IFTAR IN ^ +": in
    // Osgiliath, with Gondor; "THEIR ^ ABOUT +": their Ent populations, about the Prince).
    if (item.kind == Kind::kSkip) {
      if (at >= list_.size()) return false;
      const size_t next = past_phrase(at);
      return run(items, k + 1, next, static_cast<int>(list_[next - 1]));
    }
    for (size_t p = at; p < list_.size(); ++p) {
      uint32_t t = list_[p];
      if (item.joined && prev_token >= 0 && !adjacent(prev_token, t) &&
          !coordinated_between(prev_token, t) &&
          !(item.over_adjective && adjective_between(prev_token, t))) {
        if (in_coordination(t)) continue;  // on the way over "and injury" to "death"
        break;
      }
      size_t next = 0;
      int last_token = -1;
      size_t mark = tokens.size();
      int saved_source = source, saved_target = target, saved_compound = compound;
      if (match_item(item, p, next, last_token) && run(items, k + 1, next, last_token)) return true;
      tokens.resize(mark);
      source = saved_source;
      target = saved_target;
      compound = saved_compound;
    }
    return false;
  }

  int source = -1;
  int target = -1;
  int compound = -1;
  std::vector<uint32_t> tokens;

  bool exhausted() const { return steps_ > kMaxMatchSteps; }

 private:
  bool adjacent(int prev, uint32_t t) const {
    return backwards_ ? static_cast<int>(t) + 1 == prev : static_cast<int>(t) == prev + 1;
  }

  // Whether only a coordination of one of the two stands between them: "death and injury toll"
  // reads as "death toll" for "{DEATH TOLL}".
  bool coordinated_between(int prev, uint32_t t) const {
    const int a = std::min(prev, static_cast<int>(t)), b = std::max(prev, static_cast<int>(t));
    if (b - a < 2 || b - a > 8) return false;
    auto coordinate_of = [&](int x) {
      for (int steps = 0; x >= 0 && steps < 8; ++steps, x = s_.head(static_cast<size_t>(x))) {
        int h = s_.head(static_cast<size_t>(x));
        Text r = s_.rel(static_cast<size_t>(x));
        if (h == a || h == b) return r == "conj" || r == "cc";
      }
      return false;
    };
    for (int g = a + 1; g < b; ++g)
      if (!coordinate_of(g)) return false;
    return true;
  }

  // Whether exactly one adjective stands between the two.
  bool adjective_between(int prev, uint32_t t) const {
    const int a = std::min(prev, static_cast<int>(t)), b = std::max(prev, static_cast<int>(t));
    return b - a == 2 && s_.token(static_cast<size_t>(a + 1)).upos == "ADJ";
  }

  bool in_coordination(uint32_t t) const {
    int x = static_cast<int>(t);
    for (int steps = 0; x >= 0 && steps < 3; ++steps, x = s_.head(static_cast<size_t>(x))) {
      Text r = s_.rel(static_cast<size_t>(x));
      if (r == "conj" || r == "cc") return true;
    }
    return false;
  }

  // The list position after the noun phrase that starts at position `at` (up to its head).
  size_t past_phrase(size_t at) const {
    const uint32_t head = phrase_head(list_[at]);
    size_t next = at + 1;
    while (next < list_.size() && list_[next] <= head) ++next;
    return next;
  }

  // The head of the nominal a token belongs to: up through its heads while they are in the list
  // and after it ("the" -> "leaders" in "the leaders of Gondor").
  uint32_t phrase_head(uint32_t t) const {
    for (int up = s_.head(t);
         up > static_cast<int>(t) &&
         std::find(list_.begin(), list_.end(), static_cast<uint32_t>(up)) != list_.end();
         up = s_.head(static_cast<size_t>(up)))
      t = static_cast<uint32_t>(up);
    return t;
  }

  bool word_at(size_t p, uint32_t key) const { return p < list_.size() && s_.is(list_[p], key); }

  // Words at consecutive sentence positions from list position p (read backwards when the list
  // runs backwards from the verb).
  bool words_at(size_t p, const std::vector<uint32_t>& words, size_t& next, int& last) {
    size_t n = words.size();
    for (size_t w = 0; w < n; ++w) {
      size_t q = p + w;
      uint32_t word = backwards_ ? words[n - 1 - w] : words[w];
      if (q >= list_.size() || !s_.is(list_[q], word)) return false;
      if (w > 0 && !adjacent(static_cast<int>(list_[q - 1]), list_[q])) return false;
    }
    for (size_t w = 0; w < n; ++w) tokens.push_back(list_[p + w]);
    next = p + n;
    last = static_cast<int>(list_[p + n - 1]);
    return true;
  }

  bool match_item(const PreparedItem& item, size_t p, size_t& next, int& last) {
    uint32_t t = list_[p];
    switch (item.kind) {
      case Kind::kWord: {
        if (!word_at(p, item.word)) return false;
        tokens.push_back(t);
        next = p + 1;
        last = static_cast<int>(t);
        return true;
      }
      case Kind::kSynset: {
        if (item.synset == nullptr) return false;
        // Only members whose first (backwards: last) word is this token's word or lemma can
        // match; they are tried in the set's order, as a scan of all members would.
        const auto& index = backwards_ ? item.synset->by_last : item.synset->by_first;
        auto range = [&](uint32_t key) {
          const SynsetMembers::Run* run = item.synset->run_of(key, backwards_);
          auto lo = index.begin() + (run == nullptr ? 0 : run->begin);
          return std::make_pair(lo, index.begin() + (run == nullptr ? 0 : run->end));
        };
        auto [a, a_end] = range(s_.word_key(t));
        auto [b, b_end] = s_.lemma_key(t) == s_.word_key(t) ? std::make_pair(a_end, a_end)
                                                            : range(s_.lemma_key(t));
        while (a != a_end || b != b_end) {
          bool take_a = b == b_end || (a != a_end && a->second < b->second);
          uint32_t m = take_a ? (a++)->second : (b++)->second;
          if (words_at(p, item.synset->members[m], next, last)) return true;
        }
        return false;
      }
      case Kind::kSource:
      case Kind::kTarget:
      case Kind::kCompound: {
        if (!ctx_.names_actor(t)) return false;
        if (item.kind == Kind::kSource) {
          source = static_cast<int>(t);
        } else if (item.kind == Kind::kTarget) {
          target = static_cast<int>(t);
        } else {
          compound = static_cast<int>(t);
        }
        uint32_t end = ctx_.phrase_end(t);
        next = p + 1;
        while (next < list_.size() && list_[next] <= end && !backwards_) ++next;
        last = static_cast<int>(end);
        return true;
      }
      case Kind::kNounPhrase: {
        return run_inner(item.items, p, next, last);
      }
      case Kind::kPrepPhrase: {
        // The preposition, then the rest inside the phrase it heads. The predicate's own marker
        // is not one: "(TO) *" reads "close to Gondor", not "is inching nearer to accord"; but
        // "begun (TO QUESTION)" reads a complement's.
        if (!word_at(p, item.word)) return false;
        if (s_.rel(t) == "mark" && s_.head(t) == static_cast<int>(ctx_.verb)) return false;
        tokens.push_back(t);
        // A bare preposition, "(IN) $", lets what follows match inside its phrase ("break in an
        // anti-Gondor parade").
        if (item.items.empty()) {
          next = p + 1;
          last = static_cast<int>(t);
          return true;
        }
        int head = s_.head(t);
        std::vector<uint32_t> inside;
        for (size_t q = p + 1; q < list_.size(); ++q)
          if (head >= 0 && s_.dominates(static_cast<size_t>(head), list_[q]))
            inside.push_back(list_[q]);
        Matcher sub(ctx_, inside, backwards_);
        sub.source = source;
        sub.target = target;
        sub.compound = compound;
        bool ok = sub.run(item.items, 0, 0, -1);
        if (sub.exhausted()) steps_ = kMaxMatchSteps + 1;
        // "(AT ^ ^)" passes over phrases, as TABARI's linear patterns did, also where the parser
        // hung the second one elsewhere ("Iftar at Osgiliath with the parliament of Gondor").
        if (!ok && !backwards_ &&
            std::all_of(item.items.begin(), item.items.end(),
                        [](const PreparedItem& i) { return i.kind == Kind::kSkip; })) {
          size_t q = p + 1;
          for (size_t k = 0; k < item.items.size(); ++k) {
            if (q >= list_.size()) return false;
            q = past_phrase(q);
          }
          inside.assign(list_.begin() + static_cast<std::ptrdiff_t>(p) + 1,
                        list_.begin() + static_cast<std::ptrdiff_t>(q));
          ok = true;
        }
        if (!ok) return false;
        source = sub.source;
        target = sub.target;
        compound = sub.compound;
        tokens.insert(tokens.end(), sub.tokens.begin(), sub.tokens.end());
        // Continue after the last token of the phrase.
        uint32_t end = inside.empty() ? t : inside.back();
        next = p + 1;
        while (next < list_.size() && list_[next] <= end) ++next;
        last = static_cast<int>(end);
        return true;
      }
      case Kind::kSkip:
      case Kind::kVerb:
        next = p;
        return true;
    }
    return false;
  }

  // Items that must stand at consecutive positions, the first at list position p (already in
  // matching order and all joined: see prepare()).
  bool run_inner(std::span<const PreparedItem> items, size_t p, size_t& next, int& last) {
    if (items.empty()) return false;
    Matcher anchored(ctx_, list_.subspan(p), backwards_);
    anchored.source = source;
    anchored.target = target;
    anchored.compound = compound;
    int before_first = backwards_ ? static_cast<int>(list_[p]) + 1 : static_cast<int>(list_[p]) - 1;
    bool ok = anchored.run(items, 0, 0, before_first);
    if (anchored.exhausted()) steps_ = kMaxMatchSteps + 1;
    if (!ok) return false;
    source = anchored.source;
    target = anchored.target;
    compound = anchored.compound;
    tokens.insert(tokens.end(), anchored.tokens.begin(), anchored.tokens.end());
    if (anchored.tokens.empty()) return false;
    auto [lo, hi] = std::minmax_element(anchored.tokens.begin(), anchored.tokens.end());
    uint32_t end = backwards_ ? *lo : *hi;
    next = p;
    while (next < list_.size() && (backwards_ ? list_[next] >= end : list_[next] <= end)) ++next;
    last = static_cast<int>(end);
    return true;
  }

  const PatternContext& ctx_;
  const SentenceView& s_;
  std::span<const uint32_t> list_;
  bool backwards_;
  int steps_ = 0;
};

int count_kind(const std::vector<dict::PatternItem>& items, bool slots) {
  int n = 0;
  for (const auto& item : items) {
    bool slot =
        item.kind == Kind::kSource || item.kind == Kind::kTarget || item.kind == Kind::kCompound;
    n += (slots ? slot : item.kind == Kind::kSynset) + count_kind(item.items, slots);
  }
  return n;
}

// How specific a pattern is: words count twice as much as actor slots, so that "* (by phone)"
// wins over "* (with +)" when both match.
int weight(const std::vector<dict::PatternItem>& items) {
  int w = 0;
  for (const auto& item : items) {
    switch (item.kind) {
      case Kind::kVerb:
      case Kind::kSkip:
        break;
      case Kind::kNounPhrase:
      case Kind::kPrepPhrase:
        w += weight(item.items);
        break;
      case Kind::kSource:
      case Kind::kTarget:
      case Kind::kCompound:
        w += 1;
        break;
      default:
        w += 2;
    }
  }
  return w;
}

}  // namespace

namespace {

// The hash table of SynsetMembers::run_of over a sorted (word, member) index.
std::vector<SynsetMembers::Run> runs_of(const std::vector<std::pair<uint32_t, uint32_t>>& index) {
  size_t n = 4;
  while (n < 2 * index.size()) n *= 2;
  std::vector<SynsetMembers::Run> runs(n);
  for (size_t b = 0; b < index.size();) {
    size_t e = b;
    while (e < index.size() && index[e].first == index[b].first) ++e;
    uint32_t key = index[b].first;
    size_t i = (key * 0x9E3779B1u) & (n - 1);
    while (runs[i].key != dict::kUnknownWord) i = (i + 1) & (n - 1);
    runs[i] = {key, static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    b = e;
  }
  return runs;
}

}  // namespace

SynsetTable::SynsetTable(const dict::CompiledDictionary& compiled) {
  const dict::Dictionary& dict = compiled.dictionary();
  std::unordered_map<std::string, const dict::Synset*> by_name;
  for (const auto& set : dict.synsets) by_name[dict::fold_case(set.name)] = &set;
  for (const auto& set : dict.synsets) {
    auto& out = sets_[dict::fold_case(set.name)].members;
    std::vector<const dict::Synset*> stack{&set};
    std::vector<const dict::Synset*> seen;
    while (!stack.empty()) {
      const dict::Synset* cur = stack.back();
      stack.pop_back();
      if (std::find(seen.begin(), seen.end(), cur) != seen.end()) continue;
      seen.push_back(cur);
      for (const auto& member : cur->members) {
        if (!member.empty() && member.front() == '&') {
          std::string name = dict::fold_case(member.substr(1));
          while (!name.empty() && name.back() == '_') name.pop_back();
          auto it = by_name.find(name);
          if (it != by_name.end()) stack.push_back(it->second);
          continue;
        }
        std::vector<uint32_t> words;
        for (const auto& w : dict::phrase_words(member))
          words.push_back(key_of(compiled, dict::fold_case(w)));
        if (!words.empty()) out.push_back(std::move(words));
      }
    }
  }
  uint32_t max_key = 0;
  for (const auto& [name, set] : sets_)
    for (const auto& words : set.members)
      max_key = std::max({max_key, words.front(), words.back()});
  any_first_.assign(max_key / 64 + 1, 0);
  any_last_.assign(max_key / 64 + 1, 0);
  for (const auto& [name, set] : sets_) {
    for (const auto& words : set.members) {
      any_first_[words.front() / 64] |= uint64_t{1} << (words.front() % 64);
      any_last_[words.back() / 64] |= uint64_t{1} << (words.back() % 64);
    }
  }
  uint32_t id = 0;
  for (auto& [name, set] : sets_) {
    set.id = id++;
    set.any_first = any_first_.data();
    set.any_last = any_last_.data();
    set.any_size = any_first_.size();
    // The longest member first: "austrian gold florin" is one currency, not "florin".
    std::stable_sort(set.members.begin(), set.members.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& words : set.members) max_words_ = std::max(max_words_, words.size());
    for (uint32_t m = 0; m < set.members.size(); ++m) {
      set.by_first.emplace_back(set.members[m].front(), m);
      set.by_last.emplace_back(set.members[m].back(), m);
    }
    std::sort(set.by_first.begin(), set.by_first.end());
    std::sort(set.by_last.begin(), set.by_last.end());
    set.first_runs = runs_of(set.by_first);
    set.last_runs = runs_of(set.by_last);
    for (const auto& words : set.members) starts_.emplace_back(words.front(), set.id);
  }
  std::sort(starts_.begin(), starts_.end());
  starts_.erase(std::unique(starts_.begin(), starts_.end()), starts_.end());
  start_runs_ = runs_of(starts_);
}

std::string SynsetTable::fold_name(const std::string& name) {
  std::string key = dict::fold_case(name);
  while (!key.empty() && key.back() == '_') key.pop_back();
  return key;
}

const SynsetMembers* SynsetTable::members(const std::string& name) const {
  return members_folded(fold_name(name));
}

const SynsetMembers* SynsetTable::members_folded(const std::string& folded) const {
  auto it = sets_.find(folded);
  return it == sets_.end() ? nullptr : &it->second;
}

namespace {

// Items as they are matched in one direction. Mirrors how matching used to rearrange them on every
// attempt: `{...}` has its contents reversed when read backwards and all of them joined; `(...)`
// keeps its preposition apart and the first item after it unjoined.
std::vector<PreparedItem> prepare(std::span<const dict::PatternItem> items,
                                  const dict::CompiledDictionary& dict, const SynsetTable& synsets,
                                  bool backwards, std::vector<uint32_t>& required,
                                  std::vector<const SynsetMembers*>& required_sets) {
  std::vector<PreparedItem> out;
  out.reserve(items.size());
  for (const dict::PatternItem& item : items) {
    PreparedItem p;
    p.kind = item.kind;
    p.joined = item.joined;
    switch (item.kind) {
      case Kind::kWord:
        p.word = key_of(dict, dict::fold_case(item.text));
        required.push_back(p.word);
        break;
      case Kind::kSynset:
        p.synset = synsets.members_folded(SynsetTable::fold_name(item.text));
        required_sets.push_back(p.synset);
        break;
      case Kind::kNounPhrase:
        p.items = prepare(item.items, dict, synsets, backwards, required, required_sets);
        // PETRARCH-2 lets an adjective stand before a synonym set in a phrase, not after one:
        // "new global economic relations" is {NEW &TIETYPES RELATIONS}, while "cultural internal
        // memos" is not {&TIETYPES MEMOS}. Read backwards, the gap comes before the item written
        // ahead of the set.
        for (size_t k = 1; k < p.items.size(); ++k)
          if (p.items[k].kind == Kind::kSynset)
            p.items[backwards ? k - 1 : k].over_adjective = true;
        if (backwards) std::reverse(p.items.begin(), p.items.end());
        for (auto& inner : p.items) inner.joined = true;
        break;
      case Kind::kPrepPhrase:
        if (!item.items.empty()) {
          std::vector<PreparedItem> all =
              prepare(item.items, dict, synsets, backwards, required, required_sets);
          // Not a word: the phrase can never match, as before (kUnknownWord matches nothing).
          if (all.front().kind == Kind::kWord) p.word = all.front().word;
          p.items.assign(std::make_move_iterator(all.begin() + 1),
                         std::make_move_iterator(all.end()));
          if (!p.items.empty()) p.items.front().joined = false;
        }
        break;
      default:
        break;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<PreparedPattern> prepare_patterns(const dict::VerbGroup& group,
                                              const dict::CompiledDictionary& dict,
                                              const SynsetTable& synsets) {
  std::vector<PreparedPattern> out;
  out.reserve(group.patterns.size());
  for (size_t i = 0; i < group.patterns.size(); ++i) {
    const auto& items = group.patterns[i].items;
    PreparedPattern p;
    auto verb_at = std::find_if(items.begin(), items.end(),
                                [](const dict::PatternItem& it) { return it.kind == Kind::kVerb; });
    std::span<const dict::PatternItem> pre(items.data(),
                                           static_cast<size_t>(verb_at - items.begin()));
    std::span<const dict::PatternItem> post =
        verb_at == items.end() ? std::span<const dict::PatternItem>()
                               : std::span<const dict::PatternItem>(
                                     &*verb_at + 1, static_cast<size_t>(items.end() - verb_at - 1));
    // Before the verb: the nearest item first, over the words going backwards.
    p.before = prepare(pre, dict, synsets, true, p.required, p.required_sets);
    std::reverse(p.before.begin(), p.before.end());
    p.after = prepare(post, dict, synsets, false, p.required, p.required_sets);
    std::sort(p.required.begin(), p.required.end());
    p.required.erase(std::unique(p.required.begin(), p.required.end()), p.required.end());
    std::sort(p.required_sets.begin(), p.required_sets.end());
    p.required_sets.erase(std::unique(p.required_sets.begin(), p.required_sets.end()),
                          p.required_sets.end());
    p.weight = weight(items);
    p.synsets = count_kind(items, false);
    p.slots = count_kind(items, true);
    p.bound = p.weight + p.synsets * 2 * static_cast<int>(synsets.max_words() - 1);
    p.index = static_cast<int>(i);
    out.push_back(std::move(p));
  }
  return out;
}

void WordSet::assign(const SentenceView& s, const SynsetTable* synsets) {
  // At most a quarter full, so that a miss (the usual answer) ends at once.
  size_t n = 16;
  while (n < 8 * s.size()) n *= 2;
  slots_.assign(n, dict::kUnknownWord);
  mask_ = n - 1;
  shift_ = 32 - std::countr_zero(n);
  keys_.clear();
  keys_.reserve(2 * s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    for (uint32_t id : {s.word_key(i), s.lemma_key(i)}) {
      if (id == dict::kUnknownWord) continue;
      size_t k = slot(id);
      while (slots_[k] != dict::kUnknownWord && slots_[k] != id) k = (k + 1) & mask_;
      if (slots_[k] == id) continue;
      slots_[k] = id;
      keys_.push_back(id);
    }
  }
  sets_known_ = synsets != nullptr;
  if (!sets_known_) return;
  sets_present_.assign(synsets->size() / 64 + 1, 0);
  for (uint32_t key : keys_) synsets->mark_sets_starting_with(key, sets_present_);
}

void clause_tokens(const SentenceView& s, uint32_t verb, std::vector<uint32_t>& before,
                   std::vector<uint32_t>& after) {
  // The verb's subtree marked (a walk with a stack, not a recursion), then read off in sentence
  // order: no sort, and no allocation once the scratch has grown.
  thread_local std::vector<uint32_t> stack;
  thread_local std::vector<uint8_t> in_clause;
  in_clause.assign(s.size(), 0);
  in_clause[verb] = 1;
  stack.clear();
  for (uint32_t c : s.children(verb))
    if (!separate_clause(s.rel(c))) stack.push_back(c);
  while (!stack.empty()) {
    const uint32_t t = stack.back();
    stack.pop_back();
    if (in_clause[t] != 0) continue;
    in_clause[t] = 1;
    for (uint32_t c : s.children(t)) stack.push_back(c);
  }
  before.clear();
  after.clear();
  for (uint32_t t = 0; t < verb; ++t)
    if (in_clause[t] != 0) before.push_back(t);
  for (auto t = verb + 1; t < s.size(); ++t)
    if (in_clause[t] != 0) after.push_back(t);
}

namespace {

// Tries one pattern; keeps it in `best` when it beats what is there.
void try_pattern(const PreparedPattern& pattern, const PatternContext& ctx, const WordSet& words,
                 std::span<const uint32_t> before_reversed, PatternMatch& best) {
  using Outcome = PatternTrial::Outcome;
  auto record = [&](Outcome outcome, int score = 0) {
    if (ctx.trials != nullptr) ctx.trials->push_back({pattern.index, outcome, score});
  };
  if (pattern.bound <= best.score) return record(Outcome::kCannotWin);
  bool present = std::all_of(pattern.required.begin(), pattern.required.end(),
                             [&](uint32_t id) { return words.contains(id); }) &&
                 std::all_of(pattern.required_sets.begin(), pattern.required_sets.end(),
                             [&](const SynsetMembers* set) {
                               return set != nullptr && words.may_contain(*set);
                             });
  if (!present) return record(Outcome::kWordsAbsent);
  Matcher back(ctx, before_reversed, true);
  bool before_ok = pattern.before.empty() || back.run(pattern.before, 0, 0, -1);
  best.limit_hit |= back.exhausted();
  if (!before_ok) return record(Outcome::kNoMatch);
  Matcher fwd(ctx, ctx.after, false);
  fwd.source = back.source;
  fwd.target = back.target;
  fwd.compound = back.compound;
  bool after_ok = fwd.run(pattern.after, 0, 0, static_cast<int>(ctx.verb));
  best.limit_hit |= fwd.exhausted();
  if (!after_ok) return record(Outcome::kNoMatch);
  // Words weigh 2 and slots 1; the matched words can be more than the written items when a
  // synonym-set member has several words.
  const int extra_words = static_cast<int>(back.tokens.size() + fwd.tokens.size()) -
                          (pattern.weight - pattern.slots) / 2;
  const int score = pattern.weight + 2 * std::max(0, extra_words);
  record(Outcome::kMatched, score);
  if (score <= best.score) return;
  best.pattern = pattern.index;
  best.score = score;
  best.source = fwd.source;
  best.target = fwd.target;
  best.compound = fwd.compound;
  best.tokens = back.tokens;
  best.tokens.insert(best.tokens.end(), fwd.tokens.begin(), fwd.tokens.end());
}

}  // namespace

PatternMatch match_patterns(const std::vector<PreparedPattern>& patterns, const PatternContext& ctx,
                            const WordSet& words) {
  PatternMatch best;
  std::vector<uint32_t> before_reversed(ctx.before.rbegin(), ctx.before.rend());
  for (const PreparedPattern& pattern : patterns)
    try_pattern(pattern, ctx, words, before_reversed, best);
  return best;
}

PreparedGroup prepare_group(const dict::VerbGroup& group, const dict::CompiledDictionary& dict,
                            const SynsetTable& synsets) {
  PreparedGroup out;
  out.patterns = prepare_patterns(group, dict, synsets);
  std::unordered_map<uint32_t, uint32_t> uses;  // key id -> patterns of the group that need it
  for (const PreparedPattern& p : out.patterns)
    for (uint32_t w : p.required) ++uses[w];
  std::vector<std::pair<uint32_t, uint32_t>> keyed;  // (anchor, pattern), in pattern order
  for (uint32_t i = 0; i < out.patterns.size(); ++i) {
    const auto& required = out.patterns[i].required;
    if (required.empty()) {
      out.unanchored.push_back(i);
      continue;
    }
    // The word fewest patterns use is likely the rarest in text too ("talks" rather than "with").
    uint32_t anchor = *std::min_element(required.begin(), required.end(),
                                        [&](uint32_t a, uint32_t b) { return uses[a] < uses[b]; });
    keyed.emplace_back(anchor, i);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [anchor, i] : keyed) {
    if (out.anchors.empty() || out.anchors.back() != anchor) {
      out.anchors.push_back(anchor);
      out.anchor_begin.push_back(static_cast<uint32_t>(out.anchored.size()));
    }
    out.anchored.push_back(i);
  }
  out.anchor_begin.push_back(static_cast<uint32_t>(out.anchored.size()));
  size_t n = 4;
  while (n < 2 * out.anchors.size()) n *= 2;
  out.anchor_table.assign(n, {});
  for (uint32_t a = 0; a < out.anchors.size(); ++a) {
    size_t i = (out.anchors[a] * 0x9E3779B1u) & (n - 1);
    while (out.anchor_table[i].key != dict::kUnknownWord) i = (i + 1) & (n - 1);
    out.anchor_table[i] = {out.anchors[a], a};
  }
  return out;
}

PatternMatch match_patterns(const PreparedGroup& group, const PatternContext& ctx,
                            const WordSet& words) {
  // The patterns worth trying, in the group's order (ties go to the first written).
  // The anchored ones gathered and sorted here; the unanchored ones (already in order, and in some
  // groups many) merged in as they are tried, not copied.
  thread_local std::vector<uint32_t> candidates;
  candidates.clear();
  auto add_anchor = [&](size_t a) {
    candidates.insert(candidates.end(), group.anchored.begin() + group.anchor_begin[a],
                      group.anchored.begin() + group.anchor_begin[a + 1]);
  };
  // From whichever side is smaller: a probe of the sentence's words per anchor of the group, or a
  // probe of the group's anchors per word of the sentence (the candidates are sorted below).
  if (group.anchors.size() <= words.keys().size()) {
    for (size_t a = 0; a < group.anchors.size(); ++a)
      if (words.contains(group.anchors[a])) add_anchor(a);
  } else {
    for (uint32_t key : words.keys())
      if (int a = group.anchor_of(key); a >= 0) add_anchor(static_cast<size_t>(a));
  }
  PatternMatch best;
  if (candidates.empty() && group.unanchored.empty()) return best;
  std::sort(candidates.begin(), candidates.end());
  thread_local std::vector<uint32_t> before_reversed;
  before_reversed.assign(ctx.before.rbegin(), ctx.before.rend());
  auto a = candidates.begin();
  auto u = group.unanchored.begin();
  while (a != candidates.end() || u != group.unanchored.end()) {
    const bool take_a = u == group.unanchored.end() || (a != candidates.end() && *a < *u);
    const uint32_t i = take_a ? *a++ : *u++;
    try_pattern(group.patterns[i], ctx, words, before_reversed, best);
  }
  return best;
}

}  // namespace khaldun::coder
