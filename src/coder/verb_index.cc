#include "coder/verb_index.h"

#include <algorithm>

#include "dict/phrase.h"

namespace khaldun::coder {

VerbIndex::VerbIndex(const dict::Dictionary& dict) {
  for (uint32_t g = 0; g < dict.verb_groups.size(); ++g) {
    const dict::VerbGroup& group = dict.verb_groups[g];
    for (uint32_t v = 0; v < group.verbs.size(); ++v) {
      const dict::Verb& verb = group.verbs[v];
      if (verb.words.empty() || verb.verb_index >= verb.words.size()) continue;
      Entry e{g, v, {}, {}};
      for (uint32_t k = 0; k < verb.words.size(); ++k) {
        if (k == verb.verb_index) continue;
        (k < verb.verb_index ? e.before : e.after).push_back(dict::fold_case(verb.words[k]));
      }
      auto id = static_cast<uint32_t>(entries_.size());
      entries_.push_back(std::move(e));
      std::vector<std::string> keys{dict::fold_case(verb.words[verb.verb_index])};
      for (const auto& form : dict::CompiledDictionary::verb_surface_forms(verb))
        if (verb.verb_index < form.size()) keys.push_back(dict::fold_case(form[verb.verb_index]));
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (const auto& k : keys) by_word_[k].push_back(id);
    }
  }
}

bool VerbIndex::match_entry(const SentenceView& s, size_t i, const Entry& e,
                            std::vector<uint32_t>& extra) const {
  extra.clear();
  // Words before the verb word stand right before it ("wire tap").
  size_t pos = i;
  for (auto it = e.before.rbegin(); it != e.before.rend(); ++it) {
    if (pos == 0 || !s.is(pos - 1, *it)) return false;
    extra.push_back(static_cast<uint32_t>(--pos));
  }
  // Words after it are dependents of the verb (or their dependents: "meet with X" has "with" under
  // X), in order; in a reduced relative the noun the verb modifies counts ("sanctions imposed").
  std::vector<uint32_t> pool;
  for (uint32_t c : s.children(i)) {
    if (c > i) pool.push_back(c);
    for (uint32_t g : s.children(c))
      if (g > i) pool.push_back(g);
  }
  if (s.rel(i) == "acl" && s.head(i) >= 0) pool.push_back(static_cast<uint32_t>(s.head(i)));
  std::sort(pool.begin(), pool.end());
  size_t from = 0;
  uint32_t prev = static_cast<uint32_t>(i);
  for (const auto& w : e.after) {
    bool found = false;
    for (size_t k = from; k < pool.size(); ++k) {
      // A preposition of the verb ("meet with") stands right after it; the same word heading a
      // later phrase ("signed an agreement ... on energy") is not part of the verb.
      bool function_word = s.rel(pool[k]) == "case" || s.rel(pool[k]) == "mark";
      if (function_word && pool[k] != prev + 1) continue;
      if (s.is(pool[k], w)) {
        prev = pool[k];
        extra.push_back(pool[k]);
        from = k + 1;
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

bool VerbIndex::match(const SentenceView& s, size_t i, VerbMatch& out) const {
  int best_words = -1;
  std::vector<uint32_t> extra;
  for (const std::string* key : {&s.word(i), &s.lemma(i)}) {
    auto it = by_word_.find(*key);
    if (it == by_word_.end()) continue;
    for (uint32_t id : it->second) {
      const Entry& e = entries_[id];
      int words = static_cast<int>(e.before.size() + e.after.size());
      if (words <= best_words) continue;
      if (!match_entry(s, i, e, extra)) continue;
      best_words = words;
      out = VerbMatch{e.group, e.verb, static_cast<uint32_t>(i), extra};
    }
  }
  return best_words >= 0;
}

}  // namespace khaldun::coder
