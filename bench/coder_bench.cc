// Speed of the event coder alone, on documents already parsed: the synthetic news corpus
// (../shared/data/corpus/synthetic_news.jsonl, first 500 stories) parsed once with our model, then
// coded again and again with the full Phoenix dictionaries and with our default dictionaries.
//   build/coder_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "coder/coder.h"
#include "core/diagnostics.h"
#include "dict/load.h"
#include "io/document_reader.h"
#include "nlp/pipeline.h"
#include "text/text_pipeline.h"

namespace {

const std::string kShared = KHALDUN_SHARED_DIR;

const std::vector<khaldun::Document>& parsed_corpus() {
  static std::vector<khaldun::Document> docs = [] {
    std::vector<khaldun::Document> out;
    std::ifstream in(kShared + "/data/corpus/synthetic_news.jsonl");
    std::ostringstream messages;
    khaldun::Diagnostics diag(messages);
    khaldun::io::ReaderOptions options;
    options.format = khaldun::io::InputFormat::kJsonl;
    options.date = "2023-03-29";
    khaldun::io::DocumentReader reader(in, "corpus", options, diag);
    auto parser = khaldun::nlp::Pipeline::load(khaldun::nlp::Pipeline::default_model_path());
    khaldun::Document doc;
    while (out.size() < 500 && reader.next(doc)) {
      khaldun::text::analyse(doc);
      parser.annotate(doc);
      out.push_back(std::move(doc));
    }
    return out;
  }();
  return docs;
}

void code_all(benchmark::State& state, const std::string& dict_dir) {
  if (!std::filesystem::exists(kShared + "/data/corpus/synthetic_news.jsonl") ||
      (!dict_dir.empty() && !std::filesystem::exists(dict_dir))) {
    state.SkipWithError("needs ../shared (corpus and PETRARCH dictionaries)");
    return;
  }
  const auto& docs = parsed_corpus();
  auto dictionaries = khaldun::dict::open_dictionary(dict_dir);
  khaldun::coder::CoderOptions options;
  options.petrarch_compatible = dictionaries->loaded.layout == khaldun::dict::Layout::kPetrarch;
  khaldun::coder::Coder coder(*dictionaries, options);
  int64_t sentences = 0, events = 0;
  for (auto _ : state) {
    for (const auto& doc : docs) {
      auto out = coder.code(doc);
      events += static_cast<int64_t>(out.size());
      for (const auto& s : doc.sentences) sentences += s.codable() ? 1 : 0;
    }
  }
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

void BM_CodePhoenix(benchmark::State& state) {
  code_all(state, kShared + "/data/petrarch/phoenix");
}
void BM_CodeDefault(benchmark::State& state) { code_all(state, ""); }
BENCHMARK(BM_CodePhoenix)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_CodeDefault)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
