#include "nlp/pipeline.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include <gtest/gtest.h>

#include "nlp/trainer.h"
#include "tiny_treebank.h"

namespace khaldun::nlp {
namespace {

namespace fs = std::filesystem;
using testing::form_token;

// Trains once on the tiny treebank (a second or two, even under the sanitizers).
class TinyModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("khaldun_nlp_test_" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    const fs::path bank = *dir_ / "tiny.conllu";
    std::ofstream(bank) << testing::kTinyConllu;
    TrainOptions options;
    options.train = {bank.string()};
    options.dev = bank.string();
    options.tagger_epochs = 2;
    options.parser_epochs = 2;
    options.jackknife_folds = 1;
    options.description = "test model";
    pipeline_ = new Pipeline(train_pipeline(options));
    model_path_ = new std::string((*dir_ / "tiny.khm").string());
    pipeline_->save(*model_path_);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete pipeline_;
    delete model_path_;
  }

  static std::vector<Token> words(const std::vector<std::string>& forms) {
    std::vector<Token> out;
    for (const auto& f : forms) out.push_back(form_token(f));
    return out;
  }

  // Checks that heads form one tree: one root, every word reaches it, no cycles.
  static void expect_tree(const std::vector<Token>& sentence) {
    const int n = static_cast<int>(sentence.size());
    int roots = 0;
    for (int i = 0; i < n; ++i) {
      const int h = sentence[i].head;
      ASSERT_GE(h, 0);
      ASSERT_LE(h, n);
      ASSERT_NE(h, i + 1);
      ASSERT_FALSE(sentence[i].deprel.empty());
      if (h == 0) {
        ++roots;
        EXPECT_EQ(sentence[i].deprel, "root");
      } else {
        EXPECT_NE(sentence[i].deprel, "root");
      }
    }
    EXPECT_EQ(roots, 1);
    for (int i = 0; i < n; ++i) {
      int steps = 0, at = i + 1;
      while (at != 0 && steps <= n) at = sentence[at - 1].head, ++steps;
      ASSERT_EQ(at, 0) << "word " << i + 1 << " is in a cycle";
    }
  }

  static fs::path* dir_;
  static Pipeline* pipeline_;
  static std::string* model_path_;
};

fs::path* TinyModel::dir_ = nullptr;
Pipeline* TinyModel::pipeline_ = nullptr;
std::string* TinyModel::model_path_ = nullptr;

TEST_F(TinyModel, LearnsTheTrainingData) {
  size_t right = 0, total = 0;
  for (const auto& gold : testing::tiny_treebank()) {
    std::vector<Token> copy = gold;
    pipeline_->annotate(copy);
    for (size_t i = 0; i < gold.size(); ++i, ++total) right += copy[i].upos == gold[i].upos;
  }
  EXPECT_GT(right, total * 8 / 10) << right << " of " << total;
}

TEST_F(TinyModel, SaveLoadGivesIdenticalPredictions) {
  const Pipeline loaded = Pipeline::load(*model_path_);
  EXPECT_EQ(loaded.description(), "test model");
  std::vector<std::vector<Token>> inputs;
  for (const auto& s : testing::tiny_treebank()) inputs.push_back(s);
  inputs.push_back(
      words({"Unknown", "words", "like", "Zorblat", "were", "seized", "yesterday", "."}));
  for (auto& input : inputs) {
    std::vector<Token> a = input, b = input;
    pipeline_->annotate(a);
    loaded.annotate(b);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].upos, b[i].upos);
      EXPECT_EQ(a[i].xpos, b[i].xpos);
      EXPECT_EQ(a[i].feats, b[i].feats);
      EXPECT_EQ(a[i].lemma, b[i].lemma);
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].deprel, b[i].deprel);
    }
  }
}

TEST_F(TinyModel, EverySentenceGetsOneTree) {
  expect_tree([] {
    auto s = words({"Hello"});
    pipeline_->annotate(s);
    return s;
  }());
  auto s = words({"the", "the", "the", ".", ",", "and", "seized", "seized"});
  pipeline_->annotate(s);
  expect_tree(s);
}

TEST_F(TinyModel, LongSentenceParsesInLinearTime) {
  const std::vector<std::string> pattern = {"Police", "arrested", "the",    "protesters", "and",
                                            "the",    "army",     "seized", "towns",      ","};
  auto sentence_of = [&](size_t n) {
    std::vector<std::string> forms;
    for (size_t i = 0; i < n; ++i) forms.push_back(pattern[i % pattern.size()]);
    return words(forms);
  };
  // The best of three runs: a busy machine slows single runs down by several times.
  auto time_of = [&](std::vector<Token>& s) {
    double best = 1e9;
    for (int run = 0; run < 3; ++run) {
      const auto start = std::chrono::steady_clock::now();
      pipeline_->annotate(s);
      best = std::min(
          best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
  };
  auto small = sentence_of(1200), large = sentence_of(9600);
  time_of(small);  // warm up
  const double t_small = time_of(small);
  const double t_large = time_of(large);
  expect_tree(small);
  expect_tree(large);
  // 8 times the words: linear is ~8x, quadratic would be ~64x. Generous for noisy machines.
  EXPECT_LT(t_large, 24 * t_small + 0.05) << t_small << " s vs " << t_large << " s";
}

TEST_F(TinyModel, AnnotatesDocumentsFromSeveralThreads) {
  Document doc;
  for (const auto& s : testing::tiny_treebank()) {
    Sentence sentence;
    sentence.first_token = static_cast<uint32_t>(doc.tokens.size());
    sentence.token_count = static_cast<uint32_t>(s.size());
    doc.sentences.push_back(sentence);
    for (Token t : s) {
      t.upos.clear(), t.xpos.clear(), t.lemma.clear(), t.deprel.clear(), t.head = -1;
      doc.tokens.push_back(t);
    }
  }
  Document expected = doc;
  pipeline_->annotate(expected);
  std::vector<Document> copies(4, doc);
  std::vector<std::thread> threads;
  for (auto& copy : copies) threads.emplace_back([&copy] { pipeline_->annotate(copy); });
  for (auto& t : threads) t.join();
  for (const auto& copy : copies)
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      EXPECT_EQ(copy.tokens[i].xpos, expected.tokens[i].xpos);
      EXPECT_EQ(copy.tokens[i].head, expected.tokens[i].head);
      EXPECT_EQ(copy.tokens[i].deprel, expected.tokens[i].deprel);
    }
}

TEST_F(TinyModel, TruncatedOrDamagedModelIsAClearError) {
  std::ifstream in(*model_path_, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 100u);
  const fs::path bad = *dir_ / "bad.khm";
  auto error_for = [&](const std::string& content) -> std::string {
    std::ofstream(bad, std::ios::binary | std::ios::trunc) << content;
    try {
      Pipeline::load(bad.string());
    } catch (const ModelError& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(error_for(bytes.substr(0, bytes.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(error_for(bytes.substr(0, 5)).find("not a khaldun model"), std::string::npos);
  EXPECT_NE(error_for("").find("not a khaldun model"), std::string::npos);
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x5a;
  EXPECT_NE(error_for(damaged).find("damaged"), std::string::npos);
  std::string message = error_for(bytes.substr(0, bytes.size() - 1));
  EXPECT_NE(message.find(bad.string()), std::string::npos) << message;
  EXPECT_THROW(Pipeline::load((*dir_ / "absent.khm").string()), ModelError);
}

}  // namespace
}  // namespace khaldun::nlp
