// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_SEARCH_PERIODS_H_
#define STEPPE_LIB_SEARCH_PERIODS_H_

#include <xapian.h>

#include <optional>
#include <vector>

#include "steppe/search.h"

namespace steppe {

// Searcher::CountByPeriod over `db`: the dated articles of each month or year from `after`
// (or the first) to before `before` (or the last), in date order, zeros kept. Throws what
// Xapian throws.
Status CountByPeriod(const Xapian::Database& db, Period period, const std::optional<Date>& after,
                     const std::optional<Date>& before, std::vector<FacetCount>* out);

}  // namespace steppe

#endif  // STEPPE_LIB_SEARCH_PERIODS_H_
