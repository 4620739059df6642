// SPDX-License-Identifier: Apache-2.0
// steppe search QUERY [--db DIR] [--after D] [--before D] [--company C] [--place P] ...
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_common.h"
#include "commands.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

struct Flags {
  std::string db, after, before, sort = "relevance";
  std::vector<std::string> words, companies, places, sources, langs;
  size_t limit = 10, offset = 0, snippet_length = 200, facet_limit = 5;
  bool json = false, jsonl = false, exact = false, explain = false, facets = false;
  bool all_copies = false;
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

bool ParseDateFlag(const std::string& name, const std::string& value, std::optional<Date>* out) {
  if (value.empty()) return true;
  Date date;
  if (Status s = Date::Parse(value, &date); !s.ok()) {
    PrintError("--" + name + ": " + s.message());
    return false;
  }
  *out = date;
  return true;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// Matched words in bold on a terminal, in [brackets] when piped or NO_COLOR is set.
std::string Highlight(const Hit& hit, bool color) {
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : hit.highlights) {
    out += hit.snippet.substr(at, begin - at);
    out += color ? "\033[1m" : "[";
    out += hit.snippet.substr(begin, end - begin);
    out += color ? "\033[0m" : "]";
    at = end;
  }
  return out + hit.snippet.substr(at);
}

void PrintFacetsText(const std::vector<Facet>& facets) {
  std::printf("\n");
  for (const Facet& facet : facets) {
    if (facet.values.empty()) continue;
    std::printf("%-8s", facet.field.c_str());
    for (size_t i = 0; i < facet.values.size(); ++i) {
      std::printf("%s%s %zu", i ? ", " : " ", facet.values[i].value.c_str(), facet.values[i].count);
    }
    std::printf("\n");
  }
}

void PrintText(const SearchRequest& request, const SearchResults& results) {
  const bool color = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  if (results.relaxed) {
    std::printf("No article has every word; showing articles with any of them.\n\n");
  }
  for (const Hit& hit : results.hits) {
    const std::string date = hit.date ? hit.date->ToString() : "undated";
    const std::string similar =
        hit.similar > 0 ? " (" + std::to_string(hit.similar) + " similar)" : "";
    std::printf("%-10s  %s%s%s%s\n", date.c_str(), color ? "\033[1m" : "", hit.title.c_str(),
                color ? "\033[0m" : "", similar.c_str());
    std::printf("            %s%s%s\n", hit.source.c_str(), hit.source.empty() ? "" : " · ",
                hit.path.c_str());
    std::printf("            %s\n\n", Highlight(hit, color).c_str());
  }
  const size_t first = results.hits.empty() ? 0 : request.offset + 1;
  std::printf("%s%s found", results.total_lower == results.total_upper ? "" : "about ",
              Count(results.total_estimated, "article").c_str());
  if (!results.hits.empty()) {
    std::printf(", showing %zu-%zu", first, request.offset + results.hits.size());
  }
  std::printf("\n");
  if (!results.suggestions.empty()) {
    std::string list;
    for (const std::string& s : results.suggestions) list += (list.empty() ? "" : ", ") + s;
    std::printf("Did you mean: %s?\n", list.c_str());
  }
  if (!results.facets.empty()) PrintFacetsText(results.facets);
}

std::string HitJson(const Hit& h) {
  std::string out = "{\"id\":";
  AppendJsonString(h.id, &out);
  out += ",\"path\":";
  AppendJsonString(h.path, &out);
  out += ",\"title\":";
  AppendJsonString(h.title, &out);
  out += ",\"date\":";
  if (h.date) {  // YYYY-MM-DD always: a month or year date gives its first day
    char buf[16];
    const int d = h.date->FirstDay();
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
    AppendJsonString(buf, &out);
  } else {
    out += "null";
  }
  out += ",\"date_source\":";
  if (h.date_source.empty()) {
    out += "null";
  } else {
    AppendJsonString(h.date_source, &out);
  }
  out += ",\"source\":";
  AppendJsonString(h.source, &out);
  char score[32];
  std::snprintf(score, sizeof score, "%.4f", h.score);
  out += ",\"score\":" + std::string(score) + ",\"similar\":" + std::to_string(h.similar) +
         ",\"snippet\":";
  AppendJsonString(h.snippet, &out);
  out += ",\"highlights\":[";
  for (size_t i = 0; i < h.highlights.size(); ++i) {
    out += (i ? ",[" : "[") + std::to_string(h.highlights[i].first) + "," +
           std::to_string(h.highlights[i].second) + "]";
  }
  return out + "]}";
}

void PrintJsonl(const SearchResults& results) {
  for (const Hit& h : results.hits) std::printf("%s\n", HitJson(h).c_str());
}

void PrintJson(const SearchRequest& request, const SearchResults& results) {
  std::string out = "{\"format_version\":1,\"query\":";
  AppendJsonString(request.query, &out);
  out += ",\"total\":" + std::to_string(results.total_estimated) +
         ",\"total_lower\":" + std::to_string(results.total_lower) +
         ",\"total_upper\":" + std::to_string(results.total_upper) +
         ",\"relaxed\":" + (results.relaxed ? "true" : "false") + ",\"hits\":[";
  for (size_t i = 0; i < results.hits.size(); ++i) {
    out += (i ? "," : "") + HitJson(results.hits[i]);
  }
  out += "],\"suggestions\":[";
  for (size_t i = 0; i < results.suggestions.size(); ++i) {
    if (i) out += ",";
    AppendJsonString(results.suggestions[i], &out);
  }
  out += "]";
  if (!results.facets.empty()) out += ",\"facets\":" + FacetsJson(results.facets);
  out += "}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// Query words may start with "-" (-Aktau, -lang:en). Boost would take them for options, so
// they are set aside before parsing and put back in the query in their place.
std::vector<std::string> TakeNegatedWords(const std::vector<std::string>& args,
                                          std::vector<std::string>* options) {
  std::vector<std::string> words;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool negated = a.size() > 1 && a[0] == '-' && a[1] != '-' && a != "-h";
    const bool value_of_previous =
        i > 0 && args[i - 1].rfind("--", 0) == 0 && args[i - 1].find('=') == std::string::npos &&
        args[i - 1] != "--json" && args[i - 1] != "--jsonl" && args[i - 1] != "--exact" &&
        args[i - 1] != "--facets" && args[i - 1] != "--explain";
    if (negated && !value_of_previous) {
      words.push_back(a);
    } else {
      options->push_back(a);
    }
  }
  return words;
}

}  // namespace

