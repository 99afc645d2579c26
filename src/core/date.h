// Calendar dates as the pipeline uses them: ISO "YYYY-MM-DD" strings at the edges, day numbers
// inside for arithmetic (event dates resolved against the document date).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace khaldun {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  // Days since 1970-01-01 (negative before), for comparisons and weekday arithmetic.
  int64_t days() const;
  static Date from_days(int64_t days);
  int weekday() const;  // 0 = Monday ... 6 = Sunday
  std::string iso() const;
  auto operator<=>(const Date&) const = default;
};

// Parses a strict "YYYY-MM-DD" that names a real calendar day.
std::optional<Date> parse_iso_date(std::string_view s);

}  // namespace khaldun
