#include "nlp/feats_table.h"

#include <map>
#include <unordered_map>

#include "nlp/hash.h"

namespace khaldun::nlp {
namespace {

uint64_t word_key(const Token& t) {
  return feature_key(1, hash_string(lower(t.form)), hash_string(t.upos), hash_string(t.xpos));
}
uint64_t tag_key(const Token& t) {
  return feature_key(2, hash_string(t.upos), hash_string(t.xpos));
}

// The most frequent value of each key; ties go to the smaller value id, for determinism.
HashMap64<uint32_t> majority(const std::unordered_map<uint64_t, std::map<uint32_t, int>>& counts,
                             int min_count) {
  HashMap64<uint32_t> out;
  for (const auto& [key, values] : counts) {
    int best = 0, total = 0;
    uint32_t best_value = 0;
    for (const auto& [value, count] : values) {
      total += count;
      if (count > best) best = count, best_value = value;
    }
    if (total >= min_count) out[key] = best_value;
  }
  return out;
}

}  // namespace

const std::string& FeatsTable::lookup(const Token& token) const {
  static const std::string kNone;
  if (const uint32_t* v = by_word_.find(word_key(token))) return values_[*v];
  if (const uint32_t* v = by_tag_.find(tag_key(token))) return values_[*v];
  return kNone;
}

void FeatsTable::assign(std::span<Token> sentence) const {
  for (Token& t : sentence) t.feats = lookup(t);
}

FeatsTable FeatsTable::train(const Treebank& train) {
  FeatsTable table;
  std::map<std::string, uint32_t> ids;
  std::unordered_map<uint64_t, std::map<uint32_t, int>> words, tags;
  for (const auto& sentence : train) {
    for (const Token& t : sentence) {
      auto [it, fresh] = ids.try_emplace(t.feats, static_cast<uint32_t>(table.values_.size()));
      if (fresh) table.values_.push_back(t.feats);
      ++words[word_key(t)][it->second];
      ++tags[tag_key(t)][it->second];
    }
  }
  // Words seen once say little beyond their tag; the tag table covers them.
  table.by_word_ = majority(words, 2);
  table.by_tag_ = majority(tags, 1);
  return table;
}

void FeatsTable::save(ModelWriter& out) const {
  out.strings(values_);
  for (const auto* map : {&by_word_, &by_tag_}) {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    map->for_each([&](uint64_t k, uint32_t v) { keys.push_back(k), values.push_back(v); });
    out.array(keys);
    out.array(values);
  }
}

FeatsTable FeatsTable::load(ModelReader& in) {
  FeatsTable t;
  t.values_ = in.strings();
  for (auto* map : {&t.by_word_, &t.by_tag_}) {
    auto keys = in.array<uint64_t>();
    auto values = in.array<uint32_t>();
    if (keys.size() != values.size()) in.fail("bad feature table");
    map->reserve(keys.size());
    for (size_t i = 0; i < keys.size(); ++i) {
      if (values[i] >= t.values_.size()) in.fail("bad feature table");
      (*map)[keys[i]] = values[i];
    }
  }
  return t;
}

}  // namespace khaldun::nlp
