// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_MARKUP_LIMIT_H_
#define STEPPE_LIB_READ_MARKUP_LIMIT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace steppe {

// The first place where the markup of `html` nests deeper than `max_open` elements
// (estimated from above, the HTML standard's way) or gives a tag more than `max_attributes`
// attributes: `end` is the byte where that tag starts, npos when there is none.
struct MarkupLimit {
  size_t end = std::string_view::npos;
  int line = 0;     // the line of `end`
  std::string why;  // e.g. "HTML elements nest more than 512 deep; the tags past that were dropped"
};

// `html` without the start tags that would nest deeper than `max_open` and the attributes
// past `max_attributes` of any tag; where formatting elements (<b>, <a>...) pile up deeper
// than max_open / 4 (each paragraph would rebuild them all) the text is cut there. *first
// says where the first excess was.
std::string LimitMarkup(std::string_view html, size_t max_open, size_t max_attributes,
                        MarkupLimit* first);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_MARKUP_LIMIT_H_
