// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_HTML_READER_H_
#define STEPPE_LIB_READ_HTML_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// Fills the fields of *out (not its id or path) from the UTF-8 HTML page `html` of the file
// `path`, parsed as browsers parse it (gumbo), so broken markup costs nothing:
//   title   og:title, else <title>, else JSON-LD headline, else the first <h1>
//   date    <meta> article:published_time (or date, pubdate...), else JSON-LD datePublished,
//           else <time datetime>, first inside the article; to the day
//   url     <link rel="canonical">, else og:url
//   source  og:site_name, else the JSON-LD publisher's name
//   lang    <html lang>, when it is en, ru or kk
//   body    the text of <article>, else <main>, else <body>, paragraphs separated by blank
//           lines, without scripts, navigation, menus, headers, footers, asides, forms,
//           buttons, share bars, cookie notices, adverts, related links and comments
// A date that cannot be read is reported with the line it is on and skipped.
// A page whose markup nests deeper than 512 elements, or has a tag with more than 64
// attributes, is read up to there, with a problem: no real page does that, and parsing on
// would be slow or crash.
void ReadHtml(std::string_view html, const std::string& path, Article* out,
              std::vector<Problem>* problems);

// Where the markup of `html` first nests deeper than `max_open` elements (estimated from
// above, the HTML standard's way) or gives a tag more than `max_attributes` attributes: `end`
// is the byte where that tag starts, npos when there is no such place.
struct MarkupLimit {
  size_t end = std::string_view::npos;
  int line = 0;     // the line of `end`
  std::string why;  // e.g. "HTML elements nest more than 512 deep"
};
MarkupLimit FindMarkupLimit(std::string_view html, size_t max_open, size_t max_attributes);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_HTML_READER_H_
