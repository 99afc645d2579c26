// The part-of-speech tagger: a greedy left-to-right averaged perceptron that predicts UPOS and
// XPOS together (one class per pair seen in training), from the word, its affixes and shape,
// the words and ambiguity classes around it, and the tags it has already given.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/document.h"
#include "nlp/hash_map.h"
#include "nlp/linear_model.h"
#include "nlp/treebank.h"
#include "nlp/wordnet_classes.h"

namespace khaldun::nlp {

struct TaggerTrainOptions {
  int max_epochs = 12;
  int patience = 3;  // stop after this many epochs without a better dev score
  uint32_t seed = 1;
  float prune = 0.001f;
  // WordNet's word classes of each word (see wordnet_classes.h); empty: no such features.
  std::shared_ptr<const WordNetClasses> wordnet;
  std::function<void(const std::string&)> log;  // progress lines; may be empty
};

class Tagger {
 public:
  // Sets upos and xpos of every token.
  void tag(std::span<Token> sentence) const;

  // Trained on `train`; the epoch with the best UPOS+XPOS accuracy on `dev` is kept.
  //
  // With `first_pass`, the tagger is stacked on it: it also sees the first pass's tags of the
  // words to its right, which a left-to-right tagger cannot otherwise know. `train_first_pass`
  // is `train` as tagged by first-pass taggers that did not see it (jackknifing), so that the
  // second pass learns how far to trust them.
  static Tagger train(const Treebank& train, const Treebank& dev, const TaggerTrainOptions& options,
                      std::shared_ptr<const Tagger> first_pass = nullptr,
                      const Treebank* train_first_pass = nullptr);

  void save(ModelWriter& out) const;
  void prune(float min_weight) { model_.prune(min_weight); }
  static Tagger load(ModelReader& in, int depth = 0);

  size_t classes() const { return upos_.size(); }
  const LinearModel& model() const { return model_; }

 private:
  class Features;
  friend class Features;

  // The predicted class of each token of `sentence`, with `score` as the scorer.
  template <typename Scorer>
  void predict(std::span<const Token> sentence, std::span<const int> first, const Scorer& score,
               std::vector<int>& out) const;
  static int argmax(std::span<const float> scores);
  // The classes the first pass gives (empty without a first pass).
  std::vector<int> first_pass_classes(std::span<const Token> sentence) const;

  std::vector<std::string> upos_, xpos_;  // per class
  LinearModel model_;
  // The set of classes each training word was seen with, as a hash: tells an unseen context
  // which tags a word can take (the next word's especially).
  HashMap64<uint64_t> ambiguity_;
  // Frequent words that had one class almost always: tagged without scoring.
  HashMap64<uint16_t> unambiguous_;
  std::shared_ptr<const Tagger> first_pass_;  // same classes as this tagger
  WordNetClasses wordnet_;
};

}  // namespace khaldun::nlp
