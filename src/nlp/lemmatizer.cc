#include "nlp/lemmatizer.h"

#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "nlp/hash.h"

namespace khaldun::nlp {
namespace {

constexpr size_t kMaxSuffix = 6;

bool proper(std::string_view xpos) { return xpos.starts_with("NNP"); }

uint64_t known_key(std::string_view form, std::string_view xpos) {
  return feature_key(1, hash_string(form), hash_string(xpos));
}

// WordNet's word classes: the exception list an XPOS looks in.
char word_class(std::string_view xpos) {
  if (xpos.starts_with("VB")) return 'v';
  if (xpos.starts_with("NN") && !proper(xpos)) return 'n';
  if (xpos.starts_with("JJ")) return 'a';
  if (xpos.starts_with("RB")) return 'r';
  return 0;
}

uint64_t irregular_key(std::string_view lower_form, char cls) {
  return feature_key(2, hash_string(lower_form), static_cast<uint64_t>(cls));
}

uint64_t suffix_key(std::string_view xpos, std::string_view suffix) {
  return feature_key(3, hash_string(xpos), hash_string(suffix));
}

template <typename Map>
void save_map(ModelWriter& out, const Map& map) {
  std::vector<uint64_t> keys;
  std::vector<uint32_t> values;
  map.for_each([&](uint64_t k, uint32_t v) { keys.push_back(k), values.push_back(v); });
  out.array(keys);
  out.array(values);
}

template <typename Map>
void load_map(ModelReader& in, Map& map, size_t limit) {
  auto keys = in.array<uint64_t>();
  auto values = in.array<uint32_t>();
  if (keys.size() != values.size()) in.fail("bad lemma table");
  map.reserve(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (values[i] >= limit) in.fail("bad lemma table");
    map[keys[i]] = values[i];
  }
}

}  // namespace

std::string Lemmatizer::lemma(const Token& token) const {
  const std::string& form = token.form;
  // The XPOS is in every key below: hashed once (the keys are those of known_key and suffix_key).
  const uint64_t xpos = hash_string(token.xpos);
  if (const uint32_t* id = known_.find(feature_key(1, hash_string(form), xpos)))
    return lemmas_[*id];
  if (proper(token.xpos) || token.upos == "PROPN") return form;
  const std::string low = lower(form);
  if (const uint32_t* id = known_.find(feature_key(1, hash_string(low), xpos))) return lemmas_[*id];
  if (char cls = word_class(token.xpos)) {
    if (const uint32_t* id = irregular_.find(irregular_key(low, cls))) return lemmas_[*id];
  }
  // A word cut at its hyphen ("anti-", "pro-") is its own lemma: no suffix rule fits it.
  if (low.ends_with('-')) return low;
  for (size_t k = std::min(kMaxSuffix, low.size());; --k) {
    const uint32_t* id = suffix_rules_.find(
        feature_key(3, xpos, hash_string(std::string_view(low).substr(low.size() - k))));
    if (id) {
      const Rule& rule = rules_[*id];
      if (rule.strip < low.size()) return low.substr(0, low.size() - rule.strip) + rule.add;
    }
    if (k == 0) break;
  }
  return low;
}

void Lemmatizer::assign(std::span<Token> sentence) const {
  for (Token& t : sentence) t.lemma = lemma(t);
}

Lemmatizer Lemmatizer::train(const Treebank& train, const std::string& wordnet_dir,
                             std::vector<std::string>* log) {
  Lemmatizer lem;
  std::map<std::string, uint32_t> ids;
  auto lemma_id = [&](const std::string& s) {
    auto [it, fresh] = ids.try_emplace(s, static_cast<uint32_t>(lem.lemmas_.size()));
    if (fresh) lem.lemmas_.push_back(s);
    return it->second;
  };

  // Known words: the most frequent lemma of each (form, xpos) and (lower form, xpos).
  std::unordered_map<uint64_t, std::map<uint32_t, int>> counts;
  std::map<std::pair<std::string, std::string>, std::string> types;  // (lower, xpos) -> lemma
  for (const auto& sentence : train) {
    for (const Token& t : sentence) {
      if (t.lemma.empty()) continue;
      const uint32_t id = lemma_id(t.lemma);
      ++counts[known_key(t.form, t.xpos)][id];
      if (!proper(t.xpos)) {
        const std::string low = lower(t.form);
        ++counts[known_key(low, t.xpos)][id];
        types.emplace(std::pair{low, t.xpos}, lower(t.lemma));
      }
    }
  }
  for (const auto& [key, values] : counts) {
    int best = 0;
    uint32_t best_id = 0;
    for (const auto& [id, n] : values)
      if (n > best) best = n, best_id = id;
    lem.known_[key] = best_id;
  }

  // Suffix rules from the word types, so that frequent words do not outweigh the patterns.
  std::map<std::pair<uint32_t, std::string>, uint32_t> rule_ids;
  std::unordered_map<uint64_t, std::map<uint32_t, int>> rule_counts;
  for (const auto& [type, lemma] : types) {
    const std::string& low = type.first;
    size_t p = 0;
    while (p < low.size() && p < lemma.size() && low[p] == lemma[p]) ++p;
    if (p == 0) continue;  // nothing shared (e.g. "n't" -> "not"): not a rule
    Rule rule{static_cast<uint32_t>(low.size() - p), lemma.substr(p)};
    auto [it, fresh] =
        rule_ids.try_emplace({rule.strip, rule.add}, static_cast<uint32_t>(lem.rules_.size()));
    if (fresh) lem.rules_.push_back(rule);
    for (size_t k = 0; k <= std::min(kMaxSuffix, low.size()); ++k)
      ++rule_counts[suffix_key(type.second, std::string_view(low).substr(low.size() - k))]
                   [it->second];
  }
  for (const auto& [key, values] : rule_counts) {
    int best = 0;
    uint32_t best_id = 0;
    for (const auto& [id, n] : values)
      if (n > best) best = n, best_id = id;
    lem.suffix_rules_[key] = best_id;
  }

  // WordNet's irregular forms: "went go" per line, the first lemma when there are several.
  for (auto [file, cls] : {std::pair{"verb.exc", 'v'}, std::pair{"noun.exc", 'n'},
                           std::pair{"adj.exc", 'a'}, std::pair{"adv.exc", 'r'}}) {
    const std::string path = wordnet_dir + "/" + file;
    std::ifstream in(path);
    if (!in) {
      if (log)
        log->push_back("lemmatizer: " + path + " not found; its irregular forms are left out");
      continue;
    }
    std::string line;
    size_t added = 0;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      std::string form, base;
      if (!(fields >> form >> base)) continue;
      if (form.find('_') != std::string::npos || base.find('_') != std::string::npos) continue;
      const uint64_t key = irregular_key(form, cls);
      if (!lem.irregular_.find(key)) lem.irregular_[key] = lemma_id(base), ++added;
    }
    if (log)
      log->push_back("lemmatizer: " + std::to_string(added) + " irregular forms from " + path);
  }
  return lem;
}

void Lemmatizer::save(ModelWriter& out) const {
  out.strings(lemmas_);
  save_map(out, known_);
  save_map(out, irregular_);
  out.u32(static_cast<uint32_t>(rules_.size()));
  for (const Rule& r : rules_) {
    out.u32(r.strip);
    out.str(r.add);
  }
  save_map(out, suffix_rules_);
}

Lemmatizer Lemmatizer::load(ModelReader& in) {
  Lemmatizer lem;
  lem.lemmas_ = in.strings();
  load_map(in, lem.known_, lem.lemmas_.size());
  load_map(in, lem.irregular_, lem.lemmas_.size());
  const uint32_t rules = in.u32();
  for (uint32_t i = 0; i < rules; ++i) {
    Rule r;
    r.strip = in.u32();
    r.add = in.str();
    lem.rules_.push_back(std::move(r));
  }
  load_map(in, lem.suffix_rules_, lem.rules_.size());
  return lem;
}

}  // namespace khaldun::nlp
