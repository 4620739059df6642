// SPDX-License-Identifier: Apache-2.0
// Searcher::Impl: parses and builds the query, adds filters, runs it and turns the match
// set into hits with snippets.
#include "steppe/searcher.h"

#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <limits>
#include <optional>
#include <sstream>
#include <unordered_set>

#include "analyse/analyser.h"
#include "index/format.h"
#include "index/manifest.h"
#include "index/prefixes.h"
#include "index/stored_article.h"
#include "read/reader.h"
#include "search/facets.h"
#include "search/periods.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/snippet.h"
#include "search/suggest.h"
#include "util/directory_size.h"
#include "util/xapian_errors.h"

namespace steppe {
namespace {

// Match sets are counted exactly up to this many hits; above it totals are estimates.
constexpr Xapian::doccount kCheckAtLeast = 1000;
// Below this many hits, the search suggests other spellings.
constexpr size_t kSuggestBelow = 3;
constexpr size_t kMaxSuggestions = 4;

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

std::optional<Date> DateFromValue(const std::string& value) {
  Date date;
  if (value.size() != 8 ||
      !Date::Parse(value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2), &date)
           .ok()) {
    return std::nullopt;
  }
  return date;
}

// The date of a bound of the date slot (YYYYMMDD, a month or year date's first day), as
// precisely as the articles there know it: the day when one is dated to it, else the month.
std::optional<Date> DateOfBound(const Xapian::Database& db, const std::string& value) {
  std::optional<Date> date = DateFromValue(value);
  if (!date || db.term_exists(prefix::kDay + value)) return date;
  date->day = 0;
  if (db.term_exists(prefix::kMonth + value.substr(0, 6))) return date;
  date->month = 0;
  return date;
}

// InvalidArgument when `after` or `before` is not a real date (2023-02-30, month 13).
Status CheckDates(const SearchRequest& request) {
  for (const auto& [name, date] :
       {std::pair("after", &request.after), std::pair("before", &request.before)}) {
    if (!*date) continue;
    if (Status s = (*date)->Validate(); !s.ok()) {
      return Status::InvalidArgument(std::string("SearchRequest::") + name + ": " + s.message());
    }
  }
  return Status::OK();
}

bool IsWordOrPhrase(const QueryNode& n) {
  return n.kind == QueryNode::Kind::kWord || n.kind == QueryNode::Kind::kPhrase;
}

// Rewrites an AND of two or more words into (word OR word ...) AND the other clauses.
// Returns false when there is nothing to relax.
bool Relax(QueryNode* tree) {
  if (tree->kind != QueryNode::Kind::kAnd) return false;
  QueryNode any;
  any.kind = QueryNode::Kind::kOr;
  std::vector<QueryNode> rest;
  for (QueryNode& child : tree->children) {
    (IsWordOrPhrase(child) ? any.children : rest).push_back(std::move(child));
  }
  if (any.children.size() < 2) return false;
  rest.push_back(std::move(any));
  tree->children = std::move(rest);
  return true;
}

// The words the user is looking for (not those under NOT, not field values).
std::string PositiveText(const QueryNode& node) {
  if (IsWordOrPhrase(node)) return node.text;
  if (node.kind == QueryNode::Kind::kNot) return "";
  std::string text;
  for (const QueryNode& child : node.children) text += PositiveText(child) + " ";
  return text;
}

// The hits a search fetches from the top (the page and those before it), and how many
// matches Xapian checks at least: every match up to that many, which counts them exactly.
struct MatchWindow {
  Xapian::doccount first = 0;  // the page's first hit
  Xapian::doccount end = 0;    // one past its last: the hits fetched
  Xapian::doccount check = 0;  // matches Xapian checks at least
};

Xapian::doccount ClampCount(size_t n) {
  return static_cast<Xapian::doccount>(
      std::min<size_t>(n, std::numeric_limits<Xapian::doccount>::max()));
}

// How many matches Xapian checks: enough to count exactly up to kCheckAtLeast (with facets,
// `facet_sample`, or every one with exact_facets: counting costs about 5 µs a match, which a
// broad search at 1M articles would pay for hundreds of thousands), and one more, since a
// sample that fills up means there may be more.
MatchWindow WindowFor(const SearchRequest& request, Xapian::doccount doccount,
                      size_t facet_sample) {
  MatchWindow w;
  w.first = ClampCount(request.offset);
  const size_t room = SIZE_MAX - request.offset;
  w.end = ClampCount(request.offset + std::min(request.limit, room));
  Xapian::doccount counted = kCheckAtLeast;
  if (request.facet_limit > 0) {
    counted = request.exact_facets ? doccount : ClampCount(facet_sample);
  }
  w.check = std::max(w.end, ClampCount(size_t{counted} + 1));
  return w;
}

// The stories among the matches Xapian's spy on the group slot saw: copies of one story count
// once when `collapse`; an article without a group (too short to hash) is a story of its own.
size_t StoriesIn(const Xapian::ValueCountMatchSpy& groups, bool collapse) {
  const size_t seen = groups.get_total();
  if (!collapse) return seen;
  size_t distinct = 0, grouped = 0;
  for (auto it = groups.values_begin(); it != groups.values_end(); ++it) {
    ++distinct;
    grouped += it.get_termfreq();
  }
  return distinct + (seen - std::min(seen, grouped));
}

// Feeds each match to several spies: a remote shard's matches are fed on the client.
class SpyGroup : public Xapian::MatchSpy {
 public:
  explicit SpyGroup(std::vector<Xapian::MatchSpy*> spies) : spies_(std::move(spies)) {}
  void operator()(const Xapian::Document& doc, double weight) override {
    for (Xapian::MatchSpy* spy : spies_) (*spy)(doc, weight);
  }

