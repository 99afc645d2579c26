#include "nlp/parser.h"

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "nlp/early_stopping.h"
#include "nlp/hash.h"

namespace khaldun::nlp {
namespace {

constexpr uint64_t kNone = 0x9e37'0001ULL;  // an empty position
constexpr uint64_t kRoot = 0x9e37'0002ULL;  // the artificial root, as a word and as a tag

// The word and tag of each position, 0 being the root.
struct Atoms {
  std::vector<uint64_t> word, tag, upos;

  explicit Atoms(std::span<const Token> sentence) {
    word.push_back(kRoot);
    tag.push_back(kRoot);
    upos.push_back(kRoot);
    for (const Token& t : sentence) {
      word.push_back(hash_string(lower(t.form)));
      tag.push_back(hash_string(t.xpos.empty() ? t.upos : t.xpos));
      upos.push_back(hash_string(t.upos));
    }
  }
};

// A parser state: the stack (the root at its bottom), the buffer front, and the arcs so far
// with what the features need about each word's children.
struct Config {
  int n = 0;
  std::vector<int> stack;
  int b = 1;  // the first word of the buffer; n + 1 when it is empty
  std::vector<int> head, label, lc1, lc2, rc1, rc2, nl, nr;
  std::vector<uint64_t> lset, rset;  // bit sets of the children's labels

  explicit Config(int words) : n(words) {
    stack.reserve(n + 1);
    stack.push_back(0);
    for (auto* v : {&head, &label, &lc1, &lc2, &rc1, &rc2}) v->assign(n + 1, -1);
    nl.assign(n + 1, 0);
    nr.assign(n + 1, 0);
    lset.assign(n + 1, 0);
    rset.assign(n + 1, 0);
  }

  bool terminal() const { return stack.size() == 1 && b > n; }
  int s(size_t k) const { return stack.size() > k ? stack[stack.size() - 1 - k] : -1; }

  void add_arc(int h, int d, int l) {
    head[d] = h;
    label[d] = l;
    if (d < h) {
      if (lc1[h] < 0 || d < lc1[h]) {
        lc2[h] = lc1[h];
        lc1[h] = d;
      } else if (lc2[h] < 0 || d < lc2[h]) {
        lc2[h] = d;
      }
      ++nl[h];
      lset[h] |= uint64_t{1} << (l & 63);
    } else {
      if (d > rc1[h]) {
        rc2[h] = rc1[h];
        rc1[h] = d;
      } else if (d > rc2[h]) {
        rc2[h] = d;
      }
      ++nr[h];
      rset[h] |= uint64_t{1} << (l & 63);
    }
  }
};

// Classes: 0 = SHIFT, 1..L = LEFT with label c-1, L+1..2L = RIGHT with label c-L-1.
struct Moves {
  int labels;
  int root;
  int classes() const { return 1 + 2 * labels; }
  static constexpr int kShift = 0;
  int left(int l) const { return 1 + l; }
  int right(int l) const { return 1 + labels + l; }
  bool is_left(int c) const { return c >= 1 && c <= labels; }
  bool is_right(int c) const { return c > labels; }
  int label(int c) const { return is_left(c) ? c - 1 : c - 1 - labels; }

  bool legal(const Config& cf, int c) const {
    if (c == kShift) return cf.b <= cf.n;
    if (cf.stack.size() < 2) return false;
    const int l = label(c);
    if (is_left(c)) return cf.b <= cf.n && l != root;
    if (cf.s(1) == 0) return cf.b > cf.n && cf.stack.size() == 2 && l == root;
    return l != root;
  }

  // The only legal move, or -1 if there is a choice: SHIFT when the stack holds the root alone,
  // the arc to the root once the buffer is empty and one word is left on the stack.
  int forced(const Config& cf) const {
    if (cf.stack.size() == 1) return cf.b <= cf.n ? kShift : -1;
    if (cf.b > cf.n && cf.stack.size() == 2) return right(root);
    return -1;
  }

