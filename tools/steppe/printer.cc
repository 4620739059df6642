// SPDX-License-Identifier: Apache-2.0
#include "printer.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli_common.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

using Json = nlohmann::ordered_json;  // keys in the order written, as documented in cli.md

// ---- JSON values, shared by the JSON and JSON Lines printers.

Json DateJson(const std::optional<Date>& date) {
  return date ? Json(date->ToString()) : Json(nullptr);
}

// "metadata", "dateline", or null when undated.
Json DateSourceJson(const std::string& source) {
  return source.empty() ? Json(nullptr) : Json(source);
}

Json HitJson(const Hit& h, bool relaxed) {
  Json highlights = Json::array();
  for (const auto& [begin, end] : h.highlights) highlights.push_back({begin, end});
  return Json{{"id", h.id},
              {"path", h.path},
              {"title", h.title},
              {"date", DateJson(h.date)},
              {"date_source", DateSourceJson(h.date_source)},
              {"source", h.source},
              {"score", std::round(h.score * 1e4) / 1e4},
              {"similar", h.similar},
              {"relaxed", relaxed},
              {"snippet", h.snippet},
              {"highlights", highlights}};
}

Json FacetsJson(const std::vector<Facet>& facets) {
  Json out = Json::object();
  for (const Facet& facet : facets) {
    Json values = Json::array();
    for (const FacetCount& v : facet.values)
      values.push_back({{"value", v.value}, {"count", v.count}});
    out[facet.field] = values;
  }
  return out;
}

Json ArticleJson(const Article& a) {
  return Json{{"id", a.id},
              {"path", a.path},
              {"title", a.title},
              {"date", DateJson(a.date)},
              {"date_source", DateSourceJson(a.date_source)},
              {"source", a.source},
              {"url", a.url},
              {"lang", a.lang},
              {"companies", a.companies},
              {"places", a.places},
              {"body", a.body}};
}

Json SummaryJson(const IndexSummary& s) {
  Json out{{"documents", s.documents},
           {"undated", s.undated},
           {"first_date", DateJson(s.first_date)},
           {"last_date", DateJson(s.last_date)},
           {"size_bytes", s.size_bytes},
           {"facets", FacetsJson(s.facets)}};
  if (!s.remote_shards.empty()) out["size_leaves_out"] = s.remote_shards;
  return out;
}

Json ResultsJson(const SearchRequest& request, const SearchResults& results) {
  Json hits = Json::array();
  for (const Hit& h : results.hits) hits.push_back(HitJson(h, results.relaxed));
  Json out{{"format_version", 1},
           {"query", request.query},
           {"total", results.total_estimated},
           {"total_lower", results.total_lower},
           {"total_upper", results.total_upper},
           {"relaxed", results.relaxed},
           {"hits", hits},
           {"suggestions", results.suggestions}};
  if (!results.facets.empty()) {
    out["facets"] = FacetsJson(results.facets);
    out["facets_estimated"] = results.facets_estimated;
  }
  if (!results.missing_shards.empty()) {
    out["partial"] = true;
    out["missing_shards"] = results.missing_shards;
  }
  return out;
}

// One line of JSON; bytes that are not UTF-8 become U+FFFD rather than invalid output.
void WriteJson(const Json& j) {
  std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
}

// ---- Text.

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

// "company  KazMunayGas 4, Tengizchevroil 2": a facet's values on one line.
void PrintFacetLines(const std::vector<Facet>& facets) {
  for (const Facet& facet : facets) {
    if (facet.values.empty()) continue;
    std::printf("%-9s", facet.field.c_str());
    for (size_t i = 0; i < facet.values.size(); ++i) {
      std::printf("%s%s %zu", i ? ", " : " ", facet.values[i].value.c_str(), facet.values[i].count);
    }
    std::printf("\n");
  }
}

class TextPrinter : public Printer {
 public:
  explicit TextPrinter(bool color) : color_(color) {}