 private:
  std::vector<Xapian::MatchSpy*> spies_;
};

// The spies of one search and what they count: the stories matching (copies of one story
// once, unless the request asks for all copies) and the facets. Xapian's built-in spies run on
// a remote shard too; Steppe's own (MatchSampler, FacetCounter) only on local ones, so over a
// remote shard they are fed on the client (SpyPass), only for the facets of stories on an
// index of older Steppe, which lacks the value FacetTally counts them by.
class MatchCounter {
 public:
  MatchCounter(const SearchRequest& request, Xapian::doccount check, bool remote, bool facets_value)
      : collapse_(!request.all_copies),
        facets_(request.facet_limit > 0),
        // The tally counts stories on an index with the joined value. Articles it counts on
        // any index, but FacetCounter does it faster where it can run (it splits a company
        // set per match, where the tally looks it up among thousands): on local shards.
        tally_facets_(facets_ && (collapse_ ? facets_value : remote)),
        remote_(remote),
        check_(check),
        counter_(Group(), check),
        // With the tally the sampler counts articles only: the tally knows the stories among
        // them, and reading each match's group twice would cost a tenth of the search.
        sampler_(check, tally_facets_ ? std::nullopt : Group()),
        spies_(facets_ && !tally_facets_ ? SpyGroup({&sampler_, &counter_})
                                         : SpyGroup({&sampler_})) {}

  void Register(Xapian::Enquire* enquire) {
    if (tally_facets_) tally_.Register(enquire);
    if (!remote_) enquire->add_matchspy(&spies_);
    // Over a remote shard Steppe's spies would see matches fetched one by one (about 0.3 ms
    // each on loopback): Xapian's spy on the group slot counts the stories, on the server.
    if (remote_ && !facets_) enquire->add_matchspy(&groups_);
  }
  // Whether spies() must see the matches after get_mset (SpyPass).
  bool needs_spy_pass() const { return remote_ && facets_ && !tally_facets_; }
  Xapian::MatchSpy* spies() { return &spies_; }

