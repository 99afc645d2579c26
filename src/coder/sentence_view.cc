#include "coder/sentence_view.h"

#include "text/char_class.h"

namespace khaldun::coder {
namespace {

bool ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

SentenceView::SentenceView(std::span<const Token> tokens, const dict::CompiledDictionary* dict)
    : tokens_(tokens), heads_(tokens.size(), -1), child_begin_(tokens.size() + 1, 0) {
  size_t n = tokens.size();
  rels_.reserve(n);
  words_.reserve(n);
  lemmas_.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    int h = t.head - 1;
    if (h >= 0 && static_cast<size_t>(h) < n && static_cast<size_t>(h) != i) {
      heads_[i] = h;
      ++child_begin_[static_cast<size_t>(h) + 1];
    }
    std::string_view r = t.deprel;
    rels_.push_back(r.substr(0, r.find(':')));
    words_.push_back(text::lower_ascii(t.form));
    lemmas_.push_back(t.lemma.empty() || t.lemma == "_" ? words_.back()
                                                        : text::lower_ascii(t.lemma));
  }
  // Children in one array, each token's in sentence order (a counting sort by head).
  for (size_t i = 0; i < n; ++i) child_begin_[i + 1] += child_begin_[i];
  children_.resize(child_begin_[n]);
  std::vector<uint32_t> fill(child_begin_.begin(), child_begin_.end() - 1);
  for (size_t i = 0; i < n; ++i)
    if (heads_[i] >= 0)
      children_[fill[static_cast<size_t>(heads_[i])]++] = static_cast<uint32_t>(i);

  if (dict == nullptr) {
    word_ids_.assign(n, dict::kUnknownWord);
    lemma_ids_ = word_keys_ = lemma_keys_ = word_ids_;
    return;
  }
  word_ids_.resize(n);
  lemma_ids_.resize(n);
  word_keys_.resize(n);
  lemma_keys_.resize(n);
  auto look_up = [&](const std::string& w, uint32_t& id, uint32_t& key) {
    key = dict->key_id(w);
    // Lower-cased ASCII is already folded; other text folds Unicode case for the trie.
    id = ascii(w) ? (key < dict->word_count() ? key : dict::kUnknownWord) : dict->word_id(w);
  };
  for (size_t i = 0; i < n; ++i) {
    look_up(words_[i], word_ids_[i], word_keys_[i]);
    if (lemmas_[i] == words_[i]) {
      lemma_ids_[i] = word_ids_[i];
      lemma_keys_[i] = word_keys_[i];
    } else {
      look_up(lemmas_[i], lemma_ids_[i], lemma_keys_[i]);
    }
  }
}

int SentenceView::child(size_t i, std::string_view relation) const {
  for (uint32_t c : children(i))
    if (rel(c) == relation) return static_cast<int>(c);
  return -1;
}

std::string_view SentenceView::case_of(size_t i) const {
  for (uint32_t c : children(i))
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