  void Results(const SearchRequest& request, const SearchResults& results) override {
    if (results.relaxed) {  // on stderr, so that it stands apart from the hits
      PrintError("no article has every word; showing articles with any of them");
    }
    for (const Hit& hit : results.hits) {
      const std::string similar =
          hit.similar > 0 ? " (" + std::to_string(hit.similar) + " similar)" : "";
      std::printf("%-10s  %s%s%s%s\n", DateText(hit.date, "undated").c_str(), Bold(),
                  hit.title.c_str(), Plain(), similar.c_str());
      std::printf("            %s%s%s\n", hit.source.c_str(), hit.source.empty() ? "" : " · ",
                  hit.path.c_str());
      std::printf("            %s\n\n", Highlight(hit, color_).c_str());
    }
    std::printf("%s%s found", results.total_lower == results.total_upper ? "" : "about ",
                Count(results.total_estimated, "article").c_str());
    if (!results.hits.empty()) {
      std::printf(", showing %zu-%zu", request.offset + 1, request.offset + results.hits.size());
    }
    // The count, like the list, holds a syndicated story once: say so when this page folds copies.
    const bool folded = std::any_of(results.hits.begin(), results.hits.end(),
                                    [](const Hit& h) { return h.similar > 0; });
    if (folded) std::printf(" (copies of one story counted once; --all-copies lists them)");
    std::printf("\n");
    if (!results.suggestions.empty()) {
      std::printf("Did you mean: %s?\n", Join(results.suggestions, ", ").c_str());
    }
    if (!results.facets.empty()) {
      std::printf("\n");
      PrintFacetLines(results.facets);
      if (results.facets_estimated) {
        std::printf(
            "(facet counts scaled from the first 2,000 matches; --exact-facets counts "
            "all)\n");
      }
    }
  }

  void Article(const steppe::Article& a) override {
    std::printf(
        "id:        %s\ntitle:     %s\ndate:      %s\nsource:    %s\nurl:       %s\n"
        "lang:      %s\ncompanies: %s\nplaces:    %s\n\n%s\n",
        a.id.c_str(), a.title.c_str(), DateText(a.date, "undated").c_str(), a.source.c_str(),
        a.url.c_str(), a.lang.c_str(), Join(a.companies, ", ").c_str(),
        Join(a.places, ", ").c_str(), a.body.c_str());
  }

  void Summary(const IndexSummary& s) override {
    std::printf("documents %zu (%zu undated)\n", s.documents, s.undated);
    if (s.first_date) {
      std::printf("dates     %s to %s\n", DateText(s.first_date, "").c_str(),
                  DateText(s.last_date, "").c_str());
    } else {
      std::printf("dates     none\n");
    }
    std::printf("size      %.1f MiB", s.size_bytes / 1048576.0);
    for (size_t i = 0; i < s.remote_shards.size(); ++i) {
      std::printf("%s%s", i == 0 ? " (not counted: remote shard " : ", ",
                  s.remote_shards[i].c_str());
    }
    std::printf("%s\n", s.remote_shards.empty() ? "" : ")");
    PrintFacetLines(s.facets);
  }

  void Facets(const std::vector<Facet>& facets) override {
    for (const Facet& facet : facets) {
      std::printf("%s\n", facet.field.c_str());
      for (const FacetCount& v : facet.values) {
        std::printf("  %6zu  %s\n", v.count, v.value.c_str());
      }
    }
  }

  void Shards(const std::vector<ShardInfo>& shards) override {
    for (const ShardInfo& s : shards) {
      const std::string count =
          s.articles < 0 ? "unreachable" : std::to_string(s.articles) + " articles";
      std::printf("%s  %-6s  %s  (%s)\n", s.name.c_str(), s.kind.c_str(), s.location.c_str(),
                  count.c_str());
    }
  }

 private:
  const char* Bold() const { return color_ ? "\033[1m" : ""; }
  const char* Plain() const { return color_ ? "\033[0m" : ""; }
  bool color_;
};

