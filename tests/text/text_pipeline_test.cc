#include "text/text_pipeline.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_paths.h"

namespace khaldun::text {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<const Sentence*> codable(const Document& doc) {
  std::vector<const Sentence*> out;
  for (const auto& s : doc.sentences)
    if (s.codable()) out.push_back(&s);
  return out;
}

TEST(TextPipeline, SeedArticleHasThirteenSentencesAndACredit) {
  KHALDUN_REQUIRE_SHARED("examples/000_7e7ee6ffc52d28cd.txt");
  Document doc;
  doc.raw = read_file(testing::shared_path("examples/000_7e7ee6ffc52d28cd.txt"));
  analyse(doc);
  auto sentences = codable(doc);
  ASSERT_EQ(sentences.size(), 13u);
  std::string_view end = "make the final amendments to it in less than a month.";
  EXPECT_TRUE(sentences[2]->text.ends_with(end)) << sentences[2]->text;
  EXPECT_NE(sentences[6]->text.find("the U.S. concerns"), std::string::npos);
  ASSERT_EQ(doc.sentences.back().kind, SegmentKind::kCredit);
  EXPECT_EQ(doc.sentences.back().text, "(Xinhua/NAN)");
}

TEST(TextPipeline, OffsetsPointIntoTheRawText) {
  Document doc;
  doc.raw =
      "MOSCOW, March 29 (Xinhua) -- Iran\xE2\x80\x99s minister met\nLavrov in Moscow. (Xinhua/NAN)";
  analyse(doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].kind, SegmentKind::kDateline);
  EXPECT_EQ(doc.sentences[1].kind, SegmentKind::kBody);
  EXPECT_EQ(doc.sentences[1].text, "Iran's minister met Lavrov in Moscow.");
  EXPECT_EQ(doc.raw_text(doc.sentences[1].raw),
            "Iran\xE2\x80\x99s minister met\nLavrov in Moscow.");
  EXPECT_EQ(doc.sentences[2].kind, SegmentKind::kCredit);
  for (const Sentence& s : doc.sentences) {
    for (const Token& t : doc.tokens_of(s)) {
      std::string_view raw = doc.raw_text(t.raw);
      if (t.form == "'s") {
        EXPECT_EQ(raw, "\xE2\x80\x99s");
      } else {
        EXPECT_EQ(raw, t.form);
      }
    }
  }
}

TEST(TextPipeline, OwnExampleArticle) {
  Document doc;
  doc.raw = read_file(testing::source_path("examples/ankara-talks.txt"));
  analyse(doc);
  ASSERT_GE(doc.sentences.size(), 9u);
  EXPECT_EQ(doc.sentences[0].kind, SegmentKind::kHeadline);
  EXPECT_EQ(doc.sentences[1].kind, SegmentKind::kDateline);
  EXPECT_EQ(doc.sentences.back().kind, SegmentKind::kCredit);
  EXPECT_EQ(codable(doc).size(), 8u);
}

TEST(TextPipeline, EmptyAndHugeDocuments) {
  Document empty;
  analyse(empty);
  EXPECT_TRUE(empty.sentences.empty());
  Document huge;
  huge.raw.reserve(10 << 20);
  while (huge.raw.size() < (10u << 20)) huge.raw += "word ";
  analyse(huge);  // one 10 MB line: must finish in linear time
  ASSERT_EQ(huge.sentences.size(), 1u);
  EXPECT_EQ(huge.tokens.size(), (10u << 20) / 5);
}

}  // namespace
}  // namespace khaldun::text
