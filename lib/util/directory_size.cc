// SPDX-License-Identifier: Apache-2.0
#include "util/directory_size.h"

namespace steppe {

uint64_t DirectorySize(const std::filesystem::path& dir) {
  uint64_t size = 0;
  std::error_code ec;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec)) size += entry.file_size(ec);
  }
  return size;
}

}  // namespace steppe
