// The word classes WordNet knows a word in, with the inflection its form suggests: noun or plural
// noun, verb, -s/-ed/-ing verb form, adjective or comparative, adverb. The tagger uses this for
// words it saw too rarely in training to know their ambiguity class. The lemma lists
// (index.noun, index.verb, index.adj, index.adv) and the irregular forms (*.exc) are read at
// training time and stored in the model, so running needs no WordNet.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "nlp/flat_index.h"
#include "nlp/model_file.h"

namespace khaldun::nlp {

class WordNetClasses {
 public:
  enum Bit : uint16_t {
    kNoun = 1 << 0,
    kPluralNoun = 1 << 1,
    kVerb = 1 << 2,
    kVerbS = 1 << 3,
    kVerbEd = 1 << 4,
    kVerbIng = 1 << 5,
    kAdjective = 1 << 6,
    kComparative = 1 << 7,
    kAdverb = 1 << 8,
  };

  // Reads the WordNet files in `dir`; a missing folder leaves the table empty (the feature is
  // then constant), with a note in `log` if given.
  static WordNetClasses read(const std::string& dir, std::string* log = nullptr);

  // The bits for a lower-cased word; 0 when WordNet does not know it in any form.
  uint16_t classes(std::string_view lower) const;

  bool empty() const { return lemmas_.size() == 0; }
  size_t size() const { return lemmas_.size(); }

  void save(ModelWriter& out) const;
  static WordNetClasses load(ModelReader& in);

 private:
  uint16_t lemma(std::string_view s) const;  // the classes `s` is a lemma of

  // Lemma or irregular form (its hash) -> bits; the row value of the index holds the bits.
  FlatIndex lemmas_;
};

}  // namespace khaldun::nlp
