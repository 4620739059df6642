// SPDX-License-Identifier: Apache-2.0
// The public AnalyseText: the analyser's view of a text, for `steppe analyse`.
#include "analyse/analyser.h"
#include "steppe/search.h"
#include "util/clean_text.h"
#include "util/utf8.h"

namespace steppe {

Status AnalyseText(std::string_view text, std::string_view lang_hint,
                   std::vector<AnalysedWord>* out) {
  static thread_local Analyser analyser(20000);
  analyser.BeginText();
  std::string repaired(text);
  RepairUtf8(&repaired);
  const std::string clean = CleanText(repaired);
  text = clean;
  const Lang lang = lang_hint.empty() ? GuessLanguage(text) : LangFromCode(lang_hint);
  std::vector<Token> tokens;
  analyser.Analyse(text, lang, &tokens);
  out->clear();
  for (const Token& t : tokens) {
    const WordForms& f = *t.forms;
    AnalysedWord w;
    w.surface = std::string(text.substr(t.begin, t.end - t.begin));
    w.script = std::string(ScriptName(f.script));
    w.lang = std::string(LangCode(f.lang));
    w.name = f.capitalised && !f.keys.empty();
    w.exact = f.exact;
    w.stem = f.stem;
    if (w.name) {
      w.translit = f.translit;
      w.keys = f.keys;
    }
    out->push_back(std::move(w));
  }
  return Status::OK();
}

}  // namespace steppe
