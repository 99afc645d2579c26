#include "io/petrarch_records.h"

#include <map>
#include <set>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "io/conllu.h"
#include "test_paths.h"

namespace khaldun::petrarch {
namespace {

// Line numbers matter: the <Sentence> elements start on lines 11, 24 and 31.
const char* kSmall =
    "<?xml version='1.0' encoding='utf-8'?>\n"                                         // 1
    "<Validation>\n"                                                                   // 2
    "<Environment>\n"                                                                  // 3
    "  <Verbfile>verbs.txt</Verbfile>\n"                                               // 4
    "  <Actorfile>actors.txt</Actorfile>\n"                                            // 5
    "  <Agentfile>agents.txt</Agentfile>\n"                                            // 6
    "  <Include>DEMO  ERROR\t valid</Include>\n"                                       // 7
    "</Environment>\n"                                                                 // 8
    "<Sentences>\n"                                                                    // 9
    "<!-- a comment -->\n"                                                             // 10
    "<Sentence source=\"DEMO\" date=\"19950101\" id=\"DEMO_00\" sentence=\"true\">\n"  // 11
    "<EventCoding eventcode=\"050\" sourcecode=\"ARN\" targetcode=\"GON\" />\n"        // 12
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"051\"></EventCoding>\n"
    "<Text>\n"                                             // 14
    "Arnor restored ties with  \n"                         // 15
    "Gondor &amp; Rohan.\n"                                // 16
    "</Text>\n"                                            // 17
    "<Parse>\n"                                            // 18
    "1\tArnor\tArnor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"     // 19
    "2\trestored\trestore\tVERB\tVBD\t_\t0\troot\t_\t_\n"  // 20
    "3\tties\ttie\tNOUN\tNNS\t_\t2\tdobj\t_\t_\n"          // 21
    "</Parse>\n"                                           // 22
    "</Sentence>\n"                                        // 23
    "<Sentence date = \"20080801\" id =\"ERR-1\" category=\"ERROR\" sentence=\"False\">\n"
    "<EventCoding error=\"dateline\"></EventCoding>\n"                                 // 25
    "<Text>ARNOR, Jan 1 (AFP)</Text>\n"                                                // 26
    "<Parse>\n"                                                                        // 27
    "( (S (NP (NNP ARNOR)) ) )\n"                                                      // 28
    "</Parse>\n"                                                                       // 29
    "</Sentence>\n"                                                                    // 30
    "<Sentence source=\"DEMO\" date=\"19950102\" id=\"DEMO_01\" sentence=\"true\">\n"  // 31
    "<EventCoding noevents = \"True\" />\n"                                            // 32
    "<Text>Nothing happened.</Text>\n"                                                 // 33
    "</Sentence>\n"                                                                    // 34
    "</Sentences>\n"                                                                   // 35
    "</Validation>\n";

TEST(PetrarchRecords, ReadsEnvironmentAndRecords) {
  const RecordFile f = parse_record_file(kSmall, "small.xml");
  EXPECT_EQ(f.environment.verb_file, "verbs.txt");
  EXPECT_EQ(f.environment.actor_file, "actors.txt");
  EXPECT_EQ(f.environment.agent_file, "agents.txt");
  EXPECT_EQ(f.environment.discard_file, "");
  EXPECT_EQ(f.environment.include, (std::vector<std::string>{"DEMO", "ERROR", "valid"}));
  EXPECT_TRUE(f.errors.empty());
  ASSERT_EQ(f.records.size(), 3u);

  const Record& r = f.records[0];
  EXPECT_EQ(r.id, "DEMO_00");
  EXPECT_EQ(r.category, "DEMO");
  EXPECT_EQ(r.date, "1995-01-01");
  EXPECT_TRUE(r.is_sentence);
  EXPECT_EQ(r.text, "Arnor restored ties with Gondor & Rohan.");
  EXPECT_EQ(r.expected, (std::vector<ExpectedEvent>{{"ARN", "GON", "050"}, {"GON", "ARN", "051"}}));
  EXPECT_FALSE(r.no_events);
  EXPECT_EQ(r.error, "");
  EXPECT_NE(r.ud_parse.find("3\tties\ttie"), std::string::npos);
  EXPECT_EQ(r.ptb_parse, "");
  EXPECT_EQ(r.line, 11);

  const Record& e = f.records[1];
  EXPECT_EQ(e.id, "ERR-1");
  EXPECT_EQ(e.category, "ERROR");  // the .ptb.xml spelling of the attribute
  EXPECT_EQ(e.date, "2008-08-01");
  EXPECT_FALSE(e.is_sentence);
  EXPECT_EQ(e.error, "dateline");
  EXPECT_TRUE(e.expects_nothing());
  EXPECT_EQ(e.ud_parse, "");
  EXPECT_NE(e.ptb_parse.find("(NNP ARNOR)"), std::string::npos);
  EXPECT_EQ(e.line, 24);

  const Record& n = f.records[2];
  EXPECT_TRUE(n.no_events);
  EXPECT_TRUE(n.expected.empty());
  EXPECT_EQ(n.ud_parse + n.ptb_parse, "");
  EXPECT_EQ(n.line, 31);
}

TEST(PetrarchRecords, CrlfFilesKeepTheirLineNumbers) {
  std::string crlf;
  for (const char* p = kSmall; *p; ++p) {
    if (*p == '\n') crlf += '\r';
    crlf += *p;
  }
  const RecordFile f = parse_record_file(crlf, "crlf.xml");
  ASSERT_EQ(f.records.size(), 3u);
  EXPECT_EQ(f.records[2].line, 31);
  EXPECT_EQ(f.records[0].text, "Arnor restored ties with Gondor & Rohan.");
}

TEST(PetrarchRecords, MalformedXmlNamesFileAndLine) {
  std::string broken = kSmall;
  broken.replace(broken.find("</Text>\n<Parse>"), 7, "</Txet>");  // on line 17
  try {
    parse_record_file(broken, "broken.xml");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("broken.xml:17: ", 0), 0u) << e.what();
  }
  EXPECT_THROW(parse_record_file("", "empty.xml"), std::runtime_error);
  EXPECT_THROW(parse_record_file("<Other/>", "other.xml"), std::runtime_error);
  EXPECT_THROW(read_record_file("/nonexistent/records.xml"), std::runtime_error);
}

TEST(PetrarchRecords, BadRecordsAreReportedAndTheRestRead) {
  const std::string xml =
      "<Sentences>\n"
      "<Sentence date=\"19951301\" id=\"BAD_DATE\"><Text>x</Text></Sentence>\n"  // line 2
      "<Sentence date=\"19950101\" id=\"NO_TEXT\"></Sentence>\n"                 // line 3
      "<Sentence date=\"19950101\"><Text>x</Text></Sentence>\n"                  // line 4
      "<Sentence date=\"19950101\" id=\"EMPTY_EC\"><EventCoding/><Text>x</Text></Sentence>\n"
      "<Sentence date=\"19950101\" id=\"NO_TARGET\"><EventCoding eventcode=\"01\" "
      "sourcecode=\"A\"/><Text>x</Text></Sentence>\n"  // line 6
      "<Sentence date=\"19950101\" id=\"ODD_PARSE\"><Text>x</Text><Parse>x y</Parse></Sentence>\n"
      "<Sentence date=\"19950101\" id=\"GOOD\" source=\"AFP\" sentence=\"True\"><Text>ok</Text>"
      "</Sentence>\n"
      "</Sentences>\n";
  const RecordFile f = parse_record_file(xml, "bad.xml");
  ASSERT_EQ(f.records.size(), 1u);
  EXPECT_EQ(f.records[0].id, "GOOD");
  EXPECT_EQ(f.records[0].line, 8);
  ASSERT_EQ(f.errors.size(), 6u);
  EXPECT_EQ(f.errors[0].rfind("bad.xml:2: record BAD_DATE: ", 0), 0u) << f.errors[0];
  EXPECT_EQ(f.errors[1].rfind("bad.xml:3: record NO_TEXT: ", 0), 0u) << f.errors[1];
  EXPECT_EQ(f.errors[2].rfind("bad.xml:4: ", 0), 0u) << f.errors[2];
  EXPECT_EQ(f.errors[3].rfind("bad.xml:5: record EMPTY_EC: ", 0), 0u) << f.errors[3];
  EXPECT_EQ(f.errors[4].rfind("bad.xml:6: record NO_TARGET: ", 0), 0u) << f.errors[4];
  EXPECT_EQ(f.errors[5].rfind("bad.xml:7: record ODD_PARSE: ", 0), 0u) << f.errors[5];
}

TEST(PetrarchRecords, DocumentFromSuppliedUdParse) {
  const Record r = parse_record_file(kSmall, "small.xml").records[0];
  const Document doc = to_document(r, /*use_supplied_parse=*/true);
  EXPECT_EQ(doc.id, "DEMO_00");
  EXPECT_EQ(doc.date, "1995-01-01");
  EXPECT_EQ(doc.meta["category"], "DEMO");
  EXPECT_EQ(doc.raw, "Arnor restored ties");  // rebuilt from the forms
  ASSERT_EQ(doc.sentences.size(), 1u);
  ASSERT_EQ(doc.tokens.size(), 3u);
  EXPECT_EQ(doc.raw_text(doc.tokens[2].raw), "ties");
  EXPECT_EQ(doc.tokens[2].deprel, "obj");  // upgraded from dobj
  EXPECT_EQ(doc.tokens[2].head, 2);
}

TEST(PetrarchRecords, DocumentFromTextOnly) {
  const RecordFile f = parse_record_file(kSmall, "small.xml");
  const Document own = to_document(f.records[0], /*use_supplied_parse=*/false);
  EXPECT_EQ(own.raw, "Arnor restored ties with Gondor & Rohan.");
  EXPECT_TRUE(own.sentences.empty());
  // A PTB parse is never used as a supplied parse.
  const Document ptb = to_document(f.records[1], true);
  EXPECT_EQ(ptb.raw, "ARNOR, Jan 1 (AFP)");
  EXPECT_TRUE(ptb.tokens.empty());
}

TEST(PetrarchRecords, JoinedNameIsWordsInTheText) {
  Record r;
  r.id = "X_0";
  r.text = "Gondor warned of the Prince of Dol_Amroth.";
  EXPECT_EQ(to_document(r, false).raw, "Gondor warned of the Prince of Dol Amroth.");
}

TEST(PetrarchRecords, MalformedSuppliedParseThrowsWithTheRecord) {
  Record r;
  r.id = "X_1";
  r.line = 40;
  r.text = "a b";
  r.ud_parse = "\n1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n2\tb\tb\tNOUN\n";
  try {
    to_document(r, true);
    FAIL() << "no exception";
  } catch (const conllu::ParseError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("record X_1 (line 40): <Parse>:3: ", 0), 0u) << e.what();
  }
}