  void apply(Config& cf, int c) const {
    if (c == kShift) {
      cf.stack.push_back(cf.b++);
      return;
    }
    const int s0 = cf.s(0);
    cf.stack.pop_back();
    if (is_left(c)) {
      cf.add_arc(cf.b, s0, label(c));
    } else {
      cf.add_arc(cf.s(0), s0, label(c));
    }
  }
};

uint64_t distance_bucket(int d) {
  if (d < 0) d = -d;
  return d <= 4 ? static_cast<uint64_t>(d) : d <= 7 ? 5 : d <= 12 ? 6 : 7;
}

// The number of feature templates extract() writes.
constexpr size_t kFeatures = 118;

void extract(const Config& cf, const Atoms& a, std::vector<uint64_t>& out) {
  auto W = [&](int p) { return p < 0 ? kNone : a.word[p]; };
  auto T = [&](int p) { return p < 0 ? kNone : a.tag[p]; };
  auto L = [&](int p) {
    return p < 0 || cf.label[p] < 0 ? kNone : static_cast<uint64_t>(cf.label[p]);
  };
  const int s0 = cf.s(0) > 0 ? cf.s(0) : (cf.stack.size() == 1 ? 0 : -1);
  const int s1 = cf.s(1), s2 = cf.s(2);
  const int b0 = cf.b <= cf.n ? cf.b : -1;
  const int b1 = cf.b + 1 <= cf.n ? cf.b + 1 : -1;
  const int b2 = cf.b + 2 <= cf.n ? cf.b + 2 : -1;
  auto child = [&](const std::vector<int>& v, int p) { return p < 0 ? -1 : v[p]; };
  const int s0l1 = child(cf.lc1, s0), s0l2 = child(cf.lc2, s0);
  const int s0r1 = child(cf.rc1, s0), s0r2 = child(cf.rc2, s0);
  const int s1l1 = child(cf.lc1, s1), s1r1 = child(cf.rc1, s1), s1r2 = child(cf.rc2, s1);
  const int b0l1 = child(cf.lc1, b0), b0l2 = child(cf.lc2, b0);
  const uint64_t s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), b0w = W(b0), b0t = T(b0);
  const uint64_t b1w = W(b1), b1t = T(b1), b2t = T(b2), s2t = T(s2);
  const uint64_t d = s0 >= 0 && b0 >= 0 ? distance_bucket(b0 - s0) : 99;
  const uint64_t d1 = s0 > 0 && s1 >= 0 ? distance_bucket(s0 - s1) : 99;
  auto count = [&](const std::vector<int>& v, int p) {
    return p < 0 ? 99u : static_cast<uint64_t>(std::min(v[p], 9));
  };
  auto set = [&](const std::vector<uint64_t>& v, int p) { return p < 0 ? kNone : v[p]; };