  // The stories counted when every match was seen, else an estimate (none when Xapian's own
  // is the best there is).
  void Count(const Xapian::MSet& mset, Xapian::docid last_docid, std::optional<size_t>* counted,
             std::optional<double>* sampled) {
    if (tally_facets_) tallied_ = tally_.Stories();
    if (remote_ && tally_facets_) {
      CountStories(tally_.seen(), tallied_, mset, counted, sampled);
    } else if (remote_ && !facets_) {
      CountStories(groups_.get_total(), StoriesIn(groups_, collapse_), mset, counted, sampled);
    } else if (tally_facets_) {
      if (sampler_.Exact()) *counted = tallied_;
      const std::optional<double> articles = sampler_.Estimate(last_docid);
      if (articles && tally_.seen() > 0) *sampled = *articles * tallied_ / tally_.seen();
    } else {
      *counted = sampler_.Exact();
      *sampled = sampler_.Estimate(last_docid);
    }
  }
  // After Count: the facets, and the stories they were counted over.
  std::vector<Facet> Facets(size_t limit) const {
    return tally_facets_ ? tally_.Collect(limit) : counter_.Collect(limit);
  }
  size_t facet_stories() const { return tally_facets_ ? tallied_ : counter_.matches(); }

 private:
  std::optional<Xapian::valueno> Group() const {
    return collapse_ ? std::optional<Xapian::valueno>(slot::kDuplicateGroup) : std::nullopt;
  }
  // Totals from the `stories` among the `seen` matches a built-in spy saw: exact when it saw
  // fewer than `check`; else Xapian's estimate, scaled by the share of stories.
  void CountStories(size_t seen, size_t stories, const Xapian::MSet& mset,
                    std::optional<size_t>* counted, std::optional<double>* sampled) const {
    if (seen < check_) {
      *counted = stories;
    } else if (seen > 0) {
      *sampled = mset.get_matches_estimated() * static_cast<double>(stories) / seen;
    }
  }

  bool collapse_, facets_, tally_facets_, remote_;
  Xapian::doccount check_;
  FacetTally tally_{collapse_};
  FacetCounter counter_;
  MatchSampler sampler_;
  SpyGroup spies_;
  Xapian::ValueCountMatchSpy groups_{slot::kDuplicateGroup};
  size_t tallied_ = 0;
};

// Scales facet counts made over part of the matches to all of them.
void ScaleFacets(double factor, std::vector<Facet>* facets) {
  for (Facet& facet : *facets) {
    for (FacetCount& value : facet.values) {
      value.count = static_cast<size_t>(std::llround(value.count * factor));
    }
  }
}

// Totals as the list counts them (a collapsed story once): `counted` when a spy saw every
// match, else the sampler's estimate within Xapian's bounds (Xapian's own estimate assumes
// the query's terms independent and is rounded: 'oil' said 5000 for 2798 on 20,000 articles).
void SetTotals(const Xapian::MSet& mset, const MatchWindow& window, std::optional<size_t> counted,
               const std::optional<double>& sampled, SearchResults* out) {
  if (!counted && mset.size() < window.end) counted = mset.size();  // the match ended early
  if (counted) {
    out->total_estimated = out->total_lower = out->total_upper = *counted;
    return;
  }
  out->total_lower = std::max<size_t>(mset.get_matches_lower_bound(), mset.size());
  out->total_upper = std::max<size_t>(mset.get_matches_upper_bound(), out->total_lower);
  const double estimate = sampled ? *sampled : mset.get_matches_estimated();
  out->total_estimated =
      std::clamp(static_cast<size_t>(std::llround(estimate)), out->total_lower, out->total_upper);
}

// The bytes of `dir` and of the shard directories `local` outside it, each file once.
uint64_t LocalSize(const std::filesystem::path& dir,
                   const std::vector<std::filesystem::path>& local) {
  std::vector<std::string> roots;
  std::error_code ec;
  for (const std::filesystem::path& path : local) {
    std::filesystem::path key = std::filesystem::weakly_canonical(path, ec);
    roots.push_back((ec ? path : key).string() + "/");
  }
  std::filesystem::path home = std::filesystem::weakly_canonical(dir, ec);
  roots.push_back((ec ? dir : home).string() + "/");
  std::sort(roots.begin(), roots.end());  // a directory before those inside it
  uint64_t size = 0;
  std::string counted;
  for (const std::string& root : roots) {
    if (!counted.empty() && root.starts_with(counted)) continue;
    counted = root;
    size += DirectorySize(root);
  }
  return size;
}

}  // namespace

