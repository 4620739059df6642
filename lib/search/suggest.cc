// SPDX-License-Identifier: Apache-2.0
#include "search/suggest.h"

#include <algorithm>
#include <set>
#include <tuple>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "analyse/script.h"
#include "analyse/spelling_key.h"
#include "index/prefixes.h"

namespace steppe {
namespace {

constexpr size_t kMaxEdits = 2;

struct Candidate {
  size_t edits;
  Xapian::doccount frequency;
  std::string spelling;
  std::string key;
  bool operator<(const Candidate& o) const {
    return std::tie(edits, o.frequency, spelling) < std::tie(o.edits, frequency, o.spelling);
  }
};

std::string Capitalise(const std::string& word) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
  if (text.isEmpty()) return word;
  const UChar32 first = text.char32At(0);
  text.replace(0, U16_LENGTH(first), static_cast<UChar32>(u_totitle(first)));
  std::string out;
  return text.toUTF8String(out);
}

// Every indexed spelling of a name whose key shares `key`'s first letter and is near it.
void Collect(const Xapian::Database& db, NameLexicon* lexicon, const std::string& key,
             const std::string& exact, std::vector<Candidate>* out) {
  for (const NameLexicon::Entry& entry : lexicon->Scan(db, key.front())) {
    const std::string_view term = entry.term;
    const size_t colon = term.find(':');
    if (colon == std::string_view::npos || term.substr(colon + 1) == exact) continue;
    const std::string_view name_key = term.substr(0, colon);
    const size_t edits = EditDistance(name_key, key, kMaxEdits);
    // A spelling with the same key already matched: only near keys are news to the user.
    if (edits > 0 && edits <= kMaxEdits) {
      out->push_back(
          {edits, entry.frequency, std::string(term.substr(colon + 1)), std::string(name_key)});
    }
  }
}

// A near key alone would suggest words that only key alike (Because for Bukhara): the
// suggestion must be a similar spelling of the word typed.
bool LooksLike(Analyser* analyser, const WordForms& typed, const Candidate& c) {
  return SimilarSpellings(typed.translit, analyser->AnalyseIndexedName(c.spelling, c.key).translit);
}

}  // namespace

std::vector<std::string> SuggestSpellings(const Xapian::Database& db, NameLexicon* lexicon,
                                          Analyser* analyser, std::string_view text, size_t max) {
  std::vector<Token> tokens;
  analyser->Analyse(text, GuessLanguage(text), &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    // Names and unknown words only: a known common word was not misspelt, and a key of one
    // to three letters is near too many names to suggest any.
    const WordForms& f = *t.forms;
    if (f.keys.empty() || f.keys.front().size() < 4) continue;
    if (!f.capitalised && db.term_exists(f.exact)) continue;
    std::vector<Candidate> candidates;
    Collect(db, lexicon, t.forms->keys.front(), t.forms->exact, &candidates);
    std::sort(candidates.begin(), candidates.end());
    std::set<Script> scripts_done;
    for (const Candidate& c : candidates) {
      if (out.size() >= max) return out;
      if (scripts_done.contains(ScriptOf(c.spelling)) || !LooksLike(analyser, f, c)) {
        continue;
      }
      scripts_done.insert(ScriptOf(c.spelling));
      out.push_back(Capitalise(c.spelling));
    }
  }
  return out;
}

}  // namespace steppe
