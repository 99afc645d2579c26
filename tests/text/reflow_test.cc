#include "text/reflow.h"

#include <gtest/gtest.h>

#include "text/normalizer.h"

namespace khaldun::text {
namespace {

std::vector<std::string> paragraphs(const std::string& raw) {
  ReflowedText r = reflow(normalize(raw));
  std::vector<std::string> out;
  for (const auto& p : r.paragraphs) out.push_back(r.text.text.substr(p.begin, p.end - p.begin));
  return out;
}

TEST(Reflow, JoinsFragmentsWrappedAcrossBlankLines) {
  std::string raw =
      "The ministry has also reviewed the treaty and would hopefully make the final amendments to "
      "it\n\n"
      "in less than a month.\n\n"
      "Lavrov said talks between Moscow and\n\n"
      "Tehran are continuing in different areas and making progress, he added on\n\n"
      "Wednesday.\n\n"
      "He said relations have seen sustainable growth.\n";
  auto p = paragraphs(raw);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(
      p[0],
      "The ministry has also reviewed the treaty and would hopefully make the final amendments "
      "to it in less than a month.");
  EXPECT_EQ(p[1].substr(0, 44), "Lavrov said talks between Moscow and Tehran ");
  EXPECT_EQ(p[2], "He said relations have seen sustainable growth.");
}

TEST(Reflow, KeepsRealParagraphBreaks) {
  auto p =
      paragraphs("First paragraph ends here.\n\nSecond one starts.\n\nThird one\n\nFourth One");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[2], "Third one");
}

TEST(Reflow, SingleNewlinesAreHardWraps) {
  auto p = paragraphs("Iran and Russia signed\nthe agreement in Moscow\non Tuesday.");
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0], "Iran and Russia signed the agreement in Moscow on Tuesday.");
}

TEST(Reflow, TitleStaysApart) {
  ReflowedText r = reflow(
      normalize("Turkey, Egypt pledge closer ties\n\nANKARA (Wire) -- The two ministers met."));
  ASSERT_EQ(r.paragraphs.size(), 2u);
  EXPECT_TRUE(r.paragraphs[0].headline_like);
  EXPECT_FALSE(r.paragraphs[1].headline_like);
}

TEST(Reflow, MapsJoinedTextBackToRaw) {
  std::string raw = "Talks went on.\n\nMoscow and\n\nTehran met.";
  ReflowedText r = reflow(normalize(raw));
  ASSERT_EQ(r.text.text, "Talks went on.\nMoscow and Tehran met.");
  size_t t = r.text.text.find("Tehran");
  EXPECT_EQ(raw.substr(r.text.to_raw[t], 6), "Tehran");
}

TEST(Reflow, HeadlineDetection) {
  EXPECT_TRUE(looks_like_headline("Iran and Russia Sign Long-Term Cooperation Treaty"));
  EXPECT_TRUE(looks_like_headline("UN SECURITY COUNCIL MEETS ON GAZA"));
  EXPECT_FALSE(
      looks_like_headline("Iranian foreign minister said on Wednesday that Tehran and Moscow"));
  EXPECT_FALSE(looks_like_headline("The talks ended."));
}

}  // namespace
}  // namespace khaldun::text