class JsonPrinter : public Printer {
 public:
  void Results(const SearchRequest& request, const SearchResults& results) override {
    WriteJson(ResultsJson(request, results));
  }
  void Article(const steppe::Article& a) override { WriteJson(ArticleJson(a)); }
  void Summary(const IndexSummary& s) override { WriteJson(SummaryJson(s)); }
  void Facets(const std::vector<Facet>& facets) override { WriteJson(FacetsJson(facets)); }
  void Shards(const std::vector<ShardInfo>& shards) override {
    Json list = Json::array();
    for (const ShardInfo& s : shards) {
      list.push_back({{"name", s.name},
                      {"kind", s.kind},
                      {"location", s.location},
                      {"articles", s.articles < 0 ? Json() : Json(s.articles)}});
    }
    WriteJson(Json{{"shards", list}});
  }
};

// One JSON object per line: a hit or a facet value; whole objects otherwise.
class JsonlPrinter : public JsonPrinter {
 public:
  void Results(const SearchRequest&, const SearchResults& results) override {
    for (const Hit& h : results.hits) WriteJson(HitJson(h, results.relaxed));
  }
  void Facets(const std::vector<Facet>& facets) override {
    for (const Facet& facet : facets) {
      for (const FacetCount& v : facet.values) {
        WriteJson(Json{{"field", facet.field}, {"value", v.value}, {"count", v.count}});
      }
    }
  }
};

class CsvPrinter : public JsonPrinter {
 public:
  void Results(const SearchRequest&, const SearchResults& results) override {
    Row({"id", "date", "title", "source", "path", "score", "snippet"});
    for (const Hit& h : results.hits) {
      char score[32];
      std::snprintf(score, sizeof score, "%.4f", h.score);
      Row({h.id, DateText(h.date, ""), h.title, h.source, h.path, score, h.snippet});
    }
  }
  void Facets(const std::vector<Facet>& facets) override {
    Row({"field", "value", "count"});
    for (const Facet& facet : facets) {
      for (const FacetCount& v : facet.values) {
        Row({facet.field, v.value, std::to_string(v.count)});
      }
    }
  }

 private:
  static void Row(const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + CsvField(fields[i]);
    std::cout << line << "\r\n";
  }
};

struct FormatFlag {
  Format format;
  const char* name;
  const char* help;
};
constexpr FormatFlag kFormatFlags[] = {
    {Format::kJson, "json", "print one JSON object (docs/cli.md)"},
    {Format::kJsonl, "jsonl", "print one JSON object per line: per hit, or per facet value"},
    {Format::kCsv, "csv", "print CSV with a header row (RFC 4180), for a spreadsheet"},
};

}  // namespace

void FormatFlags::AddTo(po::options_description* options) {
  for (const FormatFlag& f : kFormatFlags) {
    if (std::find(offered_.begin(), offered_.end(), f.format) == offered_.end()) continue;
    bool* flag = f.format == Format::kJson ? &json_ : f.format == Format::kJsonl ? &jsonl_ : &csv_;
    options->add_options()(f.name, po::bool_switch(flag), f.help);
  }
}

bool FormatFlags::Get(Format* out) const {
  if (json_ + jsonl_ + csv_ > 1) {
    PrintError("--json, --jsonl and --csv: choose one output format");
    return false;
  }
  *out = json_ ? Format::kJson : jsonl_ ? Format::kJsonl : csv_ ? Format::kCsv : Format::kText;
  return true;
}

std::unique_ptr<Printer> Printer::Make(Format format) {
  switch (format) {
    case Format::kJson:
      return std::make_unique<JsonPrinter>();
    case Format::kJsonl:
      return std::make_unique<JsonlPrinter>();
    case Format::kCsv:
      return std::make_unique<CsvPrinter>();
    case Format::kText:
      break;
  }
  return std::make_unique<TextPrinter>(isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
}

std::string DateText(const std::optional<Date>& date, const std::string& missing) {
  return date ? date->ToString() : missing;
}

std::string CsvField(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace steppe::cli
