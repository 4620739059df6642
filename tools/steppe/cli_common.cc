// SPDX-License-Identifier: Apache-2.0
#include "cli_common.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace po = boost::program_options;

namespace steppe::cli {

std::string Count(size_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " ";
  out.append(noun);
  if (n != 1) out += 's';
  return out;
}

std::string ResolveDb(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("STEPPE_DB"); env != nullptr && *env != '\0') return env;
  return "./steppe-db";
}

bool ParseArgs(const std::vector<std::string>& args, const po::options_description& visible,
               const po::options_description& hidden,
               const po::positional_options_description& positional, po::variables_map* vm,
               std::string_view usage, int* exit_code) {
  po::options_description all;
  all.add(visible).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    po::notify(*vm);
  } catch (const po::error& e) {
    PrintError(std::string(e.what()) + "; see 'steppe " +
               std::string(usage.substr(0, usage.find(' '))) + " --help'");
    *exit_code = kExitError;
    return false;
  }
  if (vm->count("help")) {
    std::cout << "Usage: steppe " << usage << "\n" << visible;
    *exit_code = kExitFound;
    return false;
  }
  return true;
}

void PrintError(std::string_view message) { std::cerr << "steppe: " << message << "\n"; }

void AppendJsonString(std::string_view s, std::string* out) {
  *out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\t':
        *out += "\\t";
        break;
      case '\r':
        *out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          *out += buf;
        } else {
          *out += c;
        }
    }
  }
  *out += '"';
}

std::string FacetsJson(const std::vector<Facet>& facets) {
  std::string out = "{";
  for (size_t i = 0; i < facets.size(); ++i) {
    if (i) out += ",";
    AppendJsonString(facets[i].field, &out);
    out += ":[";
    for (size_t j = 0; j < facets[i].values.size(); ++j) {
      out += j ? ",{\"value\":" : "{\"value\":";
      AppendJsonString(facets[i].values[j].value, &out);
      out += ",\"count\":" + std::to_string(facets[i].values[j].count) + "}";
    }
    out += "]";
  }
  return out + "}";
}

bool CheckCount(std::string_view name, long long value) {
  if (value >= 0) return true;
  const std::string option = "--" + std::string(name);
  PrintError(option + ": " + std::to_string(value) + " is negative; give 0 or more, e.g. " +
             option + " 20");
  return false;
}

}  // namespace steppe::cli
