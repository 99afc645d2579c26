// Training and evaluation data: sentences of tokens read from CoNLL-U files.
#pragma once

#include <string>
#include <vector>

#include "core/document.h"

namespace khaldun::nlp {

using TreebankSentence = std::vector<Token>;
using Treebank = std::vector<TreebankSentence>;

// Every sentence of the CoNLL-U files in `paths`. Malformed sentences are reported on `errors`
// (file:line) and left out; a file that cannot be opened throws std::runtime_error.
Treebank read_treebank(const std::vector<std::string>& paths, std::vector<std::string>* errors);

// ASCII lower case; enough for the features, which only need to merge "The" and "the".
std::string lower(std::string_view s);

}  // namespace khaldun::nlp
