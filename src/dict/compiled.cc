#include "dict/compiled.h"

#include <algorithm>
#include <functional>

#include "dict/inflect.h"
#include "dict/phrase.h"
#include "text/char_class.h"

namespace khaldun::dict {

std::string_view to_string(EntryRef::Kind kind) {
  switch (kind) {
    case EntryRef::Kind::kActor:
      return "actor";
    case EntryRef::Kind::kAgent:
      return "agent";
    case EntryRef::Kind::kVerb:
      return "verb";
    case EntryRef::Kind::kPlace:
      return "place";
    case EntryRef::Kind::kDiscard:
      return "discard";
    case EntryRef::Kind::kIssue:
      return "issue";
  }
  return "?";
}

CompiledDictionary::CompiledDictionary(const Dictionary& dict) : dict_(&dict) {
  using K = EntryRef::Kind;
  parents_.emplace_back(0, kUnknownWord);  // the root's
  auto short_capitals = [](const std::string& name) {
    return name.size() <= 4 && text::all_capitals(name);
  };
  short_capitals_[0].assign(dict.actors.size(), false);
  for (uint32_t i = 0; i < dict.actors.size(); ++i) {
    const auto& names = dict.actors[i].names;
    for (uint32_t n = 0; n < names.size(); ++n) {
      add_phrase(names[n], {K::kActor, i, n});
      if (short_capitals(names[n])) short_capitals_[0][i] = true;
    }
  }
  short_capitals_[1].assign(dict.agents.size(), false);
  for (uint32_t i = 0; i < dict.agents.size(); ++i) {
    const auto& names = dict.agents[i].names;
    for (uint32_t n = 0; n < names.size(); ++n) {
      add_phrase(names[n], {K::kAgent, i, n});
      if (short_capitals(names[n])) short_capitals_[1][i] = true;
    }
  }
  for (uint32_t g = 0; g < dict.verb_groups.size(); ++g) {
    const auto& group = dict.verb_groups[g];
    groups_.emplace(fold_case(group.name), g);
    for (uint32_t v = 0; v < group.verbs.size(); ++v) {
      for (const auto& form : verb_surface_forms(group.verbs[v])) {
        std::vector<std::string> words;
        for (const auto& w : form) {
          auto split = phrase_words(w);
          words.insert(words.end(), split.begin(), split.end());
        }
        add(words, {K::kVerb, g, v});
      }
    }
  }
  for (uint32_t i = 0; i < dict.places.size(); ++i) {
    const auto& names = dict.places[i].names;
    for (uint32_t n = 0; n < names.size(); ++n) add_phrase(names[n], {K::kPlace, i, n});
  }
  for (uint32_t i = 0; i < dict.discards.size(); ++i) {
    add_phrase(dict.discards[i].phrase, {K::kDiscard, i, 0});
  }
  for (uint32_t i = 0; i < dict.issues.size(); ++i) {
    const auto& phrases = dict.issues[i].phrases;
    for (uint32_t n = 0; n < phrases.size(); ++n) add_phrase(phrases[n], {K::kIssue, i, n});
  }
  for (uint32_t i = 0; i < dict.synsets.size(); ++i) {
    // A later definition of the same set replaces the earlier one, as in PETRARCH-2.
    synsets_[fold_case(dict.synsets[i].name)] = i;
  }
  freeze();
  phrase_words_ = static_cast<uint32_t>(words_.size());
  // The first step of every walk is by far the most frequent: an array, not a hash lookup.
  root_edges_.assign(phrase_words_, RootEdge{});
  for (uint32_t w = 0; w < phrase_words_; ++w) {
    uint32_t child = edges_.find(0, w);
    if (child != 0) root_edges_[w] = RootEdge{child, node_kinds_[child]};
  }
  intern_compared_words();
}

namespace {

void intern_pattern_words(const std::vector<PatternItem>& items,
                          const std::function<void(const std::string&)>& add) {
  for (const auto& item : items) {
    if (item.kind == PatternItem::Kind::kWord) add(fold_case(item.text));
    intern_pattern_words(item.items, add);
  }
}

}  // namespace

void CompiledDictionary::intern_compared_words() {
  // Exactly the strings coder/verb_index and coder/pattern_matcher compare tokens with.
  auto add = [this](const std::string& folded) { words_.intern(folded); };
  for (const auto& group : dict_->verb_groups) {
    for (const auto& verb : group.verbs) {
      for (const auto& w : verb.words) add(fold_case(w));
      for (const auto& form : verb_surface_forms(verb))
        for (const auto& w : form) add(fold_case(w));
    }
    for (const auto& pattern : group.patterns) intern_pattern_words(pattern.items, add);
  }
  for (const auto& set : dict_->synsets)
    for (const auto& member : set.members)
      for (const auto& w : phrase_words(member)) add(fold_case(w));
}

uint32_t CompiledDictionary::intern(const std::string& folded) { return words_.intern(folded); }

namespace {

// The phrase as a tokenizer that keeps hyphenated words whole splits it ("BARAD-DUR" ->
// barad-dur), or empty when that is how phrase_words() splits it already.
std::vector<std::string> whole_hyphenated_words(std::string_view phrase) {
  if (phrase.find('-') == std::string_view::npos) return {};
  std::vector<std::string> out;
  bool joined = false;
  size_t pos = 0;
  while (pos < phrase.size()) {
    size_t end = phrase.find(' ', pos);
    if (end == std::string_view::npos) end = phrase.size();
    auto chunk = phrase.substr(pos, end - pos);
    auto split = phrase_words(chunk);
    bool hyphenated = split.size() > 1 && chunk.find('-') != std::string_view::npos &&
                      chunk.front() != '-' && chunk.back() != '-';
    if (hyphenated) {
      out.emplace_back(chunk);
      joined = true;
    } else {
      out.insert(out.end(), split.begin(), split.end());
    }
    pos = end + 1;
  }
  return joined ? out : std::vector<std::string>{};
}

}  // namespace

void CompiledDictionary::add_phrase(std::string_view phrase, EntryRef ref) {
  add(phrase_words(phrase), ref);
  // Parses supplied in CoNLL-U often keep "Barad-dur" as one token where ours has three.
  if (auto whole = whole_hyphenated_words(phrase); !whole.empty()) add(whole, ref);
}

void CompiledDictionary::add(const std::vector<std::string>& words, EntryRef ref) {
  if (words.empty()) return;
  uint32_t node = 0;
  for (const auto& w : words) {
    bool inserted = false;
    uint32_t parent = node, word = intern(fold_case(w));
    node = edges_.find_or_insert(node, word, nodes_, inserted);
    if (inserted) {
      ++nodes_;
      parents_.emplace_back(parent, word);
    }
  }
  pending_.emplace_back(node, ref);
}

void CompiledDictionary::freeze() {
  std::stable_sort(pending_.begin(), pending_.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second.kind < b.second.kind;
  });
  // The same phrase listed twice for one entry (e.g. a name and its generated plural that
  // coincide) is one match.
  pending_.erase(std::unique(pending_.begin(), pending_.end()), pending_.end());
  refs_.reserve(pending_.size());
  payload_begin_.assign(nodes_ + 1, 0);
  for (const auto& [node, ref] : pending_) ++payload_begin_[node + 1];
  for (size_t i = 1; i < payload_begin_.size(); ++i) payload_begin_[i] += payload_begin_[i - 1];
  for (const auto& p : pending_) refs_.push_back(p.second);
  // Which kinds end at each node, and which end anywhere below it: a walk for one kind stops as
  // soon as no phrase of that kind can follow. A child's id is always above its parent's.
  node_kinds_.assign(nodes_, 0);
  child_filter_.assign(nodes_, 0);
  for (const auto& [node, ref] : pending_) node_kinds_[node] |= kind_bit(ref.kind);
  for (uint32_t node = nodes_ - 1; node > 0; --node) {
    auto [parent, word] = parents_[node];
    uint16_t kinds = node_kinds_[node];
    node_kinds_[parent] |= static_cast<uint16_t>(((kinds | kinds >> 8) & 0xFF) << 8);
    child_filter_[parent] |= child_bit(word);
  }
  parents_.clear();
  parents_.shrink_to_fit();
  pending_.clear();
  pending_.shrink_to_fit();
}

