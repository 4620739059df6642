// SPDX-License-Identifier: Apache-2.0
// The layering of lib/ as README's Layout states it: read -> analyse -> extract -> index ->
// search, util/ under all. A file includes only its own stage and those before it; search
// reads the index only through its on-disk contract (format, prefixes, the stored record).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>

namespace steppe {
namespace {

const std::map<std::string, int> kStage = {{"util", 0},    {"read", 1},  {"analyse", 2},
                                           {"extract", 3}, {"index", 4}, {"search", 5}};

// Includes that reach a later stage on purpose, each with its reason in README's Layout.
const std::set<std::string> kAllowedUpward = {
    "read -> extract/dates.h",  // HTML pages are dated by their datelines and bylines
};

// What search may include from index: the writer/searcher contract (terms and format
// version, prefixes and slots, the stored record, the joined facets value, where shards lie on
// disk, and the manifest that lists them).
const std::set<std::string> kIndexContract = {"index/format.h",         "index/prefixes.h",
                                              "index/stored_article.h", "index/facets_value.h",
                                              "index/shards.h",         "index/manifest.h"};

TEST(LayeringTest, EachStageIncludesOnlyItselfAndEarlierStages) {
  const std::filesystem::path lib = std::filesystem::path(STEPPE_SOURCE_DIR) / "lib";
  const std::regex include_re("^#include \"([a-z_]+)/([a-z_]+\\.h)\"");
  size_t files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(lib)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    const std::string stage = entry.path().parent_path().filename().string();
    ASSERT_TRUE(kStage.count(stage)) << entry.path();
    ++files;
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, include_re) || !kStage.count(m[1])) continue;
      const std::string header = m[1].str() + "/" + m[2].str();
      const std::string edge = stage + " -> " + header;
      if (kStage.at(m[1]) > kStage.at(stage)) {
        EXPECT_TRUE(kAllowedUpward.count(edge)) << entry.path() << " includes " << header;
      }
      if (stage == "search" && m[1] == "index") {
        EXPECT_TRUE(kIndexContract.count(header))
            << entry.path() << " reaches into the writer: " << header;
      }
    }
  }
  EXPECT_GT(files, 50u);
}

}  // namespace
}  // namespace steppe
