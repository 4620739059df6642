// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_WALK_H_
#define STEPPE_LIB_READ_WALK_H_

#include <filesystem>
#include <vector>

#include "steppe/status.h"

namespace steppe {

// Whether `path` names a file Steppe reads articles from (.md, .markdown, .txt, .text, .html,
// .htm, .jsonl, .ndjson, .csv), and not a README or a hidden file.
bool IsArticleFile(const std::filesystem::path& path);

// Appends the article files at `path` (a file, or a folder walked recursively, in sorted
// order) to *files. Unreadable folders, missing paths and symlink loops go to *problems.
void CollectArticleFiles(const std::filesystem::path& path,
                         std::vector<std::filesystem::path>* files, std::vector<Problem>* problems);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_WALK_H_
