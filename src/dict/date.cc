#include "dict/date.h"

#include <fmt/format.h>
#include <chrono>

namespace khaldun::dict {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool valid(int year, int month, int day) {
  return std::chrono::year_month_day{std::chrono::year{year},
                                     std::chrono::month{static_cast<unsigned>(month)},
                                     std::chrono::day{static_cast<unsigned>(day)}}
      .ok();
}

std::optional<int32_t> ymd(std::string_view yyyymmdd) {
  int y = to_int(yyyymmdd.substr(0, 4));
  int m = to_int(yyyymmdd.substr(4, 2));
  int d = to_int(yyyymmdd.substr(6, 2));
  if (!valid(y, m, d)) return std::nullopt;
  return y * 10000 + m * 100 + d;
}

std::optional<int32_t> yymmdd(std::string_view s) {
  int yy = to_int(s.substr(0, 2));
  int year = yy < 30 ? 2000 + yy : 1900 + yy;
  int m = to_int(s.substr(2, 2));
  int d = to_int(s.substr(4, 2));
  if (!valid(year, m, d)) return std::nullopt;
  return year * 10000 + m * 100 + d;
}

int32_t shift(int32_t date, int days) {
  using namespace std::chrono;
  year_month_day d{year{date / 10000}, month{static_cast<unsigned>(date / 100 % 100)},
                   day{static_cast<unsigned>(date % 100)}};
  year_month_day r{sys_days{d} + std::chrono::days{days}};
  return static_cast<int>(r.year()) * 10000 + static_cast<int>(unsigned(r.month())) * 100 +
         static_cast<int>(unsigned(r.day()));
}

void trim(std::string_view& s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
}

}  // namespace

std::optional<int32_t> parse_iso_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  std::string digits =
      std::string(t.substr(0, 4)) + std::string(t.substr(5, 2)) + std::string(t.substr(8, 2));
  if (!all_digits(digits)) return std::nullopt;
  return ymd(digits);
}

std::string format_iso_date(int32_t date) {
  return fmt::format("{:04}-{:02}-{:02}", date / 10000, date / 100 % 100, date % 100);
}

int32_t previous_day(int32_t date) { return shift(date, -1); }
int32_t next_day(int32_t date) { return shift(date, 1); }

std::optional<int32_t> parse_petrarch_date(std::string_view s, std::string& warning) {
  if (!all_digits(s)) return std::nullopt;
  if (s.size() == 8) return ymd(s);
  if (s.size() == 6) return yymmdd(s);
  // Mistyped dates found in the Phoenix files; each repair is the only valid reading.
  if (s.size() == 10 && (s.substr(0, 2) == "19" || s.substr(0, 2) == "20")) {
    if (auto d = ymd(s.substr(2))) {  // "1920030320": a century typed twice
      warning = fmt::format("date '{}' read as {} (century written twice)", s, s.substr(2));
      return d;
    }
  }
  if (s.size() == 9) {
    if (auto d = ymd(s.substr(0, 8))) {  // "201005011": a stray digit at the end
      warning = fmt::format("date '{}' read as {} (extra digit ignored)", s, s.substr(0, 8));
      return d;
    }
  }
  return std::nullopt;
}

std::string parse_petrarch_restriction(std::string_view text, DateRange& out,
                                       std::vector<std::string>& warnings) {
  out = DateRange{};
  trim(text);
  if (text.empty()) return "empty date restriction";
  auto one = [&](std::string_view digits, int32_t& into) -> std::string {
    trim(digits);
    std::string warning;
    auto d = parse_petrarch_date(digits, warning);
    if (!warning.empty()) warnings.push_back(warning);
    if (!d) {
      if (all_digits(digits)) {
        // PETRARCH-2 accepts it and compares garbage; we leave this end of the range open.
        warnings.push_back(fmt::format(
            "date '{}' is neither YYMMDD nor YYYYMMDD; that end of the range is left open",
            digits));
        return {};
      }
      return fmt::format("'{}' is not a date (expected YYMMDD or YYYYMMDD)", digits);
    }
    into = *d;
    return {};
  };
  if (text.front() == '>') return one(text.substr(1), out.from);
  if (text.front() == '<') {
    int32_t d = kDateMax;
    std::string err = one(text.substr(1), d);
    if (err.empty() && d != kDateMax) out.until = previous_day(d);  // strictly before the date
    return err;
  }
  auto dash = text.find('-');
  if (dash == std::string_view::npos) {
    warnings.push_back(
        fmt::format("date '{}' has no '<', '>' or range; read as '>{}'", text, text));
    return one(text, out.from);
  }
  std::string err = one(text.substr(0, dash), out.from);
  if (!err.empty()) return err;
  err = one(text.substr(dash + 1), out.until);
  if (!err.empty()) return err;
  if (out.from > out.until) {
    warnings.push_back(
        fmt::format("date range '{}' ends before it starts; it never applies", text));
  }
  return {};
}

std::string parse_iso_range(std::string_view text, DateRange& out) {
  out = DateRange{};
  trim(text);
  auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    return fmt::format("'{}' is not a date range (expected FROM..UNTIL, ISO dates)", text);
  }
  std::string_view from = text.substr(0, dots), until = text.substr(dots + 2);
  trim(from);
  trim(until);
  if (from.empty() && until.empty()) return "date range '..' has neither end";
  if (!from.empty()) {
    auto d = parse_iso_date(from);
    if (!d) return fmt::format("'{}' is not an ISO date (YYYY-MM-DD)", from);
    out.from = *d;
  }
  if (!until.empty()) {
    auto d = parse_iso_date(until);
    if (!d) return fmt::format("'{}' is not an ISO date (YYYY-MM-DD)", until);
    out.until = *d;
  }
  return {};
}

std::string format_iso_range(const DateRange& r) {
  std::string out;
  if (r.from != kDateMin) out += format_iso_date(r.from);
  out += "..";
  if (r.until != kDateMax) out += format_iso_date(r.until);
  return out;
}

}  // namespace khaldun::dict
