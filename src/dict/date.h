// Dates of dictionary entries: PETRARCH-2's restrictions ("[RUSGOV >20040309]",
// "[RUSGOV 041001-080531]", "<950601") and khaldun's ISO ranges ("2004-03-09..").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dict/model.h"

namespace khaldun::dict {

// "2023-03-29" -> 20230329; nullopt when not a valid ISO date.
std::optional<int32_t> parse_iso_date(std::string_view text);

// 20230329 -> "2023-03-29".
std::string format_iso_date(int32_t date);

// The day before / after a valid date.
int32_t previous_day(int32_t date);
int32_t next_day(int32_t date);

// A PETRARCH date: YYYYMMDD, or YYMMDD with two-digit years 00-29 in the 2000s and 30-99 in the
// 1900s. Mistyped lengths are repaired where there is one obvious reading (see DICTIONARIES.md);
// `warning` says so. nullopt when the date cannot be read.
std::optional<int32_t> parse_petrarch_date(std::string_view digits, std::string& warning);

// The restriction after the code inside [...]: ">D", "<D", "D-D", or a bare "D" (read as ">D").
// Returns an empty string on success, else what is wrong; `warnings` collects repairs.
std::string parse_petrarch_restriction(std::string_view text, DateRange& out,
                                       std::vector<std::string>& warnings);

// khaldun's "FROM..UNTIL" with either end optional. Empty string on success.
std::string parse_iso_range(std::string_view text, DateRange& out);
std::string format_iso_range(const DateRange& range);

}  // namespace khaldun::dict
