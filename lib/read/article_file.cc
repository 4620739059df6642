// SPDX-License-Identifier: Apache-2.0
#include "read/article_file.h"

#include <fstream>
#include <sstream>
#include <system_error>

#include "read/front_matter.h"
#include "util/clean_text.h"
#include "util/utf8.h"

namespace steppe {
namespace {

std::string_view TrimLine(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '#')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// A first line longer than this is a paragraph (or a file with no line breaks), not a title.
constexpr size_t kMaxTitleBytes = 300;

// The words of `line` that fit in kMaxTitleBytes, followed by an ellipsis.
std::string OpeningWords(std::string_view line) {
  size_t cut = line.rfind(' ', kMaxTitleBytes);
  if (cut == std::string_view::npos || cut == 0) {
    cut = kMaxTitleBytes;  // one long word: cut between characters, not inside one
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(line.substr(0, cut)) + "…";
}

// Without front matter the first non-empty line is the title, and the rest the body; a first
// line too long to be a title stays in the body, and its opening words make the title.
void SplitTitle(std::string_view text, Article* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = TrimLine(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (line.size() > kMaxTitleBytes) {
      out->title = OpeningWords(line);
      out->body = std::string(text.substr(start));
      return;
    }
    out->title = std::string(line);
    out->body = pos < text.size() ? std::string(text.substr(pos)) : "";
    return;
  }
}

void ApplyField(const FrontMatterField& f, const std::string& path, Article* out,
                std::vector<Problem>* problems) {
  if (f.key == "title") {
    out->title = f.value;
  } else if (f.key == "date") {
    Date date;
    Status s = Date::Parse(f.value, &date);
    if (s.ok()) {
      out->date = date;
    } else {
      problems->push_back({path, f.line, s.message(), "the article is indexed undated"});
    }
  } else if (f.key == "source") {
    out->source = f.value;
  } else if (f.key == "url") {
    out->url = f.value;
  } else if (f.key == "lang") {
    out->lang = f.value;
  } else if (f.key == "companies") {
    out->companies = SplitList(f.value);
  } else if (f.key == "places") {
    out->places = SplitList(f.value);
  } else {
    problems->push_back({path, f.line, "unknown front matter key '" + f.key + "'",
                         "known keys: title, date, source, url, lang, companies, places"});
  }
}

}  // namespace

void ParseArticleText(std::string text, const std::string& path, Article* out,
                      std::vector<Problem>* problems) {
  if (const size_t first_bad = FirstInvalidUtf8(text); first_bad < text.size()) {
    const int line = LineAt(text, first_bad);
    const size_t bad = RepairUtf8(&text);
    problems->push_back({path, line,
                         std::to_string(bad) + " invalid UTF-8 byte(s) replaced with U+FFFD",
                         "convert the file to UTF-8 for exact text"});
  }
  text = CleanText(text);
  const FrontMatter fm = ParseFrontMatter(text);
  if (fm.present && !fm.closed) {
    problems->push_back({path, 1, "front matter starts with '---' but never closes",
                         "add a closing '---' line; the whole file was indexed as text"});
  }
  for (const auto& [line, content] : fm.bad_lines) {
    problems->push_back({path, line, "front matter line is not 'key: value': " + content,
                         "write it as 'key: value'"});
  }
  for (const FrontMatterField& f : fm.fields) ApplyField(f, path, out, problems);
  if (out->title.empty()) {
    SplitTitle(fm.body, out);
  } else {
    out->body = std::string(fm.body);
  }
}

Status ReadArticleFile(const std::filesystem::path& path, Article* out,
                       std::vector<Problem>* problems) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    return Status::IoError("cannot read " + path.string() + ": " + ec.message() +
                           "; check that it exists and is readable");
  }
  if (size > kMaxArticleFileBytes) {
    return Status::IoError("cannot read " + path.string() + ": larger than " +
                           std::to_string(kMaxArticleFileBytes >> 20) +
                           " MiB; split it into smaller files");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in.good() && !in.eof()) {
    return Status::IoError("cannot read " + path.string() + "; check its permissions");
  }
  *out = Article();
  out->path = path.string();
  out->id = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec).string();
  if (ec) out->id = std::filesystem::absolute(path).lexically_normal().string();
  ParseArticleText(buf.str(), out->path, out, problems);
  return Status::OK();
}

}  // namespace steppe
