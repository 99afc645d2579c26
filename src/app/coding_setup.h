// What every command that codes events shares: the --dict/--model/--lenient/--allow-no-target
// options, loading the dictionaries and the parser model once, and running one document through
// the stages after the text stage (parse, then code).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "coder/coder.h"
#include "dict/load.h"
#include "nlp/pipeline.h"

namespace CLI {
class App;
}

namespace khaldun::app {

struct CodingOptions {
  std::string dict_dir;  // empty: the built-in default dictionaries
  bool lenient = false;
  std::string model;  // empty: the shipped model
  bool allow_no_target = false;
  bool universal_petrarch = false;  // see coder::CoderOptions; set by `validate`, not a flag
};

void add_coding_options(CLI::App& cmd, CodingOptions& options);

struct CodingSetup {
  std::unique_ptr<dict::DictionarySet> dictionaries;
  std::unique_ptr<nlp::Pipeline> parser;  // null when the command does not parse
  std::unique_ptr<coder::Coder> coder;
};

// Loads the dictionaries (PETRARCH layout: `verbs_file` picks one verbs file when set) and, when
// `need_parser`, the model. Prints what was loaded and how long it took on stderr. Throws with a
// clear message on a missing or malformed dictionary or model.
CodingSetup open_coding(const CodingOptions& options, bool need_parser,
                        const std::string& verbs_file = "");

}  // namespace khaldun::app
