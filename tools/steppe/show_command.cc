// SPDX-License-Identifier: Apache-2.0
// steppe show ID|PATH: one stored article with its metadata.
#include <cstdio>
#include <filesystem>

#include "cli_common.h"
#include "commands.h"
#include "steppe/searcher.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Ids of files are canonical paths, so a path as typed is resolved first.
std::string IdFor(const std::string& arg) {
  std::error_code ec;
  if (!std::filesystem::exists(arg, ec)) return arg;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(arg), ec);
  return ec ? arg : canonical.string();
}

}  // namespace

int RunShow(const std::vector<std::string>& args) {
  std::string db, id;
  bool json = false;
  po::options_description visible(
      "Shows one stored article: its metadata (date, source, language, companies, places)\n"
      "and its text, by id or by the path of its file.\n\n"
      "Example:\n  steppe show corpus/2023-12-12-wos-strike-begins.en.md\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "db", po::value(&db), "index directory (default: $STEPPE_DB, else ./steppe-db)")(
      "json", po::bool_switch(&json), "print one JSON object");
  po::options_description hidden;
  hidden.add_options()("id", po::value(&id));
  po::positional_options_description positional;
  positional.add("id", 1);
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, hidden, positional, &vm, "show ID|PATH", &exit_code)) {
    return exit_code;
  }
  if (id.empty()) {
    PrintError("show needs an article id or file path; e.g. 'steppe show corpus/a.md'");
    return kExitError;
  }
  std::unique_ptr<Searcher> searcher;
  Article a;
  Status s = Searcher::Open(Options(), ResolveDb(db), &searcher);
  if (s.ok()) s = searcher->Get(IdFor(id), &a);
  if (!s.ok()) {
    PrintError(s.message());
    return s.code() == Status::Code::kNotFound && searcher ? kExitNothing : kExitError;
  }
  if (json) {
    std::string out = "{\"id\":";
    for (const auto& [key, value] : std::vector<std::pair<const char*, std::string>>{
             {"id", a.id},
             {"path", a.path},
             {"title", a.title},
             {"date", a.date ? a.date->ToString() : ""},
             {"source", a.source},
             {"url", a.url},
             {"lang", a.lang},
             {"body", a.body}}) {
      if (std::string(key) != "id") out += std::string(",\"") + key + "\":";
      AppendJsonString(value, &out);
    }
    out += ",\"date_source\":";
    if (a.date_source.empty()) {
      out += "null";
    } else {
      AppendJsonString(a.date_source, &out);
    }
    out += ",\"companies\":[";
    for (size_t i = 0; i < a.companies.size(); ++i) {
      if (i) out += ",";
      AppendJsonString(a.companies[i], &out);
    }
    out += "],\"places\":[";
    for (size_t i = 0; i < a.places.size(); ++i) {
      if (i) out += ",";
      AppendJsonString(a.places[i], &out);
    }
    std::printf("%s]}\n", out.c_str());
    return kExitFound;
  }
  std::printf(
      "id:        %s\ntitle:     %s\ndate:      %s\nsource:    %s\nurl:       %s\n"
      "lang:      %s\ncompanies: %s\nplaces:    %s\n\n%s\n",
      a.id.c_str(), a.title.c_str(), a.date ? a.date->ToString().c_str() : "undated",
      a.source.c_str(), a.url.c_str(), a.lang.c_str(), Join(a.companies).c_str(),
      Join(a.places).c_str(), a.body.c_str());
  return kExitFound;
}

}  // namespace steppe::cli
