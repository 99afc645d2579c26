// The NLP stage as one object: tagger, morphological features, lemmatizer and parser, loaded
// from one model file. Loaded once, then shared: annotate() is const and keeps no state, so
// many threads may call it on one Pipeline.
#pragma once

#include <span>
#include <string>

#include "core/document.h"
#include "nlp/feats_table.h"
#include "nlp/lemmatizer.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace khaldun::nlp {

class Pipeline {
 public:
  Pipeline() = default;
  Pipeline(Tagger tagger, FeatsTable feats, Lemmatizer lemmatizer, Parser parser,
           std::string description);

  // Throws ModelError naming the file when it is missing, truncated, damaged or of another
  // format version.
  static Pipeline load(const std::string& path);
  // $KHALDUN_MODEL when set, else the model shipped in the repository's models/ folder.
  static std::string default_model_path();
  void save(const std::string& path) const;

  // Tags, features, lemmas, heads and relations for every sentence of `doc`.
  void annotate(Document& doc) const;
  // The same for one sentence; heads are 1-based within it.
  void annotate(std::span<Token> sentence) const;
  // annotate() in its two steps, for callers that parse only some sentences: tags and lemmas
  // (which the parse does not change); then morphological features, heads and relations over the
  // tagged sentence (the features come with the parse: only parsed sentences are read for them).
  void tag(std::span<Token> sentence) const;
  void parse(std::span<Token> sentence) const;

  // How the model was made (the training command), as stored in the file.
  const std::string& description() const { return description_; }
  const Tagger& tagger() const { return tagger_; }
  const Parser& parser() const { return parser_; }
  const Lemmatizer& lemmatizer() const { return lemmatizer_; }

 private:
  Tagger tagger_;
  FeatsTable feats_;
  Lemmatizer lemmatizer_;
  Parser parser_;
  std::string description_;
};

}  // namespace khaldun::nlp
