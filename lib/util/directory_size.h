// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_UTIL_DIRECTORY_SIZE_H_
#define STEPPE_LIB_UTIL_DIRECTORY_SIZE_H_

#include <cstdint>
#include <filesystem>

namespace steppe {

// The bytes of every file under `dir`, recursively (an index's files, and a killed run's
// shards under it); what cannot be read counts 0.
uint64_t DirectorySize(const std::filesystem::path& dir);

}  // namespace steppe

#endif  // STEPPE_LIB_UTIL_DIRECTORY_SIZE_H_
