// SPDX-License-Identifier: Apache-2.0
#include "read/walk.h"

#include <algorithm>
#include <system_error>

namespace steppe {
namespace fs = std::filesystem;

bool IsArticleFile(const fs::path& path) {
  const std::string name = path.filename().string();
  if (name.empty() || name.front() == '.') return false;
  if (name == "README.md" || name == "README.txt") return false;
  const std::string ext = path.extension().string();
  return ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".text" || ext == ".html" ||
         ext == ".htm" || ext == ".jsonl" || ext == ".ndjson" || ext == ".csv";
}

void CollectArticleFiles(const fs::path& path, std::vector<fs::path>* files,
                         std::vector<Problem>* problems) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) {
    problems->push_back(
        {path.string(), 0, "no such file or folder", "check the path; nothing there was indexed"});
    return;
  }
  if (!fs::is_directory(st)) {
    files->push_back(path);  // named explicitly: read it whatever its extension
    return;
  }
  std::vector<fs::path> found;
  // Symlinked folders are not followed, so a link loop cannot trap the walk.
  fs::recursive_directory_iterator it(path, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.' && it->is_directory(ec)) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && IsArticleFile(it->path())) found.push_back(it->path());
  }
  if (ec) {
    problems->push_back({path.string(), 0, "cannot walk the folder: " + ec.message(),
                         "check its permissions; files found before the error were indexed"});
  }
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
}

}  // namespace steppe
