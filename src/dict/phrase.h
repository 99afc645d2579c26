// How dictionary phrases become token sequences. Every phrase of every format goes through
// phrase_words(), so that entries split exactly like the text the coder matches them against.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace khaldun::dict {

// The tokens of a phrase as khaldun's tokenizer splits running text ("Amir-Abdollahian" -> Amir,
// -, Abdollahian).
std::vector<std::string> phrase_words(std::string_view phrase);

// The case-folded form under which words are matched ("LAVROV", "Lavrov" -> "lavrov").
std::string fold_case(std::string_view word);

}  // namespace khaldun::dict
