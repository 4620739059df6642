// SPDX-License-Identifier: Apache-2.0
#include "read/record.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "read/front_matter.h"
#include "read/metadata_date.h"
#include "util/clean_text.h"

namespace steppe {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// The first non-blank value among `names`, cleaned, or "".
std::string Lookup(const RecordFields& fields, const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    for (const auto& [key, value] : fields) {
      if (!EqualsIgnoringCase(key, name)) continue;
      if (value.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      return CleanText(value);
    }
  }
  return "";
}

// A title or other one-line value: runs of white space (newlines too) become one space.
std::string OneLine(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string FirstLine(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    std::string line = OneLine(text.substr(pos, end - pos));
    if (!line.empty()) return line;
    pos = end + 1;
  }
  return "";
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

void ApplyDate(const std::string& value, const std::string& path, int line, Article* out,
               std::vector<Problem>* problems) {
  if (value.empty()) return;
  Date date;
  const Status s = ParseMetadataDate(value, &date);
  if (s.ok()) {
    out->date = date;
  } else {
    problems->push_back({path, line, s.message(), "the article is indexed undated"});
  }
}

}  // namespace

bool NamesAnyField(const std::vector<std::string>& keys, const std::vector<std::string>& names) {
  for (const std::string& key : keys) {
    for (const std::string& name : names) {
      if (EqualsIgnoringCase(key, name)) return true;
    }
  }
  return false;
}

bool ArticleFromRecord(const RecordFields& fields, const FieldNames& names, const std::string& path,
                       int line, Article* out, std::vector<Problem>* problems) {
  out->title = OneLine(Lookup(fields, names.title));
  out->body = Lookup(fields, names.body);
  if (out->title.empty() && out->body.empty()) {
    problems->push_back({path, line, "record has no title and no text",
                         "name them " + Join(names.title) + " and " + Join(names.body) +
                             "; the record was skipped"});
    return false;
  }
  if (out->title.empty()) out->title = FirstLine(out->body);
  ApplyDate(Lookup(fields, names.date), path, line, out, problems);
  out->url = OneLine(Lookup(fields, names.url));
  out->source = OneLine(Lookup(fields, names.source));
  out->lang = OneLine(Lookup(fields, names.lang));
  for (char& c : out->lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  out->companies = SplitList(Lookup(fields, {"companies"}));
  out->places = SplitList(Lookup(fields, {"places"}));
  return true;
}

}  // namespace steppe
