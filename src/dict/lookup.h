// `dict lookup`: what a phrase resolves to in a dictionary, and why (entry, file:line, the date
// restriction that applied).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "dict/compiled.h"

namespace khaldun::dict {

// A human-readable explanation of every entry the phrase matches exactly; when nothing matches
// the whole phrase, of the longest entries found inside it. `date` is YYYYMMDD or 0 (unknown).
// Returns an empty string when nothing matches.
std::string explain_lookup(const CompiledDictionary& dict, std::string_view phrase, int32_t date);

}  // namespace khaldun::dict
