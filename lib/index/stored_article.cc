// SPDX-License-Identifier: Apache-2.0
#include "index/stored_article.h"

#include <utility>
#include <vector>

namespace steppe {
namespace {

void AppendEscaped(std::string_view value, std::string* out) {
  for (char c : value) {
    if (c == '\\') {
      *out += "\\\\";
    } else if (c == '\t') {
      *out += "\\t";
    } else if (c == '\n') {
      *out += "\\n";
    } else {
      *out += c;
    }
  }
}

std::string Unescape(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] != '\\' || i + 1 == value.size()) {
      out += value[i];
      continue;
    }
    const char next = value[++i];
    out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
  }
  return out;
}

void AppendField(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  out->append(key);
  *out += '\t';
  AppendEscaped(value, out);
  *out += '\n';
}

std::string JoinList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += '\x1f';  // unit separator: names may hold commas
    out += item;
  }
  return out;
}

std::vector<std::string> SplitList(std::string_view joined) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start < joined.size()) {
    const size_t end = std::min(joined.find('\x1f', start), joined.size());
    items.emplace_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

}  // namespace

std::string SerialiseArticle(const Article& a) {
  std::string out;
  AppendField("id", a.id, &out);
  AppendField("path", a.path, &out);
  AppendField("title", a.title, &out);
  if (a.date) AppendField("date", a.date->ToString(), &out);
  if (a.date) AppendField("date_source", a.date_source, &out);
  AppendField("source", a.source, &out);
  AppendField("url", a.url, &out);
  AppendField("lang", a.lang, &out);
  AppendField("companies", JoinList(a.companies), &out);
  AppendField("places", JoinList(a.places), &out);
  AppendField("body", a.body, &out);
  return out;
}

Article ParseStoredArticle(std::string_view data) {
  Article a;
  size_t pos = 0;
  while (pos < data.size()) {
    const size_t end = std::min(data.find('\n', pos), data.size());
    const std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, tab);
    std::string value = Unescape(line.substr(tab + 1));
    if (key == "id")
      a.id = std::move(value);
    else if (key == "path")
      a.path = std::move(value);
    else if (key == "title")
      a.title = std::move(value);
    else if (key == "source")
      a.source = std::move(value);
    else if (key == "url")
      a.url = std::move(value);
    else if (key == "lang")
      a.lang = std::move(value);
    else if (key == "date_source")
      a.date_source = std::move(value);
    else if (key == "body")
      a.body = std::move(value);
    else if (key == "companies")
      a.companies = SplitList(value);
    else if (key == "places")
      a.places = SplitList(value);
    else if (key == "date") {
      Date date;
      if (Date::Parse(value, &date).ok()) a.date = date;
    }
  }
  return a;
}

}  // namespace steppe
