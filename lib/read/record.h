// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_RECORD_H_
#define STEPPE_LIB_READ_RECORD_H_

#include <string>
#include <utility>
#include <vector>

#include "read/reader.h"
#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// One record of a multi-article file (a JSON Lines object, a CSV row) as (name, value)
// pairs in the file's order, values as UTF-8 text.
using RecordFields = std::vector<std::pair<std::string, std::string>>;

// Whether any of `keys` (a CSV header, say) is one of `names`, regardless of case.
bool NamesAnyField(const std::vector<std::string>& keys, const std::vector<std::string>& names);

// Fills the fields of *out (not its id or path) from the record that starts on `line` of
// `path`. Each Article field takes the first non-empty value among `names`, matched without
// regard to case; "companies" and "places" are read as comma-separated lists. Without a
// title, the first line of the text is the title. A bad date is reported and the article kept
// undated. Returns false, with a problem, when the record has neither title nor text.
bool ArticleFromRecord(const RecordFields& fields, const FieldNames& names, const std::string& path,
                       int line, Article* out, std::vector<Problem>* problems);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_RECORD_H_
