// SPDX-License-Identifier: Apache-2.0
// The "Xapian used the usual way" baseline of the end-to-end benchmark (benchmarks/run.sh),
// after Xapian's simpleindex/simplesearch examples: a TermGenerator with the English stemmer
// for every language, positions on, a commit every 10,000 documents (Xapian's default
// autocommit threshold), the title stored as document data and the date as a value. It reads
// the same front matter and the same files as Steppe (e2e_common.h).
//
//   xapian_baseline index DB PATH...          # (re)creates DB
//   xapian_baseline search DB QUERIES [--reps N]
//
// Search parses each query with Xapian's QueryParser (English stemmer, STEM_SOME, default
// operator AND, as Steppe's queries mean every word), filters dates with value ranges, and
// fetches the title of the top 10, checking at least 1,000 matches as Steppe does. The hit
// count comes from a separate, untimed search that checks every document, so it is exact.
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "e2e_common.h"

namespace {

constexpr Xapian::valueno kDateSlot = 0;  // YYYYMMDD, as Steppe stores it
constexpr Xapian::doccount kDocsPerCommit = 10000;
constexpr Xapian::doccount kCheckAtLeast = 1000;

int Index(const std::string& db_path, const std::vector<std::string>& roots) {
  const auto start = std::chrono::steady_clock::now();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
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
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(article.title);
    generator.increase_termpos();
    generator.index_text(article.body);
    doc.set_data(article.title);
    if (steppe_bench::IsDay(article.date)) {
      doc.add_value(kDateSlot, steppe_bench::DayValue(article.date));
    }
    db.add_document(doc);
    if (++indexed % kDocsPerCommit == 0) db.commit();
  }
  db.commit();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("indexed %zu articles (%zu bytes), %zu unreadable, in %.2f s\n", indexed, bytes,
              unreadable, seconds);
  return indexed > 0 ? 0 : 2;
}

int Search(const std::string& db_path, const std::string& queries_path, int reps) {
  std::vector<steppe_bench::Query> queries;
  std::string error;
  if (!steppe_bench::ReadQueries(queries_path, &queries, &error)) {
    std::fprintf(stderr, "xapian_baseline: %s\n", error.c_str());
    return 2;
  }
  Xapian::Database db(db_path);
  Xapian::Enquire enquire(db);
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(Xapian::Stem("english"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  size_t title_bytes = 0;  // keeps the fetched titles from being optimised away
  auto set_query = [&](const steppe_bench::Query& q) {
    Xapian::Query query = parser.parse_query(q.text);
    std::vector<Xapian::Query> filters;
    if (!q.after.empty()) {
      filters.emplace_back(Xapian::Query::OP_VALUE_GE, kDateSlot, steppe_bench::DayValue(q.after));
    }
    if (!q.before.empty()) {  // strictly before: YYYYMMDD - 1 may be day 00, which sorts right
      filters.emplace_back(Xapian::Query::OP_VALUE_LE, kDateSlot,
                           std::to_string(std::stol(steppe_bench::DayValue(q.before)) - 1));
    }
    if (!filters.empty()) {
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    }
    enquire.set_query(query);
  };
  auto count = [&](const steppe_bench::Query& q) {  // checking every document makes it exact
    set_query(q);
    return static_cast<long>(enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated());
  };
  auto search = [&](const steppe_bench::Query& q) {
    set_query(q);
    const Xapian::MSet mset = enquire.get_mset(0, 10, kCheckAtLeast);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      title_bytes += it.get_document().get_data().size();
    }
    return true;
  };
  const int rc = steppe_bench::RunQueries("xapian", queries, reps, count, search);
  std::fprintf(stderr, "xapian_baseline: %zu title bytes fetched\n", title_bytes);
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 5;
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) {
    if (!steppe_bench::ParseReps(argc, argv, &i, &reps)) args.emplace_back(argv[i]);
  }
  try {
    if (args.size() >= 3 && args[0] == "index") {
      return Index(args[1], std::vector<std::string>(args.begin() + 2, args.end()));
    }
    if (args.size() == 3 && args[0] == "search") return Search(args[1], args[2], reps);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian_baseline: %s\n", e.get_description().c_str());
    return 2;
  }
  std::fprintf(stderr,
               "usage: xapian_baseline index DB PATH...\n"
               "       xapian_baseline search DB QUERIES [--reps N]\n");
  return 2;
}
