// Lemmas from the form and the predicted XPOS: what the treebank says for known words, WordNet's
// irregular forms (went -> go, mice -> mouse) for the rest, and suffix rules learned from the
// treebank's word types for unknown words (seized -> seize, sanctions -> sanction).
#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/document.h"
#include "nlp/hash_map.h"
#include "nlp/model_file.h"
#include "nlp/treebank.h"

namespace khaldun::nlp {

class Lemmatizer {
 public:
  std::string lemma(const Token& token) const;
  void assign(std::span<Token> sentence) const;

  // `wordnet_dir` holds verb.exc, noun.exc, adj.exc and adv.exc; read now and folded into the
  // model, so that running needs no WordNet. Missing files are skipped (see `log`).
  static Lemmatizer train(const Treebank& train, const std::string& wordnet_dir,
                          std::vector<std::string>* log);
  void save(ModelWriter& out) const;
  static Lemmatizer load(ModelReader& in);

 private:
  struct Rule {
    uint32_t strip;   // bytes removed from the end of the lower-cased form
    std::string add;  // then appended
  };

  std::vector<std::string> lemmas_;  // distinct lemma strings
  HashMap64<uint32_t> known_;        // (form, xpos) -> lemma
  HashMap64<uint32_t> irregular_;    // (lower form, word class) -> lemma
  std::vector<Rule> rules_;
  HashMap64<uint32_t> suffix_rules_;  // (xpos, suffix) -> rule
};

}  // namespace khaldun::nlp
