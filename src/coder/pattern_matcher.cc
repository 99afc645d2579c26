#include "coder/pattern_matcher.h"

#include <algorithm>

#include "dict/phrase.h"

namespace khaldun::coder {
namespace {

using Kind = dict::PatternItem::Kind;

// Relations whose subtree is not part of the predicate's phrase: coordinated and loosely attached
// clauses are predicates of their own. Complements ("called on X to release", "said that") stay:
// patterns read them, as PETRARCH-2's patterns read the whole verb phrase.
bool separate_clause(std::string_view rel) {
  return rel == "parataxis" || rel == "csubj" || rel == "conj" || rel == "punct" || rel == "list" ||
         rel == "vocative" || rel == "discourse";
}

void subtree(const SentenceView& s, uint32_t i, uint32_t root, std::vector<uint32_t>& out) {
  out.push_back(i);
  for (uint32_t c : s.children(i)) {
    if (i == root && separate_clause(s.rel(c))) continue;
    if (c != root) subtree(s, c, root, out);
  }
}

// Matching state over one token list (the words after or before the verb), with a step budget so
// that a pathological pattern cannot take long.
class Matcher {
 public:
  Matcher(const PatternContext& ctx, const SynsetTable& synsets, std::span<const uint32_t> list,
          bool backwards)
      : ctx_(ctx), s_(*ctx.sentence), synsets_(synsets), list_(list), backwards_(backwards) {}

  // Matches items[k..] from list position `at`; fills bindings on success.
  bool run(const std::vector<dict::PatternItem>& items, size_t k, size_t at, int prev_token) {
    if (++steps_ > kMaxSteps) return false;
    if (k == items.size()) return true;
    const dict::PatternItem& item = items[k];
    if (item.kind == Kind::kSkip || item.kind == Kind::kVerb)
      return run(items, k + 1, at, prev_token);
    for (size_t p = at; p < list_.size(); ++p) {
      uint32_t t = list_[p];
      if (item.joined && prev_token >= 0 && !adjacent(prev_token, t)) break;
      size_t next = 0;
      int last_token = -1;
      size_t mark = tokens.size();
      int saved_source = source, saved_target = target, saved_compound = compound;
      if (match_item(item, p, next, last_token) && run(items, k + 1, next, last_token)) return true;
      tokens.resize(mark);
      source = saved_source;
      target = saved_target;
      compound = saved_compound;
      if (item.joined && prev_token >= 0) break;
    }
    return false;
  }

  int source = -1;
  int target = -1;
  int compound = -1;
  std::vector<uint32_t> tokens;
  int score = 0;

 private:
  static constexpr int kMaxSteps = 4000;

  bool adjacent(int prev, uint32_t t) const {
    return backwards_ ? static_cast<int>(t) + 1 == prev : static_cast<int>(t) == prev + 1;
  }

  bool word_at(size_t p, const std::string& folded) const {
    return p < list_.size() && s_.is(list_[p], folded);
  }

  // Words at consecutive sentence positions from list position p (read backwards when the list
  // runs backwards from the verb).
  bool words_at(size_t p, const std::vector<std::string>& words, size_t& next, int& last) {
    size_t n = words.size();
    for (size_t w = 0; w < n; ++w) {
      size_t q = p + w;
      const std::string& word = backwards_ ? words[n - 1 - w] : words[w];
      if (q >= list_.size() || !s_.is(list_[q], word)) return false;
      if (w > 0 && !adjacent(static_cast<int>(list_[q - 1]), list_[q])) return false;
    }
    for (size_t w = 0; w < n; ++w) tokens.push_back(list_[p + w]);
    next = p + n;
    last = static_cast<int>(list_[p + n - 1]);
    return true;
  }

