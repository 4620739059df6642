// SPDX-License-Identifier: Apache-2.0
// Xapian's MSet::snippet highlights only the query's own terms in the text; a Cyrillic word
// found by a Latin query would stay plain. So snippets re-analyse the passage with the
// same Analyser and highlight every word whose forms matched.
#include "search/snippet.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>

#include "index/prefixes.h"

namespace steppe {
namespace {

bool Has(const std::unordered_set<std::string>& terms, const char* prefix,
         const std::string& value) {
  return !value.empty() && terms.count(prefix + value) > 0;
}

// The index of the first token of the window that holds the most matches.
size_t BestStart(const std::vector<Token>& tokens, const std::vector<bool>& matched,
                 size_t length) {
  size_t best = 0, best_count = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (!matched[i]) continue;
    // Start a few words before the match so it has some context.
    size_t start = i;
    while (start > 0 && tokens[i].begin - tokens[start - 1].begin < length / 4) --start;
    size_t count = 0;
    for (size_t j = start; j < tokens.size() && tokens[j].end - tokens[start].begin <= length;
         ++j) {
      count += matched[j];
    }
    if (count > best_count) best = start, best_count = count;
  }
  return best;
}

// Appends `text` with every run of whitespace as one space, so the passage is one line.
void AppendOneLine(std::string_view text, std::string* out) {
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space) {
      *out += c;
    } else if (out->empty() || out->back() != ' ') {
      *out += ' ';
    }
  }
}

// Where the trailing punctuation after a snippet's last word ends: up to kTrailingCharacters
// user-perceived characters (grapheme clusters: «, —, an emoji with its modifiers), stopping
// at white space. Never inside a character, so the snippet stays valid UTF-8.
constexpr int kTrailingCharacters = 3;

size_t TrailingEnd(std::string_view text, size_t from) {
  // Grapheme clusters by ICU's rules, over the UTF-8 bytes in place (offsets are bytes).
  thread_local std::unique_ptr<icu::BreakIterator> characters = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  if (characters == nullptr) return from;
  UErrorCode status = U_ZERO_ERROR;
  UText* utext = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return from;
  characters->setText(utext, status);
  size_t end = from;
  for (int n = 0; U_SUCCESS(status) && n < kTrailingCharacters && end < text.size(); ++n) {
    const char c = text[end];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') break;
    const int32_t next = characters->following(static_cast<int32_t>(end));
    if (next == icu::BreakIterator::DONE) break;
    end = static_cast<size_t>(next);
  }
  // The iterator must not keep pointing into `text` after this call.
  characters->setText(icu::UnicodeString());
  utext_close(utext);
  return end;
}

}  // namespace

bool TokenMatches(const WordForms& f, const std::unordered_set<std::string>& terms) {
  if (terms.count(f.exact) || Has(terms, prefix::kStem, f.stem)) return true;
  for (const std::string& key : f.keys) {
    if (terms.count(prefix::NameTerm(key, f.exact))) return true;
  }
  return f.capitalised && Has(terms, prefix::kTranslit, f.translit);
}

Snippet MakeSnippet(std::string_view text, const std::vector<Token>& tokens,
                    const std::vector<bool>& matched, size_t length) {
  Snippet snippet;
  if (tokens.empty()) return snippet;
  const size_t first = BestStart(tokens, matched, length);
  size_t last = first;
  while (last + 1 < tokens.size() && tokens[last + 1].end - tokens[first].begin <= length) {
    ++last;
  }
  const size_t begin = tokens[first].begin;
  // End after the last word's trailing punctuation, up to the next space.
  const size_t end = TrailingEnd(text, tokens[last].end);
  if (first > 0) snippet.text = "… ";
  for (size_t i = first; i <= last; ++i) {
    const size_t from = i == first ? begin : tokens[i - 1].end;
    AppendOneLine(text.substr(from, tokens[i].begin - from), &snippet.text);
    const size_t start = snippet.text.size();
    snippet.text.append(text.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
    if (matched[i]) snippet.highlights.emplace_back(start, snippet.text.size());
  }
  AppendOneLine(text.substr(tokens[last].end, end - tokens[last].end), &snippet.text);
  if (last + 1 < tokens.size()) snippet.text += " …";
  return snippet;
}

}  // namespace steppe
