// `khaldun tokenize`: sentences and tokens as CoNLL-U (ID and FORM; offsets in MISC).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/command.h"
#include "app/input_options.h"
#include "io/conllu.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct TokenizeOptions {
  InputOptions input;
  bool all = false;
};

int run_tokenize(const TokenizeOptions& o) {
  return for_each_document("tokenize", o.input, [&](Document& doc, RunCounts& counts) {
    text::analyse(doc);
    count_printed(doc, o.all, counts);
    conllu::write(std::cout, doc, {.all_sentences = o.all});
    return true;
  });
}

const RegisterCommand kRegister{
    "tokenize", "Print sentences and tokens as CoNLL-U, with byte offsets in MISC", 20,
    [](CLI::App& cmd) {
      auto o = std::make_shared<TokenizeOptions>();
      add_input_options(cmd, o->input);
      cmd.add_flag("--all", o->all, "Also print boilerplate sentences, marked");
      return [o] { return run_tokenize(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
