// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_FRONT_MATTER_H_
#define STEPPE_LIB_READ_FRONT_MATTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace steppe {

struct FrontMatterField {
  std::string key;    // lower-cased
  std::string value;  // trimmed
  int line = 0;       // 1-based line in the file
};

struct FrontMatter {
  bool present = false;  // the text starts with a "---" line
  bool closed = false;   // a closing "---" line was found
  std::vector<FrontMatterField> fields;
  // Lines inside the block that are not "key: value", as (line, text).
  std::vector<std::pair<int, std::string>> bad_lines;
  std::string_view body;  // the text after the block (all of it when there is none)
  int body_line = 1;      // the line `body` starts on
};

// Splits `text` into its front matter block and body. A block that never closes is treated
// as no block (closed = false, body = whole text), so nothing of the article is lost.
FrontMatter ParseFrontMatter(std::string_view text);

// Splits a list value "a, b, c" or "[a, b, c]" into trimmed, non-empty items.
std::vector<std::string> SplitList(std::string_view value);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_FRONT_MATTER_H_
