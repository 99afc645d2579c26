// `khaldun eval-parse GOLD.conllu`: scores the tagger, lemmatizer and parser against a gold
// treebank with the CoNLL 2018 shared-task metrics; with --raw the text pipeline tokenises the
// raw text first, as in real use. The last line is JSON, for scripts.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/command.h"
#include "io/conllu.h"
#include "nlp/evaluation.h"
#include "nlp/pipeline.h"
#include "text/text_pipeline.h"

namespace khaldun::app {
namespace {

struct EvalParseOptions {
  std::string gold;
  std::string model;
  bool raw = false;
};

int run_eval_parse(const EvalParseOptions& o) {
  const std::string model_path = o.model.empty() ? nlp::Pipeline::default_model_path() : o.model;
  const nlp::Pipeline pipeline = nlp::Pipeline::load(model_path);
  std::ifstream in(o.gold);
  if (!in) {
    std::cerr << "khaldun eval-parse: cannot open " << o.gold << "\n";
    return kExitUsage;
  }
  conllu::Reader reader(in, o.gold);
  nlp::EvalCounts counts;
  size_t errors = 0;
  double seconds = 0;
  for (;;) {
    std::optional<Document> gold;
    try {
      gold = reader.next();
    } catch (const conllu::ParseError& e) {
      std::cerr << "khaldun eval-parse: " << e.what() << "\n";
      ++errors;
      continue;
    }
    if (!gold) break;
    const auto start = std::chrono::steady_clock::now();
    if (o.raw) {
      Document system;
      system.id = gold->id;
      system.raw = gold->raw;
      text::analyse(system);
      pipeline.annotate(system);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      counts.add_aligned(*gold, system);
    } else {
      Document system = *gold;
      for (Token& t : system.tokens) {  // nothing of the gold annotation may leak through
        t.upos.clear(), t.xpos.clear(), t.feats.clear(), t.lemma.clear(), t.deprel.clear();
        t.head = -1;
      }
      pipeline.annotate(system);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      for (const Sentence& s : gold->sentences)
        counts.add_same_tokens(gold->tokens_of(s), system.tokens_of(s));
    }
  }
  std::cout << fmt::format("gold file      {}\nmodel          {}\n", o.gold, model_path);
  std::cout << fmt::format("words          gold {}, system {}, aligned {}\n", counts.gold_words,
                           counts.system_words, counts.aligned_words);
  if (o.raw) {
    std::cout << fmt::format("Tokens         {:6.2f}\n", counts.token_f1());
    std::cout << fmt::format("Sentences      {:6.2f}\n", counts.sentence_f1());
  }
  std::cout << fmt::format("UPOS           {:6.2f}\n", counts.f1(counts.upos));
  std::cout << fmt::format("XPOS           {:6.2f}\n", counts.f1(counts.xpos));
  std::cout << fmt::format("UFeats         {:6.2f}\n", counts.f1(counts.ufeats));
  std::cout << fmt::format("Lemma          {:6.2f}\n", counts.f1(counts.lemma));
  std::cout << fmt::format("UAS            {:6.2f}\n", counts.f1(counts.uas));
  std::cout << fmt::format("LAS            {:6.2f}\n", counts.f1(counts.las));
  std::cout << fmt::format("LAS full label {:6.2f}   (with subtypes, for information)\n",
                           counts.f1(counts.las_full));
  std::cout << fmt::format("speed          {:.0f} words/s ({} pipeline, one thread)\n",
                           seconds > 0 ? static_cast<double>(counts.system_words) / seconds : 0.0,
                           o.raw ? "text + nlp" : "nlp");
  std::cout << counts.to_json(o.raw).dump() << std::endl;
  return errors ? kExitSkipped : kExitOk;
}

const RegisterCommand kRegister{
    "eval-parse", "Score tagging, lemmas and parsing against a gold CoNLL-U file (CoNLL 2018)", 62,
    [](CLI::App& cmd) {
      auto o = std::make_shared<EvalParseOptions>();
      cmd.add_option("gold", o->gold, "Gold treebank (CoNLL-U)")->required();
      cmd.add_flag("--raw", o->raw,
                   "Tokenise and split the raw text with the text pipeline, then align");
      cmd.add_option("--model", o->model, "Model file (default: $KHALDUN_MODEL or models/)");
      return [o] { return run_eval_parse(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