  // Written in place, and each template's key inlined: the template numbers are then constants,
  // so their part of the hash is folded at compile time (this function runs once per move).
  out.resize(kFeatures);
  uint64_t* keys = out.data();
  uint64_t id = 0;
  auto f = [&](auto... values) __attribute__((always_inline)) {
    // With id a constant, the bound check is folded away too.
    if (id < kFeatures) keys[id] = feature_key(id, values...);
    ++id;
  };
  // Single positions.
  f(s0w);
  f(s0t);
  f(s0w, s0t);
  f(b0w);
  f(b0t);
  f(b0w, b0t);
  f(b1w);
  f(b1t);
  f(b1w, b1t);
  f(W(b2));
  f(b2t);
  f(s1w);
  f(s1t);
  f(s1w, s1t);
  f(W(s2));
  f(s2t);
  // Pairs: s0 with b0 (LEFT), s1 with s0 (RIGHT).
  f(s0w, s0t, b0w, b0t);
  f(s0w, s0t, b0w);
  f(s0w, b0w, b0t);
  f(s0w, s0t, b0t);
  f(s0t, b0w, b0t);
  f(s0w, b0w);
  f(s0t, b0t);
  f(b0t, b1t);
  f(s1w, s1t, s0w, s0t);
  f(s1w, s1t, s0w);
  f(s1w, s0w, s0t);
  f(s1w, s1t, s0t);
  f(s1t, s0w, s0t);
  f(s1w, s0w);
  f(s1t, s0t);
  f(s1t, b0t);
  f(s1w, b0w);
  // Tag trigrams.
  f(b0t, b1t, b2t);
  f(s0t, b0t, b1t);
  f(s1t, s0t, b0t);
  f(s2t, s1t, s0t);
  f(s0t, T(s0l1), b0t);
  f(s0t, T(s0r1), b0t);
  f(s0t, b0t, T(b0l1));
  f(s1t, T(s1r1), s0t);
  f(s1t, s0t, T(s0l1));
  f(s1t, s0t, T(s0r1));
  f(s1t, T(s1l1), s0t);
  // Distances.
  f(s0w, d);
  f(s0t, d);
  f(b0w, d);
  f(b0t, d);
  f(s0w, b0w, d);
  f(s0t, b0t, d);
  f(s1t, s0t, d1);
  f(s1w, s0w, d1);
  f(s1w, d1);
  f(s0w, d1);
  // Valencies.
  f(s0w, count(cf.nl, s0));
  f(s0t, count(cf.nl, s0));
  f(s0w, count(cf.nr, s0));
  f(s0t, count(cf.nr, s0));
  f(b0w, count(cf.nl, b0));
  f(b0t, count(cf.nl, b0));
  f(s1t, count(cf.nr, s1));
  f(s1t, count(cf.nl, s1));
  // Children.
  for (int c : {s0l1, s0r1, b0l1, s1r1, s1l1}) {
    f(W(c));
    f(T(c));
    f(L(c));
  }
  for (int c : {s0l2, s0r2, b0l2, s1r2}) {
    f(T(c));
    f(L(c));
  }
  f(s0t, L(s0l1), L(s0l2));
  f(s0t, L(s0r1), L(s0r2));
  f(b0t, L(b0l1), L(b0l2));
  f(s0t, T(s0l1), T(s0l2));
  f(s0t, T(s0r1), T(s0r2));
  f(b0t, T(b0l1), T(b0l2));
  f(s1t, T(s1r1), T(s1r2));
  // Label sets.
  f(s0w, set(cf.rset, s0));
  f(s0t, set(cf.rset, s0));
  f(s0w, set(cf.lset, s0));
  f(s0t, set(cf.lset, s0));
  f(b0w, set(cf.lset, b0));
  f(b0t, set(cf.lset, b0));
  f(s1t, set(cf.rset, s1));
  f(s1t, set(cf.lset, s1));
  // Universal tags: coarser than XPOS, so they generalise where XPOS pairs are rare.
  auto U = [&](int p) { return p < 0 ? kNone : a.upos[p]; };
  f(U(s0), U(b0));
  f(U(s1), U(s0));
  f(U(s0), U(b0), U(b1));
  f(U(s1), U(s0), U(b0));
  f(s0w, U(b0));
  f(U(s0), b0w);
  f(s1w, U(s0));
  f(U(s1), s0w);
  // Third-order words, and the universal tags with distances.
  f(W(s0l2));
  f(W(s0r2));
  f(W(b0l2));
  f(U(s0), U(b0), d);
  f(U(s1), U(s0), d1);
  // The rightmost child of s0 sits next to b0: what b0 would follow if it attached there.
  f(W(s0r1), b0w);
  f(T(s0r1), L(s0r1), b0t);
  // How much is left: root and long-distance decisions depend on it.
  const uint64_t left = b0 < 0 ? 0 : distance_bucket(cf.n - b0 + 1);
  const uint64_t depth = distance_bucket(static_cast<int>(cf.stack.size()) - 1);
  f(U(b0), left);
  f(U(s0), depth);
  f(U(s0), U(b0), left, depth);
  if (id != kFeatures) throw std::logic_error("parser: kFeatures is not the number of templates");
}

// The best legal move under `scores`.
int best_legal(const Config& cf, const Moves& moves, std::span<const float> scores) {
  int best = -1;
  float best_score = -std::numeric_limits<float>::infinity();
  for (int c = 0; c < moves.classes(); ++c) {
    if (scores[c] > best_score && moves.legal(cf, c)) {
      best = c;
      best_score = scores[c];
    }
  }
  return best;
}

// The number of gold arcs that become unreachable if `c` is applied (Goldberg & Nivre 2013).
struct Oracle {
  const std::vector<int>& gold_head;
  const std::vector<int>& gold_label;
  std::vector<char> in_stack;

