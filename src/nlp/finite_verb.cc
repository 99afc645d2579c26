#include "nlp/finite_verb.h"

#include <string_view>

namespace khaldun::nlp {
namespace {

bool finite(const Token& t) {
  return t.upos == "AUX" || t.xpos == "VBD" || t.xpos == "VBZ" || t.xpos == "VBP" || t.xpos == "MD";
}

bool nominal(const Token& t) {
  return t.xpos == "NN" || t.xpos == "NNS" || t.xpos == "NNP" || t.xpos == "NNPS";
}

// A lower-case word ending in "ed" that the tagger made an adjective or a participle.
bool past_form(const Token& t) {
  const std::string& w = t.form;
  return w.size() > 3 && w.ends_with("ed") && w.front() >= 'a' && w.front() <= 'z' &&
         (t.xpos == "JJ" || t.xpos == "VBN");
}

// What can start an object: "demolished Palestinian homes". A headline's passive is followed by a
// preposition instead ("4 Pakistanis killed in drone attack") and stays as it is.
bool object_start(const Token& t) {
  static constexpr std::string_view kTags[] = {"DT",   "JJ", "NN",  "NNS", "NNP",
                                               "NNPS", "CD", "PRP", "PRP$"};
  for (std::string_view tag : kTags)
    if (t.xpos == tag) return true;
  return false;
}

}  // namespace

bool restore_finite_verb(std::span<Token> sentence) {
  // Short fragments ("Updated Monday.") and questions are left alone; so is anything that
  // already has a finite verb.
  if (sentence.size() < 4) return false;
  for (const Token& t : sentence)
    if (finite(t)) return false;
  for (size_t i = 1; i + 1 < sentence.size(); ++i) {
    if (!past_form(sentence[i]) || !nominal(sentence[i - 1]) || !object_start(sentence[i + 1]))
      continue;
    sentence[i].upos = "VERB";
    sentence[i].xpos = "VBD";
    return true;
  }
  return false;
}

}  // namespace khaldun::nlp
