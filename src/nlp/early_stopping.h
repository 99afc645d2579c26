// Early stopping on the dev set, shared by the tagger's and the parser's trainers: keep the model
// of the best epoch, and stop after `patience` epochs without improvement.
#pragma once

#include <utility>

#include "nlp/linear_model.h"

namespace khaldun::nlp {

class EarlyStopping {
 public:
  explicit EarlyStopping(int patience) : patience_(patience) {}

  // Offers an epoch's model and its dev score; false when training should stop.
  bool offer(double score, LinearModel&& model) {
    if (score > best_score_) {
      best_score_ = score;
      best_ = std::move(model);
      since_best_ = 0;
      return true;
    }
    return ++since_best_ < patience_;
  }

  // The model of the best epoch.
  LinearModel take() { return std::move(best_); }

 private:
  int patience_;
  double best_score_ = -1;
  LinearModel best_;
  int since_best_ = 0;
};

}  // namespace khaldun::nlp
