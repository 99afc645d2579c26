#include "nlp/evaluation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

namespace khaldun::nlp {
namespace {

double round2(double x) { return std::round(x * 100.0) / 100.0; }

// Scores one aligned word pair. `heads_match` says whether the heads align.
void score_word(EvalCounts& c, const Token& g, const Token& s, bool heads_match) {
  c.upos += g.upos == s.upos;
  c.xpos += g.xpos == s.xpos;
  c.ufeats += same_feats(g.feats, s.feats);
  c.lemma += g.lemma == s.lemma || g.lemma == "_";
  if (heads_match) {
    ++c.uas;
    c.las += universal_relation(g.deprel) == universal_relation(s.deprel);
    c.las_full += g.deprel == s.deprel;
  }
}

// The surface tokens of a document: [first word, last word] (global indexes) and their span.
struct Surface {
  size_t first, last;
  Span span;
};

std::vector<Surface> surface_tokens(const Document& doc) {
  std::vector<Surface> out;
  for (size_t i = 0; i < doc.tokens.size();) {
    const Token& t = doc.tokens[i];
    size_t last = i + (t.mwt_size > 1 ? t.mwt_size - 1 : 0);
    last = std::min(last, doc.tokens.size() - 1);
    // A multiword token covers the raw text of its words, from the first to the last.
    Span span = t.raw;
    span.end = std::max(span.end, doc.tokens[last].raw.end);
    out.push_back({i, last, span});
    i = last + 1;
  }
  return out;
}

// Global word index of each word's head, -1 for the root (or none).
std::vector<long> global_heads(const Document& doc) {
  std::vector<long> heads(doc.tokens.size(), -1);
  for (const Sentence& s : doc.sentences) {
    for (uint32_t k = 0; k < s.token_count; ++k) {
      const int h = doc.tokens[s.first_token + k].head;
      if (h > 0 && static_cast<uint32_t>(h) <= s.token_count)
        heads[s.first_token + k] = s.first_token + h - 1;
      if (h <= 0 || static_cast<uint32_t>(h) > s.token_count)
        heads[s.first_token + k] = h == 0 ? -1 : -2;  // -2: no valid head, never matches
    }
  }
  return heads;
}

std::pair<uint32_t, uint32_t> sentence_span(const Document& doc, const Sentence& s) {
  if (s.token_count == 0) return {s.raw.begin, s.raw.end};
  return {doc.tokens[s.first_token].raw.begin,
          doc.tokens[s.first_token + s.token_count - 1].raw.end};
}

}  // namespace

bool same_feats(std::string_view a, std::string_view b) {
  if (a == b) return true;
  auto items = [](std::string_view s) {
    std::vector<std::string_view> v;
    if (s == "_") return v;
    size_t start = 0;
    while (start <= s.size()) {
      size_t end = s.find('|', start);
      if (end == std::string_view::npos) end = s.size();
      if (end > start) v.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    std::sort(v.begin(), v.end());
    return v;
  };
  return items(a) == items(b);
}

std::string_view universal_relation(std::string_view deprel) {
  return deprel.substr(0, deprel.find(':'));
}

void EvalCounts::add_same_tokens(std::span<const Token> gold, std::span<const Token> system) {
  const size_t n = std::min(gold.size(), system.size());
  gold_words += gold.size();
  system_words += system.size();
  aligned_words += n;
  gold_tokens += gold.size();
  system_tokens += system.size();
  matched_tokens += n;
  ++gold_sentences;
  ++system_sentences;
  ++matched_sentences;
  for (size_t i = 0; i < n; ++i)
    score_word(*this, gold[i], system[i], gold[i].head == system[i].head);
}

void EvalCounts::add_aligned(const Document& gold, const Document& system) {
  gold_words += gold.tokens.size();
  system_words += system.tokens.size();
  gold_sentences += gold.sentences.size();
  system_sentences += system.sentences.size();
  {
    std::map<std::pair<uint32_t, uint32_t>, int> spans;
    for (const Sentence& s : gold.sentences) ++spans[sentence_span(gold, s)];
    for (const Sentence& s : system.sentences) {
      auto it = spans.find(sentence_span(system, s));
      if (it != spans.end() && it->second > 0) --it->second, ++matched_sentences;
    }
  }
  const auto gold_surface = surface_tokens(gold);
  const auto system_surface = surface_tokens(system);
  gold_tokens += gold_surface.size();
  system_tokens += system_surface.size();

  // Words align when their surface tokens have the same span and, inside multiword tokens,
  // the same position (the shared task aligns those by their forms; position is close enough
  // for English contractions, where the words are the same).
  std::vector<long> gold_of(system.tokens.size(), -1);
  size_t g = 0;
  for (const Surface& st : system_surface) {
    while (g < gold_surface.size() && gold_surface[g].span.begin < st.span.begin) ++g;
    if (g >= gold_surface.size()) break;
    const Surface& gt = gold_surface[g];
    if (gt.span != st.span) continue;
    ++matched_tokens;
    const size_t words = std::min(gt.last - gt.first, st.last - st.first) + 1;
    for (size_t k = 0; k < words; ++k) gold_of[st.first + k] = static_cast<long>(gt.first + k);
  }
  const auto gold_heads = global_heads(gold);
  const auto system_heads = global_heads(system);
  for (size_t w = 0; w < system.tokens.size(); ++w) {
    if (gold_of[w] < 0) continue;
    ++aligned_words;
    const long gw = gold_of[w];
    const long sh = system_heads[w];
    const long gh = gold_heads[gw];
    bool heads_match = false;
    if (sh == -1) {
      heads_match = gh == -1;
    } else if (sh >= 0) {
      heads_match = gh >= 0 && gold_of[sh] == gh;
    }
    score_word(*this, gold.tokens[gw], system.tokens[w], heads_match);
  }
}

double EvalCounts::f1(size_t correct) const {
  return gold_words + system_words
             ? 200.0 * static_cast<double>(correct) / static_cast<double>(gold_words + system_words)
             : 0.0;
}

double EvalCounts::token_f1() const {
  return gold_tokens + system_tokens ? 200.0 * static_cast<double>(matched_tokens) /
                                           static_cast<double>(gold_tokens + system_tokens)
                                     : 0.0;
}

double EvalCounts::sentence_f1() const {
  return gold_sentences + system_sentences
             ? 200.0 * static_cast<double>(matched_sentences) /
                   static_cast<double>(gold_sentences + system_sentences)
             : 0.0;
}

nlohmann::ordered_json EvalCounts::to_json(bool raw) const {
  nlohmann::ordered_json out = {
      {"upos", round2(f1(upos))},   {"xpos", round2(f1(xpos))}, {"ufeats", round2(f1(ufeats))},
      {"lemma", round2(f1(lemma))}, {"uas", round2(f1(uas))},   {"las", round2(f1(las))},
  };
  if (raw) {
    out["token_f1"] = round2(token_f1());
    out["sentence_f1"] = round2(sentence_f1());
  }
  return out;
}

}  // namespace khaldun::nlp