// The two PETRARCH unit-test files hold the same records: one with UD v1 parses, one with PTB
// trees. The numbers below were counted in the files.
constexpr const char* kUd = "data/petrarch/validation-records/PETR.UnitTest.records.ud.xml";
constexpr const char* kPtb = "data/petrarch/validation-records/PETR.UnitTest.records.ptb.xml";

struct Counts {
  size_t not_sentence = 0, no_events = 0, with_error = 0, expected = 0, no_coding = 0;
  std::map<std::string, size_t> errors, categories;
};

Counts count(const RecordFile& f) {
  Counts c;
  for (const Record& r : f.records) {
    c.not_sentence += !r.is_sentence;
    c.no_events += r.no_events;
    c.expected += r.expected.size();
    c.no_coding += r.expected.empty() && !r.no_events && r.error.empty();
    if (!r.error.empty()) ++c.errors[r.error], ++c.with_error;
    ++c.categories[r.category];
  }
  return c;
}

const std::map<std::string, size_t> kCategories = {
    {"ACTOR", 15},   {"AGENT", 24},  {"AGENTS", 2}, {"COMPOUND", 42}, {"COMPOUNDx", 1},
    {"DATE", 21},    {"DEMO", 36},   {"ERROR", 7},  {"MODIFY", 20},   {"PARSING", 12},
    {"PATTERN", 29}, {"SYNSET", 52}, {"VERB", 23}};
