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

}  // namespace steppe

#endif  // STEPPE_LIB_READ_HTML_READER_H_
