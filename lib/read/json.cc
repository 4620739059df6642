// SPDX-License-Identifier: Apache-2.0
#include "read/json.h"

#include <charconv>

#include "util/utf8.h"

namespace steppe {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A recursive-descent parser over one JSON text. Each Parse* method starts at pos_ and
// leaves pos_ just past what it read; the first error stops everything.
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Status ParseDocument(JsonValue* out) {
    SkipSpace();
    if (!ParseValue(out, 0)) return error_;
    SkipSpace();
    if (pos_ < text_.size()) {
      Fail("unexpected text after the JSON value");
      return error_;
    }
    return Status::OK();
  }

 private:
  bool ParseValue(JsonValue* out, int depth) {
    if (pos_ >= text_.size()) return Fail("unexpected end of text, expected a value");
    switch (text_[pos_]) {
      case '{':
        return ParseObject(out, depth + 1);
      case '[':
        return ParseArray(out, depth + 1);
      case '"':
        out->type = JsonValue::Type::kString;
        return ParseString(&out->text);
      case 't':
        return ParseLiteral("true", JsonValue::Type::kBool, true, out);
      case 'f':
        return ParseLiteral("false", JsonValue::Type::kBool, false, out);
      case 'n':
        return ParseLiteral("null", JsonValue::Type::kNull, false, out);
      default:
        if (text_[pos_] == '-' || IsDigit(text_[pos_])) return ParseNumber(out);
        return Fail("unexpected character, expected a value");
    }
  }

  bool ParseObject(JsonValue* out, int depth) {
    if (depth > kMaxJsonDepth) return Fail("nested deeper than 64 levels");
    out->type = JsonValue::Type::kObject;
    ++pos_;  // '{'
    SkipSpace();
    if (Consume('}')) return true;
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Fail("expected a quoted member name");
      JsonMember member;
      if (!ParseString(&member.key)) return false;
      SkipSpace();
      if (!Consume(':')) return Fail("expected ':' after the member name");
      SkipSpace();
      if (!ParseValue(&member.value, depth)) return false;
      out->object.push_back(std::move(member));
      SkipSpace();
      if (Consume('}')) return true;
      if (!Consume(',')) return Fail("expected ',' or '}' after an object member");
    }
  }

  bool ParseArray(JsonValue* out, int depth) {
    if (depth > kMaxJsonDepth) return Fail("nested deeper than 64 levels");
    out->type = JsonValue::Type::kArray;
    ++pos_;  // '['
    SkipSpace();
    if (Consume(']')) return true;
    while (true) {
      SkipSpace();
      out->array.emplace_back();
      if (!ParseValue(&out->array.back(), depth)) return false;
      SkipSpace();
      if (Consume(']')) return true;
      if (!Consume(',')) return Fail("expected ',' or ']' after an array element");
    }
  }

  bool ParseString(std::string* out) {
    ++pos_;  // the opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fail("control character inside a string; escape it, e.g. \\n");
      }
      if (c == '\\') {
        if (!ParseEscape(out)) return false;
        continue;
      }
      out->push_back(c);
      ++pos_;
    }
    return Fail("string never closes");
  }

  bool ParseEscape(std::string* out) {
    ++pos_;  // the backslash
    if (pos_ >= text_.size()) return Fail("string never closes");
    const char c = text_[pos_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        return ParseUnicodeEscape(out);
      default:
        --pos_;
        return Fail(std::string("unknown escape '\\") + c + "'");
    }
  }

  // After "\u": four hex digits, and for a high surrogate the "\uXXXX" low half after it.
  bool ParseUnicodeEscape(std::string* out) {
    char32_t cp;
    if (!ReadHex4(&cp)) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
      const size_t save = pos_;
      pos_ += 2;
      char32_t low;
      if (!ReadHex4(&low)) return false;
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00), out);
        return true;
      }
      pos_ = save;  // not a pair: decode the next escape on its own
    }
    // A lone surrogate cannot be written as UTF-8.
    AppendUtf8(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp, out);
    return true;
  }

  bool ReadHex4(char32_t* out) {
    *out = 0;
    for (int i = 0; i < 4; ++i) {
      const int v = pos_ < text_.size() ? HexValue(text_[pos_]) : -1;
      if (v < 0) return Fail("\\u must be followed by four hex digits");
      *out = (*out << 4) | static_cast<char32_t>(v);
      ++pos_;
    }
    return true;
  }

  // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  bool ParseNumber(JsonValue* out) {
    const size_t start = pos_;
    Consume('-');
    if (Consume('0')) {
      if (pos_ < text_.size() && IsDigit(text_[pos_])) return Fail("leading zero in a number");
    } else if (!SkipDigits()) {
      return Fail("expected a digit");
    }
    if (Consume('.') && !SkipDigits()) return Fail("expected a digit after '.'");
    if (Consume('e') || Consume('E')) {
      if (!Consume('+')) Consume('-');
      if (!SkipDigits()) return Fail("expected a digit in the exponent");
    }
    out->type = JsonValue::Type::kNumber;
    out->text = std::string(text_.substr(start, pos_ - start));
    // Out-of-range values keep their text; only the double saturates.
    std::from_chars(text_.data() + start, text_.data() + pos_, out->number);
    return true;
  }

  bool ParseLiteral(std::string_view word, JsonValue::Type type, bool value, JsonValue* out) {
    if (text_.substr(pos_, word.size()) != word) return Fail("unexpected word, expected a value");
    pos_ += word.size();
    out->type = type;
    out->boolean = value;
    return true;
  }

  bool SkipDigits() {
    const size_t start = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    return pos_ > start;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Consume(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Records "column N: why" for the character at pos_ and returns false.
  bool Fail(const std::string& why) {
    size_t column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count characters
    }
    error_ = Status::InvalidArgument("column " + std::to_string(column) + ": " + why);
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
  Status error_;
};

}  // namespace

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const JsonMember& m : object) {
    if (m.key == key) return &m.value;
  }
  return nullptr;
}

Status ParseJson(std::string_view text, JsonValue* out) {
  *out = JsonValue();
  return Parser(text).ParseDocument(out);
}

}  // namespace steppe
