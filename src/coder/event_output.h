// Event records as the outputs show them: a JSON object per event (the `khaldun code` contract),
// or a PETRARCH-2/Phoenix-style tab-separated row.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "coder/event.h"
#include "core/document.h"
#include "dict/model.h"

namespace khaldun::coder {

// The JSON record of an event: doc_id, sentence_index, sentence, date, source, target, code, root,
// quad_class, goldstein, plover, source_text, target_text, verb_text, location, evidence, mode,
// issues, date_expression, and meta (the input's other fields).
nlohmann::json event_json(const Document& doc, const Event& event, const dict::Dictionary& dict);

// The header and one row of the tab-separated format.
std::string event_tsv_header();
std::string event_tsv(const Document& doc, const Event& event);

}  // namespace khaldun::coder
