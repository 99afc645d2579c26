#include "io/ud_v1.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace khaldun::ud {
namespace {

// A sentence from lines "form UPOS XPOS HEAD DEPREL" (HEAD 1-based, 0 = root).
std::vector<Token> sentence(const std::vector<std::string>& lines) {
  std::vector<Token> tokens;
  for (const std::string& line : lines) {
    std::istringstream in(line);
    Token t;
    in >> t.form >> t.upos >> t.xpos >> t.head >> t.deprel;
    EXPECT_FALSE(in.fail()) << line;
    tokens.push_back(t);
  }
  return tokens;
}

std::vector<std::string> deprels(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.deprel);
  return out;
}

TEST(UdV1, ObjectsAndVerbalObliques) {
  auto s = sentence({"Arnor PROPN NNP 2 nsubj", "restored VERB VBD 0 root", "ties NOUN NNS 2 dobj",
                     "with ADP IN 5 case", "Gondor PROPN NNP 2 nmod", ". PUNCT . 2 punct"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(deprels(s), (std::vector<std::string>{"nsubj", "root", "obj", "case", "obl", "punct"}));
}

TEST(UdV1, NominalModifiersOfNounsStayNmod) {
  auto s = sentence({"Gondor PROPN NNP 3 nmod:poss", "'s PART POS 1 case", "ties NOUN NNS 0 root",
                     "with ADP IN 5 case", "Arnor PROPN NNP 3 nmod"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[0].deprel, "nmod:poss");
  EXPECT_EQ(s[4].deprel, "nmod");
}

TEST(UdV1, PassiveWithByAgent) {
  auto s = sentence({"The DET DT 2 det", "embassy NOUN NN 4 nsubjpass", "was AUX VBD 4 auxpass",
                     "attacked VERB VBN 0 root", "by ADP IN 6 case", "rebels NOUN NNS 4 nmod",
                     "in ADP IN 8 case", "Osgiliath PROPN NNP 4 nmod"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[1].deprel, "nsubj:pass");
  EXPECT_EQ(s[2].deprel, "aux:pass");
  EXPECT_EQ(s[5].deprel, "obl:agent");
  EXPECT_EQ(s[7].deprel, "obl");  // not every oblique of a passive is its agent
}

TEST(UdV1, ActiveVerbWithByIsNoAgent) {
  auto s = sentence({"They PRON PRP 2 nsubj", "stood VERB VBD 0 root", "by ADP IN 5 case",
                     "the DET DT 5 det", "river NOUN NN 2 nmod"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[4].deprel, "obl");
}

TEST(UdV1, ReducedRelativeIsPassive) {
  // "sanctions imposed by Gondor"
  auto s = sentence({"sanctions NOUN NNS 0 root", "imposed VERB VBN 1 acl", "by ADP IN 4 case",
                     "Gondor PROPN NNP 2 nmod"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[3].deprel, "obl:agent");
}

TEST(UdV1, V2OblWithByOnPassiveBecomesAgent) {
  auto s = sentence({"Talks NOUN NNS 3 nsubj:pass", "were AUX VBD 3 aux:pass",
                     "held VERB VBN 0 root", "by ADP IN 5 case", "Arnor PROPN NNP 3 obl"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[4].deprel, "obl:agent");
}

TEST(UdV1, TemporalAndAdverbialNounPhrases) {
  auto s =
      sentence({"Arnor PROPN NNP 2 nsubj", "met VERB VBD 0 root", "Wednesday PROPN NNP 2 nmod:tmod",
                "years NOUN NNS 5 nmod:npmod", "later ADV RBR 2 advmod", "talks NOUN NNS 2 dobj",
                "Friday PROPN NNP 6 nmod:tmod"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[2].deprel, "obl:tmod");
  EXPECT_EQ(s[3].deprel, "obl:npmod");  // on an adverb, which v2 counts as a predicate
  EXPECT_EQ(s[6].deprel, "nmod:tmod");  // on a noun it stays nominal
}

TEST(UdV1, TemporalModifierOfCopularClause) {
  // "Gollum was in an accord on Saturday": the clause is headed by the noun.
  auto s = sentence({"Gollum PROPN NNP 5 nsubj", "was VERB VBD 5 cop", "in ADP IN 5 case",
                     "an DET DT 5 det", "accord NOUN NN 0 root", "Saturday PROPN NNP 5 nmod:tmod"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[5].deprel, "obl:tmod");
}

TEST(UdV1, NegationNamesMultiwordsAndConjunctions) {
  auto s = sentence({"Frodo PROPN NNP 5 nsubj", "Baggins PROPN NNP 1 name", "did AUX VBD 5 aux",
                     "not PART RB 5 neg", "sign VERB VB 0 root", "no DET DT 7 neg",
                     "deal NOUN NN 5 dobj", "and CONJ CC 9 cc", "because SCONJ IN 11 mark",
                     "of ADP IN 9 mwe", "Gondor PROPN NNP 5 conj"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[1].deprel, "flat");
  EXPECT_EQ(s[3].deprel, "advmod");
  EXPECT_EQ(s[5].deprel, "det");
  EXPECT_EQ(s[7].upos, "CCONJ");
  EXPECT_EQ(s[9].deprel, "fixed");
}

TEST(UdV1, LeavesV2AloneAndIsIdempotent) {
  const auto v2 =
      sentence({"Iran PROPN NNP 2 nsubj", "met VERB VBD 0 root", "Russia PROPN NNP 2 obj",
                "on ADP IN 5 case", "Wednesday PROPN NNP 2 obl", "Sergei PROPN NNP 2 obl:tmod",
                "Lavrov PROPN NNP 6 flat", "of ADP IN 9 case", "Moscow PROPN NNP 6 nmod",
                "not PART RB 2 advmod", "and CCONJ CC 2 cc"});
  auto s = v2;
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(deprels(s), deprels(v2));
  auto v1 = sentence({"Arnor PROPN NNP 2 nsubjpass", "was AUX VBD 3 auxpass",
                      "attacked VERB VBN 0 root", "by ADP IN 5 case", "Gondor PROPN NNP 3 nmod"});
  upgrade_ud_v1_labels(v1);
  auto twice = v1;
  upgrade_ud_v1_labels(twice);
  EXPECT_EQ(deprels(twice), deprels(v1));
}

TEST(UdV1, BadHeadsDoNotCrash) {
  auto s = sentence(
      {"a NOUN NN 9 nmod", "b VERB VB -1 dobj", "c NOUN NN 0 nmod:tmod", "by ADP IN 99 case"});
  upgrade_ud_v1_labels(s);
  EXPECT_EQ(s[0].deprel, "nmod");  // head outside the sentence: nothing to say it is a predicate
  EXPECT_EQ(s[1].deprel, "obj");
  EXPECT_EQ(s[2].deprel, "nmod:tmod");
  upgrade_ud_v1_labels(std::span<Token>());
}

}  // namespace
}  // namespace khaldun::ud
