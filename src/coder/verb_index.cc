#include "coder/verb_index.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "dict/phrase.h"

namespace khaldun::coder {
namespace {

uint32_t key_of(const dict::CompiledDictionary& dict, const std::string& word) {
  uint32_t id = dict.key_id(dict::fold_case(word));
  // The compiled dictionary interns every verb word; a miss would be a bug there.
  if (id == dict::kUnknownWord) throw std::logic_error("verb word not interned: " + word);
  return id;
}

}  // namespace

VerbIndex::VerbIndex(const dict::CompiledDictionary& compiled, bool forms_only)
    : forms_only_(forms_only) {
  const dict::Dictionary& dict = compiled.dictionary();
  std::vector<std::pair<uint32_t, uint32_t>> keyed;  // (key id, entry), in entry order
  for (uint32_t g = 0; g < dict.verb_groups.size(); ++g) {
    const dict::VerbGroup& group = dict.verb_groups[g];
    for (uint32_t v = 0; v < group.verbs.size(); ++v) {
      const dict::Verb& verb = group.verbs[v];
      if (verb.words.empty() || verb.verb_index >= verb.words.size()) continue;
      Entry e{g, v, {}, {}};
      for (uint32_t k = 0; k < verb.words.size(); ++k) {
        if (k == verb.verb_index) continue;
        (k < verb.verb_index ? e.before : e.after).push_back(key_of(compiled, verb.words[k]));
      }
      auto id = static_cast<uint32_t>(entries_.size());
      entries_.push_back(std::move(e));
      std::vector<uint32_t> keys{key_of(compiled, verb.words[verb.verb_index])};
      for (const auto& form : dict::CompiledDictionary::verb_surface_forms(verb))
        if (verb.verb_index < form.size()) keys.push_back(key_of(compiled, form[verb.verb_index]));
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (uint32_t k : keys) keyed.emplace_back(k, id);
    }
  }
  // Grouped by key, each key's entries in dictionary order (the order ties are decided in).
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  uint32_t max_key = keyed.empty() ? 0 : keyed.back().first + 1;
  key_begin_.assign(max_key + 1, 0);
  for (const auto& [k, id] : keyed) ++key_begin_[k + 1];
  for (size_t k = 1; k < key_begin_.size(); ++k) key_begin_[k] += key_begin_[k - 1];
  by_word_.reserve(keyed.size());
  for (const auto& [k, id] : keyed) by_word_.push_back(id);
  verb_words_.assign(max_key / 64 + 1, 0);
  for (const auto& [k, id] : keyed) verb_words_[k / 64] |= uint64_t{1} << (k % 64);
}

bool VerbIndex::match_entry(const SentenceView& s, size_t i, const Entry& e,
                            std::vector<uint32_t>& extra, std::vector<uint32_t>& pool,
                            bool& pool_ready) const {
  extra.clear();
  // Words before the verb word stand right before it ("wire tap").
  size_t pos = i;
  for (auto it = e.before.rbegin(); it != e.before.rend(); ++it) {
    if (pos == 0 || !s.is(pos - 1, *it)) return false;
    extra.push_back(static_cast<uint32_t>(--pos));
  }
  if (e.after.empty()) return true;
  // Words after it are dependents of the verb (or their dependents: "meet with X" has "with" under
  // X), in order; in a reduced relative the noun the verb modifies counts ("sanctions imposed").
  // The pool is the same for every entry of the token: built for the first that needs it.
  if (!pool_ready) {
    pool_ready = true;
    pool.clear();
    for (uint32_t c : s.children(i)) {
      if (c > i) pool.push_back(c);
      for (uint32_t g : s.children(c))
        if (g > i) pool.push_back(g);
    }
    if (s.rel(i) == "acl" && s.head(i) >= 0) pool.push_back(static_cast<uint32_t>(s.head(i)));
    std::sort(pool.begin(), pool.end());
  }
  size_t from = 0;
  uint32_t prev = static_cast<uint32_t>(i);
  for (uint32_t w : e.after) {
    bool found = false;
    for (size_t k = from; k < pool.size(); ++k) {
      if (!s.is(pool[k], w)) continue;
      // A preposition of the verb ("meet with") stands right after it; the same word heading a
      // later phrase ("signed an agreement ... on energy") is not part of the verb.
      bool function_word = s.rel(pool[k]) == "case" || s.rel(pool[k]) == "mark";
      if (function_word && pool[k] != prev + 1) continue;
      prev = pool[k];
      extra.push_back(pool[k]);
      from = k + 1;
      found = true;
      break;
    }
    if (!found) return false;
  }
  return true;
}

bool VerbIndex::match(const SentenceView& s, size_t i, VerbMatch& out) const {
  int best_words = -1;
  // Scratch reused from token to token (match() runs for every verb and noun of every sentence).
  thread_local std::vector<uint32_t> extra, pool;
  bool pool_ready = false;
  for (uint32_t key : {s.word_key(i), forms_only_ ? dict::kUnknownWord : s.lemma_key(i)}) {
    if (!has_verb_word(key)) continue;
    for (uint32_t k = key_begin_[key]; k < key_begin_[key + 1]; ++k) {
      const Entry& e = entries_[by_word_[k]];
      int words = static_cast<int>(e.before.size() + e.after.size());
      if (words <= best_words) continue;
      if (!match_entry(s, i, e, extra, pool, pool_ready)) continue;
      best_words = words;
      out = VerbMatch{e.group, e.verb, static_cast<uint32_t>(i), extra};
    }
  }
  return best_words >= 0;
}

}  // namespace khaldun::coder
