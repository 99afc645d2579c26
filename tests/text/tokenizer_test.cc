#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace khaldun::text {
namespace {

std::vector<std::string> words(std::string_view s) { return split_phrase(s); }

TEST(Tokenizer, SplitsCliticsAsMultiwordTokens) {
  std::string_view s = "Iran's minister didn't go, we're told; I cannot say.";
  std::vector<TokenBounds> t;
  tokenize(s, 0, s.size(), t);
  std::vector<std::string> forms;
  for (auto& b : t) forms.emplace_back(s.substr(b.begin, b.end - b.begin));
  EXPECT_EQ(forms,
            (std::vector<std::string>{"Iran", "'s", "minister", "did", "n't", "go", ",", "we",
                                      "'re", "told", ";", "I", "can", "not", "say", "."}));
  EXPECT_EQ(t[0].mwt_size, 2);   // Iran + 's
  EXPECT_EQ(t[3].mwt_size, 2);   // did + n't
  EXPECT_EQ(t[12].mwt_size, 2);  // can + not
  EXPECT_EQ(t[2].mwt_size, 0);
}

TEST(Tokenizer, HyphensAsEwtSplitsThem) {
  EXPECT_EQ(words("long-term Amir-Abdollahian e-mail re-elected non-profit 555-1234 5-3"),
            (std::vector<std::string>{"long", "-", "term", "Amir", "-", "Abdollahian", "e-mail",
                                      "re-elected", "non-profit", "555-1234", "5", "-", "3"}));
  EXPECT_EQ(words("Tehran-Moscow relations"),
            (std::vector<std::string>{"Tehran", "-", "Moscow", "relations"}));
}

TEST(Tokenizer, PunctuationNumbersAndAbbreviations) {
  EXPECT_EQ(words("(\"They paid $5.5 billion, 20%...\") U.S. Mr. Smith's 1,000 troops"),
            (std::vector<std::string>{"(", "\"", "They", "paid", "$", "5.5", "billion", ",", "20",
                                      "%", "...", "\"", ")", "U.S.", "Mr.", "Smith", "'s", "1,000",
                                      "troops"}));
  EXPECT_EQ(words("reality--that slides....they me,just"),
            (std::vector<std::string>{"reality", "--", "that", "slides", "....", "they", "me", ",",
                                      "just"}));
}

TEST(Tokenizer, KeepsUrlsEmailsAndHandlesWhole) {
  EXPECT_EQ(words("See https://example.org/a-b?x=1, mail press@un.org or @UN_News #Gaza."),
            (std::vector<std::string>{"See", "https://example.org/a-b?x=1", ",", "mail",
                                      "press@un.org", "or", "@UN_News", "#Gaza", "."}));
}

TEST(Tokenizer, EveryTokenIsASubstringInOrder) {
  std::string_view s = "  Kim Jong Un's envoy -- \"visited\" Beijing (again)...  ";
  std::vector<TokenBounds> t;
  tokenize(s, 0, s.size(), t);
  size_t last_end = 0;
  for (auto& b : t) {
    EXPECT_LT(b.begin, b.end);
    EXPECT_GE(b.begin, last_end);
    last_end = b.end;
  }
  EXPECT_EQ(t.size(), 14u);
}

}  // namespace
}  // namespace khaldun::text
