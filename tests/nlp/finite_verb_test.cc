#include "nlp/finite_verb.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace khaldun::nlp {
namespace {

// "form/XPOS" items; UPOS follows from the XPOS closely enough for these cases.
std::vector<Token> tagged(const std::string& spec) {
  std::vector<Token> out;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    Token t;
    auto slash = item.rfind('/');
    t.form = item.substr(0, slash);
    t.xpos = item.substr(slash + 1);
    t.upos = t.xpos.starts_with("NN")   ? "NOUN"
             : t.xpos.starts_with("VB") ? "VERB"
             : t.xpos == "JJ"           ? "ADJ"
                                        : "X";
    out.push_back(t);
  }
  return out;
}

TEST(FiniteVerb, PastTenseRestoredWhereTheSentenceHasNone) {
  auto s = tagged("Israeli/JJ forces/NNS demolished/JJ Palestinian/JJ homes/NNS ./.");
  EXPECT_TRUE(restore_finite_verb(s));
  EXPECT_EQ(s[2].xpos, "VBD");
  EXPECT_EQ(s[2].upos, "VERB");
}

TEST(FiniteVerb, HeadlinePassiveAndFiniteSentencesLeftAlone) {
  auto headline = tagged("4/CD Pakistanis/NNPS killed/VBN in/IN drone/NN attack/NN");
  EXPECT_FALSE(restore_finite_verb(headline));
  EXPECT_EQ(headline[2].xpos, "VBN");
  auto finite = tagged("Troops/NNS trained/VBN soldiers/NNS and/CC left/VBD ./.");
  EXPECT_FALSE(restore_finite_verb(finite));
  EXPECT_EQ(finite[1].xpos, "VBN");
}

}  // namespace
}  // namespace khaldun::nlp
