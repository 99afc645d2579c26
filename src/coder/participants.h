// Who a noun phrase stands for. A phrase's code comes from the dictionary mentions inside it: a
// person or organisation named in it ("his Russian counterpart Sergei Lavrov" -> RUSGOV), or a
// country composed with a role ("Iranian foreign minister", "Iran's foreign minister" -> IRNGOV),
// or a country alone. Coordination gives several participants ("Iran and Russia").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coder/mentions.h"
#include "coder/sentence_view.h"

namespace khaldun::coder {

struct Participant {
  std::string code;    // "IRNGOV"; empty for a role without a country ("the minister")
  std::string agent;   // the role's code when the phrase has one ("~GOV")
  uint32_t head = 0;   // the head token of the phrase
  uint32_t first = 0;  // first and last token of the phrase (inclusive)
  uint32_t last = 0;
  std::vector<Mention>
      mentions;              // the mentions that gave the code (copies: they outlive the sentence)
  bool from_memory = false;  // resolved from earlier in the document
  bool media = false;        // a news organisation: never an event's actor
};

// Composes a country (or other actor) code with an agent code: ("IRN", "~GOV") -> "IRNGOV",
// ("IRNGOV", "~MIL") -> "IRNMIL", ("USA", "GOV~") -> "GOVUSA".
std::string compose(const std::string& actor, const std::string& agent);

class ParticipantResolver {
 public:
  // `petrarch`: compose as PETRARCH-2 does, every role of the phrase stacked on the full code of
  // the actor ("MSF Arnor diplomat" -> NGOARNGOV), and news organisations are actors too.
  // `split_slashed`: an actor coded "FRO/BIL/SAM" is three participants, FRO, BIL and SAM.
  ParticipantResolver(const SentenceView& sentence, const std::vector<Mention>& mentions,
                      bool petrarch = false, bool split_slashed = true);

  // The participants the nominal `head` stands for: itself and its conjuncts, those with a code or
  // a role. Empty when nothing in the phrase is in the dictionaries.
  std::vector<Participant> resolve(size_t head) const;

  // Whether a mention is at token i or below it: without one, resolve(i) is empty.
  bool mention_below(size_t i) const { return mention_below_[i] != 0; }

  // The mention covering token i, or nullptr.
  const Mention* mention_at(size_t i) const {
    return mention_of_[i] < 0 ? nullptr : &mentions_[static_cast<size_t>(mention_of_[i])];
  }

 private:
  std::vector<Participant> resolve_phrase(size_t head) const;
  void collect(size_t i, int depth, bool role_head, std::vector<uint32_t>& tokens) const;

  const SentenceView& s_;
  const std::vector<Mention>& mentions_;
  std::vector<int> mention_of_;
  // Whether a mention is at the token or below it (a head of the token of a mention, or higher):
  // a phrase with none names nobody, which resolve() then knows without collecting the phrase.
  std::vector<uint8_t> mention_below_;
  bool petrarch_ = false;
  bool split_slashed_ = true;
};

}  // namespace khaldun::coder
