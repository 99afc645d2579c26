#include "dict/pattern.h"

#include <gtest/gtest.h>

namespace khaldun::dict {
namespace {

using Kind = PatternItem::Kind;

std::vector<PatternItem> parse(std::string_view text, std::vector<std::string> synsets = {},
                               std::vector<std::string>* warnings = nullptr) {
  std::vector<PatternItem> items;
  std::vector<std::string> w;
  EXPECT_EQ(parse_pattern(text, synsets, items, w), "") << text;
  if (warnings) *warnings = w;
  return items;
}

TEST(Pattern, VerbSourceTargetAndWords) {
  auto items = parse("* WITH $");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].kind, Kind::kVerb);
  EXPECT_EQ(items[1].kind, Kind::kWord);
  EXPECT_EQ(items[1].text, "WITH");
  EXPECT_EQ(items[2].kind, Kind::kSource);
  EXPECT_EQ(parse("% &AIRCRAFT * ^ +", {"AIRCRAFT"})[0].kind, Kind::kCompound);
  auto last = parse("% &AIRCRAFT * ^ +", {"AIRCRAFT"});
  EXPECT_EQ(last[1].kind, Kind::kSynset);
  EXPECT_EQ(last[1].text, "AIRCRAFT");
  EXPECT_EQ(last[3].kind, Kind::kSkip);
  EXPECT_EQ(last[4].kind, Kind::kTarget);
}

TEST(Pattern, NestedPhrases) {
  auto items = parse("* (FOR {HUMANITARIAN AID})");
  ASSERT_EQ(items.size(), 2u);
  ASSERT_EQ(items[1].kind, Kind::kPrepPhrase);
  ASSERT_EQ(items[1].items.size(), 2u);
  EXPECT_EQ(items[1].items[0].text, "FOR");
  ASSERT_EQ(items[1].items[1].kind, Kind::kNounPhrase);
  EXPECT_EQ(items[1].items[1].items[1].text, "AID");
  EXPECT_EQ(format_pattern(items), "* (FOR {HUMANITARIAN AID})");
}

TEST(Pattern, UnderscoreJoinsAndSynsetNamesAreCutAtKnownNames) {
  auto items = parse("DEMAND_&GENINT_CONVENTIONS *", {"GENINT"});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[1].kind, Kind::kSynset);
  EXPECT_EQ(items[1].text, "GENINT");
  EXPECT_TRUE(items[1].joined);
  EXPECT_EQ(items[2].text, "CONVENTIONS");
  EXPECT_TRUE(items[2].joined);
  EXPECT_FALSE(items[3].joined);
  // A set whose name holds '_' stays whole.
  auto whole = parse("* &FIGHT_OF_WORDS", {"FIGHT_OF_WORDS", "FIGHT"});
  EXPECT_EQ(whole[1].text, "FIGHT_OF_WORDS");
  EXPECT_EQ(format_pattern(parse("IN_AND_*_OUT_AGAIN NOW")), "IN_AND_*_OUT_AGAIN NOW");
}

TEST(Pattern, GluedMarkerAndStrayCloserAreWarnings) {
  std::vector<std::string> w;
  auto items = parse("*SCEPTICAL", {}, &w);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[1].joined);
  EXPECT_EQ(w.size(), 1u);
  parse("* VENTURE (WITH VISIT) VISIT)", {}, &w);
  ASSERT_FALSE(w.empty());
  EXPECT_NE(w.back().find("stray ')'"), std::string::npos);
}

TEST(Pattern, Errors) {
  std::vector<PatternItem> items;
  std::vector<std::string> w;
  EXPECT_EQ(parse_pattern("WITH $", {}, items, w), "no verb slot '*'");
  EXPECT_EQ(parse_pattern("* * X", {}, items, w), "more than one verb slot '*'");
  EXPECT_EQ(parse_pattern("* (FOR", {}, items, w), "missing ')'");
  EXPECT_NE(parse_pattern("* (FOR}", {}, items, w), "");
}

TEST(EventCodes, PairedReversedNoneAndSpecial) {
  EventCode c;
  std::string warning;
  ASSERT_TRUE(parse_event_code("042:043", c, warning));
  EXPECT_EQ(c.primary, "042");
  EXPECT_EQ(c.reverse, "043");
  EXPECT_EQ(c.to_string(), "042:043");
  ASSERT_TRUE(parse_event_code(":173", c, warning));
  EXPECT_TRUE(c.primary.empty());
  EXPECT_EQ(c.reverse, "173");
  ASSERT_TRUE(parse_event_code("---", c, warning));
  EXPECT_TRUE(c.none());
  ASSERT_TRUE(parse_event_code("075A", c, warning));
  EXPECT_EQ(c.primary, "075A");
  ASSERT_TRUE(parse_event_code("080!", c, warning));
  EXPECT_EQ(c.primary, "080");
  EXPECT_FALSE(warning.empty());
  EXPECT_FALSE(parse_event_code("", c, warning));
  EXPECT_FALSE(parse_event_code("!!", c, warning));
}

}  // namespace
}  // namespace khaldun::dict
