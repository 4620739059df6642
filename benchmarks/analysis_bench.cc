// SPDX-License-Identifier: Apache-2.0
// Analysis throughput on mixed English, Russian and Kazakh news text: ICU word segmentation
// alone, the floor we cannot beat, against the full analysis with a cold and a warm word
// cache. The text is the file named by $STEPPE_BENCH_TEXT (see docs/performance.md for one
// made from real news), else the bundled corpus repeated to about 1 MB, whose small
// vocabulary makes even the "cold" run mostly warm.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analyse/analyser.h"
#include "analyse/segmenter.h"

namespace steppe {
namespace {

const std::string& MixedText() {
  static const std::string text = [] {
    if (const char* path = std::getenv("STEPPE_BENCH_TEXT")) {
      std::ifstream in(path);
      std::stringstream buf;
      buf << in.rdbuf();
      return buf.str();
    }
    std::string corpus;
    for (const auto& entry : std::filesystem::directory_iterator(STEPPE_CORPUS_DIR)) {
      if (entry.path().filename() == "README.md") continue;
      std::ifstream in(entry.path());
      std::stringstream buf;
      buf << in.rdbuf();
      corpus += buf.str() + "\n\n";
    }
    std::string text;
    while (!corpus.empty() && text.size() < (1u << 20)) text += corpus;
    return text;
  }();
  return text;
}

void BM_SegmentOnly(benchmark::State& state) {
  const std::string& text = MixedText();
  Segmenter segmenter;
  size_t words = 0;
  for (auto _ : state) {
    segmenter.ForEachWord(text, [&](size_t, size_t, WordKind) { ++words; });
  }
  benchmark::DoNotOptimize(words);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_SegmentOnly)->Unit(benchmark::kMillisecond);

void BM_AnalyseColdCache(benchmark::State& state) {
  const std::string& text = MixedText();
  std::vector<Token> tokens;
  for (auto _ : state) {
    state.PauseTiming();
    Analyser analyser;  // a new, empty word cache every time
    tokens.clear();
    state.ResumeTiming();
    analyser.Analyse(text, Lang::kEnglish, &tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyseColdCache)->Unit(benchmark::kMillisecond);

void BM_AnalyseWarmCache(benchmark::State& state) {
  const std::string& text = MixedText();
  Analyser analyser;
  std::vector<Token> tokens;
  analyser.Analyse(text, Lang::kEnglish, &tokens);  // fill the cache
  for (auto _ : state) {
    tokens.clear();
    analyser.BeginText();
    analyser.Analyse(text, Lang::kEnglish, &tokens);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AnalyseWarmCache)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace steppe