const std::map<std::string, size_t> kErrors = {
    {"bad_input_parse", 2}, {"dateline", 1}, {"sentencediscard", 2}, {"storydiscard", 2}};

TEST(PetrarchRecordsFiles, UdRecords) {
  KHALDUN_REQUIRE_SHARED(kUd);
  const RecordFile f = read_record_file(testing::shared_path(kUd));
  EXPECT_TRUE(f.errors.empty()) << f.errors.front();
  ASSERT_EQ(f.records.size(), 284u);
  EXPECT_EQ(f.environment.verb_file, "PETR.Validate.verbs.2.0.txt");
  EXPECT_EQ(f.environment.actor_file, "PETR.Validate.actors.txt");
  EXPECT_EQ(f.environment.include.size(), 12u);
  const Counts c = count(f);
  EXPECT_EQ(c.not_sentence, 4u);
  EXPECT_EQ(c.no_events, 19u);
  EXPECT_EQ(c.with_error, 7u);
  EXPECT_EQ(c.errors, kErrors);
  EXPECT_EQ(c.expected, 349u);
  EXPECT_EQ(c.no_coding, 1u);  // PATTERN_06
  EXPECT_EQ(c.categories, kCategories);
  EXPECT_EQ(f.records.front().id, "DEMO_00");
  EXPECT_EQ(f.records.front().expected, (std::vector<ExpectedEvent>{{"ARN", "GON", "050"}}));
  EXPECT_EQ(f.records.back().id, "FINAL-RECORD");
  for (const Record& r : f.records) {
    EXPECT_FALSE(r.ud_parse.empty()) << r.id;
    EXPECT_EQ(r.date.size(), 10u) << r.id;
    EXPECT_EQ(r.text.find("  "), std::string::npos) << r.id;
    EXPECT_EQ(r.text.find('\n'), std::string::npos) << r.id;
  }
}

