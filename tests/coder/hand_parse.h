// Hand-made parses for the coder's tests, written as "form/UPOS/head/deprel[/lemma]" items (heads
// 1-based, 0 = root), so that the tests are about the coder whatever the parser model does.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "core/document.h"

namespace khaldun::coder::testing {

// The tokens of `spec`; a token without a lemma gets `missing_lemma`, or its form when that is
// empty.
inline std::vector<Token> hand_parsed(const std::string& spec,
                                      const std::string& missing_lemma = "") {
  std::vector<Token> out;
  std::istringstream in(spec);
  std::string item;
  while (in >> item) {
    std::vector<std::string> f;
    std::stringstream parts(item);
    std::string part;
    while (std::getline(parts, part, '/')) f.push_back(part);
    Token t;
    t.form = f.at(0);
    t.upos = f.at(1);
    t.head = std::stoi(f.at(2));
    t.deprel = f.at(3);
    t.lemma = f.size() > 4 ? f[4] : missing_lemma.empty() ? f[0] : missing_lemma;
    out.push_back(t);
  }
  return out;
}

}  // namespace khaldun::coder::testing
