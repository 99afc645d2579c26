#include "dict/khaldun_format.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "dict/compiled.h"
#include "dict/load.h"
#include "dict/petrarch_lines.h"
#include "dict/resolve.h"

namespace khaldun::dict {
namespace {

Dictionary read(std::string_view text, FileKind kind, Diagnostics& diag) {
  Dictionary d;
  read_khaldun_file(text, "x.tsv", kind, d, diag);
  return d;
}

TEST(KhaldunFormat, FileKinds) {
  EXPECT_EQ(khaldun_file_kind("countries.actors.tsv"), FileKind::kActors);
  EXPECT_EQ(khaldun_file_kind("a.places.tsv"), FileKind::kPlaces);
  EXPECT_FALSE(khaldun_file_kind("Phoenix.agents.txt").has_value());
}

TEST(KhaldunFormat, Actors) {
  Diagnostics diag;
  auto d = read(
      "# comment\nnames\tcodes\tnote\n"
      "Sergei Lavrov | Sergey Lavrov | Lavrov\tRUSGOV@2004-03-09..; RUSUNO@1994-09-22..2004-07-12"
      "\tforeign minister\nIran\tIRN\n",
      FileKind::kActors, diag);
  ASSERT_EQ(d.actors.size(), 2u);
  EXPECT_EQ(d.actors[0].names.size(), 3u);
  EXPECT_EQ(d.actors[0].note, "foreign minister");
  EXPECT_EQ(d.actors[0].source.line, 3);
  EXPECT_EQ(codes_at(d.actors[0], "2000-01-01")[0]->code, "RUSUNO");
  EXPECT_EQ(codes_at(d.actors[0], "2023-03-29")[0]->code, "RUSGOV");
  EXPECT_EQ(codes_at(d.actors[1], "2023-03-29")[0]->code, "IRN");
}

TEST(KhaldunFormat, VerbsWithFormsPatternsAndSynsets) {
  Diagnostics diag;
  auto d = read(
      "kind\tgroup\tcode\ttext\tnote\n"
      "verb\tMEET\t040\tmeet {meets met meeting}\n"
      "verb\tMEET\t040\thold {holds held holding} talks\n"
      "pattern\tMEET\t043\t* with +\tmeet with someone\n"
      "synset\t&CURRENCY\t---\tdollar | euro\n"
      "pattern\tMEET\t042:043\t* (for &CURRENCY)\n",
      FileKind::kVerbs, diag);
  ASSERT_EQ(d.verb_groups.size(), 1u);
  const auto& g = d.verb_groups[0];
  EXPECT_EQ(g.code.primary, "040");
  ASSERT_EQ(g.verbs.size(), 2u);
  EXPECT_EQ(g.verbs[1].words, (std::vector<std::string>{"hold", "talks"}));
  EXPECT_EQ(g.verbs[1].forms[1], (std::vector<std::string>{"held", "talks"}));
  ASSERT_EQ(g.patterns.size(), 2u);
  EXPECT_EQ(format_pattern(g.patterns[0].items), "* WITH +");
  EXPECT_EQ(g.patterns[1].items[1].items[1].kind, PatternItem::Kind::kSynset);
  CompiledDictionary c(d);
  EXPECT_FALSE(c.exact(std::vector<std::string>{"Held", "talks"}).empty());
  EXPECT_NE(c.synset("currency"), nullptr);
}

TEST(KhaldunFormat, ErrorsNameFileAndLine) {
  Diagnostics diag;
  try {
    read("names\tcodes\tnote\nIran\tIRN@2004\n", FileKind::kActors, diag);
    FAIL();
  } catch (const DictError& e) {
    EXPECT_EQ(std::string(e.what()).substr(0, 8), "x.tsv:2:");
  }
  EXPECT_THROW(read("name\tcode\nIran\tIRN\n", FileKind::kActors, diag), DictError);  // header
  EXPECT_THROW(read("kind\tgroup\tcode\ttext\npattern\tX\t040\t* +\n", FileKind::kVerbs, diag),
               DictError);  // pattern before its group has a verb
  Diagnostics lenient(true);
  auto d = read("names\tcodes\nIran\tIRN\nBad\tR$S\nOnly one column\nIraq\tIRQ\n",
                FileKind::kActors, lenient);
  EXPECT_EQ(lenient.errors(), 2);
  EXPECT_EQ(d.actors.size(), 2u);
}

TEST(KhaldunFormat, WriterRoundTripsEveryKind) {
  Diagnostics diag;
  Dictionary d;
  read_khaldun_file("names\tcodes\tnote\nSergei Lavrov | Lavrov\tRUSGOV@2004-03-09..; RUS\tfm\n",
                    "a.actors.tsv", FileKind::kActors, d, diag);
  read_khaldun_file("names\tcode\tnote\nforeign minister | foreign ministers\t~GOV\n",
                    "a.agents.tsv", FileKind::kAgents, d, diag);
  read_khaldun_file(
      "kind\tgroup\tcode\ttext\tnote\ngroup\tMEET\t---\t\nverb\tMEET\t040\tmeet {met}\n"
      "verb\tMEET\t---\tcarry {carried} out\npattern\tMEET\t:173\t* (before court)\n"
      "transform\tSAY\t---\ta (a b ATTACK) SAY = a b 015\n",
      "a.verbs.tsv", FileKind::kVerbs, d, diag);
  read_khaldun_file("phrase\tnote\n+Manchester United\nbaseball\n", "a.discards.tsv",
                    FileKind::kDiscards, d, diag);
  read_khaldun_file("phrases\tcode\tnote\nteacher | teachers\tEDUCATION/TEACHERS\nx\t~EDU\n",
                    "a.issues.tsv", FileKind::kIssues, d, diag);
  read_khaldun_file("names\tcountry\tkind\tnote\nMoscow\tRUS\tcapital\n", "a.places.tsv",
                    FileKind::kPlaces, d, diag);
  auto dir = std::filesystem::temp_directory_path() / "khaldun_dict_writer_test";
  std::filesystem::remove_all(dir);
  auto files = write_khaldun_directory(d, dir.string());
  EXPECT_EQ(files.size(), 6u);
  auto back = load_directory(dir.string());
  EXPECT_EQ(back.layout, Layout::kKhaldun);
  const Dictionary& r = back.dict;
  ASSERT_EQ(r.actors.size(), 1u);
  EXPECT_EQ(r.actors[0].names, d.actors[0].names);
  EXPECT_EQ(r.actors[0].codes, d.actors[0].codes);
  EXPECT_EQ(r.agents[0].names, d.agents[0].names);
  ASSERT_EQ(r.verb_groups.size(), 1u);
  EXPECT_TRUE(r.verb_groups[0].code.none());
  EXPECT_EQ(r.verb_groups[0].verbs[1].words, d.verb_groups[0].verbs[1].words);
  EXPECT_EQ(r.verb_groups[0].verbs[1].verb_index, 0u);
  EXPECT_EQ(r.verb_groups[0].patterns, d.verb_groups[0].patterns);
  EXPECT_EQ(r.transformations[0].text, d.transformations[0].text);
  EXPECT_TRUE(r.discards[0].whole_story);
  EXPECT_EQ(r.issues[0].category, "EDUCATION");
  EXPECT_EQ(r.issues[1].kind, IssueKind::kExclude);
  EXPECT_EQ(r.places[0].country, "RUS");
  std::filesystem::remove_all(dir);
}

TEST(KhaldunFormat, VerbRowsKeepTheVerbWord) {
  Verb v;
  v.words = {"KLM", "NOP", "RST"};
  v.verb_index = 2;
  EXPECT_EQ(format_verb_rows(v), (std::vector<std::string>{"KLM NOP RST {RSTS RSTED RSTING}"}));
  Verb odd;
  odd.words = {"WIRE", "TAP"};
  odd.explicit_forms = true;
  odd.forms = {{"WIRE", "TAPS"}};
  EXPECT_EQ(format_verb_rows(odd), (std::vector<std::string>{"WIRE {} TAP", "WIRE {} TAPS"}));
}

TEST(Load, EmptyAndMissingDefaultDirectoriesLoad) {
  auto dir = std::filesystem::temp_directory_path() / "khaldun_dict_empty_test";
  std::filesystem::create_directories(dir);
  auto loaded = load_directory(dir.string());
  EXPECT_EQ(loaded.layout, Layout::kEmpty);
  EXPECT_TRUE(loaded.dict.actors.empty());
  EXPECT_THROW(load_directory((dir / "missing").string()), std::runtime_error);
  std::filesystem::remove_all(dir);
  auto set = open_dictionary("");  // the built-in default, possibly still empty
  ASSERT_NE(set, nullptr);
  EXPECT_NE(set->compiled, nullptr);
}

}  // namespace
}  // namespace khaldun::dict
