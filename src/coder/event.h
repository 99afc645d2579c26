// What the coder produces: one record per event, with everything an analyst needs to check it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coder/participants.h"
#include "core/document.h"

namespace khaldun::coder {

struct Location {
  std::string name;     // as written ("Moscow")
  std::string country;  // CAMEO country code when the dictionaries know the place, else empty
  uint32_t first = 0;   // its tokens in the sentence (inclusive)
  uint32_t last = 0;
  int entry = -1;  // index into Dictionary::places, or -1
};

struct Event {
  uint32_t sentence = 0;        // index into Document::sentences
  uint32_t sentence_index = 0;  // 0-based among the document's coded sentences
  std::string code;             // CAMEO code, "042"
  std::string date;             // YYYY-MM-DD
  std::string date_expression;  // the words that gave the date, empty for the document date
  Participant source;
  Participant target;                 // code empty when coded with --allow-no-target
  uint32_t verb = 0;                  // the predicate token
  std::vector<uint32_t> verb_tokens;  // the predicate and the other words of its verb entry
  uint32_t verb_group = 0;            // index into Dictionary::verb_groups
  uint32_t verb_entry = 0;            // index into VerbGroup::verbs
  int pattern = -1;                   // index into VerbGroup::patterns, -1 = the verb's own code
  std::vector<uint32_t> pattern_tokens;
  std::string mode;  // "asserted", or "intent" when a modal turned an action into its 03x/13x
  std::optional<Location> location;
  std::vector<std::string> issues;  // issue codes of the sentence
};

}  // namespace khaldun::coder
