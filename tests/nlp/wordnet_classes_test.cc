#include "nlp/wordnet_classes.h"

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <gtest/gtest.h>

namespace khaldun::nlp {
namespace {

namespace fs = std::filesystem;
using W = WordNetClasses;

// A miniature WordNet folder: the index files' first column and the exception lists.
class MiniWordNet : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("khaldun_wn_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "index.noun") << "  1 licence header line\n"
                                          "cat n 1 1 @ 1 0 02121620\n"
                                          "box n 1 1 @ 1 0 02883344\n"
                                          "walk n 1 1 @ 1 0 00283246\n"
                                          "ice_cream n 1 1 @ 1 0 07614500\n";
    std::ofstream(dir_ / "index.verb") << "walk v 1 1 @ 1 0 01904930\n"
                                          "make v 1 1 @ 1 0 01617192\n"
                                          "stop v 1 1 @ 1 0 01860795\n";
    std::ofstream(dir_ / "index.adj") << "big a 1 1 & 1 0 01382086\n"
                                         "fast a 1 1 & 1 0 00976508\n";
    std::ofstream(dir_ / "index.adv") << "fast r 1 1 & 1 0 00086000\n";
    std::ofstream(dir_ / "noun.exc") << "mice mouse\n";
    std::ofstream(dir_ / "verb.exc") << "went go\n";
    std::ofstream(dir_ / "adj.exc") << "better good\n";
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path dir_;
};

TEST_F(MiniWordNet, LemmasAndRegularInflections) {
  std::string log;
  const W w = W::read(dir_.string(), &log);
  EXPECT_NE(log.find("9 lemmas"), std::string::npos) << log;  // the collocation is left out
  EXPECT_EQ(w.classes("cat"), W::kNoun);
  EXPECT_EQ(w.classes("cats"), W::kPluralNoun);
  EXPECT_EQ(w.classes("boxes"), W::kPluralNoun);
  EXPECT_EQ(w.classes("walk"), W::kNoun | W::kVerb);
  EXPECT_EQ(w.classes("walks"), W::kPluralNoun | W::kVerbS);
  EXPECT_EQ(w.classes("walked"), W::kVerbEd);
  EXPECT_EQ(w.classes("making"), W::kVerbIng);
  EXPECT_EQ(w.classes("stopped"), W::kVerbEd);
  EXPECT_EQ(w.classes("bigger"), W::kComparative);
  EXPECT_EQ(w.classes("fast"), W::kAdjective | W::kAdverb);
  EXPECT_EQ(w.classes("fastest"), W::kComparative);
  EXPECT_EQ(w.classes("ice_cream"), 0);
  EXPECT_EQ(w.classes("qwzx"), 0);
  EXPECT_EQ(w.classes(""), 0);
}

TEST_F(MiniWordNet, IrregularFormsFromTheExceptionLists) {
  const W w = W::read(dir_.string());
  EXPECT_EQ(w.classes("mice"), W::kPluralNoun);
  EXPECT_EQ(w.classes("went"), W::kVerbEd);
  EXPECT_EQ(w.classes("better"), W::kComparative);
}

TEST_F(MiniWordNet, SavedAndLoadedTableAnswersTheSame) {
  const W w = W::read(dir_.string());
  ModelWriter out;
  w.save(out);
  const fs::path file = dir_ / "wn.khm";
  out.save(file.string());
  ModelReader in(file.string());
  const W loaded = W::load(in);
  in.finish();
  EXPECT_EQ(loaded.size(), w.size());
  for (const char* word : {"cats", "walked", "mice", "fast", "bigger", "qwzx"})
    EXPECT_EQ(loaded.classes(word), w.classes(word)) << word;
}

TEST(WordNetClasses, MissingFolderGivesAnEmptyTable) {
  std::string log;
  const W w = W::read("/nonexistent/wordnet", &log);
  EXPECT_TRUE(w.empty());
  EXPECT_EQ(w.classes("cats"), 0);
  EXPECT_NE(log.find("none found"), std::string::npos);
}

}  // namespace
}  // namespace khaldun::nlp
