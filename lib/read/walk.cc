// SPDX-License-Identifier: Apache-2.0
#include "read/walk.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <system_error>
#include <utility>

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

ArticleFileWalk::ArticleFileWalk(fs::path root) : root_(std::move(root)) {}

// Reads one folder's entries, names and types only (a directory_entry per file would cost a
// few hundred bytes each), sorted: the order of a sort of the full paths.
void ArticleFileWalk::Enter(const fs::path& folder, std::vector<Problem>* problems) {
  Folder f{folder, {}, 0};
  std::error_code ec;
  fs::directory_iterator it(folder, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::file_type type = it->symlink_status(ec).type();
    if (!ec) f.entries.push_back({it->path().filename().string(), type});
  }
  if (ec) {
    problems->push_back({folder.string(), 0, "cannot read the folder: " + ec.message(),
                         "check its permissions; the other folders were indexed"});
    return;
  }
  std::sort(f.entries.begin(), f.entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  stack_.push_back(std::move(f));
}

namespace {

// Starts reading the start of a file into the page cache, without waiting for it. Past the
// first MiB, the kernel's own read-ahead follows the reader through a big file.
void AskKernelToRead(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;  // the reader reports it
  ::posix_fadvise(fd, 0, 1 << 20, POSIX_FADV_WILLNEED);
  ::close(fd);
}

}  // namespace

bool ArticleFileWalk::Next(fs::path* file, std::vector<Problem>* problems) {
  if (read_ahead_ == 0) return NextInTree(file, problems);
  fs::path found;
  while (ahead_.size() <= read_ahead_ && NextInTree(&found, problems)) {
    AskKernelToRead(found);
    ahead_.push_back(std::move(found));
  }
  if (ahead_.empty()) return false;
  *file = std::move(ahead_.front());
  ahead_.pop_front();
  return true;
}

bool ArticleFileWalk::NextInTree(fs::path* file, std::vector<Problem>* problems) {
  if (!started_) {
    started_ = true;
    std::error_code ec;
    const fs::file_status st = fs::status(root_, ec);
    if (ec || !fs::exists(st)) {
      problems->push_back({root_.string(), 0, "no such file or folder",
                           "check the path; nothing there was indexed"});
      return false;
    }
    if (!fs::is_directory(st)) {
      *file = root_;  // named explicitly: read it whatever its extension
      return true;
    }
    Enter(root_, problems);
  }
  while (!stack_.empty()) {
    Folder& top = stack_.back();
    if (top.next == top.entries.size()) {
      stack_.pop_back();
      continue;
    }
    const Entry& entry = top.entries[top.next++];
    fs::path path = top.path / entry.name;
    if (entry.type == fs::file_type::directory) {
      // Hidden folders (.git) are skipped; symlinked ones are not followed, so no link loop
      // can trap the walk.
      if (entry.name.front() != '.') Enter(path, problems);
      continue;
    }
    std::error_code ec;
    const bool regular = entry.type == fs::file_type::regular ||
                         (entry.type == fs::file_type::symlink && fs::is_regular_file(path, ec));
    if (regular && IsArticleFile(path)) {
      *file = std::move(path);
      return true;
    }
  }
  return false;
}

size_t CountArticleFiles(const fs::path& path, uint64_t* bytes) {
  ArticleFileWalk walk(path);
  std::vector<Problem> ignored;
  fs::path file;
  size_t count = 0;
  while (walk.Next(&file, &ignored)) {
    ++count;
    ignored.clear();
    std::error_code ec;
    if (bytes != nullptr) *bytes += fs::file_size(file, ec) * !ec;
  }
  return count;
}

}  // namespace steppe
