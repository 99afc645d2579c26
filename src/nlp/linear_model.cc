#include "nlp/linear_model.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace khaldun::nlp {
namespace {

// The model keeps 32 bits of each feature key: with a few million features the odd collision
// costs nothing measurable, and the file and the index shrink by a third.
uint32_t fold(uint64_t key) {
  const uint32_t k = static_cast<uint32_t>(key ^ (key >> 32));
  return k == 0 ? 1 : k;
}

}  // namespace

void LinearModel::flush(const uint32_t* rows, size_t count, int32_t* acc) const {
  for (size_t k = 0; k < count; ++k) {
    const uint32_t row = rows[k];
    for (uint32_t i = offsets_[row], end = offsets_[row + 1]; i < end; ++i)
      acc[cls_[i]] += weight_[i];
  }
}

void LinearModel::score(std::span<const uint64_t> features, std::span<float> scores) const {
  // Integer sums are exact and fast; the one scale is applied at the end.
  int32_t acc[kMaxClasses];
  std::fill(acc, acc + classes_, 0);
  // Three passes, so that the cache misses of all features overlap: fetch the index slots,
  // then the rows, then add.
  for (uint64_t key : features) index_.prefetch(fold(key));
  uint32_t rows[256];
  size_t found = 0;
  for (uint64_t key : features) {
    const uint32_t row = index_.find(fold(key));
    if (row == FlatIndex32::kMissing) continue;
    __builtin_prefetch(&cls_[offsets_[row]]);
    __builtin_prefetch(&weight_[offsets_[row]]);
    if (found == std::size(rows)) {
      flush(rows, found, acc);
      found = 0;
    }
    rows[found++] = row;
  }
  flush(rows, found, acc);
  for (int c = 0; c < classes_; ++c) scores[c] = static_cast<float>(acc[c]) * scale_;
}

void LinearModel::set_rows(const BigVector<uint32_t>& keys) {
  index_ = FlatIndex32(keys.size());
  for (size_t r = 0; r < keys.size(); ++r) {
    // Loading inserts millions of keys at random places: fetch ahead to overlap the misses.
    if (r + 16 < keys.size()) index_.prefetch(keys[r + 16]);
    index_.find_or_insert(keys[r], static_cast<uint32_t>(r));
  }
}

void LinearModel::prune(float min_weight) {
  const int32_t min_q = static_cast<int32_t>(std::ceil(min_weight / scale_));
  std::vector<uint32_t> keys(offsets_.empty() ? 0 : offsets_.size() - 1);
  index_.for_each([&](uint32_t key, uint32_t row) { keys[row] = key; });
  BigVector<uint32_t> offsets{0};
  BigVector<uint8_t> cls;
  BigVector<int16_t> weight;
  BigVector<uint32_t> kept;
  for (size_t r = 0; r < keys.size(); ++r) {
    const size_t before = cls.size();
    for (uint32_t i = offsets_[r]; i < offsets_[r + 1]; ++i) {
      if (std::abs(static_cast<int32_t>(weight_[i])) < min_q) continue;
      cls.push_back(cls_[i]);
      weight.push_back(weight_[i]);
    }
    if (cls.size() == before) continue;
    kept.push_back(keys[r]);
    offsets.push_back(static_cast<uint32_t>(cls.size()));
  }
  offsets_ = std::move(offsets);
  cls_ = std::move(cls);
  weight_ = std::move(weight);
  set_rows(kept);
}

void LinearModel::save(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(classes_));
  out.f32(scale_);
  const size_t rows = offsets_.empty() ? 0 : offsets_.size() - 1;
  std::vector<uint32_t> keys(rows);
  index_.for_each([&](uint32_t key, uint32_t row) { keys[row] = key; });
  std::vector<uint16_t> lengths(rows);
  for (size_t r = 0; r < rows; ++r)
    lengths[r] = static_cast<uint16_t>(offsets_[r + 1] - offsets_[r]);
  out.array(keys);
  out.array(lengths);
  out.array(cls_);
  out.array(weight_);
}

