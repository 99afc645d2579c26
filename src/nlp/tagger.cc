#include "nlp/tagger.h"

#include <algorithm>
#include <map>
#include <random>
#include <unordered_map>

#include <fmt/format.h>

#include "nlp/early_stopping.h"
#include "nlp/hash.h"

namespace khaldun::nlp {
namespace {

constexpr uint64_t kBoundary = 0x5eed5eed5eedULL;  // the value of positions outside the sentence
constexpr uint64_t kUnknown = 0xdeadbeefULL;       // ambiguity class of an unseen word

// "Xxxx-dd" with runs collapsed: capitalisation, digits and punctuation at a glance. Hashed as
// it is made (the hash of the shape string, without the string: this runs for every word).
uint64_t shape_hash(std::string_view form) {
  uint64_t h = kFnvStart;
  char last = 0, before = 0;
  size_t size = 0;
  for (unsigned char c : form) {
    char s = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : static_cast<char>(c);
    if (size >= 2 && last == s && before == s) continue;
    h = fnv1a(h, std::string_view(&s, 1));
    before = last;
    last = s;
    ++size;
  }
  return mix(h);
}

// Deterministic on every platform, unlike std::shuffle.
template <typename T>
void shuffle(std::vector<T>& v, std::mt19937& rng) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[rng() % i]);
}

}  // namespace

// What the features need from each word, computed once per sentence.
class Tagger::Features {
 public:
  struct Word {
    uint64_t lower, form, shape, ambiguity, wordnet;
    uint64_t suffix[4], prefix[3];
  };

  Features(const Tagger& tagger, std::span<const Token> sentence) {
    words_.resize(sentence.size());
    for (size_t i = 0; i < sentence.size(); ++i) {
      const std::string& form = sentence[i].form;
      const std::string low = lower(form);
      Word& w = words_[i];
      w.lower = hash_string(low);
      w.form = hash_string(form);
      w.shape = shape_hash(form);
      const uint64_t* ambiguity = tagger.ambiguity_.find(w.lower);
      w.ambiguity = ambiguity ? *ambiguity : kUnknown;
      w.wordnet = tagger.wordnet_.classes(low);
      for (size_t k = 0; k < 4; ++k)
        w.suffix[k] = low.size() > k ? hash_string(std::string_view(low).substr(low.size() - k - 1))
                                     : kBoundary;
      // The prefixes' hashes, each continuing the one before.
      uint64_t h = kFnvStart;
      for (size_t k = 0; k < 3; ++k) {
        if (low.size() > k) h = fnv1a(h, std::string_view(low).substr(k, 1));
        w.prefix[k] = low.size() > k ? mix(h) : kBoundary;
      }
    }
  }

  const Word& word(size_t i) const { return words_[i]; }
  size_t size() const { return words_.size(); }

