// SPDX-License-Identifier: Apache-2.0
// Every public header in one C++17 program, built against the installed package through
// `pkg-config --cflags --libs steppe` (tests/install/run_install_test.cmake).
#include "steppe/article.h"
#include "steppe/export.h"
#include "steppe/index.h"
#include "steppe/options.h"
#include "steppe/search.h"
#include "steppe/searcher.h"
#include "steppe/status.h"
#include "steppe/version.h"

#include <cstdio>
#include <memory>

static_assert(__cplusplus == 201703L, "this program checks that the headers are C++17");

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "Usage: %s MISSING_DIR\n", argv[0]);
    return 2;
  }
  steppe::Date a, b;
  if (!steppe::Date::Parse("2023-12", &a).ok() || !(a == a) || a != a || a == b) return 1;
  std::unique_ptr<steppe::Searcher> searcher;
  const steppe::Status s = steppe::Searcher::Open(steppe::SearcherOptions(), argv[1], &searcher);
  if (!s.IsNotFound()) {
    std::fprintf(stderr, "expected NotFound, got %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("steppe %s from C++17: %s\n", STEPPE_VERSION_STRING, s.ToString().c_str());
  return 0;
}