struct Searcher::Impl {
  Impl(const SearcherOptions& o, const ShardOptions& s, const std::filesystem::path& d)
      : dir(d),
        shard_options(s),
        facet_sample(o.facet_sample),
        analyser(o.word_cache_entries),
        builder(&db, &analyser, o.gazetteer_file) {}

  Status OpenShards();
  bool ManifestChanged() const;
  void SpyPass(const Xapian::Query& query, Xapian::doccount limit, Xapian::MatchSpy* spy);

  Status Search(const SearchRequest& request, SearchResults* out);
  Status BuildQuery(const SearchRequest& request, const QueryNode& tree, Xapian::Query* query,
                    bool* positive);
  void Run(const SearchRequest& request, const Xapian::Query& query, bool positive,
           SearchResults* out);
  Status Summarise(size_t facet_limit, IndexSummary* out);
  Status Filters(const SearchRequest& request, Xapian::Query* out);
  void FillHit(const Xapian::MSetIterator& it, const std::unordered_set<std::string>& terms,
               size_t snippet_length, Hit* hit);

  std::filesystem::path dir;
  ShardOptions shard_options;
  size_t facet_sample;
  Xapian::Database db;
  // Whether a shard is remote: xapian-tcpsrv runs only Xapian's built-in match spies.
  bool remote = false;
  // Whether every article has slot::kFacets (not those older Steppe wrote), so FacetTally
  // can count the facets of stories.
  bool facets_value = false;
  std::vector<std::string> missing;  // shards left out (ShardOptions::allow_missing)
  std::vector<ShardLine> lines;      // the manifest's shards when opened
  ManifestStamp stamp;               // the manifest's stat when opened, to see it change
  Analyser analyser;
  QueryBuilder builder;
};

Status Searcher::Impl::Filters(const SearchRequest& request, Xapian::Query* out) {
  std::vector<Xapian::Query> filters;
  if (Status s = CheckDates(request); !s.ok()) return s;
  if (request.after) {
    filters.emplace_back(Xapian::Query::OP_VALUE_GE, slot::kDate, DayValue(*request.after, 0));
  }
  if (request.before) {
    // Strictly before the first day: YYYYMM00 and below, a value no real date has.
    filters.emplace_back(Xapian::Query::OP_VALUE_LE, slot::kDate, DayValue(*request.before, -1));
  }
  for (const auto& [kind, names] : {std::pair(Entity::Kind::kCompany, &request.companies),
                                    std::pair(Entity::Kind::kPlace, &request.places)}) {
    if (names->empty()) continue;
    std::vector<Xapian::Query> any;
    for (const std::string& name : *names) {
      any.emplace_back();
      if (Status s = builder.EntityQuery(kind, name, &any.back()); !s.ok()) return s;
    }
    filters.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
  }
  if (!request.sources.empty()) {
    filters.push_back(AnyOf(prefix::kSource, request.sources, &analyser));
  }
  if (!request.langs.empty()) {
    std::vector<Xapian::Query> langs;
    for (const std::string& lang : request.langs) {
      std::string code;
      if (Status s = NormaliseLangCode(lang, &code); !s.ok()) return s;
      langs.emplace_back(prefix::kLang + code);
    }
    filters.emplace_back(Xapian::Query::OP_OR, langs.begin(), langs.end());
  }
  *out = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
  return Status::OK();
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
  hit->date_source = a.date_source;
  hit->source = a.source;
  hit->score = it.get_weight();
  hit->similar = it.get_collapse_count();
  std::vector<Token> tokens;
  analyser.Analyse(a.body, LangFromCode(a.lang), &tokens);
  std::vector<bool> matched(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) matched[i] = TokenMatches(*tokens[i].forms, terms);
  Snippet snippet = MakeSnippet(a.body, tokens, matched, snippet_length);
  hit->snippet = std::move(snippet.text);
  hit->highlights = std::move(snippet.highlights);
}

