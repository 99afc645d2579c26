#include "nlp/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <unordered_set>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace khaldun::nlp {
namespace {

// The model keeps 32 bits of each feature key: with a few million features the odd collision
// costs nothing measurable, and the file and the index shrink by a third.
uint32_t fold(uint64_t key) {
  const uint32_t k = static_cast<uint32_t>(key ^ (key >> 32));
  return k == 0 ? 1 : k;
}

}  // namespace

// How scoring lays out the weights. Per parser move ~100 features are found, and their rows
// hold ~40 weights on average (the frequent features are the long rows), so summing the
// weights costs as much as fetching them. Rows of at least kDenseRow weights are stored dense,
// one int16 per class, and summed with vector instructions; the others (nearly all rows, few of
// the weights read) stay sparse: a length byte, the class bytes, then the weights, one cache
// line for most, found straight from the index slot without a separate offsets table.
//
// Most rows (56% of the parser's, nearly all of them rare features, so cache misses) hold two
// weights, +w for one class and -w for another: the one update of a feature seen in one
// training error, averaged. Such a row lives in its index slot itself (class, class, weight),
// which saves a second random read per rare feature found.
//
// An index slot holds a reference: kDense | the dense row number, kInline | the pair, or a
// byte offset into sparse_. sparse_ keeps the other rows in the order of the file, a dense row
// as a placeholder (a zero length byte and its dense row number); with inline_rows_ (which
// rows are in their slots) and inline_keys_ (their keys, in file order) rows() gives back the
// file's order.
namespace {

constexpr uint32_t kDense = 0x8000'0000u;
constexpr uint32_t kInline = 0x4000'0000u;
constexpr size_t kDenseRow = 16;
// An inline pair: classes a and b in 7 bits each, a's weight in the low 16 bits (b's is its
// negation). A row of one weight is a pair whose b is a padding class of the sums (stride_ >
// classes_), which nobody reads.
constexpr int kInlineClasses = 128;

uint32_t inline_ref(uint32_t a, uint32_t b, int16_t w) {
  return kInline | a << 23 | b << 16 | static_cast<uint16_t>(w);
}
int inline_a(uint32_t ref) { return static_cast<int>(ref >> 23 & 0x7f); }
int inline_b(uint32_t ref) { return static_cast<int>(ref >> 16 & 0x7f); }
int16_t inline_weight(uint32_t ref) { return static_cast<int16_t>(ref & 0xffff); }
constexpr int kVector = 16;  // int16 weights per 256-bit vector

template <typename T>
T read_unaligned(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

template <typename T>
void append(BigVector<uint8_t>& out, T v) {
  const size_t at = out.size();
  out.resize(at + sizeof v);
  std::memcpy(&out[at], &v, sizeof v);
}

// acc[c] += row[c] for every dense row, class block by class block over all rows: a block's
// sums stay in registers (row by row they went through memory, each row's add waiting for the
// store of the one before). The sums are the same in any order.
void add_dense_portable(std::span<const int16_t* const> rows, int stride, int32_t* acc) {
  for (int c = 0; c < stride; c += kVector) {
    int32_t sum[kVector];
    std::copy(acc + c, acc + c + kVector, sum);
    for (const int16_t* row : rows)
      for (int j = 0; j < kVector; ++j) sum[j] += row[c + j];
    std::copy(sum, sum + kVector, acc + c);
  }
}

#if defined(__x86_64__)
// With AVX2 (chosen at run time), one instruction sign-extends 8 weights and one adds them.
// `acc` is score()'s 64-byte aligned array.
__attribute__((target("avx2"))) void add_dense_avx2(std::span<const int16_t* const> rows,
                                                    int stride, int32_t* acc) {
  for (int c = 0; c < stride; c += kVector) {
    auto* block = reinterpret_cast<__m256i*>(acc + c);
    __m256i low = _mm256_loadu_si256(block), high = _mm256_loadu_si256(block + 1);
    for (const int16_t* row : rows) {
      const auto* w = reinterpret_cast<const __m128i*>(row + c);
      low = _mm256_add_epi32(low, _mm256_cvtepi16_epi32(_mm_loadu_si128(w)));
      high = _mm256_add_epi32(high, _mm256_cvtepi16_epi32(_mm_loadu_si128(w + 1)));
    }
    _mm256_storeu_si256(block, low);
    _mm256_storeu_si256(block + 1, high);
  }
}
const bool kAvx2 = __builtin_cpu_supports("avx2");
#endif

void add_dense(std::span<const int16_t* const> rows, int stride, int32_t* acc) {
#if defined(__x86_64__)
  if (kAvx2) return add_dense_avx2(rows, stride, acc);
#endif
  add_dense_portable(rows, stride, acc);
}

void add_sparse(std::span<const uint8_t* const> rows, int32_t* acc) {
  // Walked with two pointers, not an index: with `acc[cls[i]] += weight at 2 * i` GCC 12 at -O1
  // and -O2 (its induction-variable optimisation, -fivopts) folds the sums to zero, so that every
  // sparse row counted for nothing; -O3, clang and the sanitizer builds hid it.
  for (const uint8_t* row : rows) {
    const uint8_t* cls = row + 1;
    const uint8_t* const end = cls + row[0];
    for (const uint8_t* weight = end; cls != end; ++cls, weight += 2)
      acc[*cls] += read_unaligned<int16_t>(weight);
  }
}

}  // namespace

void LinearModel::score(std::span<const uint64_t> features, std::span<float> scores) const {
  // Integer sums are exact and fast, and do not depend on the order; the one scale is applied
  // at the end.
  alignas(64) int32_t acc[kMaxClasses];
  std::fill(acc, acc + stride_, 0);
  // The cache misses of all features overlap: the index slots are fetched kAhead keys before
  // they are read (more at once only wait for the CPU's miss buffers), and each row as soon as
  // its slot is read; the rows are added at the end.
  constexpr size_t kAhead = 16;
  for (size_t i = 0; i < std::min(kAhead, features.size()); ++i) index_.prefetch(fold(features[i]));
  constexpr size_t kBatch = 256;
  const int16_t* dense[kBatch];
  const uint8_t* sparse[kBatch];
  size_t dense_count = 0, sparse_count = 0;
  const size_t row_bytes = static_cast<size_t>(stride_) * sizeof(int16_t);
  for (size_t i = 0; i < features.size(); ++i) {
    if (i + kAhead < features.size()) index_.prefetch(fold(features[i + kAhead]));
    const uint32_t ref = index_.find(fold(features[i]));
    if (ref == FlatIndex32::kMissing) continue;
    if ((ref & (kDense | kInline)) == kInline) {
      const int32_t w = inline_weight(ref);
      acc[inline_a(ref)] += w;
      acc[inline_b(ref)] -= w;
    } else if (ref & kDense) {
      const int16_t* row = &dense_[static_cast<size_t>(ref & ~kDense) * stride_];
      const char* bytes = reinterpret_cast<const char*>(row);
      for (size_t b = 0; b < row_bytes; b += 64) __builtin_prefetch(bytes + b);
      __builtin_prefetch(bytes + row_bytes - 1);
      if (dense_count == kBatch) {
        add_dense({dense, dense_count}, stride_, acc);
        dense_count = 0;
      }
      dense[dense_count++] = row;
    } else {
      const uint8_t* row = &sparse_[ref];
      __builtin_prefetch(row);
      __builtin_prefetch(row + 3 * (kDenseRow - 1));  // the end of the longest sparse row
      if (sparse_count == kBatch) {
        add_sparse({sparse, sparse_count}, acc);
        sparse_count = 0;
      }
      sparse[sparse_count++] = row;
    }
  }
  add_dense({dense, dense_count}, stride_, acc);
  add_sparse({sparse, sparse_count}, acc);
  for (int c = 0; c < classes_; ++c) scores[c] = static_cast<float>(acc[c]) * scale_;
}

void LinearModel::set_rows(const Rows& rows) {
  stride_ = (classes_ + kVector - 1) / kVector * kVector;
  rows_ = rows.keys.size();
  weights_ = rows.cls.size();
  // The pair a row is stored as in its slot, if it can be.
  const bool padding = stride_ > classes_ && classes_ <= kInlineClasses;
  auto pair = [&](size_t r, uint32_t& ref) {
    const uint32_t begin = rows.offsets[r];
    const size_t n = rows.offsets[r + 1] - begin;
    if (!padding || n > 2) return false;
    const int32_t w = rows.weight[begin];
    if (n == 2 && static_cast<int32_t>(rows.weight[begin + 1]) != -w) return false;
    const uint32_t b = n == 2 ? rows.cls[begin + 1] : static_cast<uint32_t>(stride_ - 1);
    ref = inline_ref(rows.cls[begin], b, static_cast<int16_t>(w));
    return true;
  };
  size_t dense_rows = 0, sparse_bytes = 0, inline_rows = 0;
  for (size_t r = 0; r < rows_; ++r) {
    const size_t n = rows.offsets[r + 1] - rows.offsets[r];
    uint32_t ref;
    if (pair(r, ref)) {
      ++inline_rows;
    } else if (n >= kDenseRow) {
      ++dense_rows;
      sparse_bytes += 1 + sizeof(uint32_t);
    } else {
      sparse_bytes += 1 + 3 * n;
    }
  }
  if (sparse_bytes >= kInline || dense_rows >= kDense) throw std::length_error("model too large");
  sparse_ = BigVector<uint8_t>();
  sparse_.reserve(sparse_bytes);
  inline_rows_.assign(rows_, false);
  inline_keys_.clear();
  inline_keys_.reserve(inline_rows);
  dense_ = BigVector<int16_t>();
  dense_.assign(dense_rows * stride_, 0);
  index_ = FlatIndex32(rows_);
  uint32_t next_dense = 0;
  for (size_t r = 0; r < rows_; ++r) {
    const uint32_t begin = rows.offsets[r], end = rows.offsets[r + 1];
    const size_t n = end - begin;
    uint32_t ref;
    if (pair(r, ref)) {
      inline_rows_[r] = true;
      inline_keys_.push_back(rows.keys[r]);
    } else if (n >= kDenseRow) {
      ref = kDense | next_dense;
      sparse_.push_back(0);
      append(sparse_, next_dense);
      int16_t* row = &dense_[static_cast<size_t>(next_dense) * stride_];
      for (uint32_t i = begin; i < end; ++i) row[rows.cls[i]] = rows.weight[i];
      ++next_dense;
    } else {
      ref = static_cast<uint32_t>(sparse_.size());
      sparse_.push_back(static_cast<uint8_t>(n));
      for (uint32_t i = begin; i < end; ++i) sparse_.push_back(rows.cls[i]);
      for (uint32_t i = begin; i < end; ++i) append(sparse_, rows.weight[i]);
    }
    // Loading inserts millions of keys at random places: fetch ahead to overlap the misses.
    if (r + 16 < rows_) index_.prefetch(rows.keys[r + 16]);
    index_.find_or_insert(rows.keys[r], ref);
  }
}

LinearModel::Rows LinearModel::rows() const {
  // The index gives each row's key by reference; the references of sparse rows grow with the
  // row number, and so do those of dense rows. Inline rows are listed apart.
  std::vector<std::pair<uint32_t, uint32_t>> refs;  // (reference, key)
  refs.reserve(rows_);
  index_.for_each([&](uint32_t key, uint32_t ref) {
    if ((ref & (kDense | kInline)) != kInline) refs.emplace_back(ref, key);
  });
  std::sort(refs.begin(), refs.end());
  const auto first_dense = std::lower_bound(refs.begin(), refs.end(), std::pair{kDense, 0u});
  auto next_sparse = refs.begin(), next_dense = first_dense;
  auto next_inline = inline_keys_.begin();
  Rows out;
  size_t at = 0;
  for (size_t r = 0; r < rows_; ++r) {
    if (inline_rows_[r]) {
      const uint32_t key = *next_inline++;
      const uint32_t ref = index_.find(key);
      out.keys.push_back(key);
      out.cls.push_back(static_cast<uint8_t>(inline_a(ref)));
      out.weight.push_back(inline_weight(ref));
      if (inline_b(ref) < classes_) {
        out.cls.push_back(static_cast<uint8_t>(inline_b(ref)));
        out.weight.push_back(static_cast<int16_t>(-inline_weight(ref)));
      }
      out.offsets.push_back(static_cast<uint32_t>(out.cls.size()));
      continue;
    }
    const size_t n = sparse_[at];
    if (n == 0) {
      const uint32_t d = read_unaligned<uint32_t>(&sparse_[at + 1]);
      out.keys.push_back((next_dense++)->second);
      const int16_t* row = &dense_[static_cast<size_t>(d) * stride_];
      for (int c = 0; c < classes_; ++c) {
        if (row[c] == 0) continue;
        out.cls.push_back(static_cast<uint8_t>(c));
        out.weight.push_back(row[c]);
      }
      at += 1 + sizeof(uint32_t);
    } else {
      out.keys.push_back((next_sparse++)->second);
      for (size_t i = 0; i < n; ++i) {
        out.cls.push_back(sparse_[at + 1 + i]);
        out.weight.push_back(read_unaligned<int16_t>(&sparse_[at + 1 + n + 2 * i]));
      }
      at += 1 + 3 * n;
    }
    out.offsets.push_back(static_cast<uint32_t>(out.cls.size()));
  }
  return out;
}

void LinearModel::prune(float min_weight) {
  const int32_t min_q = static_cast<int32_t>(std::ceil(min_weight / scale_));
  const Rows all = rows();
  Rows kept;
  for (size_t r = 0; r < all.keys.size(); ++r) {
    const size_t before = kept.cls.size();
    for (uint32_t i = all.offsets[r]; i < all.offsets[r + 1]; ++i) {
      if (std::abs(static_cast<int32_t>(all.weight[i])) < min_q) continue;
      kept.cls.push_back(all.cls[i]);
      kept.weight.push_back(all.weight[i]);
    }
    if (kept.cls.size() == before) continue;
    kept.keys.push_back(all.keys[r]);
    kept.offsets.push_back(static_cast<uint32_t>(kept.cls.size()));
  }
  set_rows(kept);
}

void LinearModel::save(ModelWriter& out) const {
  out.u32(static_cast<uint32_t>(classes_));
  out.f32(scale_);
  const Rows all = rows();
  std::vector<uint16_t> lengths(all.keys.size());
  for (size_t r = 0; r < lengths.size(); ++r)
    lengths[r] = static_cast<uint16_t>(all.offsets[r + 1] - all.offsets[r]);
  out.array(all.keys);
  out.array(lengths);
  out.array(all.cls);
  out.array(all.weight);
}

LinearModel LinearModel::load(ModelReader& in) {
  LinearModel m;
  m.classes_ = static_cast<int>(in.u32());
  m.scale_ = in.f32();
  if (m.classes_ <= 0 || m.classes_ > kMaxClasses) in.fail("bad number of classes");
  if (!(m.scale_ > 0) || !std::isfinite(m.scale_)) in.fail("bad weight scale");
  Rows rows;
  rows.keys = in.array<uint32_t, BigAllocator<uint32_t>>();
  const auto lengths = in.array<uint16_t, BigAllocator<uint16_t>>();
  rows.cls = in.array<uint8_t, BigAllocator<uint8_t>>();
  rows.weight = in.array<int16_t, BigAllocator<int16_t>>();
  if (rows.keys.size() != lengths.size() || rows.cls.size() != rows.weight.size())
    in.fail("inconsistent weight table");
  rows.offsets.reserve(rows.keys.size() + 1);
  uint64_t total = 0;
  for (uint16_t n : lengths) {
    // A row holds each class at most once, and an empty row would be a feature for nothing.
    if (n == 0 || n > m.classes_) in.fail("bad row length");
    total += n;
    rows.offsets.push_back(static_cast<uint32_t>(std::min<uint64_t>(total, UINT32_MAX)));
  }
  if (total != rows.cls.size()) in.fail("inconsistent weight table");
  for (uint8_t c : rows.cls)
    if (c >= m.classes_) in.fail("class number out of range");
  for (uint32_t k : rows.keys)
    if (k == 0) in.fail("bad feature key");
  m.set_rows(rows);
  if (m.index_.size() != rows.keys.size()) in.fail("duplicate feature key");
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
  LinearModel::Rows kept;
  std::unordered_set<uint32_t> folded;
  for (size_t r = 0; r < rows; ++r) {
    const size_t before = kept.cls.size();
    for (int c = 0; c < classes_; ++c) {
      const float w = avg[r * classes_ + c];
      if (std::abs(w) < prune) continue;
      const long q = std::lround(w / m.scale_);
      if (q == 0) continue;
      kept.cls.push_back(static_cast<uint8_t>(c));
      kept.weight.push_back(static_cast<int16_t>(q));
    }
    if (kept.cls.size() == before) continue;     // a feature with no weight left costs nothing
    if (!folded.insert(fold(keys[r])).second) {  // a rare 32-bit collision: keep the first
      kept.cls.resize(before);
      kept.weight.resize(before);
      continue;
    }
    kept.keys.push_back(fold(keys[r]));
    kept.offsets.push_back(static_cast<uint32_t>(kept.cls.size()));
  }
  m.set_rows(kept);
  return m;
}

}  // namespace khaldun::nlp
