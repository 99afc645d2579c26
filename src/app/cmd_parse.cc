// `khaldun parse`: text or JSON Lines through the text pipeline, then the tagger, lemmatizer and
// parser, out as CoNLL-U with all ten columns (byte offsets in MISC). With CoNLL-U input the
// given tokenisation is kept and re-tagged and re-parsed.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/command.h"
#include "app/input_options.h"
#include "io/conllu.h"
#include "nlp/pipeline.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct ParseOptions {
  InputOptions input;
  std::string model;
  bool all = false;
};

int run_parse(const ParseOptions& o) {
  const std::string path = o.model.empty() ? nlp::Pipeline::default_model_path() : o.model;
  std::unique_ptr<nlp::Pipeline> pipeline;
  try {
    pipeline = std::make_unique<nlp::Pipeline>(nlp::Pipeline::load(path));
  } catch (const nlp::ModelError& e) {
    std::cerr << "khaldun parse: " << e.what() << "\n";
    return kExitUsage;
  }
  return for_each_document("parse", o.input, [&](Document& doc, RunCounts& counts) {
    // CoNLL-U input arrives tokenised; everything else is raw text.
    if (doc.tokens.empty()) text::analyse(doc);
    pipeline->annotate(doc);
    count_printed(doc, o.all, counts);
    conllu::write(std::cout, doc, {.all_sentences = o.all});
    return true;
  });
}

const RegisterCommand kRegister{
    "parse", "Tag, lemmatise and parse; print CoNLL-U with byte offsets in MISC", 61,
    [](CLI::App& cmd) {
      auto o = std::make_shared<ParseOptions>();
      add_input_options(cmd, o->input);
      cmd.add_option("--model", o->model, "Model file (default: $KHALDUN_MODEL or models/)");
      cmd.add_flag("--all", o->all, "Also print boilerplate sentences, marked");
      return [o] { return run_parse(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
