// SPDX-License-Identifier: Apache-2.0
// Xapian's MSet::snippet highlights only the query's own terms in the text; a Cyrillic word
// found by a Latin query would stay plain. So snippets re-analyse the passage with the
// same Analyser and highlight every word whose forms matched.
#include "search/snippet.h"

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
  size_t end = tokens[last].end;
  while (end < text.size() && text[end] != ' ' && text[end] != '\n' && end - tokens[last].end < 3) {
    ++end;
  }
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
