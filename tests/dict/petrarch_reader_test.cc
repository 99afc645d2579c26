#include "dict/petrarch_reader.h"

#include <gtest/gtest.h>

#include "dict/compiled.h"
#include "dict/resolve.h"

namespace khaldun::dict {
namespace {

Dictionary verbs(std::string_view text, Diagnostics& diag) {
  Dictionary d;
  read_petrarch_verbs(text, "t.verbs.txt", d, diag);
  return d;
}

constexpr std::string_view kVerbs = R"(# a comment
<!-- a block
     comment -->
&CURRENCY
+DOLLAR
+CASH_   # trailing underscore dropped
+&OTHER

&OTHER
+GOLDEN_GOBLIN_GALLEONS

--- CONSULT [040] ---
MEET {MEETS MET MEETING}
+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]
KLM_NOP_+RST [002]
VISIT
- * WITH $  [043]   # a note
- * (FOR {HUMANITARIAN AID}) [0233]
- * &CURRENCY [042:043]
- * (BEFORE COURT) [:173]

~ a (a b ATTACK) SAY = a b 015
)";

TEST(PetrarchVerbs, ReadsSynsetsBlocksVerbsPatternsAndTransformations) {
  Diagnostics diag;
  Dictionary d = verbs(kVerbs, diag);
  ASSERT_EQ(d.synsets.size(), 2u);
  EXPECT_EQ(d.synsets[0].name, "CURRENCY");
  EXPECT_EQ(d.synsets[0].members, (std::vector<std::string>{"DOLLAR", "CASH", "&OTHER"}));
  EXPECT_EQ(d.synsets[1].members[0], "GOLDEN GOBLIN GALLEONS");
  ASSERT_EQ(d.verb_groups.size(), 1u);
  const VerbGroup& g = d.verb_groups[0];
  EXPECT_EQ(g.name, "CONSULT");
  EXPECT_EQ(g.code.primary, "040");
  EXPECT_EQ(g.source.line, 12);
  ASSERT_EQ(g.verbs.size(), 4u);
  EXPECT_TRUE(g.verbs[0].explicit_forms);
  EXPECT_EQ(g.verbs[0].forms.size(), 3u);
  EXPECT_EQ(g.verbs[1].words, (std::vector<std::string>{"ASK", "FOR"}));
  EXPECT_EQ(g.verbs[1].verb_index, 0u);
  EXPECT_EQ(g.verbs[1].code.primary, "020");
  EXPECT_EQ(g.verbs[2].words.size(), 3u);
  EXPECT_EQ(g.verbs[2].verb_index, 2u);  // '+' marks the verb word
  EXPECT_FALSE(g.verbs[3].explicit_forms);
  ASSERT_EQ(g.patterns.size(), 4u);
  EXPECT_EQ(g.patterns[0].note, "a note");
  EXPECT_EQ(g.patterns[0].line, 17);
  EXPECT_EQ(g.patterns[2].code.to_string(), "042:043");
  EXPECT_EQ(g.patterns[3].code.reverse, "173");
  ASSERT_EQ(d.transformations.size(), 1u);
  EXPECT_EQ(d.transformations[0].verb, "SAY");
  EXPECT_EQ(diag.errors(), 0);
}

TEST(PetrarchVerbs, GeneratedAndListedFormsCompile) {
  Diagnostics diag;
  Dictionary d = verbs(kVerbs, diag);
  CompiledDictionary c(d);
  auto has_verb = [&](std::vector<std::string> words) {
    auto refs = c.exact(words);
    return std::any_of(refs.begin(), refs.end(),
                       [](const EntryRef& r) { return r.kind == EntryRef::Kind::kVerb; });
  };
  EXPECT_TRUE(has_verb({"met"}));
  EXPECT_FALSE(has_verb({"meeted"}));  // listed forms replace generated ones
  EXPECT_TRUE(has_verb({"visited"}));
  EXPECT_TRUE(has_verb({"visits"}));
  EXPECT_TRUE(has_verb({"asked", "for"}));
  EXPECT_TRUE(has_verb({"klm", "nop", "rsted"}));
}

TEST(PetrarchVerbs, PatternWithoutItsDashIsAPatternWithAWarning) {
  Diagnostics diag;
  Dictionary d = verbs("--- BEGIN [---] ---\nBEGIN\n* (TO QUESTION) [110]\n", diag);
  ASSERT_EQ(d.verb_groups.size(), 1u);
  EXPECT_EQ(d.verb_groups[0].verbs.size(), 1u);
  ASSERT_EQ(d.verb_groups[0].patterns.size(), 1u);
  EXPECT_EQ(d.verb_groups[0].patterns[0].code.primary, "110");
  ASSERT_EQ(diag.warnings(), 1);
  EXPECT_EQ(diag.items()[0].where.line, 3);
}

