// `khaldun explain "SENTENCE"`: why a sentence gives the events it gives. Prints the parse, the
// dictionary mentions, every predicate and pattern tried, and the events.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "app/coding_setup.h"
#include "app/command.h"
#include "coder/event_output.h"
#include "core/date.h"
#include "io/conllu.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct ExplainOptions {
  std::string sentence;
  std::string date;
  CodingOptions coding;
};

int run_explain(const ExplainOptions& o) {
  CodingSetup setup = open_coding(o.coding, true);
  Document doc;
  doc.id = "explain";
  doc.date = o.date;
  doc.raw = o.sentence;
  text::analyse(doc);
  setup.parser->annotate(doc);
  std::cout << "parse:\n";
  conllu::write(std::cout, doc);
  std::vector<std::string> trace;
  auto events = setup.coder->code(doc, &trace);
  std::cout << "coding:\n";
  for (const auto& line : trace) std::cout << line << "\n";
  std::cout << "events: " << events.size() << "\n";
  for (const auto& e : events)
    std::cout << coder::event_json(doc, e, setup.coder->dictionary()).dump(2) << "\n";
  return kExitOk;
}

const RegisterCommand kRegister{
    "explain", "Show the parse, mentions, patterns and events of one sentence", 6,
    [](CLI::App& cmd) {
      auto o = std::make_shared<ExplainOptions>();
      cmd.add_option("sentence", o->sentence, "The sentence (or short text) to explain")
          ->required();
      cmd.add_option("--date", o->date, "Publication date (YYYY-MM-DD)")
          ->check([](const std::string& s) {
            return parse_iso_date(s) ? std::string() : "expected a date as YYYY-MM-DD, got " + s;
          });
      add_coding_options(cmd, o->coding);
      return [o] { return run_explain(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
