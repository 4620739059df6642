// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_READ_WALK_H_
#define STEPPE_LIB_READ_WALK_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <vector>

#include "steppe/status.h"

namespace steppe {

// Whether `path` names a file Steppe reads articles from (.md, .markdown, .txt, .text, .html,
// .htm, .jsonl, .ndjson, .csv), and not a README or a hidden file.
bool IsArticleFile(const std::filesystem::path& path);

// The article files at a path: the path itself when it names a file (whatever its extension),
// else the folder's, recursively, in sorted path order. Folders are read one at a time, so
// memory grows with the widest folder's names, not with the number of files: a million files
// are never all held at once. Hidden folders and symlinked folders are not entered.
class ArticleFileWalk {
 public:
  explicit ArticleFileWalk(std::filesystem::path root);

  // Sets *file to the next article file and returns true, or returns false at the end. A
  // missing path or an unreadable folder goes to *problems, and the walk goes on without it.
  bool Next(std::filesystem::path* file, std::vector<Problem>* problems);

  // Makes Next ask the kernel to start reading the next `files` files beyond the one it
  // gives (posix_fadvise), so that readers of a cold disk find them in memory. Off (0) by
  // default; the files and their order are the same either way.
  void ReadAhead(size_t files) { read_ahead_ = files; }

 private:
  struct Entry {
    std::string name;
    std::filesystem::file_type type;  // not following symlinks
  };
  struct Folder {
    std::filesystem::path path;
    std::vector<Entry> entries;  // sorted by name
    size_t next = 0;
  };

  void Enter(const std::filesystem::path& folder, std::vector<Problem>* problems);
  bool NextInTree(std::filesystem::path* file, std::vector<Problem>* problems);

  std::filesystem::path root_;
  bool started_ = false;
  std::vector<Folder> stack_;
  size_t read_ahead_ = 0;
  std::deque<std::filesystem::path> ahead_;  // found, asked for, not yet given
};

// How many files ArticleFileWalk(path) gives, for progress, and when `bytes` is not null their
// size in all; problems are left to the walk.
size_t CountArticleFiles(const std::filesystem::path& path, uint64_t* bytes = nullptr);

}  // namespace steppe

#endif  // STEPPE_LIB_READ_WALK_H_
