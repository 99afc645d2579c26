// Abbreviations that end in a period, which the segmenter and tokenizer must not take for the end
// of a sentence.
#pragma once

#include <string_view>

namespace khaldun::text {

enum class Abbreviation {
  kNone,
  kInside,     // never ends a sentence: titles and the like ("Mr.", "Gen.", "Sept.", "No.")
  kMaybeFinal  // may end one ("U.S.", "Inc.", "a.m.", "etc.")
};

// `word` is the text before the period, without it ("Mr", "U.S", "a.m").
Abbreviation classify_abbreviation(std::string_view word);

// Words that usually open a sentence; after a kMaybeFinal abbreviation they mean a new sentence.
bool is_sentence_starter(std::string_view word);

}  // namespace khaldun::text