TEST(PetrarchVerbs, ErrorsNameFileAndLine) {
  Diagnostics diag;
  try {
    verbs("--- CONSULT [040] ---\nMEET\n- * WITH $\n", diag);
    FAIL() << "expected an error";
  } catch (const DictError& e) {
    EXPECT_EQ(e.where().line, 3);
    EXPECT_NE(std::string(e.what()).find("t.verbs.txt:3"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("[CODE]"), std::string::npos);
  }
  EXPECT_THROW(verbs("- * WITH $ [040]\n", diag), DictError);  // outside a block
  EXPECT_THROW(verbs("--- CONSULT ---\n", diag), DictError);
}

TEST(PetrarchVerbs, LenientSkipsAndCountsBadEntries) {
  Diagnostics diag(true);
  Dictionary d = verbs(
      "--- CONSULT [040] ---\nMEET\n- * WITH $\n- * $ [041]\n- WITH $ [042]\n"
      "--- BAD [!!] ---\nFOO\n- * [043]\n--- GOOD [050] ---\nBAR\n",
      diag);
  EXPECT_EQ(diag.errors(), 3);  // missing code, no verb slot, bad block (its lines go with it)
  ASSERT_EQ(d.verb_groups.size(), 2u);
  EXPECT_EQ(d.verb_groups[0].patterns.size(), 1u);
  EXPECT_EQ(d.verb_groups[1].name, "GOOD");
}

constexpr std::string_view kActors = R"(
SERGEY_LAVROV_  # CountryInfo.txt
+SERGEI_LAVROV
+LAVROV
	[RUSGOV 19940922-20040712] # Amb. to UN
	[RUSGOV >20040309]  # Foreign Minister
LEONID_BREZHNEV_
SECRETARY_BREZHNEV
	[RUSELI 19240101-641014]
	[RUSGOV 641014-821110]
ABN_AMRO_	[NLDGOVBUS >081004][MNCNLD]
HOBBIT  [HOB < 950601]
	[HOBGOV 19950601 - 19990815]
LORIEN  [ELR/GAL]
PRINCE OF DOL AMROTH
	[--- <950630]
	[DOL]
)";

TEST(PetrarchActors, NamesSynonymsAndDatedCodes) {
  Diagnostics diag;
  Dictionary d;
  read_petrarch_actors(kActors, "a.actors.txt", d, diag);
  ASSERT_EQ(d.actors.size(), 6u);
  const Actor& lavrov = d.actors[0];
  EXPECT_EQ(lavrov.names, (std::vector<std::string>{"SERGEY LAVROV", "SERGEI LAVROV", "LAVROV"}));
  EXPECT_EQ(lavrov.source.line, 2);
  EXPECT_EQ(lavrov.note, "CountryInfo.txt");
  ASSERT_EQ(lavrov.codes.size(), 2u);
  EXPECT_EQ(lavrov.codes[1].line, 6);
  // A name line without a code shares the code written after it (TABARI convention).
  EXPECT_EQ(d.actors[1].names.size(), 2u);
  EXPECT_EQ(d.actors[1].codes[1].range.from, 19641014);
  EXPECT_EQ(d.actors[2].codes.size(), 2u);
  EXPECT_EQ(d.actors[3].codes[0].range.until, 19950531);
  // A slashed code is kept whole, as PETRARCH-2 reports it.
  ASSERT_EQ(d.actors[4].codes.size(), 1u);
  EXPECT_EQ(d.actors[4].codes[0].code, "ELR/GAL");
  EXPECT_EQ(d.actors[5].names[0], "PRINCE OF DOL AMROTH");
  EXPECT_EQ(d.actors[5].codes[0].code, "---");
}

