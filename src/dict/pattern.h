// Verb patterns in PETRARCH-2 syntax, parsed into a structure the coder can walk:
//   - * (FOR {HUMANITARIAN AID}) [0233]
// is the verb slot, then a prepositional phrase FOR holding the noun phrase HUMANITARIAN AID.
// khaldun's own .verbs.tsv uses the same syntax without "- " and the [code].
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khaldun::dict {

// A CAMEO event code as written in [...]: "040", "042:043" (a paired event: the second code goes
// from target to source), ":173" (only the reversed event), or "---" (no event).
struct EventCode {
  std::string primary;  // empty when none
  std::string reverse;  // the code after ':' (empty when not paired)
  bool paired = false;  // a ':' was written
  bool none() const { return primary.empty() && reverse.empty(); }
  std::string to_string() const;  // the bracket content: "042:043", ":173", "---"
  bool operator==(const EventCode&) const = default;
};

// Parses the inside of [...]. Returns false when it is not a code; `warning` is set when the
// code was accepted after dropping junk (PETRARCH-2 accepts "080!").
bool parse_event_code(std::string_view text, EventCode& out, std::string& warning);

struct PatternItem {
  enum class Kind : uint8_t {
    kWord,        // a literal word, upper case
    kSynset,      // &NAME (text holds NAME)
    kVerb,        // *   the verb slot
    kSource,      // $
    kTarget,      // +
    kCompound,    // %   a compound actor (source and target in one phrase)
    kSkip,        // ^   skip a phrase
    kNounPhrase,  // {...}
    kPrepPhrase,  // (...)
  };
  Kind kind = Kind::kWord;
  std::string text;
  bool joined = false;  // written with '_' to the previous item: the words must be adjacent
  std::vector<PatternItem> items;  // contents of {...} and (...)
  bool operator==(const PatternItem&) const = default;
};

struct Pattern {
  std::vector<PatternItem> items;  // top level, in order; exactly one kVerb among them
  EventCode code;
  std::string note;
  int line = 0;  // where it was written
  bool operator==(const Pattern& o) const { return items == o.items && code == o.code; }
};

// Parses pattern text (without the "- " and the [code]). `synsets` are the known set names: a
// name glued to the next word with '_' ("&GENINT_CONVENTIONS") is cut at the longest known name.
// Returns an empty string on success, else what is wrong; `warnings` collects tolerated oddities.
std::string parse_pattern(std::string_view text, const std::vector<std::string>& synsets,
                          std::vector<PatternItem>& out, std::vector<std::string>& warnings);

// The canonical text of a pattern: items separated by spaces, '_' where joined.
std::string format_pattern(const std::vector<PatternItem>& items);

// Every synset name a pattern refers to, recursively.
void collect_synsets(const std::vector<PatternItem>& items, std::vector<std::string>& out);

}  // namespace khaldun::dict
