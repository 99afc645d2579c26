// The CoNLL 2018 shared task metrics (Zeman et al. 2018): UPOS, XPOS, UFeats, Lemma, UAS and
// LAS as F1 over aligned words (with gold tokenisation that is plain accuracy), and token and
// sentence F1 when the system tokenised the raw text itself. LAS compares the universal part of
// the relation (before ':'); the full-label LAS is kept too, for information.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "core/document.h"

namespace khaldun::nlp {

struct EvalCounts {
  size_t gold_words = 0, system_words = 0, aligned_words = 0;
  size_t upos = 0, xpos = 0, ufeats = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  size_t gold_tokens = 0, system_tokens = 0, matched_tokens = 0;
  size_t gold_sentences = 0, system_sentences = 0, matched_sentences = 0;

  // Same words: `system` is `gold` re-annotated.
  void add_same_tokens(std::span<const Token> gold, std::span<const Token> system);
  // Different tokenisations of the same Document::raw, aligned by character offsets.
  void add_aligned(const Document& gold, const Document& system);

  // 100 * 2 * correct / (gold + system), the F1 of the shared task.
  double f1(size_t correct) const;
  double token_f1() const;
  double sentence_f1() const;
  // {"upos":..,"xpos":..,"ufeats":..,"lemma":..,"uas":..,"las":..}, plus token_f1 and
  // sentence_f1 when `raw`.
  nlohmann::ordered_json to_json(bool raw) const;
};

// FEATS equal as sets of Feature=Value pairs.
bool same_feats(std::string_view a, std::string_view b);
// The relation without its subtype: "nsubj:pass" -> "nsubj".
std::string_view universal_relation(std::string_view deprel);

}  // namespace khaldun::nlp
