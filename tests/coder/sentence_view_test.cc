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
#include "text/char_class.h"

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

// Words of every length (the eight-byte reads with the NUL as padding), with and without capitals,
// whose lemma is the form as written, the form in other case, or another word: each is looked up
// under its lower-cased text (a wrong hash would miss), and its lower-cased copy survives the
// copies made after it, in a fresh view (whose copies move as its buffer grows) and in a reused
// one.
TEST(SentenceView, WordsOfEveryLengthFoldedAndLookedUp) {
  const std::string letters = "abcdefghijklmnopqrst";
  dict::Dictionary d;
  dict::Diagnostics diag;
  std::string actors;
  for (size_t n = 1; n <= letters.size(); ++n) {
    std::string name = letters.substr(0, n);
    for (char& ch : name) ch = static_cast<char>(ch - 'a' + 'A');
    actors += name + " [XXX]\n";
  }
  // Enough other words that a lookup with a wrong hash would not find the word by chance.
  for (int n = 0; n < 2000; ++n) actors += "FILLER" + std::to_string(n) + " [XXX]\n";
  dict::read_petrarch_actors(actors, "a.actors.txt", d, diag);
  dict::CompiledDictionary c(d);
  std::vector<Token> ts;
  ts.reserve(5 * letters.size());
  for (size_t n = 1; n <= letters.size(); ++n) {
    const std::string lower = letters.substr(0, n);
    std::string mixed = lower;
    for (size_t i = 0; i < n; i += 2) mixed[i] = static_cast<char>(mixed[i] - 'a' + 'A');
    for (const auto& [form, lemma] : std::vector<std::pair<std::string, std::string>>{
             {lower, lower}, {mixed, mixed}, {mixed, lower}, {lower, "_"}, {mixed, "x"}}) {
      // Bytes after the NUL that are not zero (left by a longer text), as a reused string has:
      // they must not be read as the padding. (Set in place: a copy would not keep them.)
      Token& t = ts.emplace_back();
      t.form = t.lemma = std::string(15, 'Q');
      t.form = form;
      t.lemma = lemma;
      t.upos = "NOUN";
      t.deprel = "dep";
      t.head = 1;
    }
  }
  const std::vector<Token> first = tokens("A/DET/0/root");
  SentenceView reused(first, &c);
  for (int round = 0; round < 2; ++round) {
    SentenceView fresh(ts, &c);
    reused.assign(ts, &c);
    for (const SentenceView* v : {&fresh, &reused}) {
      for (size_t i = 0; i < ts.size(); ++i) {
        const std::string word = text::lower_ascii(ts[i].form);
        const std::string lemma = ts[i].lemma == "_" ? word : text::lower_ascii(ts[i].lemma);
        EXPECT_EQ(v->word(i), word) << i;
        EXPECT_EQ(v->lemma(i), lemma) << i;
        EXPECT_EQ(v->word_key(i), c.key_id(word)) << i;
        EXPECT_NE(v->word_key(i), dict::kUnknownWord) << i;
        EXPECT_EQ(v->lemma_key(i), c.key_id(lemma)) << i;
        EXPECT_EQ(v->word_ids()[i], c.word_id(word)) << i;
        EXPECT_EQ(v->lemma_ids()[i], c.word_id(lemma)) << i;
      }
    }
  }
}

// Relations lose their subtype wherever the colon is (within the first eight bytes or after), and
// the parts of speech fall into the coder's classes.
TEST(SentenceView, RelationsAndPartsOfSpeech) {
  auto t = tokens(
      "a/NOUN/0/root b/PROPN/1/nsubj:pass c/PRON/1/compound:prt d/NUM/1/abcdefghij:x "
      "e/X/1/abcdefgh f/ADJ/1/abcdefg: g/VERB/1/:x h/AUX/1/obl:tmod i/ADV/1/advmod "
      "j/PROPNX/1/dep k/NOU/1/dep");
  SentenceView s(t);
  const char* rels[] = {"root", "nsubj", "compound", "abcdefghij", "abcdefgh", "abcdefg",
                        "",     "obl",   "advmod",   "dep",        "dep"};
  for (size_t i = 0; i < std::size(rels); ++i) EXPECT_EQ(std::string_view(s.rel(i)), rels[i]) << i;
  for (size_t i = 0; i <= 5; ++i) EXPECT_TRUE(s.is_nominal(i)) << i;
  EXPECT_TRUE(s.is_verb(6));
  EXPECT_TRUE(s.is_verb_or_aux(7));
  EXPECT_FALSE(s.is_verb(7));
  for (size_t i = 8; i <= 10; ++i) {
    EXPECT_FALSE(s.is_nominal(i)) << i;
    EXPECT_FALSE(s.is_verb_or_aux(i)) << i;
  }
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
