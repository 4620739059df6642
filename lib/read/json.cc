// SPDX-License-Identifier: Apache-2.0
// ParseJson on simdjson's On-Demand API (Debian 12's 3.0.1): simdjson checks the structure,
// strings, numbers and UTF-8; this file turns its values into a JsonValue tree, limits the
// depth, and words its errors as "column N: reason".
#include "read/json.h"

#include <simdjson.h>

#include <charconv>
#include <cstring>

#include "util/utf8.h"

namespace steppe {
namespace {

namespace od = simdjson::ondemand;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The text from `token` (a string token as simdjson saw it) up to its closing quote.
std::string_view StringToken(std::string_view token) {
  for (size_t i = 1; i < token.size(); ++i) {
    if (token[i] == '\\') {
      ++i;
    } else if (token[i] == '"') {
      return token.substr(0, i + 1);
    }
  }
  return token;
}

// Where in a string token the first escape that JSON does not allow starts, or 0.
size_t BadEscapeAt(std::string_view token) {
  for (size_t i = 1; i + 1 < token.size(); ++i) {
    if (token[i] == '"') break;
    if (token[i] != '\\') continue;
    const char c = token[i + 1];
    if (c == 'u') {
      for (size_t k = i + 2; k < i + 6; ++k) {
        if (k >= token.size() || HexValue(token[k]) < 0) return i;
      }
    } else if (std::string_view("\"\\/bfnrt").find(c) == std::string_view::npos) {
      return i;
    }
    ++i;
  }
  return 0;
}

// Whether a string token holds a \uD800-\uDFFF escape, which simdjson refuses unpaired.
bool HasSurrogateEscape(std::string_view token) {
  for (size_t i = token.find("\\u"); i != std::string_view::npos; i = token.find("\\u", i + 2)) {
    const size_t backslashes = i - token.find_last_not_of('\\', i);  // "\\u" is no escape
    if (backslashes % 2 == 1 && i + 2 < token.size() &&
        (token[i + 2] == 'd' || token[i + 2] == 'D')) {
      return true;
    }
  }
  return false;
}

// Decodes a string token that simdjson has already checked but for its surrogate escapes;
// a lone surrogate cannot be written as UTF-8 and becomes U+FFFD, as RFC 8259 allows.
void DecodeWithLoneSurrogates(std::string_view token, std::string* out) {
  const std::string_view body = token.substr(1, token.size() - 2);
  auto hex4 = [&](size_t at) {
    char32_t cp = 0;
    for (size_t k = at; k < at + 4 && k < body.size(); ++k) {
      cp = (cp << 4) | static_cast<char32_t>(std::max(0, HexValue(body[k])));
    }
    return cp;
  };
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 >= body.size()) {
      out->push_back(body[i]);
      continue;
    }
    const char c = body[++i];
    static constexpr std::string_view kFrom = "bfnrt", kTo = "\b\f\n\r\t";
    if (c != 'u') {
      const size_t k = kFrom.find(c);
      out->push_back(k == std::string_view::npos ? c : kTo[k]);
      continue;
    }
    char32_t cp = hex4(i + 1);
    i += 4;
    if (cp >= 0xD800 && cp <= 0xDBFF && body.substr(i + 1, 2) == "\\u") {
      const char32_t low = hex4(i + 3);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        i += 6;
      }
    }
    AppendUtf8(cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp, out);
  }
}

// What went wrong, in words, for a simdjson error code.
std::string Reason(simdjson::error_code error) {
  switch (error) {
    case simdjson::EMPTY:
      return "unexpected end of text, expected a value";
    case simdjson::TAPE_ERROR:
      return "misplaced or missing comma, colon, bracket or quoted member name";
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
      return "an object or array never closes, or text follows the JSON value";
    case simdjson::UNCLOSED_STRING:
      return "string never closes";
    case simdjson::UNESCAPED_CHARS:
      return "control character inside a string; escape it, e.g. \\n";
    case simdjson::STRING_ERROR:
      return "bad escape in a string (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex "
             "digits)";
    case simdjson::NUMBER_ERROR:
      return "not a valid number";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
    case simdjson::INCORRECT_TYPE:
      return "unexpected word, expected a value";
    case simdjson::DEPTH_ERROR:
      return "nested deeper than 64 levels";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::CAPACITY:
      return "text too large to parse as JSON";
    default:
      return simdjson::error_message(error);
  }
}

