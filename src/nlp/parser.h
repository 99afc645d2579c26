// The dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) with labelled
// arcs, scored by an averaged perceptron on Zhang & Nivre (2011) style features and trained
// with the dynamic oracle of Goldberg & Nivre (2013). Linear in the sentence length, and every
// sentence gets a tree with a single root: the only arc to the root is the last transition.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "core/document.h"
#include "nlp/linear_model.h"
#include "nlp/treebank.h"

namespace khaldun::nlp {

struct ParserTrainOptions {
  int max_epochs = 15;
  int patience = 3;
  uint32_t seed = 1;
  double explore = 0.9;  // from epoch 2, how often a wrong prediction is followed, not the oracle
  float prune = 0.001f;
  std::function<void(const std::string&)> log;
};

class Parser {
 public:
  // Sets head and deprel of every token from its form and tags.
  void parse(std::span<Token> sentence) const;

  // `train` and `dev` carry the tags the parser will see at run time (predicted ones) and the
  // gold heads and relations; the epoch with the best LAS on `dev` is kept.
  static Parser train(const Treebank& train, const Treebank& dev,
                      const ParserTrainOptions& options);

  void save(ModelWriter& out) const;
  void prune(float min_weight) { model_.prune(min_weight); }
  static Parser load(ModelReader& in);

  const LinearModel& model() const { return model_; }
  const std::vector<std::string>& labels() const { return labels_; }

 private:
  std::vector<std::string> labels_;
  int root_label_ = 0;
  LinearModel model_;
};

// Makes a tree projective by lifting each non-projective arc to the head's head until none is
// left (the arc-hybrid system can only build projective trees). Heads are 1-based, 0 = root.
void projectivize(std::vector<int>& heads);

}  // namespace khaldun::nlp
