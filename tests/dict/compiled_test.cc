#include "dict/compiled.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>

#include "dict/inflect.h"
#include "dict/petrarch_reader.h"
#include "dict/phrase.h"

namespace khaldun::dict {
namespace {

// Actors and agents read from PETRARCH-2 text, and compiled (the compiled form points into the
// dictionary, so both live here).
class ActorsAndAgents {
 public:
  ActorsAndAgents(std::string_view actors, std::string_view agents) {
    Diagnostics diag;
    read_petrarch_actors(actors, "a.actors.txt", dict_, diag);
    read_petrarch_agents(agents, "a.agents.txt", dict_, diag);
    compiled_ = std::make_unique<CompiledDictionary>(dict_);
  }
  const Dictionary& dict() const { return dict_; }
  const CompiledDictionary& compiled() const { return *compiled_; }

 private:
  Dictionary dict_;
  std::unique_ptr<CompiledDictionary> compiled_;
};

TEST(Compiled, LongestMatchAtAPosition) {
  Dictionary d;
  Diagnostics diag;
  read_petrarch_actors(
      "RUSSIA [RUS]\n+RUSSIAN\nRUSSIAN_FOREIGN_MINISTRY [RUSGOV]\nSERGEI_LAVROV [RUSGOV]\n",
      "a.actors.txt", d, diag);
  read_petrarch_agents("FOREIGN_MINISTER [~GOV]\n", "a.agents.txt", d, diag);
  CompiledDictionary c(d);
  std::vector<std::string> sentence{"The",     "Russian", "Foreign",  "Ministry", "and",
                                    "Russian", "foreign", "minister", "Sergei",   "Lavrov"};
  auto ids = c.word_ids(sentence);
  auto m = c.longest_match(ids, 1, EntryRef::Kind::kActor);
  EXPECT_EQ(m.length, 3u);
  ASSERT_EQ(m.entries.size(), 1u);
  EXPECT_EQ(m.entries[0].index, 1u);
  auto shorter = c.longest_match(ids, 5, EntryRef::Kind::kActor);
  EXPECT_EQ(shorter.length, 1u);          // "Russian foreign minister" is no actor
  EXPECT_EQ(shorter.entries[0].sub, 1u);  // matched via the synonym
  auto agent = c.longest_match(ids, 6, EntryRef::Kind::kAgent);
  EXPECT_EQ(agent.length, 2u);
  EXPECT_EQ(c.longest_match(ids, 0, EntryRef::Kind::kActor).length, 0u);
  EXPECT_EQ(c.longest_match(ids, 8, EntryRef::Kind::kActor).length, 2u);
  EXPECT_EQ(c.word_id("unseen"), kUnknownWord);
}

// The one-load test the coder asks before a walk: a phrase of one of the kinds starts with the
// word.
TEST(Compiled, StartsPhraseByKind) {
  ActorsAndAgents dicts("RUSSIAN_FOREIGN_MINISTRY [RUSGOV]\nIRAN [IRN]\n",
                        "FOREIGN_MINISTER [~GOV]\n");
  const CompiledDictionary& c = dicts.compiled();
  constexpr uint16_t actor = CompiledDictionary::kind_mask(EntryRef::Kind::kActor);
  constexpr uint16_t agent = CompiledDictionary::kind_mask(EntryRef::Kind::kAgent);
  EXPECT_TRUE(c.starts_phrase(c.word_id("russian"), actor));  // a longer phrase only
  EXPECT_FALSE(c.starts_phrase(c.word_id("russian"), agent));
  EXPECT_TRUE(c.starts_phrase(c.word_id("iran"), actor));  // a one-word phrase
  EXPECT_TRUE(c.starts_phrase(c.word_id("foreign"), agent));
  EXPECT_TRUE(c.starts_phrase(c.word_id("foreign"), actor | agent));
  EXPECT_FALSE(c.starts_phrase(c.word_id("foreign"), actor));
  EXPECT_FALSE(c.starts_phrase(c.word_id("ministry"), actor));  // inside a phrase, not first
  EXPECT_FALSE(c.starts_phrase(kUnknownWord, actor | agent));
}

TEST(Compiled, ShortCapitalNamesFlagged) {
  ActorsAndAgents dicts("RUSSIA [RUS]\nUNITED_NATIONS [IGOUNO]\n+UN\n",
                        "MINISTER [~GOV]\nPM [~GOV]\n");
  const CompiledDictionary& c = dicts.compiled();
  ASSERT_EQ(dicts.dict().actors.size(), 2u);
  ASSERT_EQ(dicts.dict().agents.size(), 2u);
  EXPECT_FALSE(c.has_short_capital_name({EntryRef::Kind::kActor, 0, 0}));
  EXPECT_TRUE(c.has_short_capital_name({EntryRef::Kind::kActor, 1, 0}));  // "UN"
  EXPECT_FALSE(c.has_short_capital_name({EntryRef::Kind::kAgent, 0, 0}));
  EXPECT_TRUE(c.has_short_capital_name({EntryRef::Kind::kAgent, 1, 0}));
  EXPECT_FALSE(c.has_short_capital_name({EntryRef::Kind::kPlace, 0, 0}));
}

TEST(Compiled, OneWalkFindsWhatEachKindsWalkFinds) {
  Dictionary d;
  Diagnostics diag;
  read_petrarch_actors("RUSSIA [RUS]\n+RUSSIAN\nRUSSIAN_FOREIGN_MINISTRY [RUSGOV]\n",
                       "a.actors.txt", d, diag);
  read_petrarch_agents("FOREIGN_MINISTER [~GOV]\nMINISTER [~GOV]\n", "a.agents.txt", d, diag);
  CompiledDictionary c(d);
  std::vector<std::string> sentence{"Russian", "Foreign", "Ministry", "and",
                                    "Russian", "foreign", "minister", "minister"};
  auto ids = c.word_ids(sentence);
  using K = EntryRef::Kind;
  const uint16_t both =
      CompiledDictionary::kind_mask(K::kActor) | CompiledDictionary::kind_mask(K::kAgent);
  for (size_t pos = 0; pos <= ids.size(); ++pos) {
    std::array<CompiledDictionary::Match, CompiledDictionary::kKinds> all;
    all[static_cast<size_t>(K::kPlace)].length = 99;  // not asked for: left alone
    c.longest_matches(ids, pos, both, all);
    for (K kind : {K::kActor, K::kAgent}) {
      auto one = c.longest_match(ids, pos, kind);
      const auto& m = all[static_cast<size_t>(kind)];
      EXPECT_EQ(m.length, one.length) << pos;
      EXPECT_EQ(m.entries.data(), one.entries.data()) << pos;
      EXPECT_EQ(m.entries.size(), one.entries.size()) << pos;
    }
    EXPECT_EQ(all[static_cast<size_t>(K::kPlace)].length, 99u);
  }
  std::array<CompiledDictionary::Match, CompiledDictionary::kKinds> at_four;
  c.longest_matches(ids, 4, both, at_four);
  EXPECT_EQ(at_four[static_cast<size_t>(K::kActor)].length, 1u);  // "Russian"
  EXPECT_EQ(at_four[static_cast<size_t>(K::kAgent)].length, 0u);
}

TEST(Compiled, PhrasesSplitLikeTheTokenizer) {
  // "Amir-Abdollahian" is three tokens in running text; the entry must be too.
  EXPECT_EQ(phrase_words("Amir-Abdollahian").size(), 3u);
  Dictionary d;
  Actor a;
  a.names = {"Hossein Amir-Abdollahian"};
  a.codes = {DatedCode{"IRNGOV", false, {}, 1}};
  d.actors.push_back(a);
  CompiledDictionary c(d);
  std::vector<std::string> text{"Hossein", "Amir", "-", "Abdollahian", "said"};
  EXPECT_EQ(c.longest_match(c.word_ids(text), 0, EntryRef::Kind::kActor).length, 4u);
  // A supplied parse may keep the hyphenated name as one token.
  std::vector<std::string> whole{"Hossein", "Amir-Abdollahian", "said"};
  EXPECT_EQ(c.longest_match(c.word_ids(whole), 0, EntryRef::Kind::kActor).length, 2u);
  std::vector<std::string> half{"Hossein", "Amir-", "Abdollahian"};
  EXPECT_EQ(c.longest_match(c.word_ids(half), 0, EntryRef::Kind::kActor).length, 0u);
  EXPECT_EQ(fold_case("ÉTAT"), "état");
}

TEST(Inflect, RegularForms) {
  EXPECT_EQ(regular_verb_forms("HURRY"),
            (std::vector<std::string>{"HURRIES", "HURRIED", "HURRYING"}));
  EXPECT_EQ(regular_verb_forms("PLACE"), (std::vector<std::string>{"PLACES", "PLACED", "PLACING"}));
  EXPECT_EQ(regular_verb_forms("AGREE")[2], "AGREEING");
  EXPECT_EQ(regular_verb_forms("PUSH")[0], "PUSHES");
  EXPECT_EQ(regular_verb_forms("meet")[1], "meeted");  // regular means regular
  EXPECT_EQ(regular_plural("CHURCH"), "CHURCHES");
  EXPECT_EQ(regular_plural("POLICEMAN"), "POLICEMEN");
  EXPECT_EQ(regular_plural("DAY"), "DAYS");
  EXPECT_EQ(regular_plural("party"), "parties");
}

}  // namespace
}  // namespace khaldun::dict
