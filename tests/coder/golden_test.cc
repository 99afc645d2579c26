// The golden sentences of tests/golden/: wire-style sentences written for khaldun, each with the
// events an analyst would code. They run through the whole pipeline (text, our parser, the
// default dictionaries, the coder) and must pass at the rate issue 6 sets.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "coder/coder.h"
#include "dict/load.h"
#include "nlp/pipeline.h"
#include "test_paths.h"
#include "text/text_pipeline.h"

namespace khaldun::coder {
namespace {

struct Golden {
  std::string id, date, sentence;
  std::set<std::string> expected;  // "SRC>TGT:CODE"
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  std::istringstream in(s);
  while (std::getline(in, cur, sep)) out.push_back(cur);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::vector<Golden> read_golden() {
  std::vector<Golden> out;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(testing::source_path("tests/golden")))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      if (header) {
        header = false;
        continue;
      }
      auto f = split(line, '\t');
      if (f.size() < 4) continue;
      Golden g{f[0], f[1], f[2], {}};
      for (const auto& e : split(f[3], ';'))
        if (!trim(e).empty()) g.expected.insert(trim(e));
      out.push_back(std::move(g));
    }
  }
  return out;
}

TEST(Golden, PassRateOnOwnSentences) {
  auto dictionaries = dict::open_dictionary("");
  Coder coder(*dictionaries, CoderOptions{});
  auto parser = nlp::Pipeline::load(nlp::Pipeline::default_model_path());
  auto golden = read_golden();
  ASSERT_GE(golden.size(), 300u);
  size_t passed = 0;
  std::map<std::string, std::pair<int, int>> by_root;
  std::ostringstream failures;
  for (const Golden& g : golden) {
    Document doc;
    doc.id = g.id;
    doc.date = g.date;
    doc.raw = g.sentence;
    text::analyse(doc);
    parser.annotate(doc);
    std::set<std::string> produced;
    for (const Event& e : coder.code(doc))
      produced.insert(e.source.code + ">" + e.target.code + ":" + e.code);
    bool ok = produced == g.expected;
    std::string root = g.id.size() > 4 ? g.id.substr(2, 2) : "?";
    (ok ? by_root[root].first : by_root[root].second)++;
    if (ok) {
      ++passed;
    } else {
      failures << g.id << ": " << g.sentence << "\n  expected:";
      for (const auto& e : g.expected) failures << " " << e;
      failures << "\n  produced:";
      for (const auto& e : produced) failures << " " << e;
      failures << "\n";
    }
  }
  double rate = 100.0 * static_cast<double>(passed) / static_cast<double>(golden.size());
  std::cout << "golden: " << passed << " of " << golden.size() << " passed (" << rate << "%)\n";
  for (const auto& [root, t] : by_root)
    std::cout << "  root " << root << ": " << t.first << " passed, " << t.second << " failed\n";
  if (std::getenv("KHALDUN_GOLDEN_VERBOSE")) std::cout << failures.str();
  EXPECT_GE(rate, 85.0) << failures.str();
}

}  // namespace
}  // namespace khaldun::coder