int RunSearch(const std::vector<std::string>& raw_args) {
  Flags f;
  std::vector<std::string> args;
  const std::vector<std::string> negated = TakeNegatedWords(raw_args, &args);
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
      "json", po::bool_switch(&f.json), "print one JSON object (docs/cli.md)")(
      "jsonl", po::bool_switch(&f.jsonl), "print one JSON object per hit, one per line")(
      "explain", po::bool_switch(&f.explain), "print how the query was understood");
  po::options_description hidden;
  hidden.add_options()("query", po::value(&f.words));
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, hidden, positional, &vm, "search QUERY [OPTIONS]", &exit_code)) {
    return exit_code;
  }
  SearchRequest request;
  f.words.insert(f.words.end(), negated.begin(), negated.end());
  request.query = Join(f.words);
  request.companies = f.companies;
  request.places = f.places;
  request.sources = f.sources;
  request.langs = f.langs;
  request.facet_limit = f.facets ? std::max<size_t>(f.facet_limit, 1) : 0;
  if (!ParseSort(f.sort, &request.sort)) return kExitError;
  request.limit = f.limit;
  request.offset = f.offset;
  request.snippet_length = f.snippet_length;
  request.exact = f.exact;
  request.all_copies = f.all_copies;
  if (!ParseDateFlag("after", f.after, &request.after) ||
      !ParseDateFlag("before", f.before, &request.before)) {
    return kExitError;
  }
  std::unique_ptr<Searcher> searcher;
  if (Status s = Searcher::Open(Options(), ResolveDb(f.db), &searcher); !s.ok()) {
    PrintError(s.message());
    return kExitError;
  }
  SearchResults results;
  if (Status s = searcher->Search(request, &results); !s.ok()) {
    PrintError(s.message());
    return kExitError;
  }
  if (f.explain) std::cerr << "query: " << results.query_description << "\n";
  if (f.json) {
    PrintJson(request, results);
  } else if (f.jsonl) {
    PrintJsonl(results);
  } else {
    PrintText(request, results);
  }
  return results.hits.empty() && results.total_estimated == 0 ? kExitNothing : kExitFound;
}

}  // namespace steppe::cli