  // The features of word i, given the classes of the words before it.
  // The features of word i, given the classes of the words before it and, when stacked, the
  // first pass's classes of all words.
  void extract(size_t i, std::span<const int> previous, std::span<const int> first,
               std::vector<uint64_t>& out) const {
    static const Word kOutside{kBoundary,
                               kBoundary,
                               kBoundary,
                               kBoundary,
                               kBoundary,
                               {kBoundary, kBoundary, kBoundary, kBoundary},
                               {kBoundary, kBoundary, kBoundary}};
    auto at = [&](long j) -> const Word& {
      return j < 0 || j >= static_cast<long>(words_.size()) ? kOutside : words_[j];
    };
    const long n = static_cast<long>(i);
    const Word& w = at(n);
    const Word& p1 = at(n - 1);
    const Word& p2 = at(n - 2);
    const Word& n1 = at(n + 1);
    const Word& n2 = at(n + 2);
    const uint64_t t1 = i >= 1 ? static_cast<uint64_t>(previous[i - 1]) : 1000;
    const uint64_t t2 = i >= 2 ? static_cast<uint64_t>(previous[i - 2]) : 1000;
    out.clear();
    out.push_back(feature_key(0));
    out.push_back(feature_key(1, w.lower));
    out.push_back(feature_key(2, w.form));
    for (int k = 0; k < 4; ++k) out.push_back(feature_key(3 + k, w.suffix[k]));
    for (int k = 0; k < 3; ++k) out.push_back(feature_key(7 + k, w.prefix[k]));
    out.push_back(feature_key(10, w.shape));
    out.push_back(feature_key(11, p1.lower));
    out.push_back(feature_key(12, n1.lower));
    out.push_back(feature_key(13, p2.lower));
    out.push_back(feature_key(14, n2.lower));
    out.push_back(feature_key(15, t1));
    out.push_back(feature_key(16, t1, t2));
    out.push_back(feature_key(17, t1, w.lower));
    out.push_back(feature_key(18, p1.suffix[2]));
    out.push_back(feature_key(19, n1.suffix[2]));
    out.push_back(feature_key(20, w.ambiguity));
    out.push_back(feature_key(21, n1.ambiguity));
    out.push_back(feature_key(22, n2.ambiguity));
    out.push_back(feature_key(23, t1, n1.ambiguity));
    out.push_back(feature_key(24, w.lower, n1.lower));
    out.push_back(feature_key(25, p1.lower, w.lower));
    out.push_back(feature_key(26, w.ambiguity, n1.ambiguity));
    out.push_back(feature_key(27, w.shape, i == 0));
    out.push_back(feature_key(28, t1, w.ambiguity));
    out.push_back(feature_key(29, w.lower, n1.ambiguity));
    out.push_back(feature_key(30, n1.shape));
    out.push_back(feature_key(31, p1.shape));
    out.push_back(feature_key(32, t1, w.suffix[2]));
    out.push_back(feature_key(33, t1, t2, w.ambiguity));
    out.push_back(feature_key(34, w.suffix[1], n1.ambiguity));
    out.push_back(feature_key(35, p1.lower, w.lower, n1.lower));
    // WordNet's classes: what a rare word can be, which its ambiguity class cannot tell.
    out.push_back(feature_key(50, w.wordnet));
    out.push_back(feature_key(51, w.wordnet, w.suffix[1]));
    out.push_back(feature_key(52, w.wordnet, w.shape));
    out.push_back(feature_key(53, n1.wordnet));
    out.push_back(feature_key(54, t1, w.wordnet));
    if (first.empty()) return;
    auto F = [&](long j) -> uint64_t {
      return j < 0 || j >= static_cast<long>(first.size()) ? 1000 : static_cast<uint64_t>(first[j]);
    };
    out.push_back(feature_key(40, F(n)));
    out.push_back(feature_key(41, F(n + 1)));
    out.push_back(feature_key(42, F(n + 2)));
    out.push_back(feature_key(43, F(n + 1), F(n + 2)));
    out.push_back(feature_key(44, w.lower, F(n + 1)));
    out.push_back(feature_key(45, t1, F(n + 1)));
    out.push_back(feature_key(46, F(n), F(n + 1)));
    out.push_back(feature_key(47, w.suffix[2], F(n + 1)));
    out.push_back(feature_key(48, F(n + 1), n1.lower));
    out.push_back(feature_key(49, t1, F(n), F(n + 1)));
  }

 private:
  std::vector<Word> words_;
};

std::vector<int> Tagger::first_pass_classes(std::span<const Token> sentence) const {
  std::vector<int> first;
  if (first_pass_) {
    std::vector<int> none;
    first_pass_->predict(
        sentence, none,
        [&](std::span<const uint64_t> f, std::span<float> s) { first_pass_->model_.score(f, s); },
        first);
  }
  return first;
}

template <typename Scorer>
void Tagger::predict(std::span<const Token> sentence, std::span<const int> first,
                     const Scorer& score, std::vector<int>& out) const {
  Features features(*this, sentence);
  out.assign(sentence.size(), 0);
  std::vector<uint64_t> keys;
  std::vector<float> scores(upos_.size());
  for (size_t i = 0; i < sentence.size(); ++i) {
    if (const uint16_t* fixed = unambiguous_.find(features.word(i).lower)) {
      out[i] = *fixed;
      continue;
    }
    features.extract(i, out, first, keys);
    score(keys, scores);
    out[i] = argmax(scores);
  }
}

