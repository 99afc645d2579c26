// Morphological features (FEATS) from the word and its predicted tags. In English they follow
// almost entirely from XPOS (VBD -> Mood=Ind|Tense=Past|VerbForm=Fin, VBN -> Tense=Past|
// VerbForm=Part) and, for pronouns and determiners, from the word itself, so a table learned
// from the treebank does the job: (word, UPOS, XPOS) first, then (UPOS, XPOS).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/document.h"
#include "nlp/hash_map.h"
#include "nlp/model_file.h"
#include "nlp/treebank.h"

namespace khaldun::nlp {

class FeatsTable {
 public:
  // Sets feats of every token from its form, upos and xpos.
  void assign(std::span<Token> sentence) const;

  static FeatsTable train(const Treebank& train);
  void save(ModelWriter& out) const;
  static FeatsTable load(ModelReader& in);

 private:
  const std::string& lookup(const Token& token) const;

  std::vector<std::string> values_;  // the distinct FEATS strings
  HashMap64<uint32_t> by_word_;      // (word, upos, xpos) -> value
  HashMap64<uint32_t> by_tag_;       // (upos, xpos) -> value
};

}  // namespace khaldun::nlp
