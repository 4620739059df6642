// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_ANALYSE_ANALYSER_H_
#define STEPPE_LIB_ANALYSE_ANALYSER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analyse/script.h"
#include "analyse/segmenter.h"
#include "analyse/stemmer.h"
#include "analyse/transliterator.h"
#include "analyse/word_cache.h"

namespace steppe {

// One word of a text, as the analyser saw it.
struct Token {
  size_t begin = 0;  // UTF-8 byte range in the analysed text
  size_t end = 0;
  uint32_t position = 0;             // 1-based word number within the text
  bool sentence_start = false;       // first word of the text, a paragraph or a sentence
  const WordForms* forms = nullptr;  // owned by the Analyser's cache
};

// The one analysis pipeline that indexing and querying share: segment, fold, stem,
// transliterate and key each word, caching per distinct word. Not thread-safe: one per
// thread.
class Analyser {
 public:
  explicit Analyser(size_t cache_entries = 200000);

  // Starts a new document or query: may empty the word cache, so call it before Analyse and
  // never while Tokens from an earlier call are still in use.
  void BeginText() { cache_.TrimIfFull(); }

  // Appends the words of `text` to *out. Tokens stay valid until the next BeginText().
  void Analyse(std::string_view text, Lang article_lang, std::vector<Token>* out);

  // Analyses one word as Analyse would (a query term, a facet value).
  const WordForms& AnalyseWord(std::string_view surface, Lang article_lang, WordKind kind);

  // Analyses `exact`, a folded word the index holds as a name under `key`, as the indexer
  // did: a Latin word as English, a Cyrillic one in the language whose analysis gives it `key`,
  // the guessed one first (алматыдан has Алматы's key only as a Kazakh ablative).
  const WordForms& AnalyseIndexedName(std::string_view exact, std::string_view key);

  // One key for a whole name (a company, a place), so that any spelling of it finds the
  // same entity: the spelling keys of its words, joined by spaces.
  std::string NameKey(std::string_view name);

  const WordCache& cache() const { return cache_; }

 private:
  WordForms Compute(std::string_view surface, Lang article_lang, WordKind kind);

  Segmenter segmenter_;
  LatinTransliterator translit_;
  Stemmer stemmer_;
  WordCache cache_;
  std::string key_;  // reused for every lookup, so a cache hit allocates nothing
};

// Whether two words that share a spelling key are spellings of one name: their Latin forms
// are similar (SimilarSpellings), those of their name stems (Астане, Astana) or whole (a
// stemmer's cut must not part Өскемен, stem өске, from Oskemen); two Latin words must also
// end alike (EndAlike).
bool OneNameSpellings(const WordForms& a, const WordForms& b);

// Whether capitalised `f` is an ordinary word of its language by the dictionary
// (IsDictionaryWord), looked up on first use and kept in `f` (WordForms::common). Call only
// with forms of this thread's Analyser.
bool IsOrdinaryWord(const WordForms& f);

// Whether a capitalised word `f` is, where it stands, an ordinary word of its language rather
// than a name, so that it gets no spelling-key or fuzzy terms: a dictionary word
// anywhere in English, which capitalises ordinary words in headlines and legal names (the
// Freedom of Information Act, Being Digital); in Russian and Kazakh, which capitalise only a
// sentence's first word, only there or in capitals. A query word is no sentence start.
bool OrdinaryWordHere(const WordForms& f, bool sentence_start);

// The language of a text by its letters: Cyrillic with Kazakh letters is Kazakh, other
// Cyrillic Russian, the rest English.
Lang GuessLanguage(std::string_view text);

}  // namespace steppe

#endif  // STEPPE_LIB_ANALYSE_ANALYSER_H_
