// SPDX-License-Identifier: Apache-2.0
// Front matter and the text-article reader: ParseFrontMatter, SplitList, ParseArticleText.
#include <cstddef>
#include <cstdint>

#include "fuzz_util.h"
#include "read/article_file.h"
#include "read/front_matter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using steppe::fuzz::AsText;
  const std::string_view text = AsText(data, size);

  const steppe::FrontMatter fm = steppe::ParseFrontMatter(text);
  // The body is a part of the text, and the whole of it when there is no closed block.
  STEPPE_FUZZ_CHECK(fm.body.data() >= text.data() &&
                    fm.body.data() + fm.body.size() <= text.data() + text.size());
  if (!fm.closed) {
    STEPPE_FUZZ_CHECK(fm.body.size() == text.size() && fm.fields.empty() && fm.bad_lines.empty());
  }
  int previous = 1;
  for (const steppe::FrontMatterField& f : fm.fields) {
    STEPPE_FUZZ_CHECK(f.line > previous && f.line < fm.body_line);
    previous = f.line;
    for (const std::string& item : steppe::SplitList(f.value)) STEPPE_FUZZ_CHECK(!item.empty());
  }

  steppe::Article article;
  std::vector<steppe::Problem> problems;
  steppe::ParseArticleText(std::string(text), "fuzz.md", &article, &problems);
  steppe::fuzz::CheckProblems(problems, "fuzz.md", steppe::fuzz::CountLines(text));
  STEPPE_FUZZ_CHECK(steppe::fuzz::IsValidUtf8(article.title));
  STEPPE_FUZZ_CHECK(steppe::fuzz::IsValidUtf8(article.body));
  return 0;
}
