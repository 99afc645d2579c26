// Linear scorers over hashed features: the averaged perceptron that training uses, and the
// compact read-only model it turns into (sparse rows of int16 weights with one scale).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "nlp/flat_index.h"
#include "nlp/model_file.h"

namespace khaldun::nlp {

class LinearModel {
 public:
  LinearModel() = default;

  int classes() const { return classes_; }
  size_t features() const { return rows_; }
  size_t weights() const { return weights_; }

  // scores[c] = sum over the features of their weight for class c. `scores` has classes() items.
  void score(std::span<const uint64_t> features, std::span<float> scores) const;

  // Drops the weights whose magnitude is below `min_weight`, and the features left empty.
  void prune(float min_weight);

  void save(ModelWriter& out) const;
  static LinearModel load(ModelReader& in);

  // Class numbers are stored in one byte.
  static constexpr int kMaxClasses = 256;

 private:
  friend class Perceptron;

  // The weights as the file stores them: row r has key keys[r] and the entries
  // [offsets[r], offsets[r + 1]) of cls and weight (class, quantised weight).
  struct Rows {
    BigVector<uint32_t> keys;
    BigVector<uint32_t> offsets{0};
    BigVector<uint8_t> cls;
    BigVector<int16_t> weight;
  };
  void set_rows(const Rows& rows);
  Rows rows() const;

  int classes_ = 0;
  int stride_ = 0;   // classes_ rounded up to whole vectors: a dense row's length
  float scale_ = 1;  // weight = stored weight * scale_
  size_t rows_ = 0, weights_ = 0;
  FlatIndex32 index_;                  // folded feature key -> reference to its row (see .cc)
  BigVector<uint8_t> sparse_;          // the other rows in row order, see .cc
  BigVector<int16_t> dense_;           // long rows, stride_ weights each, zero for absent classes
  std::vector<bool> inline_rows_;      // which rows of the file live in their index slots
  std::vector<uint32_t> inline_keys_;  // their keys, in file order (for rows() only)
};

// The averaged perceptron (Collins 2002) with the lazy averaging trick of Daumé: besides the
// weights w it keeps u = sum of step * change, and the average is w - u / step.
class Perceptron {
 public:
  // At most LinearModel::kMaxClasses classes.
  explicit Perceptron(int classes) : classes_(classes) {}

  int classes() const { return classes_; }
  // With the current (not averaged) weights.
  void score(std::span<const uint64_t> features, std::span<float> scores) const;
  // Adds `delta` to the weight of every feature for class `cls`.
  void update(std::span<const uint64_t> features, int cls, float delta);
  // One training example has been seen.
  void tick() { ++step_; }

  // The averaged weights; those whose magnitude is below `prune` are dropped.
  LinearModel average(float prune) const;

 private:
  int classes_;
  double step_ = 1;
  FlatIndex index_;
  std::vector<float> w_;
  std::vector<float> u_;
};

}  // namespace khaldun::nlp
