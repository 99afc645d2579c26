// khaldun's own dictionary format (docs/DICTIONARY_FORMAT.md): TSV files named by what they
// hold (.actors.tsv, .agents.tsv, .verbs.tsv, .discards.tsv, .issues.tsv, .places.tsv).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "dict/diagnostics.h"
#include "dict/model.h"

namespace khaldun::dict {

enum class FileKind { kActors, kAgents, kVerbs, kDiscards, kIssues, kPlaces };

// The kind of a khaldun file from its name ("countries.actors.tsv"), nullopt for other files.
std::optional<FileKind> khaldun_file_kind(std::string_view filename);

// Reads one file of the given kind, appending to `out`.
void read_khaldun_file(std::string_view content, const std::string& file, FileKind kind,
                       Dictionary& out, Diagnostics& diag);

// Writes `dict` as a khaldun directory into `out_dir` (created if needed): one file per source
// file and kind, named after the source ("Phoenix.Countries.actors.txt" ->
// "Phoenix.Countries.actors.tsv"). Returns the files written. Throws std::runtime_error on I/O
// failure.
std::vector<std::string> write_khaldun_directory(const Dictionary& dict,
                                                 const std::string& out_dir);

// The verb text of the .verbs.tsv `verb` rows that express `verb` ("hold {holds held} talks");
// more than one row when its forms differ in shape.
std::vector<std::string> format_verb_rows(const Verb& verb);

}  // namespace khaldun::dict
