// `khaldun dict check|lookup|convert`: the dictionary tools.
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/command.h"
#include "dict/cameo_codebook.h"
#include "dict/check.h"
#include "dict/date.h"
#include "dict/khaldun_format.h"
#include "dict/load.h"
#include "dict/lookup.h"

namespace khaldun::app {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct DictOptions {
  std::string sub;  // which sub-command ran
  std::string dir;
  std::string phrase;
  std::string date;
  std::string from = "petrarch";
  std::string out;
  std::string verbs_file;
  bool lenient = false;
  bool quiet = false;
};

std::string summary(const dict::Dictionary& d) {
  size_t patterns = 0;
  for (const auto& g : d.verb_groups) patterns += g.patterns.size();
  return fmt::format(
      "{} files: {} actors, {} agents, {} verb groups ({} patterns), {} synsets, {} discards, {} "
      "issues, {} places",
      d.files.size(), d.actors.size(), d.agents.size(), d.verb_groups.size(), patterns,
      d.synsets.size(), d.discards.size(), d.issues.size(), d.places.size());
}

int run_check(const DictOptions& o) {
  dict::LoadOptions lo{.lenient = true, .verbs_file = o.verbs_file};  // report every error
  auto start = Clock::now();
  dict::LoadedDictionary loaded = dict::load_directory(o.dir, lo);
  double load_ms = ms_since(start);
  start = Clock::now();
  dict::CompiledDictionary compiled(loaded.dict);
  double compile_ms = ms_since(start);
  auto report = dict::check_dictionary(loaded, dict::CameoCodebook::builtin());
  if (!o.quiet) {
    for (const auto& f : report.findings) std::cout << f.to_string() << "\n";
  }
  std::cout << "findings by check:\n";
  for (const auto& [check, n] : report.counts) std::cout << fmt::format("  {:>6}  {}\n", n, check);
  std::cout << fmt::format(
      "dict check {} ({}): {}; {} errors, {} warnings; loaded in {:.0f} ms, compiled in {:.0f} ms "
      "({} words, {} trie nodes)\n",
      o.dir, dict::to_string(loaded.layout), summary(loaded.dict), report.errors, report.warnings,
      load_ms, compile_ms, compiled.word_count(), compiled.node_count());
  return report.errors ? kExitSkipped : kExitOk;
}

int run_lookup(const DictOptions& o) {
  int32_t date = 0;
  if (!o.date.empty()) {
    auto d = dict::parse_iso_date(o.date);
    if (!d) {
      std::cerr << "khaldun dict lookup: --date '" << o.date << "' is not YYYY-MM-DD\n";
      return kExitUsage;
    }
    date = *d;
  }
  auto set = dict::open_dictionary(o.dir, {.lenient = o.lenient, .verbs_file = o.verbs_file});
  std::string text = dict::explain_lookup(*set->compiled, o.phrase, date);
  if (text.empty()) {
    std::cout << fmt::format("\"{}\": not in the dictionary ({})\n", o.phrase, set->loaded.dir);
    return kExitSkipped;
  }
  std::cout << text;
  return kExitOk;
}

int run_convert(const DictOptions& o) {
  if (o.from != "petrarch" && o.from != "khaldun") {
    std::cerr << "khaldun dict convert: --from must be petrarch or khaldun\n";
    return kExitUsage;
  }
  auto loaded = dict::load_directory(o.dir, {.lenient = o.lenient, .verbs_file = o.verbs_file});
  std::string expected = o.from == "petrarch" ? "PETRARCH-2" : "khaldun";
  if (dict::to_string(loaded.layout) != expected) {
    std::cerr << fmt::format("khaldun dict convert: {} is in {} layout, not {}\n", o.dir,
                             dict::to_string(loaded.layout), expected);
    return kExitUsage;
  }
  for (const auto& d : loaded.diagnostics) {
    if (d.severity == dict::Severity::kError) std::cerr << d.to_string() << "\n";
  }
  auto files = dict::write_khaldun_directory(loaded.dict, o.out);
  for (const auto& f : files) std::cout << "wrote " << f << "\n";
  std::cout << fmt::format("converted {}; {} entries skipped, {} warnings\n", summary(loaded.dict),
                           loaded.errors, loaded.warnings);
  return loaded.errors ? kExitSkipped : kExitOk;
}

RegisterCommand reg{
    "dict", "Dictionary tools: check a dictionary set, look up a phrase, convert PETRARCH-2 files",
    60, [](CLI::App& cmd) -> std::function<int()> {
      auto o = std::make_shared<DictOptions>();
      cmd.require_subcommand(1);
      auto* check =
          cmd.add_subcommand("check", "Lint a dictionary directory (PETRARCH-2 or khaldun format)");
      check->add_option("DIR", o->dir, "dictionary directory")->required();
      check->add_option("--verbs-file", o->verbs_file,
                        "PETRARCH layout: read only this verbs file");
      check->add_flag("-q,--quiet", o->quiet, "print only the counts and the summary");
      check->callback([o] { o->sub = "check"; });

      auto* lookup = cmd.add_subcommand("lookup", "Show what a phrase resolves to, and why");
      lookup->add_option("PHRASE", o->phrase, "words as in running text")->required();
      lookup->add_option("--date", o->date, "resolve date restrictions on YYYY-MM-DD");
      lookup->add_option("--dict", o->dir, "dictionary directory (default: built-in)");
      lookup->add_option("--verbs-file", o->verbs_file,
                         "PETRARCH layout: read only this verbs file");
      lookup->add_flag("--lenient", o->lenient, "skip malformed entries instead of stopping");
      lookup->callback([o] { o->sub = "lookup"; });

      auto* convert = cmd.add_subcommand("convert", "Write a dictionary in khaldun's own format");
      convert->add_option("--from", o->from, "layout of DIR: petrarch (default) or khaldun");
      convert->add_option("DIR", o->dir, "dictionary directory")->required();
      convert->add_option("-o,--output", o->out, "output directory")->required();
      convert->add_option("--verbs-file", o->verbs_file,
                          "PETRARCH layout: read only this verbs file");
      convert->add_flag("--lenient", o->lenient, "skip malformed entries instead of stopping");
      convert->callback([o] { o->sub = "convert"; });

      return [o]() -> int {
        try {
          if (o->sub == "check") return run_check(*o);
          if (o->sub == "lookup") return run_lookup(*o);
          if (o->sub == "convert") return run_convert(*o);
        } catch (const std::exception& e) {
          std::cerr << "khaldun dict " << o->sub << ": " << e.what() << "\n";
          return kExitUsage;
        }
        return kExitUsage;
      };
    }};

}  // namespace
}  // namespace khaldun::app
