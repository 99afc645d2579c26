// `khaldun train`: trains the tagger, lemmatizer and parser on UD treebanks and writes the
// model file that `parse`, `eval-parse` and the event coder load.
#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "app/command.h"
#include "nlp/trainer.h"

namespace khaldun::app {
namespace {

struct TrainCommandOptions {
  std::vector<std::string> train;
  std::string dev;
  std::string output;
  nlp::TrainOptions nlp;
};

int run_train(TrainCommandOptions& o) {
  o.nlp.train = o.train;
  o.nlp.dev = o.dev;
  o.nlp.description = fmt::format(
      "khaldun train --train {} --dev {} -o {} --tagger-epochs {} --parser-epochs {} "
      "--jackknife {} --prune {} --seed {} --wordnet {}{}",
      fmt::join(o.train, ","), o.dev, o.output, o.nlp.tagger_epochs, o.nlp.parser_epochs,
      o.nlp.jackknife_folds, o.nlp.prune, o.nlp.seed, o.nlp.wordnet_dir,
      o.nlp.stacked_tagger ? " --stacked-tagger" : "");
  const auto start = std::chrono::steady_clock::now();
  o.nlp.log = [start](const std::string& line) {
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << fmt::format("[{:6.0f} s] {}", s, line) << std::endl;
  };
  nlp::Pipeline pipeline = nlp::train_pipeline(o.nlp);
  pipeline.save(o.output);
  std::cout << "model written to " << o.output << std::endl;
  return kExitOk;
}

const RegisterCommand kRegister{
    "train", "Train the tagger, lemmatizer and parser on UD treebanks (CoNLL-U)", 60,
    [](CLI::App& cmd) {
      auto o = std::make_shared<TrainCommandOptions>();
      cmd.add_option("--train", o->train, "Training treebanks (CoNLL-U), comma-separated")
          ->required()
          ->delimiter(',')
          ->check(CLI::ExistingFile);
      cmd.add_option("--dev", o->dev, "Development treebank for early stopping")
          ->required()
          ->check(CLI::ExistingFile);
      cmd.add_option("-o,--output", o->output, "Model file to write")->required();
      cmd.add_option("--wordnet", o->nlp.wordnet_dir,
                     "Folder of WordNet's exception lists (verb.exc, noun.exc, ...)")
          ->capture_default_str();
      cmd.add_option("--tagger-epochs", o->nlp.tagger_epochs, "At most this many tagger epochs")
          ->capture_default_str()
          ->check(CLI::Range(1, 100));
      cmd.add_option("--parser-epochs", o->nlp.parser_epochs, "At most this many parser epochs")
          ->capture_default_str()
          ->check(CLI::Range(1, 100));
      cmd.add_option("--jackknife", o->nlp.jackknife_folds,
                     "Folds for the parser's training tags (1 = gold tags)")
          ->capture_default_str()
          ->check(CLI::Range(1, 20));
      cmd.add_flag("--stacked-tagger", o->nlp.stacked_tagger,
                   "Add a second tagger pass that sees the first pass's right context");
      cmd.add_option("--prune", o->nlp.prune, "Drop weights below this from the final model")
          ->capture_default_str()
          ->check(CLI::Range(0.0, 100.0));
      cmd.add_option("--seed", o->nlp.seed, "Random seed (training is deterministic)")
          ->capture_default_str();
      return [o] { return run_train(*o); };
    }};

}  // namespace
}  // namespace khaldun::app