int Tagger::argmax(std::span<const float> scores) {
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

void Tagger::tag(std::span<Token> sentence) const {
  if (upos_.empty()) return;
  std::vector<int> classes;
  const std::vector<int> first = first_pass_classes(sentence);
  predict(
      sentence, first, [&](std::span<const uint64_t> f, std::span<float> s) { model_.score(f, s); },
      classes);
  for (size_t i = 0; i < sentence.size(); ++i) {
    sentence[i].upos = upos_[classes[i]];
    sentence[i].xpos = xpos_[classes[i]];
  }
}

Tagger Tagger::train(const Treebank& train, const Treebank& dev, const TaggerTrainOptions& options,
                     std::shared_ptr<const Tagger> first_pass, const Treebank* train_first_pass) {
  Tagger tagger;
  if (options.wordnet) tagger.wordnet_ = *options.wordnet;
  std::map<std::pair<std::string, std::string>, int> class_of;
  if (first_pass) {  // the same classes, so that the first pass's numbers mean the same here
    tagger.upos_ = first_pass->upos_;
    tagger.xpos_ = first_pass->xpos_;
    for (size_t c = 0; c < tagger.upos_.size(); ++c)
      class_of[{tagger.upos_[c], tagger.xpos_[c]}] = static_cast<int>(c);
    tagger.first_pass_ = first_pass;
  }
  auto class_id = [&](const Token& t) {
    auto [it, fresh] =
        class_of.try_emplace({t.upos, t.xpos}, static_cast<int>(tagger.upos_.size()));
    if (fresh) {
      tagger.upos_.push_back(t.upos);
      tagger.xpos_.push_back(t.xpos);
    }
    return it->second;
  };
  std::vector<std::vector<int>> gold(train.size());
  std::unordered_map<uint64_t, std::map<int, int>> seen;  // word -> class -> count
  for (size_t s = 0; s < train.size(); ++s) {
    for (const Token& t : train[s]) {
      gold[s].push_back(class_id(t));
      ++seen[hash_string(lower(t.form))][gold[s].back()];
    }
  }
  for (const auto& [word, counts] : seen) {
    uint64_t h = 0x1234;
    int total = 0, best = 0, best_class = 0;
    for (const auto& [cls, count] : counts) {
      h = combine(h, static_cast<uint64_t>(cls));
      total += count;
      if (count > best) best = count, best_class = cls;
    }
    if (total >= 2) tagger.ambiguity_[word] = h;  // hapaxes look unseen, as at run time
    if (total >= 20 && best >= 0.995 * total)
      tagger.unambiguous_[word] = static_cast<uint16_t>(best_class);
  }

  const int classes = static_cast<int>(tagger.upos_.size());
  // The first pass's classes of each training sentence: jackknifed when given, else its own.
  std::vector<std::vector<int>> train_first(train.size());
  if (first_pass) {
    for (size_t s = 0; s < train.size(); ++s) {
      if (train_first_pass && train_first_pass->size() == train.size()) {
        for (const Token& t : (*train_first_pass)[s]) {
          auto it = class_of.find({t.upos, t.xpos});
          train_first[s].push_back(it == class_of.end() ? 0 : it->second);
        }
      } else {
        train_first[s] = tagger.first_pass_classes(train[s]);
      }
    }
  }
  Perceptron perceptron(classes);
  std::mt19937 rng(options.seed);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;

  auto dev_accuracy = [&](const LinearModel& model) {
    size_t right = 0, total = 0;
    std::vector<int> predicted;
    for (const auto& sentence : dev) {
      const std::vector<int> first = tagger.first_pass_classes(sentence);
      tagger.predict(
          sentence, first,
          [&](std::span<const uint64_t> f, std::span<float> s) { model.score(f, s); }, predicted);
      for (size_t i = 0; i < sentence.size(); ++i) {
        ++total;
        right += tagger.upos_[predicted[i]] == sentence[i].upos &&
                 tagger.xpos_[predicted[i]] == sentence[i].xpos;
      }
    }
    return total ? 100.0 * static_cast<double>(right) / static_cast<double>(total) : 0.0;
  };

  EarlyStopping stopping(options.patience);
  std::vector<uint64_t> keys;
  std::vector<float> scores(classes);
  for (int epoch = 1; epoch <= options.max_epochs; ++epoch) {
    shuffle(order, rng);
    size_t errors = 0, words = 0;
    for (size_t s : order) {
      const auto& sentence = train[s];
      Features features(tagger, sentence);
      std::vector<int> predicted(sentence.size(), 0);
      for (size_t i = 0; i < sentence.size(); ++i) {
        features.extract(i, predicted, train_first[s], keys);
        perceptron.score(keys, scores);
        const int guess = tagger.argmax(scores);
        const int truth = gold[s][i];
        if (guess != truth) {
          perceptron.update(keys, truth, 1.0f);
          perceptron.update(keys, guess, -1.0f);
          ++errors;
        }
        perceptron.tick();
        predicted[i] = guess;
        ++words;
      }
    }
    LinearModel averaged = perceptron.average(options.prune);
    const double score = dev.empty() ? static_cast<double>(epoch) : dev_accuracy(averaged);
    if (options.log)
      options.log(
          fmt::format("tagger epoch {:2}: train errors {:.2f}%, dev UPOS+XPOS {:.2f}%, "
                      "{} features",
                      epoch, 100.0 * static_cast<double>(errors) / static_cast<double>(words),
                      score, averaged.features()));
    if (!stopping.offer(score, std::move(averaged))) break;
  }
  tagger.model_ = stopping.take();
  return tagger;
}

void Tagger::save(ModelWriter& out) const {
  out.u8(first_pass_ ? 1 : 0);
  if (first_pass_) first_pass_->save(out);
  out.strings(upos_);
  out.strings(xpos_);
  model_.save(out);
  std::vector<uint64_t> words, values;
  ambiguity_.for_each([&](uint64_t w, uint64_t v) { words.push_back(w), values.push_back(v); });
  out.array(words);
  out.array(values);
  std::vector<uint64_t> fixed_words;
  std::vector<uint16_t> fixed_classes;
  unambiguous_.for_each(
      [&](uint64_t w, uint16_t c) { fixed_words.push_back(w), fixed_classes.push_back(c); });
  out.array(fixed_words);
  out.array(fixed_classes);
  wordnet_.save(out);
}

Tagger Tagger::load(ModelReader& in, int depth) {
  Tagger t;
  const uint8_t stacked = in.u8();
  if (stacked > 1 || (stacked && depth > 0)) in.fail("bad tagger stack");
  if (stacked) t.first_pass_ = std::make_shared<const Tagger>(load(in, depth + 1));
  t.upos_ = in.strings();
  t.xpos_ = in.strings();
  if (t.upos_.size() != t.xpos_.size() || t.upos_.empty()) in.fail("bad tag set");
  t.model_ = LinearModel::load(in);
  if (t.model_.classes() != static_cast<int>(t.upos_.size())) in.fail("tagger size mismatch");
  if (t.first_pass_ && t.first_pass_->upos_ != t.upos_) in.fail("tagger stack mismatch");
  auto words = in.array<uint64_t>();
  auto values = in.array<uint64_t>();
  if (words.size() != values.size()) in.fail("bad ambiguity table");
  t.ambiguity_.reserve(words.size());
  for (size_t i = 0; i < words.size(); ++i) t.ambiguity_[words[i]] = values[i];
  auto fixed_words = in.array<uint64_t>();
  auto fixed_classes = in.array<uint16_t>();
  if (fixed_words.size() != fixed_classes.size()) in.fail("bad word table");
  for (size_t i = 0; i < fixed_words.size(); ++i) {
    if (fixed_classes[i] >= t.upos_.size()) in.fail("bad word table");
    t.unambiguous_[fixed_words[i]] = fixed_classes[i];
  }
  t.wordnet_ = WordNetClasses::load(in);
  return t;
}

}  // namespace khaldun::nlp
