// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_CSV_READER_H_
#define STEPPE_LIB_READ_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "read/reader.h"
#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// Reads the CSV `text` (UTF-8, RFC 4180) of the file `path`: a header row naming the columns,
// then one article per row with the id "<id_base>:<line>", where line (from 1) is the row's
// first line, and fields found by `names` (see ArticleFromRecord). Quoted fields may hold
// commas, newlines and "" for a quote. The separator is a comma, or a semicolon or a tab when
// the header line has no comma. Blank lines are skipped. A row with an unclosed quote or the
// wrong number of fields is reported as path:line and skipped; the other rows are still read.
// Rows that `filter` refuses (given the header and the row's cells) are skipped unread.
void ReadCsv(std::string_view text, const std::string& path, const std::string& id_base,
             const FieldNames& names, std::vector<Article>* out, std::vector<Problem>* problems,
             const RecordFilter& filter = {});

}  // namespace steppe

#endif  // STEPPE_LIB_READ_CSV_READER_H_