// The first unescaped control character inside a string, for simdjson's UNESCAPED_CHARS.
size_t FirstControlInString(std::string_view text) {
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string && c == '\\') {
      ++i;
    } else if (c == '"') {
      in_string = !in_string;
    } else if (in_string && static_cast<unsigned char>(c) < 0x20) {
      return i;
    }
  }
  return text.size();
}

// Builds the JsonValue tree of one document. Each Read* returns false after recording the
// first error with its position in the text.
class TreeBuilder {
 public:
  TreeBuilder(std::string_view text) : text_(text) {}

  Status Parse(od::parser* parser, const char* padded, size_t padded_size, JsonValue* out) {
    od::document doc;
    if (auto error = parser->iterate(padded, text_.size(), padded_size).get(doc)) {
      return Error(error, StartOfError(error));
    }
    doc_ = &doc;
    const std::string_view root = Token(doc);
    if (!ReadValue(doc, out, 0)) return error_;
    // simdjson checks what follows a number, literal or string it parsed at the root; an
    // object or array, and a string decoded here, are checked here.
    const char* rest = nullptr;
    if (out->type == JsonValue::Type::kString) {
      rest = StringToken(root).data() + StringToken(root).size();
    } else if (out->type == JsonValue::Type::kObject || out->type == JsonValue::Type::kArray) {
      if (doc.current_location().get(rest)) rest = nullptr;
    }
    const size_t end = rest == nullptr ? text_.size() : Offset(rest);
    if (text_.find_first_not_of(" \t\r\n", end) != std::string_view::npos) {
      return Error("unexpected text after the JSON value", text_.find_first_not_of(" \t\r\n", end));
    }
    return Status::OK();
  }

 private:
  // Reads `v`, a document or value, into *out.
  template <class V>
  bool ReadValue(V& v, JsonValue* out, int depth) {
    const size_t at = Offset(Token(v).data());
    od::json_type type;
    if (auto error = v.type().get(type)) return Fail(error, at);
    switch (type) {
      case od::json_type::object:
        return ReadObject(v, out, depth + 1, at);
      case od::json_type::array:
        return ReadArray(v, out, depth + 1, at);
      case od::json_type::string:
        out->type = JsonValue::Type::kString;
        return ReadString(v, &out->text, at);
      case od::json_type::number:
        out->type = JsonValue::Type::kNumber;
        return ReadNumber(v, out, at);
      case od::json_type::boolean:
        out->type = JsonValue::Type::kBool;
        if (auto error = v.get_bool().get(out->boolean)) return Fail(error, at);
        return true;
      case od::json_type::null:
        out->type = JsonValue::Type::kNull;
        if (bool is_null = false; v.is_null().get(is_null) || !is_null) {
          return Fail(simdjson::N_ATOM_ERROR, at);
        }
        return true;
    }
    return Fail(simdjson::TAPE_ERROR, at);
  }

  template <class V>
  bool ReadObject(V& v, JsonValue* out, int depth, size_t at) {
    if (depth > kMaxJsonDepth) return Fail(simdjson::DEPTH_ERROR, at);
    out->type = JsonValue::Type::kObject;
    od::object object;
    if (auto error = v.get_object().get(object)) return Fail(error, at);
    for (auto field : object) {
      JsonMember member;
      std::string_view key;
      if (auto error = field.unescaped_key().get(key)) return Fail(error, at);
      member.key.assign(key);
      od::value value;
      if (auto error = field.value().get(value)) return Fail(error, at);
      if (!ReadValue(value, &member.value, depth)) return false;
      out->object.push_back(std::move(member));
    }
    return true;
  }

