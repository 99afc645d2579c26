#include "app/coding_setup.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>

namespace khaldun::app {

void add_coding_options(CLI::App& cmd, CodingOptions& o) {
  cmd.add_option(
      "--dict", o.dict_dir,
      "Dictionary directory, PETRARCH-2 or khaldun layout (default: the built-in dictionaries)");
  cmd.add_flag("--lenient", o.lenient,
               "Skip and count malformed dictionary entries instead of stopping");
  cmd.add_option("--model", o.model, "Parser model file (default: the shipped model)");
  cmd.add_flag("--allow-no-target", o.allow_no_target,
               "Also emit events that have no target actor");
}

CodingSetup open_coding(const CodingOptions& o, bool need_parser, const std::string& verbs_file) {
  CodingSetup setup;
  auto start = std::chrono::steady_clock::now();
  dict::LoadOptions load_options;
  load_options.lenient = o.lenient;
  load_options.verbs_file = verbs_file;
  setup.dictionaries = dict::open_dictionary(o.dict_dir, load_options);
  const auto& loaded = setup.dictionaries->loaded;
  if (loaded.errors > 0)
    std::cerr << fmt::format(
        "khaldun: warning: {}: {} malformed dictionary entries skipped (--lenient)\n", loaded.dir,
        loaded.errors);
  coder::CoderOptions coder_options;
  coder_options.allow_no_target = o.allow_no_target;
  coder_options.petrarch_compatible = loaded.layout == dict::Layout::kPetrarch;
  coder_options.universal_petrarch = o.universal_petrarch;
  setup.coder = std::make_unique<coder::Coder>(*setup.dictionaries, coder_options);
  auto dict_done = std::chrono::steady_clock::now();
  if (need_parser) {
    std::string path = o.model.empty() ? nlp::Pipeline::default_model_path() : o.model;
    setup.parser = std::make_unique<nlp::Pipeline>(nlp::Pipeline::load(path));
  }
  auto done = std::chrono::steady_clock::now();
  std::cerr << fmt::format(
      "khaldun: dictionaries {} ({}: {} actors, {} agents, {} verb groups) in {:.2f} s{}\n",
      loaded.dir, dict::to_string(loaded.layout), loaded.dict.actors.size(),
      loaded.dict.agents.size(), loaded.dict.verb_groups.size(),
      std::chrono::duration<double>(dict_done - start).count(),
      need_parser ? fmt::format("; model in {:.2f} s",
                                std::chrono::duration<double>(done - dict_done).count())
                  : "");
  return setup;
}

}  // namespace khaldun::app
