// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_ARTICLE_FILE_H_
#define STEPPE_LIB_READ_ARTICLE_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "steppe/article.h"

namespace steppe {

// Files larger than this are reported and skipped rather than read into memory.
inline constexpr size_t kMaxArticleFileBytes = 64u << 20;

// Builds an article from the UTF-8 `text` of the file `path` (front matter, then body).
// Problems that do not stop the read are appended to *problems.
void ParseArticleText(std::string text, const std::string& path, Article* out,
                      std::vector<Problem>* problems);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_ARTICLE_FILE_H_
