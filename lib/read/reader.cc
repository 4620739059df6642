// SPDX-License-Identifier: Apache-2.0
// ReadArticles: reads a file's bytes, converts them to UTF-8, decides the format and hands
// the text to the reader for it.
#include "read/reader.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>

#include "read/article_file.h"
#include "read/charset.h"
#include "read/csv_reader.h"
#include "read/html_reader.h"
#include "read/json.h"
#include "read/jsonl_reader.h"
#include "read/record.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string_view TrimSpace(std::string_view s) {
  const size_t start = s.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  return s.substr(start, s.find_last_not_of(" \t\r\n") - start + 1);
}

std::optional<Format> FormatFromExtension(const fs::path& path) {
  const std::string ext = Lower(path.extension().string());
  if (ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".text") return Format::kText;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::kHtml;
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".csv" || ext == ".tsv") return Format::kCsv;
  return std::nullopt;
}

// Formats the text itself declares beyond doubt: front matter, an HTML document, a JSON
// object on the first line. These win over the extension, which is often wrong (a page
// saved as .txt, a JSON Lines export named .csv).
std::optional<Format> FormatFromContent(std::string_view text) {
  text = TrimSpace(text);
  if (text.starts_with("---")) return Format::kText;
  const std::string head = Lower(std::string(text.substr(0, 1024)));
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      (head.starts_with("<") &&
       (head.find("<html") != std::string::npos || head.find("<body") != std::string::npos))) {
    return Format::kHtml;
  }
  // Parsed, not just bracketed: a Markdown file may open with a "{{< shortcode >}}" line.
  JsonValue first_line;
  if (ParseJson(text.substr(0, text.find('\n')), &first_line).ok() &&
      first_line.type == JsonValue::Type::kObject) {
    return Format::kJsonLines;
  }
  return std::nullopt;
}

// For a file with no telling extension: a first line that names a title or text column
// among commas is a CSV header.
bool LooksLikeCsv(std::string_view text, const FieldNames& fields) {
  const std::string_view header = TrimSpace(text.substr(0, text.find('\n')));
  if (header.find(',') == std::string_view::npos) return false;
  std::vector<std::string> names;
  for (size_t start = 0; start <= header.size();) {
    const size_t comma = std::min(header.find(',', start), header.size());
    names.emplace_back(TrimSpace(header.substr(start, comma - start)));
    start = comma + 1;
  }
  return NamesAnyField(names, fields.title) || NamesAnyField(names, fields.body);
}

Format DetectFormat(const fs::path& path, std::string_view text, const FieldNames& fields) {
  if (const auto format = FormatFromContent(text)) return *format;
  if (const auto format = FormatFromExtension(path)) return *format;
  return LooksLikeCsv(text, fields) ? Format::kCsv : Format::kText;
}

// Reads a text or HTML file's one article.
void ReadSingle(Format format, std::string text, const std::string& file, const std::string& id,
                std::vector<Article>* out, std::vector<Problem>* problems) {
  Article article;
  article.path = file;
  article.id = id;
  if (format == Format::kHtml) {
    ReadHtml(text, file, &article, problems);
  } else {
    ParseArticleText(std::move(text), file, &article, problems);
  }
  if (article.title.empty() && article.body.empty()) {
    problems->push_back(
        {file, 0, "no article text found", "the file was skipped; check that it holds an article"});
    return;
  }
  out->push_back(std::move(article));
}

}  // namespace

std::string CanonicalPath(const std::filesystem::path& path) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(fs::absolute(path), ec);
  return ec ? fs::absolute(path).lexically_normal().string() : canonical.string();
}

Status ReadArticles(const std::filesystem::path& path, const FieldNames& fields,
                    std::vector<Article>* out, std::vector<Problem>* problems) {
  std::string bytes;
  if (Status s = ReadFileBytes(path, kMaxArticleFileBytes, &bytes); !s.ok()) return s;
  ParseArticles(path, std::move(bytes), fields, out, problems);
  return Status::OK();
}

Status ReadFileBytes(const std::filesystem::path& path, size_t max_bytes, std::string* out) {
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    return Status::IoError("cannot read " + path.string() + ": " + ec.message() +
                           "; check that it exists and is readable");
  }
  if (size > max_bytes) {
    return Status::IoError("cannot read " + path.string() + ": " + std::to_string(size >> 20) +
                           " MiB, larger than the limit of " + std::to_string(max_bytes >> 20) +
                           " MiB; split it, or raise the limit (IndexOptions::max_file_bytes)");
  }
  // Read straight into the string: a big export is not copied through a stream buffer.
  std::ifstream in(path, std::ios::binary);
  out->resize(size);
  in.read(out->data(), static_cast<std::streamsize>(size));
  if (!in && !in.eof()) {
    return Status::IoError("cannot read " + path.string() + "; check its permissions");
  }
  out->resize(static_cast<size_t>(in.gcount()));
  if (in.good()) {  // it grew since file_size: take the rest too
    std::ostringstream rest;
    rest << in.rdbuf();
    out->append(std::move(rest).str());
  }
  return Status::OK();
}

void ParseArticles(const std::filesystem::path& path, std::string bytes, const FieldNames& fields,
                   std::vector<Article>* out, std::vector<Problem>* problems,
                   const RecordFilter& filter) {
  const std::string file = path.string();
  std::string text;
  if (!DecodeToUtf8(bytes, file, &text, problems)) return;  // binary: reported
  bytes = std::string();
  if (TrimSpace(text).empty()) {
    problems->push_back({file, 0, "the file is empty", "nothing was read from it"});
    return;
  }
  const Format format = DetectFormat(path, text, fields);
  switch (format) {
    case Format::kText:
    case Format::kHtml:
      ReadSingle(format, std::move(text), file, CanonicalPath(path), out, problems);
      break;
    case Format::kJsonLines:
      ReadJsonLines(text, file, CanonicalPath(path), fields, out, problems, filter);
      break;
    case Format::kCsv:
      ReadCsv(text, file, CanonicalPath(path), fields, out, problems, filter);
      break;
  }
}

}  // namespace steppe
