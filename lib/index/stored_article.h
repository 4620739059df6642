// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_STORED_ARTICLE_H_
#define STEPPE_LIB_INDEX_STORED_ARTICLE_H_

#include <string>
#include <string_view>

#include "steppe/article.h"

namespace steppe {

// The document data Steppe stores with each article: its fields and body, so that search
// can show hits and snippets without the original file. Format: one "key\tvalue" line per
// field (\\, \t and \n escaped), the body last.
std::string SerialiseArticle(const Article& article);

// Reads what SerialiseArticle wrote; unknown keys are ignored (newer versions may add some).
Article ParseStoredArticle(std::string_view data);

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_STORED_ARTICLE_H_
