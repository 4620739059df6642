// SPDX-License-Identifier: Apache-2.0
#include "search/periods.h"

#include <algorithm>
#include <cstdio>

#include "index/prefixes.h"

namespace steppe {
namespace {

// A histogram longer than this is a mistake (1000-01 to 9999-12 by month), not a chart.
constexpr int kMaxPeriods = 100000;

// Periods numbered in date order: years as themselves, months as year * 12 + month - 1.
int Number(Period period, int year, int month) {
  return period == Period::kYear ? year : year * 12 + month - 1;
}

std::string Name(Period period, int number) {
  char buf[16];
  if (period == Period::kYear) {
    std::snprintf(buf, sizeof buf, "%04d", number);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", number / 12, number % 12 + 1);
  }
  return buf;
}

// The number of "2023-12" or "2023", as the month and year value slots hold them; -1 if not.
int Parse(Period period, const std::string& value) {
  int year = 0, month = 1;
  const bool ok = period == Period::kYear
                      ? std::sscanf(value.c_str(), "%4d", &year) == 1
                      : std::sscanf(value.c_str(), "%4d-%2d", &year, &month) == 2;
  return ok && month >= 1 && month <= 12 ? Number(period, year, month) : -1;
}

// The period holding the first day of `d`, and the one holding the day before it.
int First(Period period, const Date& d) { return Number(period, d.year, std::max(d.month, 1)); }
int LastBefore(Period period, const Date& d) {
  const bool starts_period = d.day <= 1 && (period == Period::kMonth || d.month <= 1);
  return First(period, d) - (starts_period ? 1 : 0);
}

std::string DayValue(int yyyymmdd) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%08d", yyyymmdd);
  return buf;
}

bool Valid(const std::optional<Date>& d) {
  Date parsed;
  return !d || Date::Parse(d->ToString(), &parsed).ok();
}

}  // namespace

Status CountByPeriod(const Xapian::Database& db, Period period, const std::optional<Date>& after,
                     const std::optional<Date>& before, std::vector<FacetCount>* out) {
  out->clear();
  if (!Valid(after) || !Valid(before)) {
    return Status::InvalidArgument("count by period: a bound is not a calendar date");
  }
  Xapian::Query query = Xapian::Query::MatchAll;
  if (after) {
    query = Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::kDate, DayValue(after->FirstDay())));
  }
  if (before) {  // strictly before the first day: YYYYMM00 and below, which no real date is
    query = Xapian::Query(
        Xapian::Query::OP_FILTER, query,
        Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::kDate, DayValue(before->FirstDay() - 1)));
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::ValueCountMatchSpy spy(period == Period::kYear ? slot::kYear : slot::kMonth);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::vector<std::pair<int, size_t>> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    if (const int n = Parse(period, *it); n >= 0) counts.emplace_back(n, it.get_termfreq());
  }
  std::sort(counts.begin(), counts.end());
  if (counts.empty() && !(after && before)) return Status::OK();
  const int first = after ? First(period, *after) : counts.front().first;
  const int last = before ? LastBefore(period, *before) : counts.back().first;
  if (last - first >= kMaxPeriods) {
    return Status::InvalidArgument("count by period: more than " + std::to_string(kMaxPeriods) +
                                   " periods; give a narrower date range");
  }
  size_t next = 0;
  for (int n = first; n <= last; ++n) {
    size_t count = 0;
    if (next < counts.size() && counts[next].first == n) count = counts[next++].second;
    out->push_back({Name(period, n), count});
  }
  return Status::OK();
}

}  // namespace steppe
