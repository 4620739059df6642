// SPDX-License-Identifier: Apache-2.0
// The HTML reader, as the indexer reaches it: raw bytes of a .html file through
// ParseArticles (charset detection, format detection, then ReadHtml and gumbo). And the
// markup guard in front of gumbo, against gumbo itself.
#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <utility>
#include <vector>

#include "fuzz_util.h"
#include "read/markup_limit.h"
#include "read/reader.h"

namespace {

// How deep gumbo's tree is, and the most attributes one element has; without recursion.
std::pair<size_t, size_t> TreeSize(const GumboNode* root) {
  size_t depth = 0, attributes = 0;
  std::vector<std::pair<const GumboNode*, size_t>> todo = {{root, 1}};
  while (!todo.empty()) {
    const auto [node, level] = todo.back();
    todo.pop_back();
    depth = std::max(depth, level);
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      children = &node->v.element.children;
      attributes = std::max<size_t>(attributes, node->v.element.attributes.length);
    }
    for (unsigned i = 0; children != nullptr && i < children->length; ++i) {
      todo.emplace_back(static_cast<const GumboNode*>(children->data[i]), level + 1);
    }
  }
  return {depth, attributes};
}

// With a small limit short inputs reach it: with the excess the guard drops, gumbo's tree is
// never much deeper than the limit. The guard estimates the stack of open elements from
// above, leaving out elements like <p> that cannot nest on their own, and html, head and body.
void CheckMarkupGuard(const std::string& html) {
  constexpr size_t kLimit = 8;
  steppe::MarkupLimit limit;
  const std::string prefix = steppe::LimitMarkup(html, kLimit, kLimit, &limit);
  if (limit.end != std::string_view::npos) {
    STEPPE_FUZZ_CHECK(limit.end < html.size() && html[limit.end] == '<' && limit.line >= 1);
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, prefix.data(), prefix.size());
  const auto [depth, attributes] = TreeSize(output->document);
  gumbo_destroy_output(&options, output);
  if (depth > 3 * kLimit + 8 || attributes > kLimit) {
    std::fprintf(stderr, "tree depth %zu, %zu attributes\n", depth, attributes);
  }
  STEPPE_FUZZ_CHECK(depth <= 3 * kLimit + 8);
  STEPPE_FUZZ_CHECK(attributes <= kLimit);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<steppe::Article> articles;
  std::vector<steppe::Problem> problems;
  steppe::ParseArticles("fuzz.html", std::string(steppe::fuzz::AsText(data, size)),
                        steppe::FieldNames(), &articles, &problems);
  // Line numbers are of the decoded text, which a legacy charset may have given more lines.
  steppe::fuzz::CheckProblems(problems, "fuzz.html", size + 1);
  for (const steppe::Article& a : articles) {
    STEPPE_FUZZ_CHECK(!a.title.empty() || !a.body.empty());
    STEPPE_FUZZ_CHECK(steppe::fuzz::IsValidUtf8(a.title) && steppe::fuzz::IsValidUtf8(a.body));
    if (a.date) {
      steppe::Date again;
      STEPPE_FUZZ_CHECK(steppe::Date::Parse(a.date->ToString(), &again).ok() && again == *a.date);
    }
  }
  CheckMarkupGuard(steppe::fuzz::AsUtf8(data, size));
  return 0;
}
