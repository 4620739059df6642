// SPDX-License-Identifier: Apache-2.0
// steppe stats: what the index holds.
#include <cstdio>

#include "cli_common.h"
#include "commands.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

// Opens the index and summarises it with `limit` values per facet; prints why not, if not.
bool Summarise(const std::string& db, size_t limit, IndexSummary* summary) {
  std::unique_ptr<Searcher> searcher;
  Status s = Searcher::Open(Options(), ResolveDb(db), &searcher);
  if (s.ok()) s = searcher->Summarise(limit, summary);
  if (!s.ok()) PrintError(s.message());
  return s.ok();
}

}  // namespace

int RunStats(const std::vector<std::string>& args) {
  std::string db;
  long long limit = 5;
  bool json = false;
  po::options_description visible(
      "Prints what the index holds: articles, date range, size on disk, and the most\n"
      "frequent languages, companies, places, years and sources.\n\n"
      "Example:\n  steppe stats --json\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "limit", po::value(&limit)->default_value(5), "values shown per facet")(
      "json", po::bool_switch(&json), "print one JSON object");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm, "stats [--db DIR] [--json]", &exit_code)) {
    return exit_code;
  }
  IndexSummary summary;
  if (!CheckCount("limit", limit) || !Summarise(db, limit, &summary)) return kExitError;
  const std::string first = summary.first_date ? summary.first_date->ToString() : "";
  const std::string last = summary.last_date ? summary.last_date->ToString() : "";
  if (json) {
    std::string out = "{\"documents\":" + std::to_string(summary.documents) +
                      ",\"undated\":" + std::to_string(summary.undated) + ",\"first_date\":";
    AppendJsonString(first, &out);
    out += ",\"last_date\":";
    AppendJsonString(last, &out);
    out += ",\"size_bytes\":" + std::to_string(summary.size_bytes) +
           ",\"facets\":" + FacetsJson(summary.facets) + "}";
    std::printf("%s\n", out.c_str());
    return kExitFound;
  }
  std::printf("documents %zu (%zu undated)\ndates     %s to %s\nsize      %.1f MiB\n",
              summary.documents, summary.undated, first.c_str(), last.c_str(),
              summary.size_bytes / 1048576.0);
  for (const Facet& facet : summary.facets) {
    std::printf("%-9s", facet.field.c_str());
    for (size_t i = 0; i < facet.values.size(); ++i) {
      std::printf("%s%s %zu", i ? ", " : " ", facet.values[i].value.c_str(), facet.values[i].count);
    }
    std::printf("\n");
  }
  return kExitFound;
}

int RunFacets(const std::vector<std::string>& args) {
  std::string db, field;
  long long limit = 20;
  bool json = false;
  po::options_description visible(
      "Lists facet values over the whole index, most frequent first: companies and\n"
      "places under one name for all their spellings, years, months, sources, languages.\n\n"
      "Example:\n  steppe facets --field company\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "field", po::value(&field), "company, place, year, month, source or lang (default: all)")(
      "limit", po::value(&limit)->default_value(20), "values per facet")(
      "json", po::bool_switch(&json), "print one JSON object");
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, {}, {}, &vm, "facets [--field F] [--db DIR]", &exit_code)) {
    return exit_code;
  }
  IndexSummary summary;
  if (!CheckCount("limit", limit) || !Summarise(db, limit, &summary)) return kExitError;
  std::vector<Facet> shown;
  for (const Facet& facet : summary.facets) {
    if (field.empty() || facet.field == field) shown.push_back(facet);
  }
  if (shown.empty()) {
    PrintError("--field: unknown field '" + field +
               "'; use company, place, year, month, source or lang");
    return kExitError;
  }
  if (json) {
    std::printf("%s\n", FacetsJson(shown).c_str());
    return kExitFound;
  }
  for (const Facet& facet : shown) {
    std::printf("%s\n", facet.field.c_str());
    for (const FacetCount& v : facet.values) std::printf("  %6zu  %s\n", v.count, v.value.c_str());
  }
  return kExitFound;
}

}  // namespace steppe::cli
