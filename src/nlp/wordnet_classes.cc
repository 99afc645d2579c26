#include "nlp/wordnet_classes.h"

#include <fstream>
#include <vector>

#include <fmt/format.h>

#include "nlp/hash.h"

namespace khaldun::nlp {
namespace {

uint64_t key_of(std::string_view s) {
  const uint64_t h = hash_string(s);
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

bool ends_with(std::string_view s, std::string_view end) {
  return s.size() > end.size() && s.substr(s.size() - end.size()) == end;
}

}  // namespace

WordNetClasses WordNetClasses::read(const std::string& dir, std::string* log) {
  WordNetClasses w;
  size_t lemmas = 0, irregular = 0;
  // Collect first, then insert once: a word in several lists gets the union of their bits.
  std::vector<std::pair<std::string, uint16_t>> entries;
  for (auto [file, bits] :
       {std::pair{"index.noun", uint16_t{kNoun}}, std::pair{"index.verb", uint16_t{kVerb}},
        std::pair{"index.adj", uint16_t{kAdjective}}, std::pair{"index.adv", uint16_t{kAdverb}}}) {
    std::ifstream in(dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      const std::string word = line.substr(0, line.find(' '));
      if (word.find('_') != std::string::npos) continue;  // collocations are not one token
      entries.emplace_back(word, bits);
      ++lemmas;
    }
  }
  // Irregular forms: "went" is a past verb form, "mice" a plural, "better" a comparative.
  for (auto [file, bits] :
       {std::pair{"noun.exc", uint16_t{kPluralNoun}}, std::pair{"verb.exc", uint16_t{kVerbEd}},
        std::pair{"adj.exc", uint16_t{kComparative}}, std::pair{"adv.exc", uint16_t{kAdverb}}}) {
    std::ifstream in(dir + "/" + file);
    std::string line;
    while (std::getline(in, line)) {
      const std::string word = line.substr(0, line.find(' '));
      if (word.empty() || word.find('_') != std::string::npos) continue;
      entries.emplace_back(word, bits);
      ++irregular;
    }
  }
  std::vector<std::pair<uint64_t, uint16_t>> merged;
  {
    FlatIndex rows(entries.size());
    for (const auto& [word, bits] : entries) {
      const uint64_t key = key_of(word);
      const uint32_t row = rows.find_or_insert(key, static_cast<uint32_t>(merged.size()));
      if (row == merged.size()) merged.emplace_back(key, 0);
      merged[row].second |= bits;
    }
  }
  w.lemmas_ = FlatIndex(merged.size());
  for (const auto& [key, bits] : merged) w.lemmas_.find_or_insert(key, bits);
  if (log)
    *log = w.empty() ? fmt::format("WordNet word classes: none found in {}", dir)
                     : fmt::format("WordNet word classes: {} lemmas and {} irregular forms", lemmas,
                                   irregular);
  return w;
}

uint16_t WordNetClasses::lemma(std::string_view s) const {
  if (s.empty()) return 0;
  const uint32_t bits = lemmas_.find(key_of(s));
  return bits == FlatIndex::kMissing ? 0 : static_cast<uint16_t>(bits);
}

uint16_t WordNetClasses::classes(std::string_view w) const {
  if (empty() || w.empty()) return 0;
  const size_t n = w.size();
  // The candidate lemmas are the word less at most 4 bytes, plus a few: their keys continue
  // the hash of the word's first bytes instead of hashing a new string each (the tagger asks
  // this for every word).
  constexpr size_t kCut = 4;
  const size_t first = n > kCut ? n - kCut : 0;
  uint64_t prefix[kCut + 1];  // the hash state after first + i bytes
  prefix[0] = fnv1a(kFnvStart, w.substr(0, first));
  for (size_t i = 1; first + i <= n; ++i)
    prefix[i] = fnv1a(prefix[i - 1], w.substr(first + i - 1, 1));
  auto lemma_of = [&](size_t keep, std::string_view add) -> uint16_t {
    const uint64_t h = mix(fnv1a(prefix[keep - first], add));
    const uint32_t bits = lemmas_.find(h == 0 ? 1 : h);
    return bits == FlatIndex::kMissing ? 0 : static_cast<uint16_t>(bits);
  };
  uint16_t out = lemma_of(n, "");
  // WordNet's own detachment rules (morphy), each checked against the lemma it leaves.
  auto stem = [&](std::string_view end, std::string_view add, uint16_t need, uint16_t bit) {
    if (!ends_with(w, end)) return;
    if (lemma_of(n - end.size(), add) & need) out |= bit;
  };
  stem("s", "", kNoun, kPluralNoun);
  stem("ses", "s", kNoun, kPluralNoun);
  stem("xes", "x", kNoun, kPluralNoun);
  stem("zes", "z", kNoun, kPluralNoun);
  stem("ches", "ch", kNoun, kPluralNoun);
  stem("shes", "sh", kNoun, kPluralNoun);
  stem("men", "man", kNoun, kPluralNoun);
  stem("ies", "y", kNoun, kPluralNoun);
  stem("s", "", kVerb, kVerbS);
  stem("ies", "y", kVerb, kVerbS);
  stem("es", "", kVerb, kVerbS);
  stem("ed", "", kVerb, kVerbEd);
  stem("ed", "e", kVerb, kVerbEd);
  stem("ied", "y", kVerb, kVerbEd);
  stem("ing", "", kVerb, kVerbIng);
  stem("ing", "e", kVerb, kVerbIng);
  stem("er", "", kAdjective, kComparative);
  stem("est", "", kAdjective, kComparative);
  stem("er", "e", kAdjective, kComparative);
  stem("est", "e", kAdjective, kComparative);
  stem("ier", "y", kAdjective, kComparative);
  stem("iest", "y", kAdjective, kComparative);
  // Doubled final consonants: "stopped", "running", "bigger".
  auto doubled = [&](std::string_view end, uint16_t need, uint16_t bit) {
    if (!ends_with(w, end) || n < end.size() + 3) return;
    const size_t k = n - end.size();
    if (w[k - 1] != w[k - 2]) return;
    if (lemma_of(k - 1, "") & need) out |= bit;
  };
  doubled("ed", kVerb, kVerbEd);
  doubled("ing", kVerb, kVerbIng);
  doubled("er", kAdjective, kComparative);
  doubled("est", kAdjective, kComparative);
  return out;
}

void WordNetClasses::save(ModelWriter& out) const {
  std::vector<uint64_t> keys;
  std::vector<uint16_t> bits;
  lemmas_.for_each([&](uint64_t k, uint32_t v) {
    keys.push_back(k);
    bits.push_back(static_cast<uint16_t>(v));
  });
  out.array(keys);
  out.array(bits);
}

WordNetClasses WordNetClasses::load(ModelReader& in) {
  WordNetClasses w;
  const auto keys = in.array<uint64_t>();
  const auto bits = in.array<uint16_t>();
  if (keys.size() != bits.size()) in.fail("bad WordNet class table");
  w.lemmas_ = FlatIndex(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == 0 || bits[i] == 0 || bits[i] >= (1 << 9)) in.fail("bad WordNet class table");
    w.lemmas_.find_or_insert(keys[i], bits[i]);
  }
  if (w.lemmas_.size() != keys.size()) in.fail("duplicate WordNet class entry");
  return w;
}

}  // namespace khaldun::nlp
