// SPDX-License-Identifier: Apache-2.0
// steppe analyse TEXT... | --file F: each word's exact, stemmed, script and key terms.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.h"
#include "commands.h"
#include "steppe/search.h"

namespace po = boost::program_options;

namespace steppe::cli {
namespace {

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

}  // namespace

int RunAnalyse(const std::vector<std::string>& args) {
  std::string file, lang;
  std::vector<std::string> words;
  po::options_description visible(
      "Shows how Steppe analyses text: for each word its script, language, exact term,\n"
      "stem, and for names the transliteration and spelling keys that variant spellings\n"
      "share. Use it to see why two spellings match, or do not.\n\n"
      "Example:\n  steppe analyse \"Жаңаөзенде Zhanaozen Janaozen\"\n\nOptions");
  visible.add_options()("help,h", "show this help")("file", po::value(&file),
                                                    "analyse this file instead of TEXT")(
      "lang", po::value(&lang), "language hint: en, ru or kk (default: guessed)");
  po::options_description hidden;
  hidden.add_options()("text", po::value(&words));
  po::positional_options_description positional;
  positional.add("text", -1);
  po::variables_map vm;
  int exit_code = 0;
  if (!ParseArgs(args, visible, hidden, positional, &vm, "analyse TEXT... | --file F",
                 &exit_code)) {
    return exit_code;
  }
  std::string text;
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      PrintError("cannot read " + file + "; check the path and its permissions");
      return kExitError;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    text = buf.str();
  } else {
    text = Join(words, " ");
  }
  if (text.empty()) {
    PrintError("analyse needs TEXT or --file F; e.g. 'steppe analyse Zhanaozen'");
    return kExitError;
  }
  std::vector<AnalysedWord> analysed;
  if (Status s = AnalyseText(text, lang, &analysed); !s.ok()) {
    PrintError(s);
    return kExitError;
  }
  std::printf("%-20s %-8s %-4s %-20s %-20s %-20s %s\n", "word", "script", "lang", "exact", "stem",
              "translit", "keys");
  for (const AnalysedWord& w : analysed) {
    std::printf("%-20s %-8s %-4s %-20s %-20s %-20s %s\n", w.surface.c_str(), w.script.c_str(),
                w.lang.c_str(), w.exact.c_str(), OrDash(w.stem).c_str(), OrDash(w.translit).c_str(),
                OrDash(Join(w.keys, ",")).c_str());
  }
  return kExitFound;
}

}  // namespace steppe::cli
