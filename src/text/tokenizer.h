// Tokenisation in the conventions of UD English EWT, which the parser is trained on: clitics split
// off as multiword tokens (do|n't, Iran|'s, gon|na), hyphenated compounds split (long - term)
// except after prefixes that EWT keeps (e-mail, re-elected, non-profit), punctuation separated, and
// URLs, e-mail addresses, handles, numbers and abbreviations kept whole.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace khaldun::text {

struct TokenBounds {
  size_t begin = 0;  // byte range in the tokenised text
  size_t end = 0;
  uint8_t mwt_size = 0;  // > 1 on the first word of a multiword token
};

// Appends the tokens of text[begin, end) to `out`. Every token is a substring of `text`.
void tokenize(std::string_view text, size_t begin, size_t end, std::vector<TokenBounds>& out);

// The words of a dictionary phrase as the tokenizer splits them ("Amir-Abdollahian" -> Amir, -,
// Abdollahian), so that dictionary entries and text agree on word boundaries.
std::vector<std::string> split_phrase(std::string_view phrase);

}  // namespace khaldun::text
