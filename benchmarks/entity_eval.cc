// SPDX-License-Identifier: Apache-2.0
// Measures entity extraction on KazNERD (Kazakh television news, hand-annotated in IOB2):
// precision and recall of places against its GPE and LOCATION spans and of companies against
// its ORGANISATION spans. Span level: a predicted entity is right when its byte range
// overlaps a gold span of its class; a gold span is found when a prediction of its class
// overlaps it. KazNERD's ORGANISATION also holds bodies of state (Үкімет, Мәжіліс) and
// parties, which Steppe does not extract as companies, so company recall is low by design.
//
//   entity_eval [IOB2 file, .gz or plain] [--show N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyse/analyser.h"
#include "extract/entities.h"

namespace {

using steppe::Entity;

enum Class { kPlace, kCompany, kOther };

struct Span {
  size_t begin = 0;
  size_t end = 0;
  Class cls = kOther;
  std::string type;  // KazNERD's class
};

struct Sentence {
  std::string text;
  std::vector<Span> gold;
};

Class ClassOf(std::string_view type) {
  if (type == "GPE" || type == "LOCATION") return kPlace;
  if (type == "ORGANISATION") return kCompany;
  return kOther;
}

// KazNERD's own rule for rebuilding a sentence from its tokens (its README): single spaces,
// none before . , » ) ? : ! % ; and none after « (.
bool NoSpaceBefore(std::string_view token) {
  for (std::string_view p : {".", ",", "»", ")", "?", ":", "!", "%", ";"}) {
    if (token == p) return true;
  }
  return false;
}

bool NoSpaceAfter(std::string_view token) { return token == "«" || token == "("; }

// Reads the IOB2 file: one "token tag" a line, a blank line between sentences.
std::vector<Sentence> ReadIob2(const std::string& path) {
  const bool gz = path.ends_with(".gz");
  const std::string command = (gz ? "gzip -dc '" : "cat '") + path + "'";
  FILE* in = popen(command.c_str(), "r");
  std::vector<Sentence> sentences;
  if (in == nullptr) return sentences;
  Sentence current;
  std::string previous;
  char buffer[4096];
  auto finish = [&] {
    if (!current.text.empty()) sentences.push_back(std::move(current));
    current = Sentence();
    previous.clear();
  };
  while (std::fgets(buffer, sizeof buffer, in) != nullptr) {
    std::string line(buffer);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    const size_t space = line.rfind(' ');
    if (line.empty() || space == std::string::npos || space == 0) {
      finish();
      continue;
    }
    const std::string token = line.substr(0, space);
    const std::string tag = line.substr(space + 1);
    if (!current.text.empty() && !NoSpaceBefore(token) && !NoSpaceAfter(previous)) {
      current.text += ' ';
    }
    const size_t begin = current.text.size();
    current.text += token;
    if (tag.starts_with("B-")) {
      current.gold.push_back({begin, current.text.size(), ClassOf(tag.substr(2)), tag.substr(2)});
    } else if (tag.starts_with("I-") && !current.gold.empty()) {
      current.gold.back().end = current.text.size();
    }
    previous = token;
  }
  finish();
  pclose(in);
  return sentences;
}

bool Overlaps(size_t b1, size_t e1, size_t b2, size_t e2) { return b1 < e2 && b2 < e1; }

struct Counts {
  size_t predicted = 0, correct = 0, gold = 0, found = 0;
  size_t nested = 0;  // wrong by class but inside a longer gold span (Қазақстан Президенті)
  std::map<std::string, int> false_positives, misses;
};

void Print(const char* what, const Counts& c, size_t show) {
  const double p = c.predicted ? static_cast<double>(c.correct) / c.predicted : 0;
  const double r = c.gold ? static_cast<double>(c.found) / c.gold : 0;
  const double lenient = c.predicted ? static_cast<double>(c.correct + c.nested) / c.predicted : 0;
  std::printf("%-9s precision %.3f (%zu of %zu)  recall %.3f (%zu of %zu)\n", what, p, c.correct,
              c.predicted, r, c.found, c.gold);
  std::printf("%-9s precision %.3f counting %zu mentions inside a longer span of another class\n",
              "", lenient, c.nested);
  auto top = [show](const std::map<std::string, int>& counts, const char* title) {
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [text, n] : counts) sorted.emplace_back(-n, text);
    std::sort(sorted.begin(), sorted.end());
    std::printf("  %s:", title);
    for (size_t i = 0; i < std::min(show, sorted.size()); ++i) {
      std::printf(" %s (%d);", sorted[i].second.c_str(), -sorted[i].first);
    }
    std::printf("\n");
  };
  if (show > 0) {
    top(c.false_positives, "most frequent false hits");
    top(c.misses, "most frequent misses");
  }
}

void Score(const Sentence& s, const std::vector<Entity>& found, Counts counts[2]) {
  for (const Entity& e : found) {
    Counts& c = counts[e.kind == Entity::Kind::kPlace ? kPlace : kCompany];
    const Class cls = e.kind == Entity::Kind::kPlace ? kPlace : kCompany;
    ++c.predicted;
    bool right = false, nested = false;
    std::string other = "none";  // the gold class a false hit overlaps, if any
    for (const Span& g : s.gold) {
      if (!Overlaps(e.begin, e.end, g.begin, g.end)) continue;
      right |= g.cls == cls;
      nested |= g.begin <= e.begin && e.end <= g.end && g.end - g.begin > e.end - e.begin;
      other = g.type;
    }
    if (right) {
      ++c.correct;
    } else {
      c.nested += nested;
      ++c.false_positives[s.text.substr(e.begin, e.end - e.begin) + " -> " + e.name + " [" + other +
                          "]"];
    }
  }
  for (const Span& g : s.gold) {
    if (g.cls == kOther) continue;
    Counts& c = counts[g.cls];
    ++c.gold;
    bool hit = false;
    for (const Entity& e : found) {
      const Class cls = e.kind == Entity::Kind::kPlace ? kPlace : kCompany;
      hit |= cls == g.cls && Overlaps(e.begin, e.end, g.begin, g.end);
    }
    if (hit) {
      ++c.found;
    } else {
      ++c.misses[s.text.substr(g.begin, g.end - g.begin)];
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string path = STEPPE_SHARED_DIR "/corpora/kaznerd/iob2/IOB2_test.txt.gz";
  size_t show = 12;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--show") == 0 && i + 1 < argc) {
      show = std::stoul(argv[++i]);
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::printf("usage: entity_eval [IOB2 file, .gz or plain] [--show N]\n");
      return 0;
    } else {
      path = argv[i];
    }
  }
  const std::vector<Sentence> sentences = ReadIob2(path);
  if (sentences.empty()) {
    std::fprintf(stderr, "entity_eval: %s: no sentences read\n", path.c_str());
    return 1;
  }
  steppe::Analyser analyser;
  std::unique_ptr<steppe::EntityExtractor> extractor;
  const steppe::Status status = steppe::EntityExtractor::Create({}, &analyser, &extractor);
  if (!status.ok()) {
    std::fprintf(stderr, "entity_eval: %s\n", status.ToString().c_str());
    return 1;
  }
  Counts counts[2];
  const auto start = std::chrono::steady_clock::now();
  for (const Sentence& s : sentences) {
    analyser.BeginText();
    Score(s, extractor->Extract(s.text, &analyser), counts);
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("KazNERD %s: %zu sentences in %.2f s\n", path.c_str(), sentences.size(), seconds);
  Print("places", counts[kPlace], show);
  Print("companies", counts[kCompany], show);
  return 0;
}
