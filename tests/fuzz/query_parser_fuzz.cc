// SPDX-License-Identifier: Apache-2.0
// The query parser: any text gives a well-formed tree or InvalidQuery naming a column.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "search/query_parser.h"

namespace {

using Kind = steppe::QueryNode::Kind;

void CheckNode(const steppe::QueryNode& n, size_t max_column) {
  STEPPE_FUZZ_CHECK(n.column >= 1 && n.column <= max_column);
  switch (n.kind) {
    case Kind::kWord:
      STEPPE_FUZZ_CHECK(!n.text.empty() && n.children.empty());
      break;
    case Kind::kPhrase:
      STEPPE_FUZZ_CHECK(n.children.empty());
      break;
    case Kind::kField:
      STEPPE_FUZZ_CHECK(steppe::IsQueryField(n.field) && n.children.empty());
      STEPPE_FUZZ_CHECK(n.quoted || !n.text.empty());
      break;
    case Kind::kNot:
      STEPPE_FUZZ_CHECK(n.children.size() == 1);
      break;
    case Kind::kOr:
      STEPPE_FUZZ_CHECK(n.children.size() >= 2);
      break;
    case Kind::kAnd:  // a single child is unwrapped; "()" and "" give an empty AND
      STEPPE_FUZZ_CHECK(n.children.size() != 1);
      break;
  }
  for (const steppe::QueryNode& child : n.children) CheckNode(child, max_column);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  steppe::QueryNode tree;
  const steppe::Status s = steppe::ParseQuery(steppe::fuzz::AsText(data, size), &tree);
  if (!s.ok()) {
    STEPPE_FUZZ_CHECK(s.code() == steppe::Status::Code::kInvalidQuery);
    STEPPE_FUZZ_CHECK(s.message().starts_with("query column "));
    return 0;
  }
  CheckNode(tree, size + 1);
  return 0;
}
