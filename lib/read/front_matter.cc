// SPDX-License-Identifier: Apache-2.0
#include "read/front_matter.h"

#include <algorithm>
#include <cctype>

namespace steppe {
namespace {

std::string_view Trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// Reads the next line of `text` from *pos (without its newline) and advances *pos.
std::string_view NextLine(std::string_view text, size_t* pos) {
  const size_t end = std::min(text.find('\n', *pos), text.size());
  std::string_view line = text.substr(*pos, end - *pos);
  *pos = end < text.size() ? end + 1 : end;
  return line;
}

bool IsFence(std::string_view line) { return Trim(line) == "---"; }

std::string Unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

}  // namespace

FrontMatter ParseFrontMatter(std::string_view text) {
  FrontMatter fm;
  fm.body = text;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte-order mark
  size_t pos = 0;
  if (text.empty() || !IsFence(NextLine(text, &pos))) return fm;
  fm.present = true;
  for (int line_no = 2; pos < text.size(); ++line_no) {
    const std::string_view line = NextLine(text, &pos);
    if (IsFence(line)) {
      fm.closed = true;
      fm.body = text.substr(pos);
      fm.body_line = line_no + 1;
      return fm;
    }
    if (Trim(line).empty() || Trim(line).starts_with('#')) continue;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos || Trim(line.substr(0, colon)).empty()) {
      fm.bad_lines.emplace_back(line_no, std::string(Trim(line)));
      continue;
    }
    std::string key(Trim(line.substr(0, colon)));
    std::transform(key.begin(), key.end(), key.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    fm.fields.push_back({key, Unquote(Trim(line.substr(colon + 1))), line_no});
  }
  // Never closed: keep the whole text as the body so nothing is lost.
  fm.fields.clear();
  fm.bad_lines.clear();
  return fm;
}

std::vector<std::string> SplitList(std::string_view value) {
  value = Trim(value);
  if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
    value = value.substr(1, value.size() - 2);
  }
  std::vector<std::string> items;
  size_t start = 0;
  while (start <= value.size()) {
    const size_t comma = std::min(value.find(',', start), value.size());
    const std::string item = Unquote(Trim(value.substr(start, comma - start)));
    if (!item.empty()) items.push_back(item);
    start = comma + 1;
  }
  return items;
}

}  // namespace steppe
