// `khaldun eval-tokenize GOLD.conllu`: rebuilds each gold document's raw text from its "# text"
// lines, runs the text pipeline on it and scores tokens and sentences against the gold.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/command.h"
#include "core/span_scores.h"
#include "io/conllu.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct EvalTokenizeOptions {
  std::string gold;
  std::string docs_prefix;
  bool show_errors = false;
};

// Prints the gold spans the system missed and the system spans that are not gold, with context.
void print_differences(const Document& gold, const std::vector<Span>& g, const std::vector<Span>& p,
                       std::string_view what) {
  auto text = [&](Span s) {
    std::string t(gold.raw_text(s));
    for (char& c : t)
      if (c == '\n') c = ' ';
    return t;
  };
  size_t i = 0, j = 0;
  while (i < g.size() || j < p.size()) {
    if (i < g.size() && j < p.size() && g[i] == p[j]) {
      ++i;
      ++j;
    } else if (j >= p.size() ||
               (i < g.size() &&
                (g[i].begin < p[j].begin || (g[i].begin == p[j].begin && g[i].end < p[j].end)))) {
      std::cout << fmt::format("{} missed {}: [{}]\n", gold.id, what, text(g[i++]));
    } else {
      std::cout << fmt::format("{} extra  {}: [{}]\n", gold.id, what, text(p[j++]));
    }
  }
}

int run_eval_tokenize(const EvalTokenizeOptions& o) {
  std::ifstream in(o.gold, std::ios::binary);
  if (!in) {
    std::cerr << "khaldun: error: " << o.gold << ": cannot open file for reading\n";
    return kExitUsage;
  }
  conllu::Reader reader(in, o.gold);
  SpanScores tokens, sentences;
  size_t documents = 0, errors = 0;
  while (true) {
    std::optional<Document> gold;
    try {
      gold = reader.next();
    } catch (const conllu::ParseError& e) {
      std::cerr << "khaldun: error: " << e.what() << "\n";
      ++errors;
      continue;
    }
    if (!gold) break;
    if (!o.docs_prefix.empty() && gold->id.rfind(o.docs_prefix, 0) != 0) continue;
    Document system;
    system.id = gold->id;
    system.raw = gold->raw;
    text::analyse(system);
    auto gold_tokens = surface_token_spans(*gold), system_tokens = surface_token_spans(system);
    auto gold_sentences = sentence_spans(*gold), system_sentences = sentence_spans(system);
    tokens.add(gold_tokens, system_tokens);
    sentences.add(gold_sentences, system_sentences);
    if (o.show_errors) {
      print_differences(*gold, gold_tokens, system_tokens, "token");
      print_differences(*gold, gold_sentences, system_sentences, "sentence");
    }
    ++documents;
  }
  std::cout << fmt::format("documents: {}\n", documents);
  std::cout << fmt::format("{:<10} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "metric", "gold", "system",
                           "precision", "recall", "f1");
  for (auto [name, s] : {std::pair{"tokens", &tokens}, std::pair{"sentences", &sentences}}) {
    std::cout << fmt::format("{:<10} {:>9} {:>9} {:>9.2f} {:>9.2f} {:>9.2f}\n", name, s->gold,
                             s->predicted, s->precision(), s->recall(), s->f1());
  }
  nlohmann::json summary = {{"documents", documents},
                            {"token_precision", tokens.precision()},
                            {"token_recall", tokens.recall()},
                            {"token_f1", tokens.f1()},
                            {"sentence_precision", sentences.precision()},
                            {"sentence_recall", sentences.recall()},
                            {"sentence_f1", sentences.f1()}};
  std::cout << summary.dump() << "\n";
  return errors > 0 ? kExitSkipped : kExitOk;
}

const RegisterCommand kRegister{
    "eval-tokenize", "Score tokens and sentences against a gold CoNLL-U file", 30,
    [](CLI::App& cmd) {
      auto o = std::make_shared<EvalTokenizeOptions>();
      cmd.add_option("gold", o->gold, "Gold CoNLL-U file (UD)")->required();
      cmd.add_option("--docs", o->docs_prefix, "Keep only documents whose id starts with PREFIX");
      cmd.add_flag("--errors", o->show_errors,
                   "Print each missed and each extra token and sentence");
      return [o] { return run_eval_tokenize(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
