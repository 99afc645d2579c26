// `khaldun segment`: the sentences to code, one per line.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/command.h"
#include "app/input_options.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct SegmentOptions {
  InputOptions input;
  bool all = false;
  std::string format = "text";
};

int run_segment(const SegmentOptions& o) {
  bool json = o.format == "json";
  return for_each_document("segment", o.input, [&](Document& doc, RunCounts& counts) {
    text::analyse(doc);
    size_t index = 0;
    for (const Sentence& s : doc.sentences) {
      bool coded = s.codable();
      if (!coded && !o.all) continue;
      if (coded) ++counts.sentences;
      counts.tokens += s.token_count;
      if (json) {
        nlohmann::json j = {{"doc_id", doc.id},         {"kind", to_string(s.kind)},
                            {"paragraph", s.paragraph}, {"text", s.text},
                            {"begin", s.raw.begin},     {"end", s.raw.end}};
        if (coded) j["sentence_index"] = index;
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      } else if (coded) {
        std::cout << s.text << "\n";
      } else {
        std::cout << "[" << to_string(s.kind) << "] " << s.text << "\n";
      }
      if (coded) ++index;
    }
    return true;
  });
}

const RegisterCommand kRegister{
    "segment", "Print the sentences to code, one per line", 10, [](CLI::App& cmd) {
      auto o = std::make_shared<SegmentOptions>();
      add_input_options(cmd, o->input);
      cmd.add_flag("--all", o->all, "Also print boilerplate (datelines, credits, bylines), marked");
      cmd.add_option("--format", o->format, "text, or json (one object per sentence, with offsets)")
          ->check(CLI::IsMember({"text", "json"}))
          ->capture_default_str();
      return [o] { return run_segment(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
