#include "core/date.h"

#include <gtest/gtest.h>

#include "core/span_scores.h"

namespace khaldun {
namespace {

TEST(Date, ParsesOnlyRealIsoDates) {
  ASSERT_TRUE(parse_iso_date("2023-03-29"));
  EXPECT_EQ(parse_iso_date("2023-03-29")->iso(), "2023-03-29");
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-13-01"));
  EXPECT_FALSE(parse_iso_date("2023-3-29"));
  EXPECT_FALSE(parse_iso_date("29/03/2023"));
}

TEST(Date, DayArithmeticAndWeekdays) {
  Date d = *parse_iso_date("2023-03-29");
  EXPECT_EQ(d.weekday(), 2);  // a Wednesday
  EXPECT_EQ(Date::from_days(d.days() - 1).iso(), "2023-03-28");
  EXPECT_EQ(Date::from_days(parse_iso_date("1970-01-01")->days()).iso(), "1970-01-01");
  EXPECT_EQ(Date::from_days(parse_iso_date("2000-03-01")->days() - 1).iso(), "2000-02-29");
  EXPECT_LT(*parse_iso_date("1999-12-31"), d);
}

TEST(SpanScores, CountsExactMatches) {
  SpanScores s;
  s.add({{0, 4}, {5, 9}, {10, 12}}, {{0, 4}, {5, 12}});
  EXPECT_EQ(s.correct, 1u);
  EXPECT_DOUBLE_EQ(s.precision(), 50.0);
  EXPECT_NEAR(s.recall(), 33.33, 0.01);
  EXPECT_NEAR(s.f1(), 40.0, 0.01);
}

}  // namespace
}  // namespace khaldun
