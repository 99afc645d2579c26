#include "dict/resolve.h"

#include <stdexcept>
#include <string>

#include "dict/date.h"

namespace khaldun::dict {

std::vector<const DatedCode*> codes_at(const Actor& actor, int32_t date) {
  if (date != 0) {
    for (const auto& c : actor.codes) {
      if (c.dated && c.range.contains(date)) return {&c};
    }
  }
  std::vector<const DatedCode*> out;
  for (const auto& c : actor.codes) {
    if (!c.dated) out.push_back(&c);
  }
  return out;
}

const DatedCode* first_code_at(const Actor& actor, int32_t date) {
  if (date != 0) {
    for (const auto& c : actor.codes)
      if (c.dated && c.range.contains(date)) return &c;
  }
  for (const auto& c : actor.codes)
    if (!c.dated) return &c;
  return nullptr;
}

std::vector<const DatedCode*> codes_at(const Actor& actor, std::string_view iso_date) {
  if (iso_date.empty()) return codes_at(actor, int32_t{0});
  auto d = parse_iso_date(iso_date);
  if (!d) throw std::invalid_argument("'" + std::string(iso_date) + "' is not a date (YYYY-MM-DD)");
  return codes_at(actor, *d);
}

}  // namespace khaldun::dict
