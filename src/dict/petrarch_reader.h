// Readers for the PETRARCH-2 dictionary files, as they are shipped (see docs/DICTIONARIES.md for
// how each construct is read). Each reads the text of one file and appends its entries to `out`;
// `file` names the source in diagnostics and in the entries' SourceRef.
#pragma once

#include <string>
#include <string_view>

#include "dict/diagnostics.h"
#include "dict/model.h"

namespace khaldun::dict {

void read_petrarch_verbs(std::string_view content, const std::string& file, Dictionary& out,
                         Diagnostics& diag);
void read_petrarch_actors(std::string_view content, const std::string& file, Dictionary& out,
                          Diagnostics& diag);
void read_petrarch_agents(std::string_view content, const std::string& file, Dictionary& out,
                          Diagnostics& diag);
void read_petrarch_discards(std::string_view content, const std::string& file, Dictionary& out,
                            Diagnostics& diag);
void read_petrarch_issues(std::string_view content, const std::string& file, Dictionary& out,
                          Diagnostics& diag);

}  // namespace khaldun::dict
