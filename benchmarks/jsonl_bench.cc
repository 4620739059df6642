// SPDX-License-Identifier: Apache-2.0
// How fast JSON Lines exports are read: ReadJsonLines (JSON parsing and fields to Article) on
// 20,000 generated records of about 1.2 KB each, and ParseJson alone on the same lines. No
// analysis, no index: the reader only. Report medians:
//   build/benchmarks/jsonl_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "read/json.h"
#include "read/jsonl_reader.h"

namespace {

std::string TwoDigits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

// Deterministic records of made-up news text in English and Russian, with escapes, a nested
// source object, a list and numbers, as real exports have.
std::string MakeJsonLines(int records) {
  static const char* const kWords[] = {
      "oil",     "workers",    "strike",   "Zhanaozen", "region",     "company",
      "pay",     "talks",      "нефть",    "рабочие",   "забастовка", "Жанаозен",
      "область", "переговоры", "зарплата", "ministry",  "statement",  "said",
      "on",      "the",        "in",       "and",       "of"};
  constexpr size_t kCount = sizeof kWords / sizeof kWords[0];
  std::string out;
  unsigned state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u, (state >> 16) % kCount; };
  for (int i = 0; i < records; ++i) {
    std::string body;
    for (int w = 0; w < 150; ++w)
      body += std::string(kWords[next()]) + (w % 17 == 16 ? ".\\n" : " ");
    out += "{\"title\": \"Report " + std::to_string(i) + ": " + kWords[next()] + " \\\"" +
           kWords[next()] + "\\\"\", \"text\": \"" + body + "\", \"date\": \"2023-" +
           TwoDigits(1 + i % 12) + "-" + TwoDigits(1 + i % 28) +
           "\", \"source\": {\"name\": \"Steppe Wire\", \"id\": " + std::to_string(i % 7) +
           "}, \"url\": \"https://example.org/" + std::to_string(i) +
           "\", \"companies\": [\"KazMunayGas\", \"West Oil Software\"], \"views\": " +
           std::to_string(i * 13) + ", \"score\": 0.75, \"draft\": false, \"tags\": null}\n";
  }
  return out;
}

const std::string& Corpus() {
  static const std::string text = MakeJsonLines(20000);
  return text;
}

void BM_ReadJsonLines(benchmark::State& state) {
  const std::string& text = Corpus();
  for (auto _ : state) {
    std::vector<steppe::Article> articles;
    std::vector<steppe::Problem> problems;
    steppe::ReadJsonLines(text, "bench.jsonl", "/bench.jsonl", steppe::FieldNames(), &articles,
                          &problems);
    if (articles.size() != 20000 || !problems.empty()) state.SkipWithError("records lost");
    benchmark::DoNotOptimize(articles.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * 20000));
}
BENCHMARK(BM_ReadJsonLines)->Unit(benchmark::kMillisecond);

void BM_ParseJson(benchmark::State& state) {
  const std::string& text = Corpus();
  std::vector<std::string_view> lines;
  for (size_t pos = 0, end; (end = text.find('\n', pos)) != std::string::npos; pos = end + 1) {
    lines.push_back(std::string_view(text).substr(pos, end - pos));
  }
  for (auto _ : state) {
    for (std::string_view line : lines) {
      steppe::JsonValue value;
      if (!steppe::ParseJson(line, &value).ok()) state.SkipWithError("parse failed");
      benchmark::DoNotOptimize(value.object.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ParseJson)->Unit(benchmark::kMillisecond);

}  // namespace
