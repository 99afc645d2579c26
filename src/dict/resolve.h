// Which code an actor has on a given day.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "dict/model.h"

namespace khaldun::dict {

// The codes of `actor` on `date` (YYYYMMDD): the first dated code whose range holds the date, as
// PETRARCH-2 takes the first matching restriction; when none does, every undated code. With an
// unknown date (0) only the undated codes apply. Pointers into `actor`.
std::vector<const DatedCode*> codes_at(const Actor& actor, int32_t date);
// The first of codes_at(actor, date), or nullptr when there is none, without building the list:
// the coder asks this for every actor it finds.
const DatedCode* first_code_at(const Actor& actor, int32_t date);

// Same with an ISO date ("2023-03-29"); an empty string is an unknown date. Throws
// std::invalid_argument on a malformed date.
std::vector<const DatedCode*> codes_at(const Actor& actor, std::string_view iso_date);

}  // namespace khaldun::dict
