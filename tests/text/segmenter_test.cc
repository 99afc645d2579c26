#include "text/segmenter.h"

#include <gtest/gtest.h>

namespace khaldun::text {
namespace {

std::vector<std::string> split(std::string_view p) {
  std::vector<std::string> out;
  for (auto [b, e] : split_sentences(p)) out.emplace_back(p.substr(b, e - b));
  return out;
}

TEST(Segmenter, SplitsOnTerminalPunctuation) {
  EXPECT_EQ(
      split("Iran met Russia. Russia met Iran! Did they? Yes."),
      (std::vector<std::string>{"Iran met Russia.", "Russia met Iran!", "Did they?", "Yes."}));
}

TEST(Segmenter, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(
      split("Turning to the U.S. concerns, he spoke. Mr. Smith and Gen. Jones met on Sept. 5 at "
            "10 a.m. in St. Louis. George W. Bush arrived."),
      (std::vector<std::string>{"Turning to the U.S. concerns, he spoke.",
                                "Mr. Smith and Gen. Jones met on Sept. 5 at 10 a.m. in St. Louis.",
                                "George W. Bush arrived."}));
  EXPECT_EQ(split("It rose 3.5 percent. Resolution No. 2231 stands."),
            (std::vector<std::string>{"It rose 3.5 percent.", "Resolution No. 2231 stands."}));
}

TEST(Segmenter, SentenceFinalAbbreviationBeforeANewSentence) {
  EXPECT_EQ(split("Sanctions were imposed by the U.S. The EU followed."),
            (std::vector<std::string>{"Sanctions were imposed by the U.S.", "The EU followed."}));
}

TEST(Segmenter, QuotesAndBracketsAfterTheTerminator) {
  EXPECT_EQ(split("He said, \"We will sign.\" Talks went on. (They ended.) Then silence."),
            (std::vector<std::string>{"He said, \"We will sign.\"", "Talks went on.",
                                      "(They ended.)", "Then silence."}));
}

TEST(Segmenter, Ellipses) {
  EXPECT_EQ(split("We waited... Nothing came. It was... fine."),
            (std::vector<std::string>{"We waited...", "Nothing came.", "It was... fine."}));
}

TEST(Segmenter, LowerCaseStartsInInformalText) {
  EXPECT_EQ(
      split("i will let you know later. what are you doing tonight."),
      (std::vector<std::string>{"i will let you know later.", "what are you doing tonight."}));
  EXPECT_EQ(split("Acme Inc. said it would."),
            (std::vector<std::string>{"Acme Inc. said it would."}));
}

TEST(Segmenter, LongInputWithoutPunctuationIsOneSentence) {
  std::string p(200000, 'a');
  for (size_t i = 5; i < p.size(); i += 6) p[i] = ' ';
  auto s = split_sentences(p);
  ASSERT_EQ(s.size(), 1u);
}

}  // namespace
}  // namespace khaldun::text