Status Searcher::Impl::BuildQuery(const SearchRequest& request, const QueryNode& tree,
                                  Xapian::Query* query, bool* positive) {
  if (Status s = builder.Build(tree, request.exact, query, positive); !s.ok()) return s;
  Xapian::Query filters;
  if (Status s = Filters(request, &filters); !s.ok()) return s;
  if (query->empty() && filters.empty()) {
    return Status::InvalidQuery(
        "the query has no words and no filters; give a word, a "
        "\"phrase\", or a filter such as a company or a date range");
  }
  if (query->empty()) *query = Xapian::Query::MatchAll;
  if (!filters.empty()) *query = Xapian::Query(Xapian::Query::OP_FILTER, *query, filters);
  return Status::OK();
}

void Searcher::Impl::Run(const SearchRequest& request, const Xapian::Query& query, bool positive,
                         SearchResults* out) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  // Only filters: nothing to rank by, so list the newest first.
  const SortOrder sort =
      !positive && request.sort == SortOrder::kRelevance ? SortOrder::kNewest : request.sort;
  if (sort != SortOrder::kRelevance) {
    enquire.set_sort_by_value_then_relevance(slot::kDate, sort == SortOrder::kNewest);
  }
  // Syndicated copies of one story share a group value: show the best of each group.
  if (!request.all_copies) enquire.set_collapse_key(slot::kDuplicateGroup);
  const MatchWindow window = WindowFor(request, db.get_doccount(), facet_sample);
  MatchCounter counter(request, window.check, remote, facets_value);
  counter.Register(&enquire);
  const Xapian::MSet mset = enquire.get_mset(0, window.end, window.check);
  if (counter.needs_spy_pass()) SpyPass(query, window.check, counter.spies());
  std::optional<size_t> counted;
  std::optional<double> sampled;
  counter.Count(mset, db.get_lastdocid(), &counted, &sampled);
  SetTotals(mset, window, counted, sampled, out);
  out->query_description = query.get_description();
  if (request.facet_limit > 0) {
    out->facets = counter.Facets(request.facet_limit);
    // Past the matches counted, Xapian may skip those that cannot rank: scale the sample.
    const size_t stories = counter.facet_stories();
    out->facets_estimated = !counted && stories > 0;
    if (out->facets_estimated) {
      ScaleFacets(static_cast<double>(out->total_estimated) / stories, &out->facets);
    }
  }
  const std::unordered_set<std::string> terms(query.get_terms_begin(), query.get_terms_end());
  if (window.first < mset.size()) mset.fetch(mset[window.first], mset.end());  // one request
  for (Xapian::doccount i = window.first; i < mset.size() && i < window.end; ++i) {
    out->hits.emplace_back();
    FillHit(mset[i], terms, request.snippet_length, &out->hits.back());
  }
}

Status Searcher::Impl::Search(const SearchRequest& request, SearchResults* out) {
  *out = SearchResults();
  analyser.BeginText();
  QueryNode tree;
  if (Status s = ParseQuery(request.query, &tree); !s.ok()) return s;
  Xapian::Query query;
  bool positive = false;
  if (Status s = BuildQuery(request, tree, &query, &positive); !s.ok()) return s;
  Run(request, query, positive, out);
  out->missing_shards = missing;
  // No article has every word: relax to any word, ranked, and say so. NOT and field clauses
  // stay conditions.
  if (out->total_upper == 0 && Relax(&tree)) {
    if (Status s = BuildQuery(request, tree, &query, &positive); !s.ok()) return s;
    *out = SearchResults();
    Run(request, query, positive, out);
    out->relaxed = out->total_upper > 0;
    out->missing_shards = missing;
  }
  if (positive && out->total_estimated < kSuggestBelow) {
    out->suggestions =
        SuggestSpellings(db, &builder.lexicon(), &analyser, PositiveText(tree), kMaxSuggestions);
  }
  return Status::OK();
}