  int cost(const Config& cf, const Moves& moves, int c) const {
    const int s0 = cf.s(0), b0 = cf.b;
    if (c == Moves::kShift) {
      int cost = 0;
      for (int d : cf.stack)
        if (d > 0 && gold_head[d] == b0) ++cost;
      const int g = gold_head[b0];
      if (g >= 0 && g < b0 && in_stack[g] && g != s0) ++cost;
      return cost;
    }
    int cost = 0;
    for (int d = cf.b; d <= cf.n; ++d)
      if (gold_head[d] == s0) ++cost;
    const int g = gold_head[s0];
    const int l = moves.label(c);
    if (moves.is_left(c)) {
      if (g != b0 && (g == cf.s(1) || g > b0)) ++cost;
      if (g == b0 && gold_label[s0] != l) ++cost;
    } else {
      if (g >= cf.b) ++cost;
      if (g == cf.s(1) && gold_label[s0] != l) ++cost;
    }
    return cost;
  }
};

template <typename T>
void shuffle(std::vector<T>& v, std::mt19937& rng) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

}  // namespace

void projectivize(std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  auto dominates = [&](int h, int d) {  // is h an ancestor of d (1-based words)?
    for (int k = 0; d != 0 && k <= n; ++k) {
      d = heads[d - 1];
      if (d == h) return true;
    }
    return false;
  };
  for (int round = 0; round < n * n; ++round) {
    // The shortest non-projective arc is lifted first, as in Nivre & Nilsson (2005).
    int worst = -1, worst_len = n + 1;
    for (int d = 1; d <= n; ++d) {
      const int h = heads[d - 1];
      const int lo = std::min(h, d), hi = std::max(h, d);
      for (int k = lo + 1; k < hi; ++k) {
        if (!dominates(h, k)) {
          if (hi - lo < worst_len) worst = d, worst_len = hi - lo;
          break;
        }
      }
    }
    if (worst < 0) return;
    const int h = heads[worst - 1];
    heads[worst - 1] = h == 0 ? 0 : heads[h - 1];
  }
}

void Parser::parse(std::span<Token> sentence) const {
  const int n = static_cast<int>(sentence.size());
  if (n == 0 || labels_.empty()) return;
  const Moves moves{static_cast<int>(labels_.size()), root_label_};
  Atoms atoms(sentence);
  Config cf(n);
  std::vector<uint64_t> features;
  std::vector<float> scores(moves.classes());
  while (!cf.terminal()) {
    // A move without a choice needs no scores (6% of the moves on news, 12% on EWT test).
    int move = moves.forced(cf);
    if (move < 0) {
      extract(cf, atoms, features);
      model_.score(features, scores);
      move = best_legal(cf, moves, scores);
    }
    moves.apply(cf, move);
  }
  for (int i = 1; i <= n; ++i) {
    sentence[i - 1].head = cf.head[i];
    sentence[i - 1].deprel = labels_[cf.label[i]];
  }
}