uint32_t CompiledDictionary::word_id(std::string_view word) const {
  return folded_word_id(fold_case(word));
}

std::vector<uint32_t> CompiledDictionary::word_ids(std::span<const std::string> tokens) const {
  std::vector<uint32_t> ids;
  ids.reserve(tokens.size());
  for (const auto& t : tokens) ids.push_back(word_id(t));
  return ids;
}

void CompiledDictionary::longest_matches(std::span<const uint32_t> ids, size_t pos, uint16_t kinds,
                                         std::span<Match, kKinds> out) const {
  for (size_t k = 0; k < kKinds; ++k)
    if ((kinds >> k & 1) != 0) out[k] = Match{};
  auto here = static_cast<uint16_t>(kinds & 0xFF);
  auto below = static_cast<uint16_t>(here << 8);
  if (pos >= ids.size() || ids[pos] >= root_edges_.size()) return;
  uint32_t node = root_edges_[ids[pos]].child;
  uint16_t node_kinds = root_edges_[ids[pos]].kinds;
  for (size_t i = pos; node != 0;) {
    if ((node_kinds & here) != 0) {
      // A node's entries are sorted by kind: one run per kind.
      const EntryRef* it = refs_.data() + payload_begin_[node];
      const EntryRef* end = refs_.data() + payload_begin_[node + 1];
      while (it != end) {
        const EntryRef* run_end = it;
        while (run_end != end && run_end->kind == it->kind) ++run_end;
        if ((here & kind_bit(it->kind)) != 0)
          out[static_cast<size_t>(it->kind)] =
              Match{i - pos + 1, std::span<const EntryRef>(it, static_cast<size_t>(run_end - it))};
        it = run_end;
      }
    }
    if ((node_kinds & below) == 0 || ++i == ids.size()) break;
    node = child(node, ids[i]);
    if (node != 0) node_kinds = node_kinds_[node];
  }
}

