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
//   body    the block of the page that reads as the article, found by its content (text and
//           link density, paragraphs, itemprop=articleBody) as Readability does, with the
//           siblings that join it (the standfirst); inside it scripts, menus, share bars,
//           captions, link lists, "Read more" lines and the like are left out, but furniture
//           names never remove a block that holds most of the text. JSON-LD articleBody when
//           the markup gives much less.
//   title   the article's <h1> where og:title, <title> or the JSON-LD headline agree with it
//           or it heads the article, else og:title (then <title>...) without the site's or
//           author's suffix
//   date    JSON-LD datePublished, else <meta> article:published_time (or date, pubdate...),
//           else itemprop=datePublished, else the article's own <time> (never one in a
//           figure, quotation, embedded post, comment or aside), else a dateline at the start
//           of the body; a modified date only when there is nothing else. To the day, the
//           day the byline prints when a timestamp's zone moved it. date_source says which.
//   url     <link rel="canonical">, else og:url
//   source  og:site_name, else the JSON-LD publisher's name
//   lang    <html lang>, when it is en, ru or kk
// A date that cannot be read is reported with the line it is on and skipped.
// Markup that nests deeper than 512 elements, or a tag with more than 64 attributes, is
// reported, and the excess tags or attributes dropped: no real page comes near, and gumbo
// would be slow or crash on them.
void ReadHtml(std::string_view html, const std::string& path, Article* out,
              std::vector<Problem>* problems);

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

#endif  // STEPPE_LIB_READ_HTML_READER_H_