  template <class V>
  bool ReadArray(V& v, JsonValue* out, int depth, size_t at) {
    if (depth > kMaxJsonDepth) return Fail(simdjson::DEPTH_ERROR, at);
    out->type = JsonValue::Type::kArray;
    od::array array;
    if (auto error = v.get_array().get(array)) return Fail(error, at);
    for (auto element : array) {
      od::value value;
      if (auto error = element.get(value)) return Fail(error, at);
      out->array.emplace_back();
      if (!ReadValue(value, &out->array.back(), depth)) return false;
    }
    return true;
  }

  template <class V>
  bool ReadString(V& v, std::string* out, size_t at) {
    const std::string_view token = StringToken(Token(v));
    if (HasSurrogateEscape(token)) {
      DecodeWithLoneSurrogates(token, out);
      return true;
    }
    std::string_view s;
    if (auto error = v.get_string().get(s)) return Fail(error, at + BadEscapeAt(token));
    out->assign(s);
    return true;
  }

  // Keeps the number's source text (so "2024" stays "2024"); a value out of a double's range
  // keeps its text too, and only the double saturates.
  template <class V>
  bool ReadNumber(V& v, JsonValue* out, size_t at) {
    std::string_view token = Token(v);
    token = token.substr(0, token.find_last_not_of(" \t\r\n") + 1);
    out->text.assign(token);
    if (!v.get_double().get(out->number)) return true;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), out->number);
    if (ec == std::errc::result_out_of_range && end == token.data() + token.size()) return true;
    return Fail(simdjson::NUMBER_ERROR, at);
  }

  static std::string_view Token(od::value& v) { return v.raw_json_token(); }
  static std::string_view Token(od::document& d) {
    std::string_view token;
    return d.raw_json_token().get(token) ? std::string_view() : token;
  }

  size_t Offset(const char* p) const {
    if (p == nullptr || p < text_.data()) return 0;
    return std::min<size_t>(p - text_.data(), text_.size());
  }

  // Where an error of iterate() lies, which simdjson does not say.
  size_t StartOfError(simdjson::error_code error) const {
    if (error == simdjson::UNESCAPED_CHARS) return FirstControlInString(text_);
    if (error == simdjson::UNCLOSED_STRING) return text_.size();
    return text_.find_first_not_of(" \t\r\n") == std::string_view::npos
               ? 0
               : text_.find_first_not_of(" \t\r\n");
  }

  // Records the error at simdjson's current position when it knows one, else at `at`.
  bool Fail(simdjson::error_code error, size_t at) {
    // simdjson's position is where it stopped, which for a bad string or number is past it.
    const bool structural =
        error == simdjson::TAPE_ERROR || error == simdjson::INCOMPLETE_ARRAY_OR_OBJECT;
    const char* where = nullptr;
    if (structural && doc_ != nullptr && !doc_->current_location().get(where)) {
      at = std::max(at, Offset(where));
    }
    error_ = Error(error, at);
    return false;
  }

  Status Error(simdjson::error_code error, size_t at) const { return Error(Reason(error), at); }

  Status Error(const std::string& why, size_t at) const {
    size_t column = 1;
    for (size_t i = 0; i < at; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count characters
    }
    return Status::InvalidArgument("column " + std::to_string(column) + ": " + why);
  }

  std::string_view text_;
  od::document* doc_ = nullptr;
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
  // simdjson reads up to SIMDJSON_PADDING bytes past the text, so it gets a padded copy; the
  // parser and the copy are kept per thread, as allocating them costs more than a short line.
  thread_local od::parser parser;
  thread_local std::string padded;
  padded.assign(text);
  padded.resize(text.size() + simdjson::SIMDJSON_PADDING);
  *out = JsonValue();
  return TreeBuilder(std::string_view(padded.data(), text.size()))
      .Parse(&parser, padded.data(), padded.size(), out);
}

}  // namespace steppe
