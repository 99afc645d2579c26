// SentenceView reused from sentence to sentence (as the coder does, one per thread) must see each
// sentence exactly as a fresh view would; and the pattern index must only leave out patterns that
// could not match.
#include "coder/sentence_view.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "coder/hand_parse.h"
#include "coder/pattern_matcher.h"
#include "coder/verb_index.h"
#include "dict/petrarch_reader.h"

namespace khaldun::coder {
namespace {

std::vector<Token> tokens(const std::string& spec) { return testing::hand_parsed(spec, "_"); }

void expect_same(const SentenceView& a, const SentenceView& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a.word(i), b.word(i)) << i;
    EXPECT_EQ(a.lemma(i), b.lemma(i)) << i;
    EXPECT_EQ(a.head(i), b.head(i)) << i;
    EXPECT_EQ(a.rel(i), b.rel(i)) << i;
    EXPECT_EQ(a.case_of(i), b.case_of(i)) << i;
    EXPECT_EQ(a.is_verb(i), b.is_verb(i)) << i;
    EXPECT_EQ(a.is_nominal(i), b.is_nominal(i)) << i;
    EXPECT_EQ(a.word_key(i), b.word_key(i)) << i;
    EXPECT_EQ(a.lemma_key(i), b.lemma_key(i)) << i;
    EXPECT_EQ(a.word_ids()[i], b.word_ids()[i]) << i;
    EXPECT_TRUE(std::ranges::equal(a.children(i), b.children(i))) << i;
  }
}

// Words are lower-cased eight bytes at a time: only A-Z change, not their neighbours in ASCII
// ('@' and '[') nor non-ASCII bytes, in words shorter and longer than eight bytes.
TEST(SentenceView, LowerCasesAsciiCapitalsOnly) {
  std::vector<Token> ts(3);
  ts[0].form = "\xC3\x89LAN@[Zz`";  // "ÉLAN@[Zz`"
  ts[1].form = "NEGOTIATIONS";
  ts[1].lemma = "Negotiation";
  ts[2].form = "iran";
  for (Token& t : ts) {
    t.upos = "NOUN";
    t.deprel = "root";
    t.head = 0;
  }
  SentenceView view(ts);
  EXPECT_EQ(view.word(0), "\xC3\x89lan@[zz`");
  EXPECT_EQ(view.lemma(0), "\xC3\x89lan@[zz`");
  EXPECT_EQ(view.word(1), "negotiations");
  EXPECT_EQ(view.lemma(1), "negotiation");
  EXPECT_EQ(view.word(2), "iran");
  EXPECT_TRUE(view.is(1, "negotiation"));
  EXPECT_FALSE(view.is(2, "ira"));
  EXPECT_TRUE(view.rel(0) == "root");
  EXPECT_FALSE(view.rel(0) == "roo");
}

TEST(SentenceView, ReusedViewSeesTheNewSentenceOnly) {
  dict::Dictionary d;
  dict::Diagnostics diag;
  dict::read_petrarch_actors("RUSSIA [RUS]\n+RUSSIAN\nIRAN [IRN]\n", "a.actors.txt", d, diag);
  dict::CompiledDictionary c(d);
  auto first = tokens(
      "The/DET/2/det Russian/ADJ/3/amod ministers/NOUN/4/nsubj/minister met/VERB/0/root "
      "with/ADP/6/case Iran/PROPN/4/obl:with 's/PART/6/case in/ADP/9/case Moscow/PROPN/4/obl");
  auto second = tokens("Iran/PROPN/2/nsubj WARNED/VERB/0/root/warn Russia/PROPN/2/obj");
  SentenceView reused(first, &c);
  reused.assign(second, &c);
  expect_same(reused, SentenceView(second, &c));
  EXPECT_EQ(reused.word(1), "warned");
  EXPECT_EQ(reused.lemma(1), "warn");
  EXPECT_NE(reused.word_ids()[2], dict::kUnknownWord);  // "russia"
  reused.assign(first, &c);
  expect_same(reused, SentenceView(first, &c));
  EXPECT_EQ(reused.case_of(5), "with");  // not the possessive 's after it
  EXPECT_EQ(reused.case_of(8), "in");
  EXPECT_TRUE(reused.is_verb(3));
  EXPECT_TRUE(reused.is_nominal(2));
  EXPECT_FALSE(reused.is_nominal(0));
}

