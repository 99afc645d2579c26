#include "dict/date.h"

#include <gtest/gtest.h>

namespace khaldun::dict {
namespace {

DateRange restriction(std::string_view text, std::vector<std::string>* warnings = nullptr) {
  DateRange r;
  std::vector<std::string> w;
  EXPECT_EQ(parse_petrarch_restriction(text, r, w), "") << text;
  if (warnings) *warnings = w;
  return r;
}

TEST(PetrarchDate, AfterIsInclusiveFromTheDay) {
  DateRange r = restriction(">20040309");
  EXPECT_EQ(r.from, 20040309);
  EXPECT_EQ(r.until, kDateMax);
  EXPECT_FALSE(r.contains(20040308));
  EXPECT_TRUE(r.contains(20040309));
}

TEST(PetrarchDate, BeforeIsStrictlyBefore) {
  DateRange r = restriction("<950601");
  EXPECT_EQ(r.from, kDateMin);
  EXPECT_EQ(r.until, 19950531);
  EXPECT_TRUE(restriction("< 20000301").contains(20000229));  // leap day, spaces allowed
  EXPECT_FALSE(restriction("< 20000301").contains(20000301));
}

TEST(PetrarchDate, RangesWithTwoAndFourDigitYears) {
  DateRange r = restriction("19940922-20040712");
  EXPECT_EQ(r.from, 19940922);
  EXPECT_EQ(r.until, 20040712);
  DateRange two = restriction("041001-080531");
  EXPECT_EQ(two.from, 20041001);
  EXPECT_EQ(two.until, 20080531);
  EXPECT_EQ(restriction("320101-331108").from, 19320101);  // 30-99 are the 1900s
  EXPECT_EQ(restriction("19950601 - 19990815").until, 19990815);
}

TEST(PetrarchDate, BareDateReadAsFromWithWarning) {
  std::vector<std::string> w;
  DateRange r = restriction("19820101", &w);
  EXPECT_EQ(r.from, 19820101);
  ASSERT_EQ(w.size(), 1u);
  EXPECT_NE(w[0].find("no '<', '>'"), std::string::npos);
}

TEST(PetrarchDate, MistypedDatesRepairedOrLeftOpen) {
  std::vector<std::string> w;
  EXPECT_EQ(restriction("1920030320-20060520", &w).from, 20030320);
  EXPECT_FALSE(w.empty());
  EXPECT_EQ(restriction(">201005011", &w).from, 20100501);
  DateRange open = restriction("9008223-911221", &w);
  EXPECT_EQ(open.from, kDateMin);
  EXPECT_EQ(open.until, 19911221);
}

TEST(PetrarchDate, ErrorsSayWhatIsExpected) {
  DateRange r;
  std::vector<std::string> w;
  EXPECT_NE(parse_petrarch_restriction(">2004x309", r, w).find("YYMMDD"), std::string::npos);
  EXPECT_NE(parse_petrarch_restriction("", r, w), "");
  std::string warning;
  EXPECT_FALSE(parse_petrarch_date("20041340", warning).has_value());  // month 13
}

TEST(IsoDate, ParsesAndFormatsRanges) {
  EXPECT_EQ(parse_iso_date("2023-03-29"), 20230329);
  EXPECT_FALSE(parse_iso_date("2023-02-30").has_value());
  EXPECT_FALSE(parse_iso_date("20230329").has_value());
  DateRange r;
  EXPECT_EQ(parse_iso_range("2004-03-09..", r), "");
  EXPECT_EQ(r.from, 20040309);
  EXPECT_EQ(r.until, kDateMax);
  EXPECT_EQ(format_iso_range(r), "2004-03-09..");
  EXPECT_EQ(parse_iso_range("..2015-12-31", r), "");
  EXPECT_EQ(format_iso_range(r), "..2015-12-31");
  EXPECT_NE(parse_iso_range("2004-03-09", r), "");
  EXPECT_EQ(previous_day(20040301), 20040229);
  EXPECT_EQ(next_day(20041231), 20050101);
}

}  // namespace
}  // namespace khaldun::dict
