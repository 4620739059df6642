// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_JSONL_READER_H_
#define STEPPE_LIB_READ_JSONL_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "read/reader.h"
#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// Reads the JSON Lines `text` (UTF-8) of the file `path`: one JSON object per line, each an
// article with the id "<id_base>:<line>" (lines count from 1), fields found by `names` (see
// ArticleFromRecord). Blank lines are skipped. A line that is not a JSON object, or has no
// title and no text, is reported as path:line and skipped; the other lines are still read.
// Lines that `filter` refuses are skipped unread.
void ReadJsonLines(std::string_view text, const std::string& path, const std::string& id_base,
                   const FieldNames& names, std::vector<Article>* out,
                   std::vector<Problem>* problems, const RecordFilter& filter = {});

}  // namespace steppe

#endif  // STEPPE_LIB_READ_JSONL_READER_H_
