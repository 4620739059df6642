// SPDX-License-Identifier: Apache-2.0
// steppe stats: what the index holds; steppe facets: its facet values.
#include "cli_common.h"
#include "commands.h"
#include "printer.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

// Opens the index and summarises it with `limit` values per facet; prints why not, if not.
bool Summarise(const std::string& db, size_t limit, IndexSummary* summary) {
  std::unique_ptr<Searcher> searcher = OpenSearcher(ResolveDb(db));
  if (!searcher) return false;
  Status s = searcher->Summarise(limit, summary);
  if (!s.ok()) PrintError(s);
  return s.ok();
}

// `steppe facets --field month|year`: every period in date order, zeros kept.
int PrintPeriods(const std::string& db, const std::string& field, const std::string& after_flag,
                 const std::string& before_flag, Format format) {
  std::optional<Date> after, before;
  if (!ParseDateFlag("after", after_flag, &after) ||
      !ParseDateFlag("before", before_flag, &before)) {
    return kExitError;
  }
  std::unique_ptr<Searcher> searcher = OpenSearcher(ResolveDb(db));
  if (!searcher) return kExitError;
  Facet facet{field, {}};
  const Period period = field == "year" ? Period::kYear : Period::kMonth;
  if (Status s = searcher->CountByPeriod(period, after, before, &facet.values); !s.ok()) {
    PrintError(s);
    return kExitError;
  }
  Printer::Make(format)->Facets({facet});
  return facet.values.empty() ? kExitNothing : kExitFound;
}

}  // namespace

int RunStats(const std::vector<std::string>& args) {
  std::string db;
  long long limit = 5;
  FormatFlags formats({Format::kJson});
  po::options_description visible(
      "Prints what the index holds: articles, date range, size on disk, and the most\n"
      "frequent languages, companies, places, years and sources.\n\n"
      "Example:\n  steppe stats --json\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "limit", po::value(&limit)->default_value(5), "values shown per facet");
  formats.AddTo(&visible);
  po::variables_map vm;
  int exit_code = 0;
  Format format;
  if (!ParseArgs(args, visible, {}, {}, &vm, "stats [--db DIR] [--json]", &exit_code)) {
    return exit_code;
  }
  if (!formats.Get(&format)) return kExitError;
  IndexSummary summary;
  if (!CheckCount("limit", limit) || !Summarise(db, limit, &summary)) return kExitError;
  Printer::Make(format)->Summary(summary);
  return kExitFound;
}

int RunFacets(const std::vector<std::string>& args) {
  std::string db, field, after, before;
  long long limit = 20;
  FormatFlags formats({Format::kJson, Format::kJsonl, Format::kCsv});
  po::options_description visible(
      "Lists facet values over the whole index, most frequent first: companies and\n"
      "places under one name for all their spellings, sources, languages. Months and\n"
      "years are listed in date order instead, every one with its count, zeros too: a\n"
      "histogram to paste into a chart.\n\n"
      "Examples:\n  steppe facets --field company\n"
      "  steppe facets --field month --after 2023 --before 2025 --csv\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "field", po::value(&field), "company, place, year, month, source or lang (default: all)")(
      "limit", po::value(&limit)->default_value(20), "values per facet (not for month, year)")(
      "after", po::value(&after), "with --field month|year: from this date (YYYY[-MM[-DD]])")(
      "before", po::value(&before), "with --field month|year: before this date");
  formats.AddTo(&visible);
  po::variables_map vm;
  int exit_code = 0;
  Format format;
  if (!ParseArgs(args, visible, {}, {}, &vm, "facets [--field F] [--db DIR]", &exit_code)) {
    return exit_code;
  }
  if (!formats.Get(&format)) return kExitError;
  if (field == "month" || field == "year") return PrintPeriods(db, field, after, before, format);
  if (!after.empty() || !before.empty()) {
    PrintError("--after and --before go with --field month or --field year");
    return kExitError;
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
  Printer::Make(format)->Facets(shown);
  return kExitFound;
}

}  // namespace steppe::cli
