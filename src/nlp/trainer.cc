#include "nlp/trainer.h"

#include <chrono>
#include <memory>

#include <fmt/format.h>

namespace khaldun::nlp {
namespace {

void tag_all(const Tagger& tagger, Treebank& bank) {
  for (auto& sentence : bank) tagger.tag(sentence);
}

}  // namespace

Pipeline train_pipeline(const TrainOptions& options) {
  auto log = [&](const std::string& line) {
    if (options.log) options.log(line);
  };
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  std::vector<std::string> errors;
  const Treebank train = read_treebank(options.train, &errors);
  const Treebank dev = options.dev.empty() ? Treebank{} : read_treebank({options.dev}, &errors);
  for (const auto& e : errors) log("skipped: " + e);
  size_t words = 0;
  for (const auto& s : train) words += s.size();
  log(fmt::format("training on {} sentences ({} words), {} dev sentences", train.size(), words,
                  dev.size()));

  TaggerTrainOptions tagger_options;
  tagger_options.max_epochs = options.tagger_epochs;
  tagger_options.seed = options.seed;
  tagger_options.log = options.log;
  std::string wordnet_log;
  tagger_options.wordnet = std::make_shared<const WordNetClasses>(
      WordNetClasses::read(options.wordnet_dir, &wordnet_log));
  log(wordnet_log);
  Tagger tagger = Tagger::train(train, dev, tagger_options);
  log(fmt::format("tagger done ({:.0f} s)", elapsed()));

  // The parser's training data, tagged by taggers that did not see it.
  Treebank parser_train = train;
  if (options.jackknife_folds > 1) {
    const size_t k = static_cast<size_t>(options.jackknife_folds);
    TaggerTrainOptions fold_options = tagger_options;
    fold_options.log = nullptr;
    for (size_t fold = 0; fold < k; ++fold) {
      const size_t begin = train.size() * fold / k, end = train.size() * (fold + 1) / k;
      Treebank rest, held_out;
      for (size_t i = 0; i < train.size(); ++i)
        (i >= begin && i < end ? held_out : rest).push_back(train[i]);
      Tagger fold_tagger = Tagger::train(rest, dev, fold_options);
      for (size_t i = begin; i < end; ++i) fold_tagger.tag(parser_train[i]);
      log(fmt::format("jackknife fold {}/{} tagged ({:.0f} s)", fold + 1, k, elapsed()));
    }
  }
  if (options.stacked_tagger) {
    // The jackknifed tags are what the second pass needs from the first on training data.
    if (options.jackknife_folds <= 1) tag_all(tagger, parser_train);
    tagger_options.log = [&](const std::string& line) { log("stacked " + line); };
    tagger = Tagger::train(train, dev, tagger_options,
                           std::make_shared<const Tagger>(std::move(tagger)), &parser_train);
    log(fmt::format("stacked tagger done ({:.0f} s)", elapsed()));
  }
  Treebank parser_dev = dev;
  tag_all(tagger, parser_dev);

  std::vector<std::string> lemma_log;
  Lemmatizer lemmatizer = Lemmatizer::train(train, options.wordnet_dir, &lemma_log);
  for (const auto& line : lemma_log) log(line);
  FeatsTable feats = FeatsTable::train(train);

  ParserTrainOptions parser_options;
  parser_options.max_epochs = options.parser_epochs;
  parser_options.seed = options.seed;
  parser_options.log = options.log;
  Parser parser = Parser::train(parser_train, parser_dev, parser_options);
  log(fmt::format("parser done ({:.0f} s)", elapsed()));
  if (options.prune > 0) {
    tagger.prune(options.prune);
    parser.prune(options.prune);
  }
  log(fmt::format("model: tagger {} features, {} weights; parser {} features, {} weights",
                  tagger.model().features(), tagger.model().weights(), parser.model().features(),
                  parser.model().weights()));
  return Pipeline(std::move(tagger), std::move(feats), std::move(lemmatizer), std::move(parser),
                  options.description);
}

}  // namespace khaldun::nlp
