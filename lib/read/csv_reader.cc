// SPDX-License-Identifier: Apache-2.0
#include "read/csv_reader.h"

#include <algorithm>

#include "read/record.h"

namespace steppe {
namespace {

struct Row {
  int line = 0;  // the line the row starts on
  std::vector<std::string> cells;
  std::string error;  // why the row is malformed, or ""
};

// Splits CSV text into rows, tracking line numbers across quoted newlines.
class RowReader {
 public:
  RowReader(std::string_view text, char separator) : text_(text), separator_(separator) {}

  bool done() const { return pos_ >= text_.size(); }

  // Reads the next row into *row. A malformed row comes back with row->error set, and
  // reading resumes on the line after the one where the trouble was found.
  void Next(Row* row) {
    *row = Row{line_, {}, ""};
    while (true) {
      std::string cell;
      const bool ok = text_[pos_] == '"' ? ReadQuoted(row, &cell) : ReadPlain(&cell);
      if (!ok) return;
      row->cells.push_back(std::move(cell));
      if (pos_ < text_.size() && text_[pos_] == separator_) {
        ++pos_;
        if (pos_ < text_.size()) continue;
        row->cells.emplace_back();  // a trailing separator ends with an empty cell
      }
      EndLine();
      return;
    }
  }

 private:
  bool ReadPlain(std::string* cell) {
    const size_t end =
        std::min(text_.find_first_of(std::string{separator_, '\n'}, pos_), text_.size());
    *cell = std::string(text_.substr(pos_, end - pos_));
    if (!cell->empty() && cell->back() == '\r' && end < text_.size() && text_[end] == '\n') {
      cell->pop_back();
    }
    pos_ = end;
    return true;
  }

  bool ReadQuoted(Row* row, std::string* cell) {
    const size_t open = pos_++;
    const int open_line = line_;
    while (true) {
      const size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        // Resume on the line after the quote, so a stray quote costs a row, not the file.
        row->error = "quoted field never closes";
        const size_t nl = text_.find('\n', open);
        line_ = open_line;
        pos_ = nl == std::string_view::npos ? text_.size() : nl;
        EndLine();
        return false;
      }
      AppendCounting(text_.substr(pos_, quote - pos_), cell);
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // "" is a quote
        cell->push_back('"');
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ >= text_.size() || text_[pos_] == separator_ || text_[pos_] == '\n') return true;
      row->error = "text after the closing quote of a field";
      pos_ = std::min(text_.find('\n', pos_), text_.size());
      EndLine();
      return false;
    }
  }

  // Appends quoted text, counting the newlines inside it as lines of the file.
  void AppendCounting(std::string_view s, std::string* cell) {
    line_ += static_cast<int>(std::count(s.begin(), s.end(), '\n'));
    cell->append(s);
  }

  // Steps over the newline that ends a row, if any.
  void EndLine() {
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
  }

  std::string_view text_;
  char separator_;
  size_t pos_ = 0;
  int line_ = 1;
};

// A comma, unless the header line has none and a semicolon or tab instead.
char GuessSeparator(std::string_view text) {
  const size_t start = std::min(text.find_first_not_of("\r\n"), text.size());
  const std::string_view header = text.substr(start, text.find('\n', start) - start);
  if (header.find(',') != std::string_view::npos) return ',';
  if (header.find(';') != std::string_view::npos) return ';';
  if (header.find('\t') != std::string_view::npos) return '\t';
  return ',';
}

bool IsBlank(const Row& row) { return row.cells.size() == 1 && row.cells[0].empty(); }

void ReportBadRow(const std::string& path, const Row& row, std::vector<Problem>* problems) {
  problems->push_back({path, row.line, "bad CSV row: " + row.error,
                       "quote fields that hold commas, quotes or newlines, as \"a, \"\"b\"\"\"; "
                       "the row was skipped"});
}

// A row as the record filter sees it: each header name and cell, NUL-separated.
std::string RecordText(const Row& header, const Row& row) {
  std::string text;
  for (size_t i = 0; i < row.cells.size(); ++i) {
    text.append(header.cells[i]).push_back('\0');
    text.append(row.cells[i]).push_back('\0');
  }
  return text;
}

}  // namespace

void ReadCsv(std::string_view text, const std::string& path, const std::string& id_base,
             const FieldNames& names, std::vector<Article>* out, std::vector<Problem>* problems,
             const RecordFilter& filter) {
  RowReader reader(text, GuessSeparator(text));
  Row header;
  do {
    if (reader.done()) return;  // no header: an empty file
    reader.Next(&header);
  } while (header.error.empty() && IsBlank(header));
  if (!header.error.empty()) return ReportBadRow(path, header, problems);
  for (std::string& h : header.cells) {
    h.erase(0, h.find_first_not_of(" \t"));
    h.erase(h.find_last_not_of(" \t") + 1);
  }
  if (!NamesAnyField(header.cells, names.title) && !NamesAnyField(header.cells, names.body)) {
    problems->push_back({path, header.line, "the CSV header names no title or text column",
                         "start the file with a header row such as title,date,text; "
                         "the file was skipped"});
    return;
  }
  Row row;
  while (!reader.done()) {
    reader.Next(&row);
    if (IsBlank(row) && row.error.empty()) continue;
    if (!row.error.empty()) {
      ReportBadRow(path, row, problems);
      continue;
    }
    if (row.cells.size() != header.cells.size()) {
      row.error = "it has " + std::to_string(row.cells.size()) + " fields, the header has " +
                  std::to_string(header.cells.size());
      ReportBadRow(path, row, problems);
      continue;
    }
    if (filter && !filter(row.line, RecordText(header, row))) continue;
    RecordFields fields;
    for (size_t i = 0; i < row.cells.size(); ++i)
      fields.emplace_back(header.cells[i], row.cells[i]);
    Article article;
    if (!ArticleFromRecord(fields, names, path, row.line, &article, problems)) continue;
    article.id = id_base + ":" + std::to_string(row.line);
    article.path = path;
    out->push_back(std::move(article));
  }
}

}  // namespace steppe
