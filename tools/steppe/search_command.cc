// SPDX-License-Identifier: Apache-2.0
// steppe search QUERY [--db DIR] [--after D] [--before D] [--company C] [--place P] ...
#include <unistd.h>

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
  std::string db, after, before;
  std::vector<std::string> words, companies, places;
  size_t limit = 10, offset = 0, snippet_length = 200;
  bool json = false, exact = false, explain = false;
};

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

void PrintText(const SearchRequest& request, const SearchResults& results) {
  const bool color = isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
  for (const Hit& hit : results.hits) {
    const std::string date = hit.date ? hit.date->ToString() : "undated";
    std::printf("%-10s  %s%s%s\n", date.c_str(), color ? "\033[1m" : "", hit.title.c_str(),
                color ? "\033[0m" : "");
    std::printf("            %s%s%s\n", hit.source.c_str(), hit.source.empty() ? "" : " · ",
                hit.path.c_str());
    std::printf("            %s\n\n", Highlight(hit, color).c_str());
  }
  const size_t first = results.hits.empty() ? 0 : request.offset + 1;
  std::printf("%zu article%s found", results.total_estimated,
              results.total_estimated == 1 ? "" : "s");
  if (!results.hits.empty()) {
    std::printf(", showing %zu-%zu", first, request.offset + results.hits.size());
  }
  std::printf("\n");
}

void PrintJson(const SearchRequest& request, const SearchResults& results) {
  std::string out = "{\"format_version\":1,\"query\":";
  AppendJsonString(request.query, &out);
  out += ",\"total\":" + std::to_string(results.total_estimated) + ",\"hits\":[";
  for (size_t i = 0; i < results.hits.size(); ++i) {
    const Hit& h = results.hits[i];
    out += i ? ",{" : "{";
    out += "\"id\":";
    AppendJsonString(h.id, &out);
    out += ",\"path\":";
    AppendJsonString(h.path, &out);
    out += ",\"title\":";
    AppendJsonString(h.title, &out);
    out += ",\"date\":";
    if (h.date && h.date->day > 0) {
      AppendJsonString(h.date->ToString(), &out);
    } else if (h.date) {  // YYYY-MM-DD always: a month or year date gives its first day
      char buf[16];
      const int d = h.date->FirstDay();
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
      AppendJsonString(buf, &out);
    } else {
      out += "null";
    }
    out += ",\"source\":";
    AppendJsonString(h.source, &out);
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", h.score);
    out += ",\"score\":" + std::string(score) + ",\"snippet\":";
    AppendJsonString(h.snippet, &out);
    out += "}";
  }
  out += "]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace

int RunSearch(const std::vector<std::string>& args) {
  Flags f;
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
      "limit", po::value(&f.limit)->default_value(10), "hits to show")(
      "offset", po::value(&f.offset)->default_value(0), "hits to skip, for paging")(
      "snippet-length", po::value(&f.snippet_length)->default_value(200),
      "bytes of text around the match")("exact", po::bool_switch(&f.exact),
                                        "match the spelling as typed, no variants")(
      "json", po::bool_switch(&f.json), "print one JSON object")(
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
  request.query = Join(f.words);
  request.companies = f.companies;
  request.places = f.places;
  request.limit = f.limit;
  request.offset = f.offset;
  request.snippet_length = f.snippet_length;
  request.exact = f.exact;
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
  f.json ? PrintJson(request, results) : PrintText(request, results);
  return results.hits.empty() && results.total_estimated == 0 ? kExitNothing : kExitFound;
}

}  // namespace steppe::cli
