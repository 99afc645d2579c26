#include "nlp/linear_model.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <unistd.h>

#include <gtest/gtest.h>

namespace khaldun::nlp {
namespace {

namespace fs = std::filesystem;

constexpr int kClasses = 40;
constexpr uint64_t kLong = 11, kShort = 22, kUnseen = 33, kPair = 44, kSingle = 55, kUneven = 66;

// One update at step 1, then averaged at step 2: each weight is half its delta. Feature kLong
// has a weight for 30 classes (stored as a dense row), kShort for 3 (a sparse row). kPair (+w
// for one class, -w for another) and kSingle (one weight) live in their index slots; kUneven
// has two weights of different sizes, so it is a sparse row. They come first and between the
// others, so that the file order of the rows is tested too.
LinearModel small_model(float prune = 0.0f) {
  Perceptron p(kClasses);
  auto update = [&](uint64_t feature, int c, float delta) {
    const uint64_t f[] = {feature};
    p.update(f, c, delta);
  };
  update(kPair, 12, 3.0f);
  update(kPair, 5, -3.0f);
  for (int c = 0; c < 30; ++c) {
    const uint64_t f[] = {kLong};
    p.update(f, c, static_cast<float>(c + 1));
  }
  update(kSingle, 2, 6.0f);
  update(kUneven, 3, 2.0f);
  update(kUneven, 4, -6.0f);
  for (int c : {1, 7, 39}) {
    const uint64_t f[] = {kShort};
    p.update(f, c, -4.0f);
  }
  p.tick();
  return p.average(prune);
}

std::vector<float> scores(const LinearModel& m, std::vector<uint64_t> features) {
  std::vector<float> s(kClasses);
  m.score(features, s);
  return s;
}

std::string file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(LinearModel, ScoresLongAndShortRows) {
  const LinearModel m = small_model();
  EXPECT_EQ(m.features(), 5u);
  EXPECT_EQ(m.weights(), 38u);
  const std::vector<float> s = scores(m, {kLong, kShort, kUnseen});
  for (int c = 0; c < kClasses; ++c) {
    float want = c < 30 ? (c + 1) / 2.0f : 0.0f;
    if (c == 1 || c == 7 || c == 39) want -= 2.0f;
    EXPECT_NEAR(s[c], want, 0.01f) << "class " << c;
  }
  for (float v : scores(m, {kUnseen})) EXPECT_EQ(v, 0.0f);
}

TEST(LinearModel, ScoresRowsKeptInTheirSlots) {
  const LinearModel m = small_model();
  const std::vector<float> s = scores(m, {kPair, kSingle, kUneven, kShort});
  for (int c = 0; c < kClasses; ++c) {
    float want = c == 12 ? 1.5f : c == 5 ? -1.5f : c == 2 ? 3.0f : c == 3 ? 1.0f : 0.0f;
    if (c == 4) want = -3.0f;
    if (c == 1 || c == 7 || c == 39) want -= 2.0f;
    EXPECT_NEAR(s[c], want, 0.01f) << "class " << c;
  }
}

TEST(LinearModel, SaveLoadKeepsScoresAndFileBytes) {
  const LinearModel m = small_model();
  const fs::path dir =
      fs::temp_directory_path() / ("khaldun_lm_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  ModelWriter out;
  m.save(out);
  out.save((dir / "a.khm").string());
  ModelReader in((dir / "a.khm").string());
  const LinearModel loaded = LinearModel::load(in);
  in.finish();
  const std::vector<uint64_t> all = {kLong, kShort, kPair, kSingle, kUneven};
  EXPECT_EQ(scores(loaded, all), scores(m, all));
  // The rows come back in the file's order, so saving again writes the same file.
  ModelWriter again;
  loaded.save(again);
  again.save((dir / "b.khm").string());
  EXPECT_EQ(file_bytes(dir / "a.khm"), file_bytes(dir / "b.khm"));
  fs::remove_all(dir);
}

TEST(LinearModel, PruneDropsSmallWeightsOfBothKinds) {
  LinearModel m = small_model();
  m.prune(9.9f);  // keeps classes 19..29 of the long row (weights 10..15), drops the others
  EXPECT_EQ(m.features(), 1u);
  EXPECT_EQ(m.weights(), 11u);
  const std::vector<float> s = scores(m, {kLong, kShort, kPair, kSingle, kUneven});
  for (int c = 0; c < kClasses; ++c) {
    const float want = c >= 19 && c < 30 ? (c + 1) / 2.0f : 0.0f;
    EXPECT_NEAR(s[c], want, 0.01f) << "class " << c;
  }
}

}  // namespace
}  // namespace khaldun::nlp
