// A parsed sentence seen as a tree: children lists, relations without subtypes, case-folded words.
// Built once per sentence and shared by every step of the coder.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace khaldun::coder {

class SentenceView {
 public:
  explicit SentenceView(std::span<const Token> tokens);

  size_t size() const { return tokens_.size(); }
  const Token& token(size_t i) const { return tokens_[i]; }
  std::span<const Token> tokens() const { return tokens_; }

  // 0-based head, or -1 for the root (and for unparsed tokens).
  int head(size_t i) const { return heads_[i]; }
  // The relation without its subtype ("obl" for "obl:agent").
  std::string_view rel(size_t i) const;
  std::string_view full_rel(size_t i) const { return tokens_[i].deprel; }
  const std::vector<uint32_t>& children(size_t i) const { return children_[i]; }

  // Lower-cased form and lemma (the lemma falls back to the form when the parser gave none).
  const std::string& word(size_t i) const { return words_[i]; }
  const std::string& lemma(size_t i) const { return lemmas_[i]; }
  bool is(size_t i, std::string_view folded) const {
    return words_[i] == folded || lemmas_[i] == folded;
  }

  // The first child of `i` with this relation (without subtype), or -1.
  int child(size_t i, std::string_view relation) const;
  // The lemma of the case marker of a nominal ("with" in "with Lavrov"), or empty.
  std::string_view case_of(size_t i) const;
  bool is_verb(size_t i) const { return tokens_[i].upos == "VERB"; }
  bool is_nominal(size_t i) const;
  // Whether `ancestor` dominates `i` (or is it).
  bool dominates(size_t ancestor, size_t i) const;

 private:
  std::span<const Token> tokens_;
  std::vector<int> heads_;
  std::vector<std::vector<uint32_t>> children_;
  std::vector<std::string> words_;
  std::vector<std::string> lemmas_;
};

}  // namespace khaldun::coder
