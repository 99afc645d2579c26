// The seed article of the brief (../shared/examples/000_7e7ee6ffc52d28cd.txt), coded end to end
// with the default dictionaries and our parser, yields the events an analyst would code (issue 6
// §6).
#include <gtest/gtest.h>

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

TEST(SeedArticle, AnalystEvents) {
  KHALDUN_REQUIRE_SHARED("examples/000_7e7ee6ffc52d28cd.txt");
  std::ifstream in(testing::shared_path("examples/000_7e7ee6ffc52d28cd.txt"), std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  Document doc;
  doc.id = "seed";
  doc.date = "2023-03-29";
  doc.raw = ss.str();
  text::analyse(doc);
  nlp::Pipeline::load(nlp::Pipeline::default_model_path()).annotate(doc);
  auto dictionaries = dict::open_dictionary("");
  Coder coder(*dictionaries, CoderOptions{});
  auto events = coder.code(doc);

  std::set<std::string> triples;
  std::set<std::string> dated;  // "SRC>TGT:CODE@DATE"
  for (const Event& e : events) {
    triples.insert(e.source.code + ">" + e.target.code + ":" + e.code);
    dated.insert(e.source.code + ">" + e.target.code + ":" + e.code + "@" + e.date);
  }
  std::string all;
  for (const auto& t : dated) all += t + " ";

  // The ministers' meeting in Moscow, both ways, on the Wednesday of the article.
  EXPECT_TRUE(dated.contains("IRNGOV>RUSGOV:040@2023-03-29")) << all;
  EXPECT_TRUE(dated.contains("RUSGOV>IRNGOV:040@2023-03-29")) << all;
  // The US sanctions on Iran and on Russia.
  EXPECT_TRUE(triples.contains("USA>IRN:163")) << all;
  EXPECT_TRUE(triples.contains("USA>RUS:163")) << all;
  // The intent to sign the cooperation treaty, and Peskov's statement dated July 2022.
  EXPECT_TRUE(triples.contains("IRNGOV>RUSGOV:030")) << all;
  EXPECT_TRUE(dated.contains("RUSGOV>IRNGOV:030@2022-07-01")) << all;
  // The presidents' phone talks.
  EXPECT_TRUE(triples.contains("IRNGOV>RUSGOV:041")) << all;
  EXPECT_TRUE(triples.contains("RUSGOV>IRNGOV:041")) << all;

  // No news agency and no unrelated country; the United States only as the sanctioning state.
  for (const Event& e : events) {
    for (const std::string& code : {e.source.code, e.target.code}) {
      EXPECT_FALSE(code.ends_with("MED")) << code;
      bool related =
          code.starts_with("IRN") || code.starts_with("RUS") || (code == "USA" && e.code == "163");
      EXPECT_TRUE(related) << e.source.code << ">" << e.target.code << ":" << e.code;
    }
  }
}

}  // namespace
}  // namespace khaldun::coder
