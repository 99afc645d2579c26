// Undoes hard wrapping. Wire copy often breaks lines mid-sentence, sometimes with a blank line
// between the fragments; a real paragraph break must survive. The decision for each break looks at
// both sides: a fragment that stops without terminal punctuation and runs on in lower case, or that
// fills its line, is continued; a headline or a finished sentence before a blank line is not.
#pragma once

#include <vector>

#include "text/mapped_text.h"

namespace khaldun::text {

struct Paragraph {
  size_t begin = 0;  // byte range in ReflowedText::text
  size_t end = 0;
  bool headline_like = false;  // one line, no terminal punctuation, mostly capitalised words
};

struct ReflowedText {
  MappedText text;  // paragraphs separated by "\n"; wrapped lines joined by one space
  std::vector<Paragraph> paragraphs;
};

ReflowedText reflow(const MappedText& normalized);

// Whether a line reads as a headline or section title rather than running text.
bool looks_like_headline(std::string_view line);

}  // namespace khaldun::text
