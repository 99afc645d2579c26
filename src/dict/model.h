// The dictionary data model shared by the PETRARCH-2 readers and khaldun's own format: what an
// entry says, independent of how it was written. Every entry keeps the file:line it came from,
// because events cite it as evidence and `dict check` points at it.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "dict/pattern.h"

namespace khaldun::dict {

struct SourceRef {
  std::string file;  // as given to the loader (usually a path)
  int line = 0;      // 1-based
  std::string to_string() const { return file + ":" + std::to_string(line); }
};

// Dates are YYYYMMDD integers: they compare like dates and print without a calendar library.
inline constexpr int32_t kDateMin = 0;
inline constexpr int32_t kDateMax = 99991231;

// An inclusive range of days; either end may be open (kDateMin / kDateMax).
struct DateRange {
  int32_t from = kDateMin;
  int32_t until = kDateMax;
  bool contains(int32_t date) const { return from <= date && date <= until; }
  bool bounded() const { return from != kDateMin || until != kDateMax; }
  bool operator==(const DateRange&) const = default;
};

// One code of an actor, possibly valid only between two dates.
struct DatedCode {
  std::string code;  // RUSGOV, IGOUNODEVWBK, ...
  bool dated = false;
  DateRange range;
  int line = 0;  // the line the code was written on (PETRARCH puts codes on their own lines)
  bool operator==(const DatedCode& o) const {
    return code == o.code && dated == o.dated && range == o.range;
  }
};

// Names are phrases as in running text, words separated by single spaces ("SERGEY V. LAVROV");
// they are split into tokens with phrase_words() when compiled.
struct Actor {
  std::vector<std::string> names;  // the first is the canonical name
  std::vector<DatedCode> codes;
  std::string note;
  SourceRef source;
};

// A role noun that gives a sector: "foreign minister" -> ~GOV.
struct Agent {
  std::vector<std::string> names;  // plurals written out (PETRARCH plurals are generated on load)
  std::string code;                // as written: "~GOV" (appended), "GOV~" (prepended)
  std::string note;
  SourceRef source;
};

// One verb (or multi-word verb) of a group. `words` is the base form, `verb_index` the position of
// the verb word in it; `forms` the inflected variants, each a full word sequence of the same shape.
// When `explicit_forms` is false the regular forms are generated when compiling.
struct Verb {
  std::vector<std::string> words;
  uint32_t verb_index = 0;
  bool explicit_forms = false;
  std::vector<std::vector<std::string>> forms;
  EventCode code;  // the verb's own code; none = the group's code
  std::string note;
  SourceRef source;
};

// A PETRARCH verb block: verbs sharing one set of patterns.
struct VerbGroup {
  std::string name;  // upper case, e.g. CONSULT
  EventCode code;    // the block's default code
  std::vector<Verb> verbs;
  std::vector<Pattern> patterns;
  SourceRef source;
};

// A named set of words or phrases (&CURRENCY); members may refer to other sets ("&TIETYPES").
struct Synset {
  std::string name;  // without the leading '&' and trailing '_'
  std::vector<std::string> members;
  SourceRef source;
};

// A PETRARCH-2 transformation of a pair of nested events:
// "~ a (a b ATTACK) SAY = a b 015" is kept as its parts; the coder interprets them.
struct Transformation {
  std::string text;  // without the leading '~', single-spaced
  std::string verb;  // the outer verb group (SAY)
  SourceRef source;
};

struct Discard {
  std::string phrase;
  bool whole_story = false;  // PETRARCH '+': discard the whole story, not just the sentence
  std::string note;
  SourceRef source;
};

enum class IssueKind : uint8_t { kCode, kExclude, kStrongExclude };

struct Issue {
  std::vector<std::string> phrases;  // all written variants
  std::string code;                  // the issue code (for exclusions: the category)
  IssueKind kind = IssueKind::kCode;
  std::string category;  // PETRARCH <ISSUE CATEGORY=...>, empty in khaldun format
  std::string note;
  SourceRef source;
};

struct Place {
  std::vector<std::string> names;
  std::string country;  // three-letter CAMEO country code
  std::string kind;     // capital, city, region
  std::string note;
  SourceRef source;
};

enum class Severity : uint8_t { kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kWarning;
  SourceRef where;
  std::string message;
  std::string to_string() const;
};

// Everything a dictionary set holds, in file order.
struct Dictionary {
  std::vector<Actor> actors;
  std::vector<Agent> agents;
  std::vector<VerbGroup> verb_groups;
  std::vector<Synset> synsets;
  std::vector<Transformation> transformations;
  std::vector<Discard> discards;
  std::vector<Issue> issues;
  std::vector<Place> places;
  std::vector<std::string> files;  // the files read, in order

  // Moves the entries of `other` to the end of this one.
  void append(Dictionary&& other);
};

}  // namespace khaldun::dict