TEST(PetrarchRecordsFiles, PtbRecords) {
  KHALDUN_REQUIRE_SHARED(kPtb);
  const RecordFile f = read_record_file(testing::shared_path(kPtb));
  EXPECT_TRUE(f.errors.empty()) << f.errors.front();
  ASSERT_EQ(f.records.size(), 284u);
  EXPECT_EQ(f.environment.verb_file, "PETR.Validate.verbs.txt");
  const Counts c = count(f);
  EXPECT_EQ(c.not_sentence, 5u);  // COMPOUND-28 is sentence="false" only here
  EXPECT_EQ(c.no_events, 19u);
  EXPECT_EQ(c.errors, kErrors);
  EXPECT_EQ(c.expected, 359u);
  EXPECT_EQ(c.categories, kCategories);
  for (const Record& r : f.records) EXPECT_FALSE(r.ptb_parse.empty()) << r.id;
}

// A bare <Sentences> root without <Environment>, sentence="True", no expected events.
TEST(PetrarchRecordsFiles, GigaWordSample) {
  constexpr const char* kGigaWord = "data/petrarch/validation-records/GigaWord.sample.ptb.xml";
  KHALDUN_REQUIRE_SHARED(kGigaWord);
  const RecordFile f = read_record_file(testing::shared_path(kGigaWord));
  EXPECT_TRUE(f.errors.empty()) << f.errors.front();
  ASSERT_EQ(f.records.size(), 76u);
  EXPECT_TRUE(f.environment.include.empty());
  for (const Record& r : f.records) {
    EXPECT_TRUE(r.is_sentence) << r.id;
    EXPECT_EQ(r.category, "AFP") << r.id;
    EXPECT_FALSE(r.ptb_parse.empty()) << r.id;
  }
}

TEST(PetrarchRecordsFiles, EverySuppliedUdParseBecomesAV2Document) {
  KHALDUN_REQUIRE_SHARED(kUd);
  const RecordFile f = read_record_file(testing::shared_path(kUd));
  const std::set<std::string> v1_only = {"dobj", "nsubjpass", "csubjpass", "auxpass", "neg",
                                         "name", "mwe",       "foreign",   "remnant"};
  std::map<std::string, size_t> labels;
  size_t tokens = 0;
  for (const Record& r : f.records) {
    Document doc;
    ASSERT_NO_THROW(doc = to_document(r, true)) << r.id;
    ASSERT_FALSE(doc.sentences.empty()) << r.id;
    for (const Token& t : doc.tokens) {
      ++tokens;
      ++labels[t.deprel];
      EXPECT_FALSE(v1_only.count(t.deprel)) << r.id << ": " << t.form << " " << t.deprel;
      EXPECT_NE(t.upos, "CONJ") << r.id;
      EXPECT_EQ(doc.raw_text(t.raw), t.form) << r.id;
    }
  }
  EXPECT_EQ(tokens, 6354u);
  EXPECT_EQ(labels["obj"], 320u);  // every dobj
  EXPECT_EQ(labels["aux:pass"], 44u);
  EXPECT_GT(labels["obl"], 0u);
  EXPECT_GT(labels["obl:agent"], 0u);
  EXPECT_GT(labels["obl:tmod"], 0u);
  EXPECT_GT(labels["nmod"], 0u);  // nominal modifiers of nouns stay
}

}  // namespace
}  // namespace khaldun::petrarch
