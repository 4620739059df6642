// SPDX-License-Identifier: Apache-2.0
// The SQLite FTS5 baseline of the end-to-end benchmark (benchmarks/run.sh): one FTS5 table
// (title, body, date UNINDEXED) with tokenize='unicode61 remove_diacritics 2', every article
// inserted in one transaction through one prepared statement. It reads the same front matter
// and the same files as Steppe (e2e_common.h).
//
//   fts5_baseline index DB.sqlite PATH...     # (re)creates DB.sqlite
//   fts5_baseline search DB.sqlite QUERIES [--reps N]
//
// Search turns each query into an FTS5 expression of quoted words and phrases (implicit AND)
// and fetches the titles of the top 10 by bm25 rank, with the date filter as a comparison on
// the date column. The hit count comes from a separate, untimed count(*).
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "e2e_common.h"

namespace {

constexpr char kTop[] =
    "SELECT title, date FROM docs WHERE docs MATCH ?1 AND (?2 = '' OR date >= ?2) "
    "AND (?3 = '' OR date < ?3) ORDER BY rank LIMIT 10";
constexpr char kCount[] =
    "SELECT count(*) FROM docs WHERE docs MATCH ?1 AND (?2 = '' OR date >= ?2) "
    "AND (?3 = '' OR date < ?3)";

bool Check(sqlite3* db, int rc, const char* what) {
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
  std::fprintf(stderr, "fts5_baseline: %s: %s\n", what, sqlite3_errmsg(db));
  return false;
}

bool Exec(sqlite3* db, const char* sql) {
  return Check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

// Words and "phrases" as an FTS5 expression: each one quoted (so '-' and other punctuation are
// left to the tokenizer, never read as syntax), separated by spaces, which FTS5 reads as AND.
std::string ToFts5(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t end;
    std::string term;
    if (text[i] == '"') {
      end = text.find('"', i + 1);
      if (end == std::string::npos) end = text.size();
      term = text.substr(i + 1, end - i - 1);
      ++end;
    } else {
      end = std::min(text.find(' ', i), text.size());
      term = text.substr(i, end - i);
    }
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : term) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
    i = end;
  }
  return out;
}

int Index(const std::string& db_path, const std::vector<std::string>& roots) {
  const auto start = std::chrono::steady_clock::now();
  std::error_code ec;
  std::filesystem::remove(db_path, ec);
  std::filesystem::remove(db_path + "-journal", ec);
  sqlite3* db = nullptr;
  if (!Check(db, sqlite3_open(db_path.c_str(), &db), "open")) return 2;
  sqlite3_stmt* insert = nullptr;
  bool ok = Exec(db,
                 "CREATE VIRTUAL TABLE docs USING fts5(title, body, date UNINDEXED, "
                 "tokenize='unicode61 remove_diacritics 2')") &&
            Exec(db, "BEGIN") &&
            Check(db,
                  sqlite3_prepare_v2(db, "INSERT INTO docs(title, body, date) VALUES(?, ?, ?)", -1,
                                     &insert, nullptr),
                  "prepare insert");
  if (!ok) {
    sqlite3_close(db);
    return 2;
  }
  size_t indexed = 0, bytes = 0, unreadable = 0;
  std::string text;
  steppe_bench::ArticleText article;
  for (const auto& path : steppe_bench::ArticleFiles(roots)) {
    if (!steppe_bench::ReadFile(path, &text)) {
      ++unreadable;
      continue;
    }
    bytes += text.size();
    steppe_bench::ParseArticle(text, &article);
    sqlite3_bind_text(insert, 1, article.title.data(), static_cast<int>(article.title.size()),
                      SQLITE_STATIC);
    sqlite3_bind_text(insert, 2, article.body.data(), static_cast<int>(article.body.size()),
                      SQLITE_STATIC);
    if (steppe_bench::IsDay(article.date)) {
      sqlite3_bind_text(insert, 3, article.date.data(), 10, SQLITE_STATIC);
    } else {
      sqlite3_bind_null(insert, 3);
    }
    if (!Check(db, sqlite3_step(insert), "insert")) {
      ok = false;
      break;
    }
    sqlite3_reset(insert);
    ++indexed;
  }
  sqlite3_finalize(insert);
  ok = ok && Exec(db, "COMMIT");
  sqlite3_close(db);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("indexed %zu articles (%zu bytes), %zu unreadable, in %.2f s\n", indexed, bytes,
              unreadable, seconds);
  return ok && indexed > 0 ? 0 : 2;
}

int Search(const std::string& db_path, const std::string& queries_path, int reps) {
  std::vector<steppe_bench::Query> queries;
  std::string error;
  if (!steppe_bench::ReadQueries(queries_path, &queries, &error)) {
    std::fprintf(stderr, "fts5_baseline: %s\n", error.c_str());
    return 2;
  }
  sqlite3* db = nullptr;
  sqlite3_stmt* top = nullptr;
  sqlite3_stmt* count = nullptr;
  if (!Check(db, sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), "open") ||
      !Check(db, sqlite3_prepare_v2(db, kTop, -1, &top, nullptr), "prepare top 10") ||
      !Check(db, sqlite3_prepare_v2(db, kCount, -1, &count, nullptr), "prepare count")) {
    sqlite3_close(db);
    return 2;
  }
  size_t title_bytes = 0;  // keeps the fetched titles from being optimised away
  auto bind = [&](sqlite3_stmt* stmt, const steppe_bench::Query& q, const std::string& match) {
    sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, q.after.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, q.before.c_str(), -1, SQLITE_TRANSIENT);
  };
  auto count_hits = [&](const steppe_bench::Query& q) {
    const std::string match = ToFts5(q.text);
    bind(count, q, match);
    long hits = -1;
    int step;
    while ((step = sqlite3_step(count)) == SQLITE_ROW) hits = sqlite3_column_int64(count, 0);
    sqlite3_reset(count);
    return Check(db, step, match.c_str()) ? hits : -1L;
  };
  auto search = [&](const steppe_bench::Query& q) {
    const std::string match = ToFts5(q.text);
    bind(top, q, match);
    int step;
    while ((step = sqlite3_step(top)) == SQLITE_ROW) title_bytes += sqlite3_column_bytes(top, 0);
    sqlite3_reset(top);
    return Check(db, step, match.c_str());
  };
  const int rc = steppe_bench::RunQueries("fts5", queries, reps, count_hits, search);
  std::fprintf(stderr, "fts5_baseline: %zu title bytes fetched\n", title_bytes);
  sqlite3_finalize(top);
  sqlite3_finalize(count);
  sqlite3_close(db);
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 5;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (!steppe_bench::ParseReps(argc, argv, &i, &reps)) args.emplace_back(argv[i]);
  }
  if (args.size() >= 3 && args[0] == "index") {
    return Index(args[1], std::vector<std::string>(args.begin() + 2, args.end()));
  }
  if (args.size() == 3 && args[0] == "search") return Search(args[1], args[2], reps);
  std::fprintf(stderr,
               "usage: fts5_baseline index DB.sqlite PATH...\n"
               "       fts5_baseline search DB.sqlite QUERIES [--reps N]\n");
  return 2;
}
