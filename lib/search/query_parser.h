// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_QUERY_PARSER_H_
#define STEPPE_LIB_SEARCH_QUERY_PARSER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "steppe/status.h"

namespace steppe {

// The query language's syntax tree, before any word is analysed.
struct QueryNode {
  enum class Kind { kWord, kPhrase, kField, kAnd, kOr, kNot };
  Kind kind = Kind::kWord;
  std::string text;                 // kWord, kPhrase, kField: the words as written
  std::string field;                // kField: company, place, source, lang, title, date, exact
  bool quoted = false;              // kField: the value was "quoted"
  std::vector<QueryNode> children;  // kAnd, kOr: two or more; kNot: one
  size_t column = 0;                // 1-based column of the node's first character, for messages
};

// Parses `query`: words, "phrases", AND (the default), OR, NOT and -word, parentheses, and
// field:value (field:"quoted value"). Returns InvalidQuery naming the column of the first
// error (an unclosed quote or bracket, an operator with nothing to act on).
// An empty query gives an empty kAnd node.
Status ParseQuery(std::string_view query, QueryNode* out);

// Whether `name` is a field of the query language.
bool IsQueryField(std::string_view name);

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_QUERY_PARSER_H_