std::vector<EntryRef> CompiledDictionary::exact(std::span<const std::string> words) const {
  uint32_t node = 0;
  for (const auto& w : words) {
    node = child(node, word_id(w));
    if (node == 0) return {};
  }
  return {refs_.begin() + payload_begin_[node], refs_.begin() + payload_begin_[node + 1]};
}

const EventCode& CompiledDictionary::verb_code(const VerbGroup& group, const Verb& verb) {
  return verb.code.none() && !verb.code.paired ? group.code : verb.code;
}

std::vector<std::vector<std::string>> CompiledDictionary::verb_surface_forms(const Verb& verb) {
  std::vector<std::vector<std::string>> out{verb.words};
  if (verb.explicit_forms) {
    out.insert(out.end(), verb.forms.begin(), verb.forms.end());
  } else if (verb.verb_index < verb.words.size()) {
    for (auto& f : regular_verb_forms(verb.words[verb.verb_index])) {
      auto words = verb.words;
      words[verb.verb_index] = std::move(f);
      out.push_back(std::move(words));
    }
  }
  return out;
}

const Synset* CompiledDictionary::synset(std::string_view name) const {
  auto it = synsets_.find(fold_case(name));
  return it == synsets_.end() ? nullptr : &dict_->synsets[it->second];
}

const VerbGroup* CompiledDictionary::verb_group(std::string_view name) const {
  auto it = groups_.find(fold_case(name));
  return it == groups_.end() ? nullptr : &dict_->verb_groups[it->second];
}

}  // namespace khaldun::dict
