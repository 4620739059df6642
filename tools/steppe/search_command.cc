// SPDX-License-Identifier: Apache-2.0
// steppe search QUERY [--db DIR] [--after D] [--before D] [--company C] [--place P] ...
#include <algorithm>
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "printer.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

struct Flags {
  std::string db, after, before, sort = "relevance";
  std::vector<std::string> words, companies, places, sources, langs;
  // Signed, so that a negative count is refused rather than wrapped round to a huge one.
  long long limit = 10, offset = 0, snippet_length = 200, facet_limit = 5;
  bool exact = false, explain = false, facets = false, allow_missing_shards = false;
  bool all_copies = false, exact_facets = false;
};

bool ParseSort(const std::string& value, SortOrder* out) {
  if (value == "relevance") {
    *out = SortOrder::kRelevance;
  } else if (value == "-date" || value == "newest") {
    *out = SortOrder::kNewest;
  } else if (value == "date" || value == "oldest") {
    *out = SortOrder::kOldest;
  } else {
    PrintError("--sort: unknown order '" + value +
               "'; use relevance, date (oldest first) or "
               "-date (newest first)");
    return false;
  }
  return true;
}

}  // namespace

int RunSearch(const std::vector<std::string>& args) {
  Flags f;
  FormatFlags formats({Format::kJson, Format::kJsonl, Format::kCsv});
  po::options_description visible(
      "Finds articles matching every word of QUERY, in any of its spellings and scripts;\n"
      "the spelling you typed ranks first.\n\n"
      "Example:\n  steppe search \"West Oil Software\" --after 2023-12\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&f.db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "after", po::value(&f.after), "on or after this date: YYYY, YYYY-MM or YYYY-MM-DD")(
      "before", po::value(&f.before), "before this date (2012 = before 1 Jan 2012)")(
      "company", po::value(&f.companies), "only articles naming this company (repeatable)")(
      "place", po::value(&f.places), "only articles naming this place (repeatable)")(
      "source", po::value(&f.sources), "only articles from this source (repeatable)")(
      "lang", po::value(&f.langs), "only articles in this language: en, ru, kk (repeatable)")(
      "sort", po::value(&f.sort)->default_value("relevance"),
      "relevance, date (oldest first) or -date (newest first)")(
      "limit", po::value(&f.limit)->default_value(10), "hits to show")(
      "offset", po::value(&f.offset)->default_value(0), "hits to skip, for paging")(
      "snippet-length", po::value(&f.snippet_length)->default_value(200),
      "bytes of text around the match")("exact", po::bool_switch(&f.exact),
                                        "match the spelling as typed, no variants")(
      "all-copies", po::bool_switch(&f.all_copies),
      "show every copy of a syndicated story, not the best one and \"N similar\"")(
      "facets", po::bool_switch(&f.facets), "count companies, places, years... of all matches")(
      "facet-limit", po::value(&f.facet_limit)->default_value(5), "values shown per facet")(
      "exact-facets", po::bool_switch(&f.exact_facets),
      "count facets over every match; by default past 2,000 matches they are scaled")(
      "explain", po::bool_switch(&f.explain), "print how the query was understood")(
      "allow-missing-shards", po::bool_switch(&f.allow_missing_shards),
      "search the shards that answer when some cannot be reached (warns; JSON says partial)");
  formats.AddTo(&visible);
  // The option table alone decides what is a switch: every other argument is a query word,
  // those starting with "-" too (-Aktau, -lang:en), in the order given.
  std::vector<std::string> flags;
  SplitWords(args, visible, &flags, &f.words);
  po::variables_map vm;
  int exit_code = 0;
  Format format;
  if (!ParseArgs(flags, visible, {}, {}, &vm, "search QUERY [OPTIONS]", &exit_code)) {
    return exit_code;
  }
  if (!formats.Get(&format)) return kExitError;
  SearchRequest request;
  request.query = Join(f.words, " ");
  request.companies = f.companies;
  request.places = f.places;
  request.sources = f.sources;
  request.langs = f.langs;
  if (!CheckCount("limit", f.limit) || !CheckCount("offset", f.offset) ||
      !CheckCount("snippet-length", f.snippet_length) ||
      !CheckCount("facet-limit", f.facet_limit)) {
    return kExitError;
  }
  request.facet_limit = f.facets ? std::max<size_t>(f.facet_limit, 1) : 0;
  if (!ParseSort(f.sort, &request.sort)) return kExitError;
  request.limit = f.limit;
  request.offset = f.offset;
  request.snippet_length = f.snippet_length;
  request.exact = f.exact;
  request.all_copies = f.all_copies;
  request.exact_facets = f.exact_facets;
  if (!ParseDateFlag("after", f.after, &request.after) ||
      !ParseDateFlag("before", f.before, &request.before)) {
    return kExitError;
  }
  std::unique_ptr<Searcher> searcher = OpenSearcher(ResolveDb(f.db), f.allow_missing_shards);
  if (!searcher) return kExitError;
  SearchResults results;
  if (Status s = searcher->Search(request, &results); !s.ok()) {
    PrintError(s);
    return kExitError;
  }
  for (const std::string& shard : results.missing_shards) {
    PrintError("warning: shard " + shard +
               " cannot be reached; results leave it out (steppe shards list shows them all)");
  }
  if (f.explain) std::cerr << "query: " << results.query_description << "\n";
  Printer::Make(format)->Results(request, results);
  return results.hits.empty() && results.total_estimated == 0 ? kExitNothing : kExitFound;
}

}  // namespace steppe::cli