TEST(PetrarchActors, CodesAtDate) {
  Diagnostics diag;
  Dictionary d;
  read_petrarch_actors(kActors, "a.actors.txt", d, diag);
  const Actor& lavrov = d.actors[0];
  auto now = codes_at(lavrov, "2023-03-29");
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0]->line, 6);
  auto old = codes_at(lavrov, "1999-01-01");
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old[0]->line, 5);
  EXPECT_TRUE(codes_at(lavrov, "1990-01-01").empty());
  EXPECT_TRUE(codes_at(lavrov, "").empty());  // only undated codes apply at an unknown date
  // Undated codes are the default when no dated one applies.
  auto amro = codes_at(d.actors[2], "2000-01-01");
  ASSERT_EQ(amro.size(), 1u);
  EXPECT_EQ(amro[0]->code, "MNCNLD");
  EXPECT_EQ(codes_at(d.actors[5], "1990-01-01")[0]->code, "---");
  EXPECT_EQ(codes_at(d.actors[5], "1996-01-01")[0]->code, "DOL");
  EXPECT_THROW(codes_at(lavrov, "29/03/2023"), std::invalid_argument);
}

TEST(PetrarchActors, Errors) {
  Diagnostics diag;
  Dictionary d;
  EXPECT_THROW(read_petrarch_actors("\t[RUS]\n", "a.actors.txt", d, diag), DictError);
  try {
    read_petrarch_actors("RUSSIA\n\t[RUS >2004x309]\n", "a.actors.txt", d, diag);
    FAIL();
  } catch (const DictError& e) {
    EXPECT_EQ(e.where().line, 2);
  }
  Diagnostics lenient(true);
  Dictionary l;
  read_petrarch_actors("RUSSIA [RUS]\nBAD [R$S]\n+BADDER\n\t[X]\nIRAN [IRN]\n", "a.actors.txt", l,
                       lenient);
  EXPECT_EQ(lenient.errors(), 1);
  ASSERT_EQ(l.actors.size(), 2u);  // the bad actor and its lines are skipped whole
  EXPECT_EQ(l.actors[1].names[0], "IRAN");
}

TEST(PetrarchAgents, PluralsMacrosAndCodes) {
  Diagnostics diag;
  Dictionary d;
  read_petrarch_agents(
      "!PERSON! = MAN, MEN\nFOREIGN_MINISTER [~GOV]\nPOLICE {} [~COP]\n"
      "THIEF {THIEVES} [~CRM]\nCATTLE!PERSON! [~AGR]\nPARTY [~PTY]\nUN_AGENCY [IGO~]\n",
      "a.agents.txt", d, diag);
  ASSERT_EQ(d.agents.size(), 6u);
  EXPECT_EQ(d.agents[0].names, (std::vector<std::string>{"FOREIGN MINISTER", "FOREIGN MINISTERS"}));
  EXPECT_EQ(d.agents[0].code, "~GOV");
  EXPECT_EQ(d.agents[1].names, (std::vector<std::string>{"POLICE"}));
  EXPECT_EQ(d.agents[2].names, (std::vector<std::string>{"THIEF", "THIEVES"}));
  EXPECT_EQ(d.agents[3].names, (std::vector<std::string>{"CATTLEMAN", "CATTLEMEN"}));
  EXPECT_EQ(d.agents[4].names[1], "PARTIES");
  EXPECT_EQ(d.agents[5].code, "IGO~");
  EXPECT_THROW(read_petrarch_agents("X!NOPE! [~GOV]\n", "a.agents.txt", d, diag), DictError);
}

TEST(PetrarchDiscardsAndIssues, Read) {
  Diagnostics diag;
  Dictionary d;
  read_petrarch_discards("+Manchester United # pas\nBASEBALL\n", "d.discards.txt", d, diag);
  ASSERT_EQ(d.discards.size(), 2u);
  EXPECT_TRUE(d.discards[0].whole_story);
  EXPECT_EQ(d.discards[0].phrase, "Manchester United");
  EXPECT_FALSE(d.discards[1].whole_story);
  read_petrarch_issues(
      "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\nn:teacher [TEACHERS]\npre+k [EARLY]\n"
      "~a head start\nhigher education\n</ISSUE>\n",
      "x.Issue.txt", d, diag);
  ASSERT_EQ(d.issues.size(), 4u);
  EXPECT_EQ(d.issues[0].phrases, (std::vector<std::string>{"teacher", "teachers"}));
  EXPECT_EQ(d.issues[0].category, "EDUCATION");
  EXPECT_EQ(d.issues[1].phrases.size(), 3u);
  EXPECT_EQ(d.issues[2].kind, IssueKind::kExclude);
  EXPECT_EQ(d.issues[3].code, "EDUCATION");
  EXPECT_THROW(read_petrarch_issues("orphan phrase\n", "x.Issue.txt", d, diag), DictError);
}

}  // namespace
}  // namespace khaldun::dict
