// SPDX-License-Identifier: Apache-2.0
// Searcher::Impl: parses and builds the query, adds filters, runs it and turns the match
// set into hits with snippets.
#include "steppe/searcher.h"

#include <xapian.h>

#include <cstdio>
#include <unordered_set>

#include "analyse/analyser.h"
#include "index/prefixes.h"
#include "index/stored_article.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/snippet.h"
#include "util/xapian_errors.h"

namespace steppe {
namespace {

// Match sets are counted exactly up to this many hits; above it totals are estimates.
constexpr Xapian::doccount kCheckAtLeast = 1000;

std::string DayValue(const Date& d, int offset_days) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08d", d.FirstDay() + offset_days);
  return buf;
}

Xapian::Query AnyOf(const char* prefix, const std::vector<std::string>& names, Analyser* analyser) {
  std::vector<Xapian::Query> terms;
  for (const std::string& name : names) terms.emplace_back(prefix + analyser->NameKey(name));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

struct Searcher::Impl {
  Impl(const Options& o, const std::filesystem::path& d, Xapian::Database database)
      : dir(d), db(std::move(database)), analyser(o.word_cache_entries), builder(&db, &analyser) {}

  Status Search(const SearchRequest& request, SearchResults* out);
  Xapian::Query Filters(const SearchRequest& request);
  void FillHit(const Xapian::MSetIterator& it, const std::unordered_set<std::string>& terms,
               size_t snippet_length, Hit* hit);

  std::filesystem::path dir;
  Xapian::Database db;
  Analyser analyser;
  QueryBuilder builder;
};

Xapian::Query Searcher::Impl::Filters(const SearchRequest& request) {
  std::vector<Xapian::Query> filters;
  if (request.after) {
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, slot::kDate, DayValue(*request.after, 0));
  }
  if (request.before) {
    // Strictly before the first day: YYYYMM00 and below, a value no real date has.
    filters.emplace_back(Xapian::Query::OP_VALUE_LE, slot::kDate, DayValue(*request.before, -1));
  }
  if (!request.companies.empty()) {
    filters.push_back(AnyOf(prefix::kCompany, request.companies, &analyser));
  }
  if (!request.places.empty()) filters.push_back(AnyOf(prefix::kPlace, request.places, &analyser));
  return Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
}

void Searcher::Impl::FillHit(const Xapian::MSetIterator& it,
                             const std::unordered_set<std::string>& terms, size_t snippet_length,
                             Hit* hit) {
  const Xapian::Document doc = it.get_document();
  const Article a = ParseStoredArticle(doc.get_data());
  hit->id = a.id;
  hit->path = a.path;
  hit->title = a.title;
  hit->date = a.date;
  hit->source = a.source;
  hit->score = it.get_weight();
  std::vector<Token> tokens;
  analyser.Analyse(a.body, LangFromCode(a.lang), &tokens);
  std::vector<bool> matched(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) matched[i] = TokenMatches(*tokens[i].forms, terms);
  Snippet snippet = MakeSnippet(a.body, tokens, matched, snippet_length);
  hit->snippet = std::move(snippet.text);
  hit->highlights = std::move(snippet.highlights);
}

Status Searcher::Impl::Search(const SearchRequest& request, SearchResults* out) {
  *out = SearchResults();
  analyser.BeginText();
  QueryNode tree;
  if (Status s = ParseQuery(request.query, &tree); !s.ok()) return s;
  Xapian::Query query;
  bool positive = false;
  if (Status s = builder.Build(tree, request.exact, &query, &positive); !s.ok()) return s;
  const Xapian::Query filters = Filters(request);
  if (query.empty() && filters.empty()) {
    return Status::InvalidQuery(
        "the query has no words and no filters; give a word, a "
        "\"phrase\", or a filter such as --company or --after");
  }
  if (query.empty()) query = Xapian::Query::MatchAll;
  if (!filters.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filters);

  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  // Only filters: nothing to rank by, so list the newest first.
  if (!positive) enquire.set_sort_by_value(slot::kDate, true);
  const Xapian::MSet mset =
      enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                       static_cast<Xapian::doccount>(request.limit), kCheckAtLeast);
  out->total_estimated = mset.get_matches_estimated();
  out->query_description = query.get_description();
  const std::unordered_set<std::string> terms(query.get_terms_begin(), query.get_terms_end());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out->hits.emplace_back();
    FillHit(it, terms, request.snippet_length, &out->hits.back());
  }
  return Status::OK();
}

Status Searcher::Open(const Options& options, const std::filesystem::path& dir,
                      std::unique_ptr<Searcher>* out) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / "iamglass", ec) &&
      !std::filesystem::exists(dir / "iamchert", ec)) {
    return Status::NotFound("cannot open index " + dir.string() +
                            ": no index there; create it with 'steppe index PATH --db " +
                            dir.string() + "'");
  }
  try {
    Xapian::Database db(dir.string());
    out->reset(new Searcher(std::make_unique<Impl>(options, dir, std::move(db))));
    return Status::OK();
  } catch (...) {
    return StatusFromCurrentException("cannot open index for searching", dir);
  }
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

Status Searcher::Search(const SearchRequest& request, SearchResults* out) {
  // A writer may commit while we read; Xapian then asks us to reopen. Retry once.
  for (int attempt = 0;; ++attempt) {
    try {
      return impl_->Search(request, out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 0) return Status::Busy("index changed twice during one search; try again");
      impl_->db.reopen();
    } catch (...) {
      return StatusFromCurrentException("search failed", impl_->dir);
    }
  }
}

size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

}  // namespace steppe