Status Searcher::Impl::Summarise(size_t facet_limit, IndexSummary* out) {
  *out = IndexSummary();
  out->documents = db.get_doccount();
  out->undated = out->documents - db.get_value_freq(slot::kDate);
  out->first_date = DateOfBound(db, db.get_value_lower_bound(slot::kDate));
  out->last_date = DateOfBound(db, db.get_value_upper_bound(slot::kDate));
  std::vector<std::filesystem::path> local;
  if (Status s = ShardDirs(dir, lines, &local, &out->remote_shards); !s.ok()) return s;
  out->size_bytes = LocalSize(dir, local);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  // As MatchCounter does: Xapian's spies run on a remote shard, Steppe's faster locally.
  FacetTally tally(/*collapse=*/false);
  FacetCounter counter;
  if (remote) {
    tally.Register(&enquire);
  } else {
    counter.Register(&enquire);
  }
  enquire.get_mset(0, 0, db.get_doccount());
  out->facets = remote ? tally.Collect(facet_limit) : counter.Collect(facet_limit);
  return Status::OK();
}

// A remote shard runs no custom MatchSpy (xapian-tcpsrv knows only Xapian's built-ins), so
// the spy sees the matches here instead: every one up to `limit`, in docid order as the
// matcher gives them, each document fetched from its shard (slow over a network).
void Searcher::Impl::SpyPass(const Xapian::Query& query, Xapian::doccount limit,
                             Xapian::MatchSpy* spy) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  const Xapian::MSet all = enquire.get_mset(0, limit);
  all.fetch();  // asks a remote shard for every document at once, not one round trip each
  for (auto it = all.begin(); it != all.end(); ++it) (*spy)(it.get_document(), 0);
}

// Reads the manifest once and opens its shards. The stat is taken before the read: a rewrite
// between the two is seen as a change by the next search.
Status Searcher::Impl::OpenShards() {
  const ManifestStamp now = StampManifest(dir);
  std::vector<ShardLine> read;
  if (Status s = ReadManifest(dir, &read); !s.ok()) return s;
  Xapian::Database all;
  if (Status s = steppe::OpenShards(dir, read, shard_options, &all, &missing); !s.ok()) return s;
  if (Status s = CheckFormat(all, dir); !s.ok()) return s;
  remote =
      std::any_of(read.begin(), read.end(), [](const ShardLine& l) { return l.kind == "remote"; });
  facets_value = all.get_value_freq(slot::kFacets) == all.get_doccount();
  // Names scanned over a remote shard are kept until the index changes.
  builder.lexicon().Keep(remote);
  db = std::move(all);
  lines = std::move(read);
  stamp = now;
  return Status::OK();
}

// A stat, not a read: the manifest is replaced by rename, so its inode changes on every rewrite.
bool Searcher::Impl::ManifestChanged() const { return !(StampManifest(dir) == stamp); }

Status Searcher::Open(const SearcherOptions& options, const std::filesystem::path& dir,
                      std::unique_ptr<Searcher>* out) {
  return Open(options, ShardOptions(), dir, out);
}

Status Searcher::Open(const SearcherOptions& options, const ShardOptions& shards,
                      const std::filesystem::path& dir, std::unique_ptr<Searcher>* out) {
  std::error_code ec;
  if (!std::filesystem::exists(dir / "iamglass", ec) &&
      !std::filesystem::exists(dir / "iamchert", ec) && !HasManifest(dir)) {
    return NoIndexThere(dir);
  }
  try {
    auto impl = std::make_unique<Impl>(options, shards, dir);
    if (Status s = impl->OpenShards(); !s.ok()) return s;
    out->reset(new Searcher(std::move(impl)));
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
  // Each search sees the last commit (reopen costs nothing when there is none). A writer may
  // also commit while we read, or while we reopen; Xapian then asks us to reopen, which the
  // next attempt does inside its try: a reopen in the handler could throw out of Search.
  // A changed manifest (shards added or removed) needs a new database, not reopen(). A remote
  // shard may have dropped an idle connection: open every shard again, once.
  bool reconnected = false;
  for (int attempt = 0;; ++attempt) {
    try {
      if (impl_->ManifestChanged()) {
        if (Status s = impl_->OpenShards(); !s.ok()) return s;
      }
      if (impl_->db.reopen()) impl_->builder.lexicon().Clear();
      return impl_->Search(request, out);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 4) return Status::Busy("index changed during every try; search again");
    } catch (const Xapian::NetworkError& e) {
      if (reconnected) {
        return Status::IoError("a remote shard of index " + impl_->dir.string() +
                               " stopped answering: " + e.get_msg() +
                               "; check that 'steppe serve' runs there");
      }
      reconnected = true;
      if (Status s = impl_->OpenShards(); !s.ok()) return s;
    } catch (...) {
      return StatusFromCurrentException("search failed", impl_->dir);
    }
  }
}

