// How long loading and compiling the full Phoenix dictionary set takes (budget: 0.3 s).
#include <filesystem>

#include <benchmark/benchmark.h>

#include "dict/compiled.h"
#include "dict/load.h"

namespace {

std::string phoenix_dir() {
  return (std::filesystem::path(KHALDUN_SHARED_DIR) / "data" / "petrarch" / "phoenix").string();
}

void BM_LoadPhoenix(benchmark::State& state) {
  if (!std::filesystem::is_directory(phoenix_dir())) {
    state.SkipWithError("shared Phoenix dictionaries absent");
    return;
  }
  for (auto _ : state) {
    auto loaded = khaldun::dict::load_directory(phoenix_dir());
    benchmark::DoNotOptimize(loaded.dict.actors.data());
  }
}
BENCHMARK(BM_LoadPhoenix)->Unit(benchmark::kMillisecond);

void BM_LoadAndCompilePhoenix(benchmark::State& state) {
  if (!std::filesystem::is_directory(phoenix_dir())) {
    state.SkipWithError("shared Phoenix dictionaries absent");
    return;
  }
  for (auto _ : state) {
    auto set = khaldun::dict::open_dictionary(phoenix_dir());
    benchmark::DoNotOptimize(set->compiled->node_count());
  }
}
BENCHMARK(BM_LoadAndCompilePhoenix)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
