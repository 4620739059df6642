// SPDX-License-Identifier: Apache-2.0
#include "search/query_parser.h"

#include <array>

#include "util/utf8.h"

namespace steppe {
namespace {

struct Lexeme {
  enum class Type { kWord, kPhrase, kField, kOr, kAnd, kNot, kOpen, kClose, kEnd };
  Type type = Type::kEnd;
  std::string text;
  std::string field;
  bool quoted = false;
  size_t column = 0;
};

size_t ColumnAt(std::string_view text, size_t byte) {
  size_t column = 1;
  for (size_t pos = 0; pos < byte && pos < text.size(); ++column) NextCodePoint(text, &pos);
  return column;
}

Status ErrorAt(std::string_view query, size_t byte, const std::string& what) {
  return Status::InvalidQuery("query column " + std::to_string(ColumnAt(query, byte)) + ": " +
                              what);
}

class Lexer {
 public:
  explicit Lexer(std::string_view q) : q_(q) {}

  Status Next(Lexeme* out) {
    while (pos_ < q_.size() && IsSpace(q_[pos_])) ++pos_;
    *out = Lexeme();
    out->column = Column();
    if (pos_ >= q_.size()) return Status::OK();
    const char c = q_[pos_];
    if (c == '(' || c == ')') {
      out->type = c == '(' ? Lexeme::Type::kOpen : Lexeme::Type::kClose;
      ++pos_;
      return Status::OK();
    }
    if (c == '-' && pos_ + 1 < q_.size() && !IsSpace(q_[pos_ + 1])) {
      out->type = Lexeme::Type::kNot;
      ++pos_;
      return Status::OK();
    }
    if (c == '"') return ReadQuoted(&out->text, Lexeme::Type::kPhrase, out);
    const size_t start = pos_;
    while (pos_ < q_.size() && !IsSpace(q_[pos_]) && q_[pos_] != '(' && q_[pos_] != ')' &&
           q_[pos_] != '"') {
      if (q_[pos_] == ':' && IsQueryField(q_.substr(start, pos_ - start))) {
        out->field = std::string(q_.substr(start, pos_ - start));
        ++pos_;
        return ReadFieldValue(start, out);
      }
      ++pos_;
    }
    out->text = std::string(q_.substr(start, pos_ - start));
    out->type = out->text == "OR"    ? Lexeme::Type::kOr
                : out->text == "AND" ? Lexeme::Type::kAnd
                : out->text == "NOT" ? Lexeme::Type::kNot
                                     : Lexeme::Type::kWord;
    return Status::OK();
  }

 private:
  static bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  // ColumnAt(q_, pos_), counted on from the previous lexeme's: counting from the start for
  // every lexeme made a 10,000-word query take seconds.
  size_t Column() {
    for (; counted_ < pos_ && counted_ < q_.size(); ++column_) NextCodePoint(q_, &counted_);
    return column_;
  }

  Status ReadQuoted(std::string* text, Lexeme::Type type, Lexeme* out) {
    const size_t open = pos_++;
    const size_t close = q_.find('"', pos_);
    if (close == std::string_view::npos) {
      return ErrorAt(q_, open, "the quote opened here is never closed; add a closing \"");
    }
    *text = std::string(q_.substr(pos_, close - pos_));
    pos_ = close + 1;
    out->type = type;
    return Status::OK();
  }

  Status ReadFieldValue(size_t start, Lexeme* out) {
    out->type = Lexeme::Type::kField;
    if (pos_ < q_.size() && q_[pos_] == '"') {
      out->quoted = true;
      return ReadQuoted(&out->text, Lexeme::Type::kField, out);
    }
    const size_t value_start = pos_;
    while (pos_ < q_.size() && !IsSpace(q_[pos_]) && q_[pos_] != '(' && q_[pos_] != ')') ++pos_;
    out->text = std::string(q_.substr(value_start, pos_ - value_start));
    if (out->text.empty()) {
      return ErrorAt(q_, start,
                     "'" + out->field + ":' has no value; write e.g. " + out->field + ":value");
    }
    return Status::OK();
  }

  std::string_view q_;
  size_t pos_ = 0;
  size_t counted_ = 0;  // Column() has counted the characters before this byte
  size_t column_ = 1;   // the column of byte counted_
};

// Brackets and NOTs nest at most this deep. The parser, the query builder and Xapian recurse
// once for each level, and 10,000 "(" overflowed the stack.
constexpr int kMaxNesting = 100;

// Recursive descent over: or := and (OR and)* ; and := unary ([AND] unary)* ;
// unary := (NOT|-) unary | primary ; primary := ( or ) | word | "phrase" | field:value.
class Parser {
 public:
  explicit Parser(std::string_view q) : q_(q), lexer_(q) {}

  Status Parse(QueryNode* out) {
    if (Status s = Advance(); !s.ok()) return s;
    if (Status s = ParseOr(out); !s.ok()) return s;
    if (look_.type == Lexeme::Type::kClose) {
      return Status::InvalidQuery("query column " + std::to_string(look_.column) +
                                  ": ')' closes nothing; remove it or add a matching '('");
    }
    return Status::OK();
  }