Status Searcher::Get(const std::string& id, Article* out) {
  try {
    std::string term = IdTerm(id);
    std::error_code ec;
    if (impl_->db.get_termfreq(term) == 0 && std::filesystem::exists(id, ec)) {
      term = IdTerm(CanonicalPath(id));  // a file's path as given: its id is the canonical one
    }
    Xapian::PostingIterator it = impl_->db.postlist_begin(term);
    if (it == impl_->db.postlist_end(term)) {
      return Status::NotFound("no article with id " + id + " in index " + impl_->dir.string() +
                              "; ids are canonical file paths, as search results show");
    }
    *out = ParseStoredArticle(impl_->db.get_document(*it).get_data());
    return Status::OK();
  } catch (...) {
    return StatusFromCurrentException("cannot read article " + id, impl_->dir);
  }
}

Status Searcher::CountByPeriod(Period period, const std::optional<Date>& after,
                               const std::optional<Date>& before, std::vector<FacetCount>* out) {
  try {
    return steppe::CountByPeriod(impl_->db, period, after, before, out);
  } catch (...) {
    return StatusFromCurrentException("cannot count by period", impl_->dir);
  }
}

Status Searcher::Summarise(size_t facet_limit, IndexSummary* out) {
  try {
    return impl_->Summarise(facet_limit, out);
  } catch (...) {
    return StatusFromCurrentException("cannot summarise", impl_->dir);
  }
}

namespace {

// The id terms of document `did`. An archive has no term lists: there, the id term of its
// stored record, if that term's posting list holds the document.
std::vector<std::string> IdTermsOf(const Xapian::Database& db, const Xapian::Document& doc,
                                   Xapian::docid did, bool archive) {
  std::vector<std::string> ids;
  if (archive) {
    const std::string id = IdTerm(ParseStoredArticle(doc.get_data()).id);
    Xapian::PostingIterator p = db.postlist_begin(id);
    p.skip_to(did);
    if (p != db.postlist_end(id) && *p == did) ids.push_back(id);
    return ids;
  }
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    t.skip_to(prefix::kId);
    if (t == doc.termlist_end() || (*t).rfind(prefix::kId, 0) != 0) break;
    ids.push_back(*t);
  }
  return ids;
}

// Steppe's own invariants for document `did` of the index at `dir`, appended to *problems.
void CheckDocument(const Xapian::Database& db, const std::filesystem::path& dir, Xapian::docid did,
                   bool archive, std::vector<Problem>* problems) {
  const Xapian::Document doc = db.get_document(did);
  const std::vector<std::string> ids = IdTermsOf(db, doc, did, archive);
  const Article a = ParseStoredArticle(doc.get_data());
  const std::string where =
      "document " + std::to_string(did) + (a.id.empty() ? std::string() : " (" + a.id + ")") + ": ";
  const std::string fix = a.path.empty() ? "add the article again" : "index " + a.path + " again";
  auto add = [&](const std::string& what) {
    problems->push_back({.file = dir.string(), .line = 0, .reason = where + what, .hint = fix});
  };
  if (ids.size() != 1) {
    add(std::to_string(ids.size()) + " id terms, not 1");
    return;
  }
  if (IdTerm(a.id) != ids.front()) add("stored record does not match its id term");
  const std::string date = doc.get_value(slot::kDate);
  if (!date.empty() && !DateFromValue(date)) add("date value '" + date + "' is not a date");
  if (a.date.has_value() != !date.empty()) add("stored date and date value disagree");
}

