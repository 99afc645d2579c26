#include "dict/phrase.h"

#include <cstdlib>

#include <utf8proc.h>

#include "text/tokenizer.h"

namespace khaldun::dict {

std::vector<std::string> phrase_words(std::string_view phrase) {
  return text::split_phrase(phrase);
}

std::string fold_case(std::string_view word) {
  bool ascii = true;
  for (char c : word) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
      static_cast<utf8proc_ssize_t>(word.size()), &folded,
      static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE));
  if (n < 0) return std::string(word);  // invalid UTF-8: match it byte for byte
  std::string out(reinterpret_cast<char*>(folded), static_cast<size_t>(n));
  std::free(folded);
  return out;
}

}  // namespace khaldun::dict
