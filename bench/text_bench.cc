// Throughput of the text stage: read JSON Lines + normalise + reflow + segment + tokenise, on the
// synthetic news corpus (../shared/data/corpus/synthetic_news.jsonl), one thread.
//   build/text_bench --benchmark_counters_tabular=true
// bytes_per_second counts the article text (the "text" fields), not the JSON around it.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/diagnostics.h"
#include "io/document_reader.h"
#include "text/text_pipeline.h"

namespace {

const std::string kCorpus = std::string(KHALDUN_SHARED_DIR) + "/data/corpus/synthetic_news.jsonl";

void BM_ReadNormaliseSegmentTokenise(benchmark::State& state) {
  if (!std::filesystem::exists(kCorpus)) {
    state.SkipWithError(("needs " + kCorpus).c_str());
    return;
  }
  std::ifstream file(kCorpus, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  int64_t text_bytes = 0, sentences = 0, tokens = 0, documents = 0;
  for (auto _ : state) {
    std::istringstream in(data);
    std::ostringstream messages;
    khaldun::Diagnostics diag(messages);
    khaldun::io::ReaderOptions options;
    options.format = khaldun::io::InputFormat::kJsonl;
    khaldun::io::DocumentReader reader(in, "corpus", options, diag);
    khaldun::Document doc;
    while (reader.next(doc)) {
      khaldun::text::analyse(doc);
      text_bytes += static_cast<int64_t>(doc.raw.size());
      sentences += static_cast<int64_t>(doc.sentences.size());
      tokens += static_cast<int64_t>(doc.tokens.size());
      ++documents;
    }
  }
  state.SetBytesProcessed(text_bytes);
  state.counters["documents/s"] =
      benchmark::Counter(static_cast<double>(documents), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadNormaliseSegmentTokenise)->Unit(benchmark::kMillisecond)->MinTime(3.0);

}  // namespace

BENCHMARK_MAIN();