// A folder under the system temp dir, removed with its files on destruction.
class TempCopyDir {
 public:
  TempCopyDir() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "steppe-check-XXXXXX");
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempCopyDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Xapian's structural check of the glass database at `dir`, its report in *report, its errors
// added to *errors. Xapian opens the tables for writing (it can repair them), so a shard this
// user may only read is checked through a copy of its files in the temp dir.
Status CheckOneShard(const std::filesystem::path& dir, std::ostream* report, size_t* errors) {
  if (WriteRefusal(dir).empty()) {
    *errors += Xapian::Database::check(dir.string(), Xapian::DBCHECK_SHORT_TREE, report);
    return Status::OK();
  }
  TempCopyDir copy;
  std::error_code ec = std::make_error_code(std::errc::no_such_file_or_directory);
  if (!copy.path().empty()) {
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (!entry.is_regular_file(ec)) continue;
      const std::filesystem::path to = copy.path() / entry.path().filename();
      std::filesystem::copy_file(entry.path(), to, ec);
      if (ec) break;
      // The copy keeps the original's mode; Xapian needs to open it for writing.
      std::filesystem::permissions(to, std::filesystem::perms::owner_write,
                                   std::filesystem::perm_options::add, ec);
      if (ec) break;
    }
  }
  if (ec) {
    return Status::IoError("cannot check index " + dir.string() +
                           ": it is read-only for this user, and copying it to the temp dir "
                           "for Xapian's check failed: " +
                           ec.message() +
                           "; set TMPDIR to a folder with room, or check as its owner");
  }
  *errors += Xapian::Database::check(copy.path().string(), Xapian::DBCHECK_SHORT_TREE, report);
  return Status::OK();
}

// Checks the local shard at `shard` of the index at `dir`: Xapian's structure, then each
// document; counts them in *articles. A shard that cannot be opened is a problem.
Status CheckShard(const std::filesystem::path& dir, const std::filesystem::path& shard,
                  std::vector<Problem>* problems, size_t* articles) {
  Xapian::Database db;
  try {
    std::error_code ec;
    const bool glass = std::filesystem::exists(shard / "iamglass", ec);
    db = Xapian::Database(shard.string(), glass ? Xapian::DB_BACKEND_GLASS : 0);
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;
  } catch (const Xapian::Error& e) {
    problems->push_back(
        {.file = shard.string(),
         .line = 0,
         .reason = "shard of index " + dir.string() + " cannot be opened: " + e.get_description(),
         .hint = "restore it, or detach it: steppe shards remove " + shard.string() + " --db " +
                 dir.string()});
    return Status::OK();
  }
  std::ostringstream report;
  size_t errors = 0;
  if (Status s = CheckOneShard(shard, &report, &errors); !s.ok()) return s;
  if (errors > 0) {
    problems->push_back({.file = shard.string(),
                         .line = 0,
                         .reason = "Xapian found " + std::to_string(errors) +
                                   " structural error(s); its report:\n" + report.str(),
                         .hint = "rebuild the index: move it aside and index your files "
                                 "again"});
  }
  const bool archive = IsArchive(db);
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    CheckDocument(db, shard, *it, archive, problems);
    ++*articles;
  }
  return Status::OK();
}

}  // namespace

Status Searcher::Check(std::vector<Problem>* problems, CheckCoverage* coverage) {
  CheckCoverage unused;
  if (coverage == nullptr) coverage = &unused;
  const size_t problems_before = problems->size();
  for (int attempt = 0;; ++attempt) {
    try {
      // The shards the manifest lists now; those on other machines are checked there.
      *coverage = CheckCoverage();
      std::vector<ShardLine> lines;
      if (Status s = ReadManifest(impl_->dir, &lines); !s.ok()) return s;
      std::vector<std::filesystem::path> local;
      if (Status s = ShardDirs(impl_->dir, lines, &local, &coverage->skipped); !s.ok()) return s;
      for (const std::filesystem::path& shard : local) {
        if (Status s = CheckShard(impl_->dir, shard, problems, &coverage->articles); !s.ok()) {
          return s;
        }
      }
      return Status::OK();
    } catch (const Xapian::DatabaseModifiedError&) {
      // A writer committed mid-check: start again on the new revision.
      problems->resize(problems_before);
      if (attempt > 2) return Status::Busy("index changed during every check; try again");
    } catch (...) {
      return StatusFromCurrentException("cannot check", impl_->dir);
    }
  }
}

size_t Searcher::document_count() const { return impl_->db.get_doccount(); }

}  // namespace steppe
