#include "text/boilerplate.h"

#include <gtest/gtest.h>

namespace khaldun::text {
namespace {

TEST(Dateline, RecognisesWireDatelines) {
  std::string_view a = "MOSCOW, March 29 (Xinhua) -- Iran's foreign minister said.";
  EXPECT_EQ(a.substr(dateline_length(a)), "Iran's foreign minister said.");
  std::string_view b = "WASHINGTON (Reuters) - The United States imposed sanctions.";
  EXPECT_EQ(b.substr(dateline_length(b)), "The United States imposed sanctions.");
  std::string_view c = "UNITED NATIONS, Jan. 5 (AP) -- Diplomats met.";
  EXPECT_EQ(c.substr(dateline_length(c)), "Diplomats met.");
  std::string_view d = "KYIV -- Ukrainian forces shelled positions.";
  EXPECT_EQ(d.substr(dateline_length(d)), "Ukrainian forces shelled positions.");
}

TEST(Dateline, LeavesOrdinarySentencesAlone) {
  EXPECT_EQ(dateline_length("A US official said the talks failed."), 0u);
  EXPECT_EQ(dateline_length("U.S. President Joe Biden met Xi."), 0u);
  EXPECT_EQ(dateline_length("NATO - the alliance - met."), 0u);
  EXPECT_EQ(dateline_length("Iran, Russia sign treaty"), 0u);
}

TEST(Credit, RecognisesAgencyAndStaffCredits) {
  std::string_view a = "according to Russia's TASS news agency. (Xinhua/NAN)";
  EXPECT_EQ(a.substr(credit_start(a)), "(Xinhua/NAN)");
  std::string_view b = "The talks ended. (Reporting by Jane Doe; Editing by John Roe)";
  EXPECT_EQ(b.substr(credit_start(b)), "(Reporting by Jane Doe; Editing by John Roe)");
  std::string_view c = "(AFP)";
  EXPECT_EQ(credit_start(c), 0u);
}

TEST(Credit, KeepsParentheticalsInsideText) {
  std::string_view a = "The group met the International Atomic Energy Agency (IAEA)";
  EXPECT_EQ(credit_start(a), a.size());
  std::string_view b = "They agreed (after long talks).";
  EXPECT_EQ(credit_start(b), b.size());
}

TEST(Byline, RecognisesBylines) {
  EXPECT_TRUE(is_byline("By Jane Doe and John Roe"));
  EXPECT_FALSE(is_byline("By Tuesday the talks had failed."));
  EXPECT_FALSE(is_byline("Byzantine politics"));
}

}  // namespace
}  // namespace khaldun::text
