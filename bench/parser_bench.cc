// Tag + lemmatise + parse speed on one core, in words per second (items_per_second), on the
// sentences of EWT dev with gold tokenisation. The model is $KHALDUN_MODEL or models/.
//   build-*/parser_bench --benchmark_min_time=5
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include "io/conllu.h"
#include "nlp/pipeline.h"
#include "nlp/treebank.h"

namespace {

using khaldun::Token;
using khaldun::nlp::Pipeline;

// A token with only its form, as the text pipeline hands it over.
inline Token form_token(const std::string& form) {
  Token t;
  t.form = form;
  return t;
}

struct Data {
  std::unique_ptr<Pipeline> pipeline;
  std::vector<std::vector<Token>> sentences;  // forms only
  size_t words = 0;
  std::string error;
};

const Data& data() {
  static const Data d = [] {
    Data d;
    try {
      d.pipeline = std::make_unique<Pipeline>(Pipeline::load(Pipeline::default_model_path()));
    } catch (const std::exception& e) {
      d.error = e.what();
      return d;
    }
    const std::string path = std::string(KHALDUN_SHARED_DIR) + "/data/ud/en_ewt-ud-dev.conllu";
    if (!std::filesystem::exists(path)) {
      d.error = "shared data absent: " + path;
      return d;
    }
    for (const auto& gold : khaldun::nlp::read_treebank({path}, nullptr)) {
      std::vector<Token> s;
      for (const Token& t : gold) s.push_back(form_token(t.form));
      d.words += s.size();
      d.sentences.push_back(std::move(s));
    }
    return d;
  }();
  return d;
}

// Times `step` over every sentence, on copies that `prepare` has readied beforehand.
template <typename Prepare, typename Step>
void time_stage(benchmark::State& state, Prepare prepare, Step step) {
  const Data& d = data();
  if (!d.error.empty()) {
    state.SkipWithError(d.error.c_str());
    return;
  }
  std::vector<std::vector<Token>> work = d.sentences;
  for (auto& s : work) prepare(*d.pipeline, s);
  for (auto _ : state) {
    for (auto& s : work) step(*d.pipeline, s);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * d.words));
  state.counters["sentences"] = static_cast<double>(d.sentences.size());
}

void BM_TagAndParse(benchmark::State& state) {
  time_stage(
      state, [](const Pipeline&, std::vector<Token>&) {},
      [](const Pipeline& p, std::vector<Token>& s) { p.annotate(s); });
}
BENCHMARK(BM_TagAndParse)->Unit(benchmark::kMillisecond);

// The two halves alone, to see where the time goes: tags and lemmas ...
void BM_Tag(benchmark::State& state) {
  time_stage(
      state, [](const Pipeline&, std::vector<Token>&) {},
      [](const Pipeline& p, std::vector<Token>& s) { p.tag(s); });
}
BENCHMARK(BM_Tag)->Unit(benchmark::kMillisecond);

// ... and the features and parse of sentences tagged beforehand.
void BM_Parse(benchmark::State& state) {
  time_stage(
      state, [](const Pipeline& p, std::vector<Token>& s) { p.tag(s); },
      [](const Pipeline& p, std::vector<Token>& s) { p.parse(s); });
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMillisecond);

void BM_LoadModel(benchmark::State& state) {
  const std::string path = Pipeline::default_model_path();
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("no model at " + path).c_str());
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(Pipeline::load(path));
}
BENCHMARK(BM_LoadModel)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
