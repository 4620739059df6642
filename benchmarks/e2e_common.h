// SPDX-License-Identifier: Apache-2.0
// Shared by the end-to-end benchmark programs that benchmarks/run.sh drives (steppe_query_bench,
// xapian_baseline, fts5_baseline): the queries file, the article files and their front matter,
// and the query timing loop with its TSV output, so that all three read and report alike.
// Standard library only; header-only, since each program is one .cc file.
#ifndef STEPPE_BENCHMARKS_E2E_COMMON_H_
#define STEPPE_BENCHMARKS_E2E_COMMON_H_

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace steppe_bench {

// One line of the queries file: query text plus an optional date filter, as YYYY-MM-DD or "".
struct Query {
  std::string line;    // the line as written, for the report
  std::string text;    // words and "phrases"; every word must match
  std::string after;   // on or after this day
  std::string before;  // strictly before this day
};

inline std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

inline bool IsDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// Reads the queries file: one query a line, "QUERY" or "QUERY | after=YYYY-MM-DD
// before=YYYY-MM-DD" (either or both); blank lines and lines starting with '#' are skipped.
// Returns false with *error naming the line when one is malformed.
inline bool ReadQueries(const std::string& path, std::vector<Query>* out, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read the queries file " + path;
    return false;
  }
  std::string raw;
  for (int line_no = 1; std::getline(in, raw); ++line_no) {
    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    Query q;
    q.line = std::string(line);
    const size_t bar = line.find(" | ");
    q.text = std::string(Trim(line.substr(0, bar)));
    if (bar != std::string_view::npos) {
      std::istringstream filters{std::string(line.substr(bar + 3))};
      for (std::string f; filters >> f;) {
        const std::string_view v = std::string_view(f).substr(f.find('=') + 1);
        if (f.starts_with("after=") && IsDay(v)) {
          q.after = std::string(v);
        } else if (f.starts_with("before=") && IsDay(v)) {
          q.before = std::string(v);
        } else {
          *error = path + ":" + std::to_string(line_no) + ": bad filter '" + f +
                   "'; write after=YYYY-MM-DD or before=YYYY-MM-DD";
          return false;
        }
      }
    }
    if (q.text.empty()) {
      *error = path + ":" + std::to_string(line_no) + ": no query words";
      return false;
    }
    out->push_back(std::move(q));
  }
  return true;
}

// "2015-03-02" -> "20150302", the value-slot form Steppe and the Xapian baseline store.
inline std::string DayValue(std::string_view day) {
  return std::string(day.substr(0, 4)) + std::string(day.substr(5, 2)) +
         std::string(day.substr(8, 2));
}

// The fields of an article file that the baselines index.
struct ArticleText {
  std::string title, date, source, lang, body;
};

// Front matter as lib/read/front_matter.cc reads it: "---" fences, "key: value" lines (values
// trimmed, one pair of matching quotes removed), keys case-insensitive. Without front matter,
// the first non-empty line is the title and the whole text the body.
inline void ParseArticle(std::string_view text, ArticleText* out) {
  *out = ArticleText();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  size_t pos = 0;
  auto next_line = [&]() {
    const size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end < text.size() ? end + 1 : end;
    return line;
  };
  bool closed = false;
  if (!text.empty() && Trim(next_line()) == "---") {
    while (pos < text.size()) {
      const std::string_view line = next_line();
      if (Trim(line) == "---") {
        closed = true;
        break;
      }
      const size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string key(Trim(line.substr(0, colon)));
      std::transform(key.begin(), key.end(), key.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string_view v = Trim(line.substr(colon + 1));
      if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
        v = v.substr(1, v.size() - 2);
      }
      if (key == "title") out->title = v;
      if (key == "date") out->date = v;
      if (key == "source") out->source = v;
      if (key == "lang") out->lang = v;
    }
  }
  if (closed) {
    out->body = std::string(text.substr(pos));
    return;
  }
  *out = ArticleText();
  out->body = std::string(text);
  pos = 0;
  while (pos < text.size() && out->title.empty()) out->title = std::string(Trim(next_line()));
}

// The article files under `roots`, chosen and ordered as Steppe's folder walk does
// (lib/read/walk.cc): .md/.markdown/.txt/.text, no README, no dot files or dot folders, sorted.
inline std::vector<std::filesystem::path> ArticleFiles(const std::vector<std::string>& roots) {
  namespace fs = std::filesystem;
  auto is_article = [](const fs::path& p) {
    const std::string name = p.filename().string();
    if (name.empty() || name.front() == '.' || name == "README.md" || name == "README.txt") {
      return false;
    }
    const std::string ext = p.extension().string();
    return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".text";
  };
  std::vector<fs::path> files;
  for (const std::string& root : roots) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      files.emplace_back(root);
      continue;
    }
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(root, fs::directory_options::none, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (!name.empty() && name.front() == '.' && it->is_directory(ec)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec) && is_article(it->path())) found.push_back(it->path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

inline bool ReadFile(const std::filesystem::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = std::move(s).str();
  return true;
}

// For each query: `count` once, untimed, for the exact number of matching articles; then
// `search` (the page of the top 10 hits a user sees) once untimed as a warm-up and `reps` times
// timed. Prints one TSV line per query: n, hits, median ms, every sample in ms (comma-separated),
// the query line. `count` returns -1 and `search` false after printing an error.
// Returns 0, or 2 when a query failed.
inline int RunQueries(const char* system, const std::vector<Query>& queries, int reps,
                      const std::function<long(const Query&)>& count,
                      const std::function<bool(const Query&)>& search) {
  using Clock = std::chrono::steady_clock;
  std::printf("# %s: %zu queries; top 10 hits, %d timed runs each after one warm-up\n", system,
              queries.size(), reps);
  std::printf("n\thits\tmedian_ms\tsamples_ms\tquery\n");
  for (size_t i = 0; i < queries.size(); ++i) {
    const long hits = count(queries[i]);
    if (hits < 0 || !search(queries[i])) return 2;
    std::vector<double> ms;
    std::string samples;
    for (int r = 0; r < reps; ++r) {
      const auto start = Clock::now();
      if (!search(queries[i])) return 2;
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      char buf[32];
      std::snprintf(buf, sizeof buf, "%s%.3f", r ? "," : "", ms.back());
      samples += buf;
    }
    std::sort(ms.begin(), ms.end());
    const double median =
        ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    std::printf("%zu\t%ld\t%.3f\t%s\t%s\n", i + 1, hits, median, samples.c_str(),
                queries[i].line.c_str());
  }
  return 0;
}

// Parses "--reps N" at argv[i] (advancing i); returns false if argv[i] is not that option.
inline bool ParseReps(int argc, char** argv, int* i, int* reps) {
  if (std::string_view(argv[*i]) != "--reps" || *i + 1 >= argc) return false;
  *reps = std::max(1, std::atoi(argv[++*i]));
  return true;
}

}  // namespace steppe_bench

#endif  // STEPPE_BENCHMARKS_E2E_COMMON_H_
