#include "nlp/pipeline.h"

#include <cstdlib>

#include "nlp/finite_verb.h"
#include "nlp/model_file.h"

namespace khaldun::nlp {

Pipeline::Pipeline(Tagger tagger, FeatsTable feats, Lemmatizer lemmatizer, Parser parser,
                   std::string description)
    : tagger_(std::move(tagger)),
      feats_(std::move(feats)),
      lemmatizer_(std::move(lemmatizer)),
      parser_(std::move(parser)),
      description_(std::move(description)) {}

Pipeline Pipeline::load(const std::string& path) {
  ModelReader in(path);
  Pipeline p;
  p.description_ = in.str();
  p.tagger_ = Tagger::load(in);
  p.feats_ = FeatsTable::load(in);
  p.lemmatizer_ = Lemmatizer::load(in);
  p.parser_ = Parser::load(in);
  in.finish();
  return p;
}

std::string Pipeline::default_model_path() {
  if (const char* env = std::getenv("KHALDUN_MODEL"); env && *env) return env;
  return std::string(KHALDUN_DATA_DIR) + "/models/en_ewt_gum.khm";
}

void Pipeline::save(const std::string& path) const {
  ModelWriter out;
  out.str(description_);
  tagger_.save(out);
  feats_.save(out);
  lemmatizer_.save(out);
  parser_.save(out);
  out.save(path);
}

void Pipeline::annotate(std::span<Token> sentence) const {
  tag(sentence);
  parse(sentence);
}

void Pipeline::tag(std::span<Token> sentence) const {
  if (sentence.empty()) return;
  tagger_.tag(sentence);
  restore_finite_verb(sentence);
  lemmatizer_.assign(sentence);
}

void Pipeline::parse(std::span<Token> sentence) const {
  if (sentence.empty()) return;
  feats_.assign(sentence);
  parser_.parse(sentence);
}

void Pipeline::annotate(Document& doc) const {
  for (const Sentence& s : doc.sentences) annotate(doc.tokens_of(s));
}

}  // namespace khaldun::nlp
