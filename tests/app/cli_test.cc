#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/run_command.h"
#include "test_paths.h"

namespace khaldun::testing {
namespace {

TEST(Cli, HelpAndVersion) {
  auto help = run_khaldun("--help");
  EXPECT_EQ(help.status, 0);
  for (const char* command : {"segment", "tokenize", "eval-tokenize"})
    EXPECT_NE(help.out.find(command), std::string::npos) << command;
  auto version = run_khaldun("--version");
  EXPECT_EQ(version.status, 0);
  EXPECT_EQ(version.out.rfind("khaldun ", 0), 0u);
  auto sub = run_khaldun("segment --help");
  EXPECT_EQ(sub.status, 0);
  EXPECT_NE(sub.out.find("--all"), std::string::npos);
  EXPECT_EQ(run_khaldun("no-such-command").status, 2);
  EXPECT_EQ(run_khaldun("segment --date 2023-13-45 x").status, 2);
}

TEST(Cli, SegmentTheSeedArticle) {
  KHALDUN_REQUIRE_SHARED("examples/000_7e7ee6ffc52d28cd.txt");
  std::string seed = shared_path("examples/000_7e7ee6ffc52d28cd.txt");
  auto r = run_khaldun("segment " + seed);
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(count_lines(r.out), 13u);
  auto all = run_khaldun("segment --all " + seed);
  EXPECT_NE(all.out.find("[credit] (Xinhua/NAN)"), std::string::npos);
}

TEST(Cli, SegmentJsonHasOffsets) {
  std::string example = source_path("examples/ankara-talks.txt");
  auto r = run_khaldun("segment --format json " + example);
  ASSERT_EQ(r.status, 0);
  std::istringstream lines(r.out);
  std::string line;
  std::ifstream in(example, std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t n = 0;
  while (std::getline(lines, line)) {
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["doc_id"], "ankara-talks.txt");
    EXPECT_EQ(j["sentence_index"], n);
    size_t b = j["begin"], e = j["end"];
    ASSERT_LE(e, raw.size());
    // The sentence's first word stands at its begin offset in the raw file.
    std::string text = j["text"];
    EXPECT_EQ(raw.substr(b, 4), text.substr(0, 4));
    ++n;
  }
  EXPECT_EQ(n, 8u);
}

TEST(Cli, TokenizePrintsConllu) {
  auto r = run_khaldun("tokenize " + source_path("examples/ankara-talks.txt"));
  ASSERT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("# doc_id = ankara-talks.txt"), std::string::npos);
  EXPECT_NE(r.out.find("# sent_id = ankara-talks.txt-1"), std::string::npos);
  EXPECT_NE(r.out.find("# text = Turkey, Egypt pledge closer ties"), std::string::npos);
  EXPECT_NE(r.out.find("TokenRange="), std::string::npos);
  // Cairo's -> a multiword token line over two words.
  EXPECT_NE(r.out.find("Cairo's"), std::string::npos);
}

TEST(Cli, BadInputIsReportedAndTheBatchGoesOn) {
  auto dir = std::filesystem::temp_directory_path() / "khaldun-cli-test";
  std::filesystem::create_directories(dir);
  std::string jsonl = (dir / "mixed.jsonl").string();
  std::ofstream(jsonl) << "{\"id\": \"ok\", \"text\": \"Iran met Russia. They talked.\"}\n"
                       << "{broken\n"
                       << "{\"id\": \"also-ok\", \"text\": \"Talks ended.\"}\n";
  auto r = run_khaldun("segment " + jsonl + " " + (dir / "missing.txt").string(), true);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("mixed.jsonl:2: malformed JSON"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missing.txt: cannot open file"), std::string::npos);
  EXPECT_NE(r.out.find("4 documents read, 2 processed, 2 skipped"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Talks ended."), std::string::npos);
  auto stdin_run = run_khaldun("segment - < " + jsonl, true);
  EXPECT_NE(stdin_run.out.find("<stdin>:2: malformed JSON"), std::string::npos) << stdin_run.out;
  std::filesystem::remove_all(dir);
}

TEST(Cli, EvalTokenizeOnUdEwt) {
  KHALDUN_REQUIRE_SHARED("data/ud/en_ewt-ud-test.conllu");
  auto r = run_khaldun("eval-tokenize " + shared_path("data/ud/en_ewt-ud-test.conllu"));
  ASSERT_EQ(r.status, 0);
  std::string last = r.out.substr(r.out.rfind('{'));
  auto j = nlohmann::json::parse(last);
  // Floors just under what we measure (token 99.1, sentence 80.3): they catch regressions.
  EXPECT_GE(j["token_f1"].get<double>(), 99.0);
  EXPECT_GE(j["sentence_f1"].get<double>(), 80.0);
}

TEST(Cli, EvalTokenizeOnGumNews) {
  KHALDUN_REQUIRE_SHARED("data/ud/gum-ccby_test.conllu");
  auto r =
      run_khaldun("eval-tokenize --docs GUM_news_ " + shared_path("data/ud/gum-ccby_test.conllu"));
  ASSERT_EQ(r.status, 0);
  auto j = nlohmann::json::parse(r.out.substr(r.out.rfind('{')));
  EXPECT_EQ(j["documents"], 2);
  EXPECT_GE(j["token_f1"].get<double>(), 99.5);
  EXPECT_GE(j["sentence_f1"].get<double>(), 94.0);
}

}  // namespace
}  // namespace khaldun::testing
