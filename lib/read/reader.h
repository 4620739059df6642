// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_READER_H_
#define STEPPE_LIB_READ_READER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// The formats Steppe reads, chosen by content as well as extension.
enum class Format { kText, kHtml, kJsonLines, kCsv };

// Field names looked up, in order, in JSON Lines objects and CSV header rows.
struct FieldNames {
  std::vector<std::string> title = {"title", "headline"};
  std::vector<std::string> body = {"text", "body", "content"};
  std::vector<std::string> date = {"date", "published", "pubDate", "datePublished"};
  std::vector<std::string> url = {"url", "link"};
  std::vector<std::string> source = {"source", "site", "publisher"};
  std::vector<std::string> lang = {"lang", "language"};
};

// Asked before a JSON Lines or CSV record becomes an article, with the record's line and its
// text (a JSON Lines line; for CSV the header and the row's cells): false skips the record,
// unread (the indexer skips records it has already indexed). An empty filter keeps them all.
using RecordFilter = std::function<bool(int line, std::string_view record)>;

// Reads every article in the file `path`, appending to *out: one for a text, Markdown or HTML
// file; one per record for JSON Lines and CSV, each with the id "<canonical path>:<line>".
// The file is converted to UTF-8 first when it is not (the charset is detected; UTF-16 needs
// a byte-order mark). Problems with single records (a broken JSON line, a bad CSV row, a bogus
// date, a charset conversion) go to *problems as path:line: reason, and the rest is read.
// Returns IoError only when the file itself cannot be read (missing, unreadable, too large).
Status ReadArticles(const std::filesystem::path& path, const FieldNames& fields,
                    std::vector<Article>* out, std::vector<Problem>* problems);

// The id of a file's article, and the key of everything read from it: its canonical path.
std::string CanonicalPath(const std::filesystem::path& path);

// The two halves of ReadArticles, for callers that look at the bytes in between (the indexer
// hashes them to skip unchanged files). ReadFileBytes refuses files over `max_bytes`.
Status ReadFileBytes(const std::filesystem::path& path, size_t max_bytes, std::string* out);
void ParseArticles(const std::filesystem::path& path, std::string bytes, const FieldNames& fields,
                   std::vector<Article>* out, std::vector<Problem>* problems,
                   const RecordFilter& filter = {});

}  // namespace steppe

#endif  // STEPPE_LIB_READ_READER_H_
