// `dict check`: lint a loaded dictionary set beyond what the readers already reported.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "dict/cameo_codebook.h"
#include "dict/load.h"

namespace khaldun::dict {

struct CheckReport {
  std::vector<Diagnostic> findings;   // the readers' diagnostics first, then the checks'
  std::map<std::string, int> counts;  // findings per check ("unknown synset", ...)
  int errors = 0;
  int warnings = 0;
};

// Checks: unknown synonym sets; duplicate and conflicting entries (actor and agent names, verb
// forms, patterns, synsets, discards); overlapping date ranges of one actor and dated codes that
// PETRARCH-2 would never reach; event codes outside `codebook` (warnings: PETRARCH-2 codes them).
CheckReport check_dictionary(const LoadedDictionary& loaded, const CameoCodebook& codebook);

}  // namespace khaldun::dict
