#include "nlp/evaluation.h"

#include <sstream>

#include <gtest/gtest.h>

#include "io/conllu.h"
#include "nlp/parser.h"

namespace khaldun::nlp {
namespace {

Document read_one(const std::string& text) {
  std::istringstream in(text);
  conllu::Reader reader(in, "t.conllu");
  return *reader.next();
}

const char* kGold =
    "# text = We don't go.\n"
    "1\tWe\twe\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\tMood=Ind|Tense=Pres\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n";

TEST(Evaluation, SameTokensIsAccuracy) {
  Document gold = read_one(kGold);
  Document system = gold;
  system.tokens[0].upos = "NOUN";                  // one UPOS error of five
  system.tokens[1].feats = "Tense=Pres|Mood=Ind";  // same set, other order: right
  system.tokens[2].deprel = "advmod:neg";  // LAS ignores the subtype, full-label LAS does not
  system.tokens[4].head = 1;               // one head error
  EvalCounts c;
  c.add_same_tokens(gold.tokens, system.tokens);
  EXPECT_DOUBLE_EQ(c.f1(c.upos), 80.0);
  EXPECT_DOUBLE_EQ(c.f1(c.ufeats), 100.0);
  EXPECT_DOUBLE_EQ(c.f1(c.uas), 80.0);
  EXPECT_DOUBLE_EQ(c.f1(c.las), 80.0);
  EXPECT_DOUBLE_EQ(c.f1(c.las_full), 60.0);
  auto j = c.to_json(false);
  EXPECT_DOUBLE_EQ(j["upos"].get<double>(), 80.0);
  EXPECT_FALSE(j.contains("token_f1"));
}

TEST(Evaluation, AlignsDifferentTokenisations) {
  Document gold = read_one(kGold);
  // The system splits "don't" differently and gets "We" attached to the wrong word.
  Document system = read_one(
      "# text = We don't go.\n"
      "1\tWe\twe\tPRON\tPRP\tCase=Nom\t2\tnsubj\t_\t_\n"
      "2\tdon't\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n"
      "3\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\tSpaceAfter=No\n"
      "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n");
  ASSERT_EQ(system.raw, gold.raw);
  EvalCounts c;
  c.add_aligned(gold, system);
  EXPECT_EQ(c.gold_tokens, 4u);
  EXPECT_EQ(c.matched_tokens, 4u);  // the surface tokens are the same
  EXPECT_EQ(c.gold_words, 5u);
  EXPECT_EQ(c.system_words, 4u);
  EXPECT_EQ(c.aligned_words, 4u);  // "We", "do"~"don't", "go", "."
  EXPECT_EQ(c.uas, 3u);            // "don't" -> go (as gold "do"), "go" (root), "." -> go; not "We"
  EXPECT_EQ(c.matched_sentences, 1u);
  auto j = c.to_json(true);
  EXPECT_DOUBLE_EQ(j["token_f1"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(j["uas"].get<double>(), 66.67);  // 2 * 3 / (5 + 4)
}

TEST(Evaluation, Helpers) {
  EXPECT_TRUE(same_feats("A=1|B=2", "B=2|A=1"));
  EXPECT_FALSE(same_feats("A=1", "A=2"));
  EXPECT_TRUE(same_feats("", ""));
  EXPECT_EQ(universal_relation("nsubj:pass"), "nsubj");
  EXPECT_EQ(universal_relation("obj"), "obj");
}

TEST(Projectivize, LiftsCrossingArcs) {
  // 1 <- 3, 2 <- 4 crossing: "A B C D" with heads 3 4 0 3.
  std::vector<int> heads = {3, 4, 0, 3};
  projectivize(heads);
  // Every arc must now be projective: nothing between head and dependent escapes the head.
  for (int d = 1; d <= 4; ++d) {
    const int h = heads[d - 1];
    for (int k = std::min(h, d) + 1; k < std::max(h, d); ++k) {
      int a = k;
      while (a != 0 && a != h) a = heads[a - 1];
      EXPECT_EQ(a, h) << "arc " << h << " -> " << d << " crosses word " << k;
    }
  }
  std::vector<int> projective = {2, 0, 2};
  projectivize(projective);
  EXPECT_EQ(projective, (std::vector<int>{2, 0, 2}));
}

}  // namespace
}  // namespace khaldun::nlp
