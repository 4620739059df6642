// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_DOCUMENT_BUILDER_H_
#define STEPPE_LIB_INDEX_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyse/analyser.h"
#include "extract/entities.h"
#include "index/format.h"
#include "steppe/article.h"

namespace steppe {

// Turns an Article into the Xapian document Steppe stores: exact words with positions,
// stems, the spelling-variant terms of names, date, language, source and entity terms,
// the date value and the stored article. Not thread-safe: one per thread.
class DocumentBuilder {
 public:
  // `entities`, when not null, finds companies and places to add to each article's own.
  DocumentBuilder(Analyser* analyser, const EntityExtractor* entities)
      : analyser_(analyser), entities_(entities) {}

  // Builds the document for `article`. Its language is guessed when empty.
  Xapian::Document Build(const Article& article);

 private:
  void IndexTokens(const std::vector<Token>& tokens, Xapian::termcount wdf, bool title,
                   Xapian::Document* doc);
  void IndexWordTerms(Xapian::Document* doc);
  void FindNames();
  void IndexMetadata(const Article& article, Xapian::Document* doc);
  void IndexMentions(std::string_view body, Xapian::Document* doc);
  std::string IndexEntities(const std::vector<std::string>& names, const char* term_prefix,
                            Xapian::Document* doc);

  void AddEntities(Article* article);
  std::vector<Token> TitleAndBodyTokens(const Article& article) const;

  Analyser* analyser_;
  const EntityExtractor* entities_;
  std::vector<Token> title_tokens_;
  std::vector<Token> body_tokens_;
  // Exact forms used as names in this article: views of the analyser's cached forms, which
  // stay put while one article is built.
  std::unordered_set<std::string_view> names_;
  // Exact forms of the words inside the companies and places the article names.
  std::unordered_set<std::string_view> entity_words_;
  // The article's distinct words, in order of first use, and the wdf each adds to its terms.
  struct WordCount {
    const WordForms* forms;
    Xapian::termcount wdf;
    Xapian::termcount title_wdf;
  };
  std::vector<WordCount> word_counts_;
  std::unordered_map<const WordForms*, size_t> word_index_;  // forms -> word_counts_ index
};

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_DOCUMENT_BUILDER_H_
