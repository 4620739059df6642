// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TOOLS_STEPPE_PRINTER_H_
#define STEPPE_TOOLS_STEPPE_PRINTER_H_

#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "steppe/article.h"
#include "steppe/search.h"
#include "steppe/shards.h"

namespace steppe::cli {

// How a command prints what it found (as in notmuch's sprinter): one Printer per format, and
// every command that prints records goes through one, so that each format is written in one
// place. JSON goes through nlohmann::json; dates are "YYYY-MM-DD", "YYYY-MM" or "YYYY", as
// precise as known, or null; CSV follows RFC 4180 (header row, CRLF, quotes doubled).
enum class Format { kText, kJson, kJsonl, kCsv };

// The output switches (--json, --jsonl, --csv) a command offers, in its one option table.
class FormatFlags {
 public:
  explicit FormatFlags(std::vector<Format> offered) : offered_(std::move(offered)) {}
  void AddTo(boost::program_options::options_description* options);
  // The format asked for (text when none); prints an error and returns false for two.
  bool Get(Format* out) const;

 private:
  std::vector<Format> offered_;
  bool json_ = false, jsonl_ = false, csv_ = false;
};

class Printer {
 public:
  // A printer to stdout. Text output is in colour on a terminal unless NO_COLOR is set.
  static std::unique_ptr<Printer> Make(Format format);
  virtual ~Printer() = default;

  // One page of search results: text blocks, one JSON object, one JSON line per hit, or one
  // CSV row per hit.
  virtual void Results(const SearchRequest& request, const SearchResults& results) = 0;
  // One stored article. CSV prints it as JSON (no format offers it).
  virtual void Article(const steppe::Article& article) = 0;
  // What an index holds.
  virtual void Summary(const IndexSummary& summary) = 0;
  // Facet values, in the order given: text lines, one JSON object, or CSV rows
  // field,value,count.
  virtual void Facets(const std::vector<Facet>& facets) = 0;
  // The shards of an index: text lines, or {"shards":[{name,kind,location,articles}]}
  // (articles null for a shard that cannot be reached).
  virtual void Shards(const std::vector<ShardInfo>& shards) = 0;
};

// "YYYY-MM-DD", "YYYY-MM" or "YYYY", as precise as known; `missing` when undated.
std::string DateText(const std::optional<Date>& date, const std::string& missing);

// One CSV field, quoted as RFC 4180 says when it holds a comma, quote or line break.
std::string CsvField(const std::string& value);

}  // namespace steppe::cli

#endif  // STEPPE_TOOLS_STEPPE_PRINTER_H_
