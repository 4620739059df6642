// SPDX-License-Identifier: Apache-2.0
#include "read/jsonl_reader.h"

#include <algorithm>

#include "read/json.h"
#include "read/record.h"

namespace steppe {
namespace {

// A member's value as record text. Lists (companies: ["A", "B"]) become "A, B", and an
// object stands for its "name", as in {"source": {"name": "Steppe Wire"}}.
std::string ValueText(const JsonValue& v) {
  switch (v.type) {
    case JsonValue::Type::kString:
    case JsonValue::Type::kNumber:
      return v.text;
    case JsonValue::Type::kBool:
      return v.boolean ? "true" : "false";
    case JsonValue::Type::kArray: {
      std::string joined;
      for (const JsonValue& item : v.array) {
        const std::string s = ValueText(item);
        if (!s.empty()) joined += (joined.empty() ? "" : ", ") + s;
      }
      return joined;
    }
    case JsonValue::Type::kObject: {
      const JsonValue* name = v.Find("name");
      return name != nullptr && name->type == JsonValue::Type::kString ? name->text : "";
    }
    case JsonValue::Type::kNull:
      break;
  }
  return "";
}

const char* TypeName(JsonValue::Type type) {
  switch (type) {
    case JsonValue::Type::kArray:
      return "an array";
    case JsonValue::Type::kString:
      return "a string";
    case JsonValue::Type::kNumber:
      return "a number";
    default:
      return "a literal";
  }
}

// Reads one non-blank line; returns false (reported) when it is no article.
bool ReadLine(std::string_view line, const std::string& path, int line_no, const FieldNames& names,
              Article* article, std::vector<Problem>* problems) {
  JsonValue value;
  if (const Status s = ParseJson(line, &value); !s.ok()) {
    problems->push_back({path, line_no, "not valid JSON: " + s.message(),
                         "fix or remove the line; the other lines were read"});
    return false;
  }
  if (value.type != JsonValue::Type::kObject) {
    problems->push_back({path, line_no,
                         std::string("line holds ") + TypeName(value.type) + ", not a JSON object",
                         "write one article per line as {\"title\": ..., \"text\": ...}"});
    return false;
  }
  RecordFields fields;
  for (const JsonMember& m : value.object) fields.emplace_back(m.key, ValueText(m.value));
  return ArticleFromRecord(fields, names, path, line_no, article, problems);
}

}  // namespace

void ReadJsonLines(std::string_view text, const std::string& path, const std::string& id_base,
                   const FieldNames& names, std::vector<Article>* out,
                   std::vector<Problem>* problems, const RecordFilter& filter) {
  size_t pos = 0;
  for (int line_no = 1; pos < text.size(); ++line_no) {
    const size_t end = std::min(text.find('\n', pos), text.size());
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (filter && !filter(line_no, line)) continue;
    Article article;
    if (!ReadLine(line, path, line_no, names, &article, problems)) continue;
    article.id = id_base + ":" + std::to_string(line_no);
    article.path = path;
    out->push_back(std::move(article));
  }
}

}  // namespace steppe