  bool match_item(const dict::PatternItem& item, size_t p, size_t& next, int& last) {
    uint32_t t = list_[p];
    switch (item.kind) {
      case Kind::kWord: {
        if (!word_at(p, item.text)) return false;
        tokens.push_back(t);
        next = p + 1;
        last = static_cast<int>(t);
        return true;
      }
      case Kind::kSynset: {
        const auto* members = synsets_.members_folded(item.text);
        if (members == nullptr) return false;
        for (const auto& words : *members)
          if (!words.empty() && words_at(p, words, next, last)) return true;
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
        return run_inner(item.items, p, next, last, list_);
      }
      case Kind::kPrepPhrase: {
        if (item.items.empty()) return false;
        // The preposition, then the rest inside the phrase it heads.
        const dict::PatternItem& prep = item.items.front();
        if (prep.kind != Kind::kWord || !word_at(p, prep.text)) return false;
        tokens.push_back(t);
        int head = s_.head(t);
        std::vector<uint32_t> inside;
        for (size_t q = p + 1; q < list_.size(); ++q)
          if (head >= 0 && s_.dominates(static_cast<size_t>(head), list_[q]))
            inside.push_back(list_[q]);
        std::vector<dict::PatternItem> rest(item.items.begin() + 1, item.items.end());
        if (!rest.empty()) rest.front().joined = false;
        Matcher sub(ctx_, synsets_, inside, backwards_);
        sub.source = source;
        sub.target = target;
        sub.compound = compound;
        if (!sub.run(rest, 0, 0, -1)) return false;
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

  // Items that must stand at consecutive positions, the first at list position p.
  bool run_inner(std::vector<dict::PatternItem> items, size_t p, size_t& next, int& last,
                 std::span<const uint32_t> list) {
    if (items.empty()) return false;
    if (backwards_) std::reverse(items.begin(), items.end());
    Matcher anchored(ctx_, synsets_, list.subspan(p), backwards_);
    anchored.source = source;
    anchored.target = target;
    anchored.compound = compound;
    for (auto& item : items) item.joined = true;
    int before_first = backwards_ ? static_cast<int>(list[p]) + 1 : static_cast<int>(list[p]) - 1;
    if (!anchored.run(items, 0, 0, before_first)) return false;
    source = anchored.source;
    target = anchored.target;
    compound = anchored.compound;
    tokens.insert(tokens.end(), anchored.tokens.begin(), anchored.tokens.end());
    if (anchored.tokens.empty()) return false;
    auto [lo, hi] = std::minmax_element(anchored.tokens.begin(), anchored.tokens.end());
    uint32_t end = backwards_ ? *lo : *hi;
    next = p;
    while (next < list.size() && (backwards_ ? list[next] >= end : list[next] <= end)) ++next;
    last = static_cast<int>(end);
    return true;
  }

  const PatternContext& ctx_;
  const SentenceView& s_;
  const SynsetTable& synsets_;
  std::span<const uint32_t> list_;
  bool backwards_;
  int steps_ = 0;
};

int slots(const std::vector<dict::PatternItem>& items) {
  int n = 0;
  for (const auto& item : items)
    n +=
        (item.kind == Kind::kSource || item.kind == Kind::kTarget || item.kind == Kind::kCompound) +
        slots(item.items);
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

SynsetTable::SynsetTable(const dict::Dictionary& dict) {
  std::unordered_map<std::string, const dict::Synset*> by_name;
  for (const auto& set : dict.synsets) by_name[dict::fold_case(set.name)] = &set;
  for (const auto& set : dict.synsets) {
    auto& out = sets_[dict::fold_case(set.name)];
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
        std::vector<std::string> words;
        for (const auto& w : dict::phrase_words(member)) words.push_back(dict::fold_case(w));
        if (!words.empty()) out.push_back(std::move(words));
      }
    }
    // The longest member first: "austrian gold florin" is one currency, not "florin".
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& words : out) max_words_ = std::max(max_words_, words.size());
  }
}

std::string SynsetTable::fold_name(const std::string& name) {
  std::string key = dict::fold_case(name);
  while (!key.empty() && key.back() == '_') key.pop_back();
  return key;
}

const std::vector<std::vector<std::string>>* SynsetTable::members(const std::string& name) const {
  return members_folded(fold_name(name));
}

const std::vector<std::vector<std::string>>* SynsetTable::members_folded(
    const std::string& folded) const {
  auto it = sets_.find(folded);
  return it == sets_.end() ? nullptr : &it->second;
}

namespace {

void fold_items(std::vector<dict::PatternItem>& items, PatternWords& words,
                std::vector<uint32_t>& required, int& synsets) {
  for (auto& item : items) {
    if (item.kind == Kind::kWord) {
      item.text = dict::fold_case(item.text);
      required.push_back(words.intern(item.text));
    } else if (item.kind == Kind::kSynset) {
      item.text = SynsetTable::fold_name(item.text);
      ++synsets;
    }
    fold_items(item.items, words, required, synsets);
  }
}

}  // namespace

uint32_t PatternWords::intern(const std::string& folded) {
  return ids_.emplace(folded, static_cast<uint32_t>(ids_.size())).first->second;
}

uint32_t PatternWords::find(const std::string& folded) const {
  auto it = ids_.find(folded);
  return it == ids_.end() ? kNone : it->second;
}

std::vector<PreparedPattern> prepare_patterns(const dict::VerbGroup& group, PatternWords& words) {
  std::vector<PreparedPattern> out;
  out.reserve(group.patterns.size());
  for (size_t i = 0; i < group.patterns.size(); ++i) {
    PreparedPattern p;
    p.items = group.patterns[i].items;
    fold_items(p.items, words, p.required, p.synsets);
    std::sort(p.required.begin(), p.required.end());
    p.required.erase(std::unique(p.required.begin(), p.required.end()), p.required.end());
    p.weight = weight(p.items);
    p.slots = slots(p.items);
    p.index = static_cast<int>(i);
    out.push_back(std::move(p));
  }
  return out;
}

WordSet::WordSet(const SentenceView& s, const PatternWords& words) {
  ids_.reserve(2 * s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    for (const std::string* w : {&s.word(i), &s.lemma(i)}) {
      uint32_t id = words.find(*w);
      if (id != PatternWords::kNone) ids_.push_back(id);
    }
  }
  std::sort(ids_.begin(), ids_.end());
}

void clause_tokens(const SentenceView& s, uint32_t verb, std::vector<uint32_t>& before,
                   std::vector<uint32_t>& after) {
  std::vector<uint32_t> all;
  subtree(s, verb, verb, all);
  std::sort(all.begin(), all.end());
  before.clear();
  after.clear();
  for (uint32_t t : all) {
    if (t < verb) before.push_back(t);
    if (t > verb) after.push_back(t);
  }
}

PatternMatch match_patterns(const std::vector<PreparedPattern>& patterns, const PatternContext& ctx,
                            const SynsetTable& synsets, const WordSet& words) {
  PatternMatch best;
  std::vector<uint32_t> before_reversed(ctx.before.rbegin(), ctx.before.rend());
  std::vector<dict::PatternItem> pre, post;
  for (const PreparedPattern& pattern : patterns) {
    // Words count twice and actor slots once; a synonym-set member of several words can add to
    // the written weight, so the bound allows for it.
    const int bound =
        pattern.weight + pattern.synsets * 2 * static_cast<int>(synsets.max_words() - 1);
    if (bound <= best.score) continue;
    bool present = std::all_of(pattern.required.begin(), pattern.required.end(),
                               [&](uint32_t id) { return words.contains(id); });
    if (!present) continue;
    const auto& items = pattern.items;
    auto verb_at = std::find_if(items.begin(), items.end(),
                                [](const dict::PatternItem& it) { return it.kind == Kind::kVerb; });
    pre.assign(items.begin(), verb_at);
    post.assign(verb_at == items.end() ? items.end() : verb_at + 1, items.end());
    // Before the verb: the nearest item first, over the words going backwards.
    std::reverse(pre.begin(), pre.end());
    Matcher back(ctx, synsets, before_reversed, true);
    if (!pre.empty() && !back.run(pre, 0, 0, -1)) continue;
    Matcher fwd(ctx, synsets, ctx.after, false);
    fwd.source = back.source;
    fwd.target = back.target;
    fwd.compound = back.compound;
    if (!fwd.run(post, 0, 0, static_cast<int>(ctx.verb))) continue;
    const int extra_words = static_cast<int>(back.tokens.size() + fwd.tokens.size()) -
                            (pattern.weight - pattern.slots) / 2;
    const int score = pattern.weight + 2 * std::max(0, extra_words);
    if (score <= best.score) continue;
    best.pattern = pattern.index;
    best.score = score;
    best.source = fwd.source;
    best.target = fwd.target;
    best.compound = fwd.compound;
    best.tokens = back.tokens;
    best.tokens.insert(best.tokens.end(), fwd.tokens.begin(), fwd.tokens.end());
  }
  return best;
}

}  // namespace khaldun::coder