// Words are views: of the token's own text when it has no capitals, else of a lower-cased copy,
// which must survive the copies of the words after it.
TEST(SentenceView, WordsLowerCasedWhereNeeded) {
  dict::Dictionary d;
  dict::Diagnostics diag;
  dict::read_petrarch_actors("RUSSIA [RUS]\n", "a.actors.txt", d, diag);
  dict::read_petrarch_verbs("--- WARN [130] ---\nWARN\n", "a.verbs.txt", d, diag);
  dict::CompiledDictionary c(d);
  auto t = tokens(
      "RUSSIA/PROPN/3/nsubj has/AUX/3/aux WARNED/VERB/0/root/warn the/DET/5/det "
      "Ministers/NOUN/3/obj/Minister");
  SentenceView s(t, &c);
  EXPECT_EQ(s.word(0), "russia");
  EXPECT_EQ(s.word(1), "has");
  EXPECT_EQ(s.word(1).data(), t[1].form.data());  // no copy of a word without capitals
  EXPECT_EQ(s.word(2), "warned");
  EXPECT_EQ(s.lemma(2), "warn");
  EXPECT_EQ(s.word(4), "ministers");
  EXPECT_EQ(s.lemma(4), "minister");
  EXPECT_EQ(s.word_ids()[0], c.word_id("Russia"));
  EXPECT_TRUE(s.is_verb_or_aux(1));
  EXPECT_TRUE(s.is_verb_or_aux(2));
  EXPECT_FALSE(s.is_verb_or_aux(4));
  // Only the verb's forms are verb words: the pre-check the coder runs on every sentence.
  VerbIndex verbs(c);
  EXPECT_TRUE(verbs.may_match(s, 2));
  EXPECT_FALSE(verbs.may_match(s, 1));
  EXPECT_FALSE(verbs.may_match(s, 0));
}

TEST(PatternIndex, EveryPatternIsTriedUnderOneOfItsWords) {
  dict::Dictionary d;
  dict::Diagnostics diag;
  dict::read_petrarch_verbs(
      "--- MEET [040] ---\nMEET\n- * WITH +  [041]\n- * TALKS WITH + [042]\n- * TALKS [043]\n"
      "- + * [044]\n- * (WITH +) TALKS [045]\n",
      "a.verbs.txt", d, diag);
  ASSERT_EQ(d.verb_groups.size(), 1u);
  dict::CompiledDictionary c(d);
  SynsetTable synsets(c);
  PreparedGroup g = prepare_group(d.verb_groups[0], c, synsets);
  ASSERT_EQ(g.patterns.size(), 5u);
  std::vector<int> seen(g.patterns.size(), 0);
  for (uint32_t p : g.unanchored) {
    EXPECT_TRUE(g.patterns[p].required.empty());
    ++seen[p];
  }
  ASSERT_EQ(g.anchor_begin.size(), g.anchors.size() + 1);
  EXPECT_TRUE(std::is_sorted(g.anchors.begin(), g.anchors.end()));
  for (size_t a = 0; a < g.anchors.size(); ++a) {
    for (uint32_t k = g.anchor_begin[a]; k < g.anchor_begin[a + 1]; ++k) {
      const auto& required = g.patterns[g.anchored[k]].required;
      EXPECT_NE(std::find(required.begin(), required.end(), g.anchors[a]), required.end());
      ++seen[g.anchored[k]];
    }
  }
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), static_cast<long>(seen.size()));
  EXPECT_EQ(g.unanchored.size(), 1u);  // "+ *"
  // "talks" is in three patterns and "with" in three: the anchor of "* WITH +" must be "with",
  // and of "* TALKS" "talks".
  EXPECT_EQ(g.anchors.size(), 2u);
}

// A synonym set can match only where a member's first word is in the sentence: the coder turns
// away the patterns of a set without one (WordSet::may_contain), and must never turn away one
// that could match.
TEST(PatternIndex, SynonymSetsWithoutAMemberStartingInTheSentenceAreAbsent) {
  dict::Dictionary d;
  dict::Diagnostics diag;
  dict::read_petrarch_verbs(
      "&WEAPON\n+RIFLE\n+HAND_GRENADE\n+&ARMOR\n\n&ARMOR\n+TANK\n\n&FOOD\n+GRAIN\n\n"
      "--- SELL [070] ---\nSELL\n- * &WEAPON [072]\n",
      "a.verbs.txt", d, diag);
  dict::CompiledDictionary c(d);
  SynsetTable synsets(c);
  const SynsetMembers* weapon = synsets.members("WEAPON");
  const SynsetMembers* food = synsets.members("FOOD");
  ASSERT_NE(weapon, nullptr);
  ASSERT_NE(food, nullptr);
  auto sentence = [&](const std::string& spec) {
    auto t = tokens(spec);
    SentenceView view(t, &c);
    WordSet words;
    words.assign(view, &synsets);
    return std::make_pair(words.may_contain(*weapon), words.may_contain(*food));
  };
  // A member's first word, as a form, as a lemma, or through a nested set.
  EXPECT_EQ(sentence("They/PRON/2/nsubj sold/VERB/0/root/sell hand/NOUN/4/compound "
                     "grenades/NOUN/2/obj/grenade"),
            std::make_pair(true, false));
  EXPECT_EQ(sentence("They/PRON/2/nsubj sold/VERB/0/root/sell Rifles/NOUN/2/obj/rifle"),
            std::make_pair(true, false));
  EXPECT_EQ(sentence("They/PRON/2/nsubj sold/VERB/0/root/sell tanks/NOUN/2/obj/tank"),
            std::make_pair(true, false));
  EXPECT_EQ(sentence("They/PRON/2/nsubj sold/VERB/0/root/sell grain/NOUN/2/obj"),
            std::make_pair(false, true));
  // Without the sets given, every set may be there.
  auto t = tokens("They/PRON/2/nsubj sold/VERB/0/root/sell grain/NOUN/2/obj");
  SentenceView view(t, &c);
  WordSet words(view);
  EXPECT_TRUE(words.may_contain(*weapon));
}

}  // namespace
}  // namespace khaldun::coder