Parser Parser::train(const Treebank& train, const Treebank& dev,
                     const ParserTrainOptions& options) {
  Parser parser;
  std::map<std::string, int> label_ids;
  for (const auto& sentence : train)
    for (const Token& t : sentence) label_ids.try_emplace(t.deprel, 0);
  label_ids.try_emplace("root", 0);
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(parser.labels_.size());
    parser.labels_.push_back(name);
  }
  parser.root_label_ = label_ids["root"];
  const Moves moves{static_cast<int>(parser.labels_.size()), parser.root_label_};

  // Gold trees, made projective; sentences without a usable tree are left out.
  struct Gold {
    std::vector<int> head, label;  // 1-based, index 0 unused
  };
  std::vector<Gold> gold(train.size());
  std::vector<size_t> order;
  for (size_t s = 0; s < train.size(); ++s) {
    std::vector<int> heads;
    int roots = 0;
    bool ok = !train[s].empty();
    for (const Token& t : train[s]) {
      heads.push_back(t.head);
      if (t.head == 0) ++roots;
      if (t.head < 0 || t.head > static_cast<int>(train[s].size())) ok = false;
    }
    if (!ok || roots != 1) continue;
    projectivize(heads);
    gold[s].head.push_back(-1);
    gold[s].label.push_back(-1);
    for (size_t i = 0; i < heads.size(); ++i) {
      gold[s].head.push_back(heads[i]);
      gold[s].label.push_back(label_ids[train[s][i].deprel]);
    }
    order.push_back(s);
  }

  Perceptron perceptron(moves.classes());
  std::mt19937 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);

  auto dev_las = [&](const Parser& candidate) {
    size_t right = 0, total = 0;
    for (const auto& sentence : dev) {
      std::vector<Token> copy = sentence;
      candidate.parse(copy);
      for (size_t i = 0; i < copy.size(); ++i) {
        ++total;
        right += copy[i].head == sentence[i].head && copy[i].deprel == sentence[i].deprel;
      }
    }
    return total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0.0;
  };

  EarlyStopping stopping(options.patience);
  std::vector<uint64_t> features;
  std::vector<float> scores(moves.classes());
  std::vector<int> costs(moves.classes());
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    shuffle(order, rng);
    size_t errors = 0, steps = 0;
    for (size_t s : order) {
      const int n = static_cast<int>(train[s].size());
      Atoms atoms(train[s]);
      Config cf(n);
      Oracle oracle{gold[s].head, gold[s].label, std::vector<char>(n + 1, 0)};
      oracle.in_stack[0] = 1;
      while (!cf.terminal()) {
        extract(cf, atoms, features);
        perceptron.score(features, scores);
        int min_cost = std::numeric_limits<int>::max();
        for (int c = 0; c < moves.classes(); ++c) {
          costs[c] = moves.legal(cf, c) ? oracle.cost(cf, moves, c) : -1;
          if (costs[c] >= 0) min_cost = std::min(min_cost, costs[c]);
        }
        int guess = -1, target = -1;
        for (int c = 0; c < moves.classes(); ++c) {
          if (costs[c] < 0) continue;
          if (guess < 0 || scores[c] > scores[guess]) guess = c;
          if (costs[c] == min_cost && (target < 0 || scores[c] > scores[target])) target = c;
        }
        int next = target;
        if (costs[guess] > min_cost) {
          perceptron.update(features, target, 1.0f);
          perceptron.update(features, guess, -1.0f);
          ++errors;
          if (epoch > 1 && coin(rng) < options.explore) next = guess;
        } else {
          next = guess;
        }
        perceptron.tick();
        ++steps;
        if (next == Moves::kShift) {
          oracle.in_stack[cf.b] = 1;
        } else {
          oracle.in_stack.at(static_cast<size_t>(cf.stack.back())) = 0;
        }
        moves.apply(cf, next);
      }
    }
    Parser candidate = parser;
    candidate.model_ = perceptron.average(options.prune);
    const double score = dev.empty() ? static_cast<double>(epoch) : dev_las(candidate);
    if (options.log)
      options.log(
          fmt::format("parser epoch {:2}: train errors {:.2f}%, dev LAS {:.2f}%, "
                      "{} features, {} weights",
                      epoch, 100.0 * static_cast<double>(errors) / static_cast<double>(steps),
                      score, candidate.model_.features(), candidate.model_.weights()));
    if (!stopping.offer(score, std::move(candidate.model_))) break;
  }
  parser.model_ = stopping.take();
  return parser;
}

void Parser::save(ModelWriter& out) const {
  out.strings(labels_);
  out.u32(static_cast<uint32_t>(root_label_));
  model_.save(out);
}

Parser Parser::load(ModelReader& in) {
  Parser p;
  p.labels_ = in.strings();
  p.root_label_ = static_cast<int>(in.u32());
  if (p.labels_.empty() || p.root_label_ >= static_cast<int>(p.labels_.size()))
    in.fail("bad label set");
  p.model_ = LinearModel::load(in);
  if (p.model_.classes() != 1 + 2 * static_cast<int>(p.labels_.size()))
    in.fail("parser size mismatch");
  return p;
}

}  // namespace khaldun::nlp