 private:
  Status Advance() { return lexer_.Next(&look_); }

  // Enters one more level of brackets or NOT, which opened at `column`.
  Status Nest(size_t column) {
    if (++depth_ <= kMaxNesting) return Status::OK();
    return Status::InvalidQuery("query column " + std::to_string(column) +
                                ": brackets and NOT nest more than " + std::to_string(kMaxNesting) +
                                " deep; simplify the query");
  }

  bool StartsOperand() const {
    using T = Lexeme::Type;
    return look_.type == T::kWord || look_.type == T::kPhrase || look_.type == T::kField ||
           look_.type == T::kOpen || look_.type == T::kNot;
  }

  Status ParseOr(QueryNode* out) {
    QueryNode first;
    if (Status s = ParseAnd(&first); !s.ok()) return s;
    if (look_.type != Lexeme::Type::kOr) {
      *out = std::move(first);
      return Status::OK();
    }
    out->kind = QueryNode::Kind::kOr;
    out->column = first.column;
    out->children.push_back(std::move(first));
    while (look_.type == Lexeme::Type::kOr) {
      const size_t column = look_.column;
      if (Status s = Advance(); !s.ok()) return s;
      if (!StartsOperand()) {
        return Status::InvalidQuery("query column " + std::to_string(column) +
                                    ": OR needs a word after it; add one or remove OR");
      }
      QueryNode next;
      if (Status s = ParseAnd(&next); !s.ok()) return s;
      out->children.push_back(std::move(next));
    }
    return Status::OK();
  }

  Status ParseAnd(QueryNode* out) {
    out->kind = QueryNode::Kind::kAnd;
    out->column = look_.column;
    if (look_.type == Lexeme::Type::kOr || look_.type == Lexeme::Type::kAnd) {
      return Status::InvalidQuery("query column " + std::to_string(look_.column) + ": " +
                                  look_.text + " needs a word before it; add one or remove " +
                                  look_.text);
    }
    while (StartsOperand() || look_.type == Lexeme::Type::kAnd) {
      if (look_.type == Lexeme::Type::kAnd) {
        const size_t column = look_.column;
        if (Status s = Advance(); !s.ok()) return s;
        if (!StartsOperand()) {
          return Status::InvalidQuery("query column " + std::to_string(column) +
                                      ": AND needs a word after it; add one or remove AND");
        }
      }
      QueryNode child;
      if (Status s = ParseUnary(&child); !s.ok()) return s;
      out->children.push_back(std::move(child));
    }
    if (out->children.size() == 1) {
      QueryNode only = std::move(out->children.front());
      *out = std::move(only);
    }
    return Status::OK();
  }

  Status ParseUnary(QueryNode* out) {
    if (look_.type != Lexeme::Type::kNot) return ParsePrimary(out);
    out->kind = QueryNode::Kind::kNot;
    out->column = look_.column;
    if (Status s = Advance(); !s.ok()) return s;
    if (!StartsOperand()) {
      return Status::InvalidQuery("query column " + std::to_string(out->column) +
                                  ": NOT needs a word after it; add one or remove NOT");
    }
    if (Status s = Nest(out->column); !s.ok()) return s;
    QueryNode child;
    if (Status s = ParseUnary(&child); !s.ok()) return s;
    --depth_;
    out->children.push_back(std::move(child));
    return Status::OK();
  }

  Status ParsePrimary(QueryNode* out) {
    out->column = look_.column;
    if (look_.type == Lexeme::Type::kOpen) {
      const size_t open = look_.column;
      if (Status s = Nest(open); !s.ok()) return s;
      if (Status s = Advance(); !s.ok()) return s;
      if (Status s = ParseOr(out); !s.ok()) return s;
      --depth_;
      if (look_.type != Lexeme::Type::kClose) {
        return Status::InvalidQuery("query column " + std::to_string(open) +
                                    ": the '(' opened here is never closed; add a ')'");
      }
      return Advance();
    }
    out->kind = look_.type == Lexeme::Type::kPhrase  ? QueryNode::Kind::kPhrase
                : look_.type == Lexeme::Type::kField ? QueryNode::Kind::kField
                                                     : QueryNode::Kind::kWord;
    out->text = look_.text;
    out->field = look_.field;
    out->quoted = look_.quoted;
    return Advance();
  }

  std::string_view q_;
  Lexer lexer_;
  Lexeme look_;
  int depth_ = 0;  // brackets and NOTs open around the token being parsed
};

}  // namespace

bool IsQueryField(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kFields = {
      "company", "place", "source", "lang", "title", "date", "mentions", "exact"};
  for (std::string_view f : kFields) {
    if (f == name) return true;
  }
  return false;
}

Status ParseQuery(std::string_view query, QueryNode* out) {
  *out = QueryNode();
  return Parser(query).Parse(out);
}

}  // namespace steppe
