// `khaldun validate FILE.xml`: runs a PETRARCH validation file and compares the events produced
// with the expected ones, record by record (exact set of (source, target, code) triples).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

#include "app/coding_setup.h"
#include "app/command.h"
#include "io/conllu.h"
#include "io/petrarch_records.h"
#include "io/ud_v1.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct ValidateOptions {
  std::string file;
  CodingOptions coding;
  std::string parse = "own";
  bool quiet = false;
  bool explain = false;
};

using Triple = std::tuple<std::string, std::string, std::string>;

std::string show(const std::set<Triple>& events) {
  if (events.empty()) return "(none)";
  std::string out;
  for (const auto& [s, t, c] : events)
    out += fmt::format("{}{}>{}:{}", out.empty() ? "" : " ", s, t, c);
  return out;
}

int run_validate(const ValidateOptions& o) {
  petrarch::RecordFile file = petrarch::read_record_file(o.file);
  std::string dict_dir = o.coding.dict_dir;
  if (dict_dir.empty()) dict_dir = std::filesystem::path(o.file).parent_path().string();
  CodingOptions coding = o.coding;
  coding.dict_dir = dict_dir;
  bool supplied = o.parse == "supplied";
  // The records with UD parses hold UniversalPetrarch's events, the Penn Treebank ones
  // PETRARCH-2's: where the two differ, each file is coded as its coder did.
  coding.universal_petrarch = std::any_of(file.records.begin(), file.records.end(),
                                          [](const auto& r) { return !r.ud_parse.empty(); });
  CodingSetup setup = open_coding(coding, !supplied, file.environment.verb_file);

  std::set<std::string> include(file.environment.include.begin(), file.environment.include.end());
  struct Tally {
    int passed = 0, failed = 0, skipped = 0;
  };
  std::map<std::string, Tally> by_category;
  Tally total;
  for (const auto& error : file.errors) {
    std::cout << "FAIL " << error << "\n";
    ++total.failed;
  }
  for (const petrarch::Record& r : file.records) {
    Tally& cat = by_category[r.category];
    if (!r.is_sentence || (!include.empty() && !include.contains(r.category))) {
      ++cat.skipped;
      ++total.skipped;
      continue;
    }
    std::set<Triple> expected, produced;
    for (const auto& e : r.expected) expected.insert({e.source, e.target, e.code});
    std::string problem;
    std::vector<std::string> trace;
    Document doc;
    try {
      if (supplied) {
        if (r.ud_parse.empty())
          throw std::runtime_error("--parse supplied needs UD parses; use --parse own");
        doc = petrarch::to_document(r, true);
        for (const Sentence& s : doc.sentences) ud::upgrade_ud_v1_labels(doc.tokens_of(s));
      } else {
        doc = petrarch::to_document(r, false);
        text::analyse(doc);
        setup.parser->annotate(doc);
      }
      for (const auto& e : setup.coder->code(doc, o.explain ? &trace : nullptr))
        produced.insert({e.source.code, e.target.code, e.code});
    } catch (const std::exception& e) {
      problem = e.what();
    }
    bool pass = problem.empty() && produced == expected;
    (pass ? cat.passed : cat.failed)++;
    (pass ? total.passed : total.failed)++;
    if (pass) {
      if (!o.quiet) std::cout << "PASS " << r.id << "\n";
    } else {
      std::cout << fmt::format("FAIL {} [{}] {}\n  expected: {}\n  produced: {}{}\n", r.id,
                               r.category, r.text, show(expected), show(produced),
                               problem.empty() ? "" : "\n  error: " + problem);
      if (o.explain) {
        conllu::write(std::cout, doc);
        for (const auto& line : trace) std::cout << line << "\n";
      }
    }
  }
  std::cout << "\nby category:\n";
  for (const auto& [name, t] : by_category)
    std::cout << fmt::format("  {:<12} {:>4} passed {:>4} failed {:>4} skipped\n", name, t.passed,
                             t.failed, t.skipped);
  std::cout << fmt::format("{} skipped (sentence=\"false\" or a category not in <Include>)\n",
                           total.skipped);
  // The contract: the last line is exactly "N passed, M failed".
  std::cout << fmt::format("{} passed, {} failed\n", total.passed, total.failed);
  return total.failed > 0 ? kExitSkipped : kExitOk;
}

const RegisterCommand kRegister{
    "validate", "Run a PETRARCH validation file and compare the events with the expected ones", 70,
    [](CLI::App& cmd) {
      auto o = std::make_shared<ValidateOptions>();
      cmd.add_option("file", o->file, "Validation records (.xml)")
          ->required()
          ->check(CLI::ExistingFile);
      add_coding_options(cmd, o->coding);
      cmd.add_option("--parse", o->parse,
                     "supplied: the records' own UD parses; own: khaldun's parser")
          ->check(CLI::IsMember({"supplied", "own"}))
          ->capture_default_str();
      cmd.add_flag("--quiet", o->quiet, "Print only the failures and the summary");
      cmd.add_flag("--explain", o->explain,
                   "After each failure, print its parse and the coder's trace (as `explain` does)");
      return [o] { return run_validate(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