LinearModel LinearModel::load(ModelReader& in) {
  LinearModel m;
  m.classes_ = static_cast<int>(in.u32());
  m.scale_ = in.f32();
  if (m.classes_ <= 0 || m.classes_ > kMaxClasses) in.fail("bad number of classes");
  if (!(m.scale_ > 0) || !std::isfinite(m.scale_)) in.fail("bad weight scale");
  const auto keys = in.array<uint32_t, BigAllocator<uint32_t>>();
  const auto lengths = in.array<uint16_t, BigAllocator<uint16_t>>();
  m.cls_ = in.array<uint8_t, BigAllocator<uint8_t>>();
  m.weight_ = in.array<int16_t, BigAllocator<int16_t>>();
  if (keys.size() != lengths.size() || m.cls_.size() != m.weight_.size())
    in.fail("inconsistent weight table");
  m.offsets_.reserve(keys.size() + 1);
  m.offsets_.push_back(0);
  uint64_t total = 0;
  for (uint16_t n : lengths) {
    total += n;
    m.offsets_.push_back(static_cast<uint32_t>(std::min<uint64_t>(total, UINT32_MAX)));
  }
  if (total != m.cls_.size()) in.fail("inconsistent weight table");
  for (uint8_t c : m.cls_)
    if (c >= m.classes_) in.fail("class number out of range");
  for (uint32_t k : keys)
    if (k == 0) in.fail("bad feature key");
  m.set_rows(keys);
  if (m.index_.size() != keys.size()) in.fail("duplicate feature key");
  return m;
}

void Perceptron::score(std::span<const uint64_t> features, std::span<float> scores) const {
  std::fill(scores.begin(), scores.begin() + classes_, 0.0f);
  for (uint64_t key : features) {
    const uint32_t row = index_.find(key);
    if (row == FlatIndex::kMissing) continue;
    const float* w = &w_[static_cast<size_t>(row) * classes_];
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void Perceptron::update(std::span<const uint64_t> features, int cls, float delta) {
  for (uint64_t key : features) {
    const uint32_t next = static_cast<uint32_t>(w_.size() / classes_);
    const uint32_t row = index_.find_or_insert(key, next);
    if (row == next) {
      w_.resize(w_.size() + classes_, 0.0f);
      u_.resize(u_.size() + classes_, 0.0f);
    }
    const size_t i = static_cast<size_t>(row) * classes_ + cls;
    w_[i] += delta;
    u_[i] += static_cast<float>(step_ * delta);
  }
}

LinearModel Perceptron::average(float prune) const {
  LinearModel m;
  m.classes_ = classes_;
  const size_t rows = w_.size() / classes_;
  std::vector<float> avg(w_.size());
  float max_abs = 0;
  for (size_t i = 0; i < w_.size(); ++i) {
    avg[i] = static_cast<float>(w_[i] - u_[i] / step_);
    max_abs = std::max(max_abs, std::abs(avg[i]));
  }
  m.scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  std::vector<uint64_t> keys(rows);
  index_.for_each([&](uint64_t key, uint32_t row) { keys[row] = key; });
  m.offsets_.push_back(0);
  BigVector<uint32_t> kept_keys;
  std::unordered_set<uint32_t> folded;
  for (size_t r = 0; r < rows; ++r) {
    const size_t before = m.cls_.size();
    for (int c = 0; c < classes_; ++c) {
      const float w = avg[r * classes_ + c];
      if (std::abs(w) < prune) continue;
      const long q = std::lround(w / m.scale_);
      if (q == 0) continue;
      m.cls_.push_back(static_cast<uint8_t>(c));
      m.weight_.push_back(static_cast<int16_t>(q));
    }
    if (m.cls_.size() == before) continue;       // a feature with no weight left costs nothing
    if (!folded.insert(fold(keys[r])).second) {  // a rare 32-bit collision: keep the first
      m.cls_.resize(before);
      m.weight_.resize(before);
      continue;
    }
    kept_keys.push_back(fold(keys[r]));
    m.offsets_.push_back(static_cast<uint32_t>(m.cls_.size()));
  }
  m.set_rows(kept_keys);
  return m;
}

}  // namespace khaldun::nlp
