#include "nlp/treebank.h"

#include <fstream>
#include <stdexcept>

#include "io/conllu.h"

namespace khaldun::nlp {

Treebank read_treebank(const std::vector<std::string>& paths, std::vector<std::string>* errors) {
  Treebank bank;
  for (const std::string& path : paths) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path);
    conllu::Reader reader(in, path);
    for (;;) {
      std::optional<Document> doc;
      try {
        doc = reader.next();
      } catch (const conllu::ParseError& e) {
        if (errors) errors->push_back(e.what());
        continue;
      }
      if (!doc) break;
      for (const Sentence& s : doc->sentences) {
        auto tokens = doc->tokens_of(s);
        bank.emplace_back(tokens.begin(), tokens.end());
      }
    }
  }
  return bank;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace khaldun::nlp
