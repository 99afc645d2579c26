#include "coder/sentence_view.h"

#include "text/char_class.h"

namespace khaldun::coder {

SentenceView::SentenceView(std::span<const Token> tokens)
    : tokens_(tokens), heads_(tokens.size(), -1), children_(tokens.size()) {
  words_.reserve(tokens.size());
  lemmas_.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    int h = t.head - 1;
    if (h >= 0 && static_cast<size_t>(h) < tokens.size() && static_cast<size_t>(h) != i) {
      heads_[i] = h;
      children_[static_cast<size_t>(h)].push_back(static_cast<uint32_t>(i));
    }
    words_.push_back(text::lower_ascii(t.form));
    lemmas_.push_back(t.lemma.empty() || t.lemma == "_" ? words_.back()
                                                        : text::lower_ascii(t.lemma));
  }
}

std::string_view SentenceView::rel(size_t i) const {
  std::string_view r = tokens_[i].deprel;
  size_t colon = r.find(':');
  return colon == std::string_view::npos ? r : r.substr(0, colon);
}

int SentenceView::child(size_t i, std::string_view relation) const {
  for (uint32_t c : children_[i])
    if (rel(c) == relation) return static_cast<int>(c);
  return -1;
}

std::string_view SentenceView::case_of(size_t i) const {
  for (uint32_t c : children_[i])
    if (rel(c) == "case" && lemmas_[c] != "'s" && lemmas_[c] != "'") return lemmas_[c];
  return {};
}

bool SentenceView::is_nominal(size_t i) const {
  const std::string& u = tokens_[i].upos;
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X" || u == "ADJ";
}

bool SentenceView::dominates(size_t ancestor, size_t i) const {
  int cur = static_cast<int>(i);
  for (size_t steps = 0; cur >= 0 && steps <= tokens_.size(); ++steps) {
    if (static_cast<size_t>(cur) == ancestor) return true;
    cur = heads_[static_cast<size_t>(cur)];
  }
  return false;
}

}  // namespace khaldun::coder
