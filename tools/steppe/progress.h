// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TOOLS_STEPPE_PROGRESS_H_
#define STEPPE_TOOLS_STEPPE_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>

#include "steppe/options.h"

namespace steppe::cli {

// Shows indexing progress on stderr: a line redrawn in place on a terminal (files, articles,
// MB, articles/s, MB/s, ETA), a plain line every few seconds when stderr is a file or pipe.
class ProgressLine {
 public:
  ProgressLine();
  void Update(const IndexProgress& p);
  // Clears the terminal line, if one was drawn.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  bool terminal_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

}  // namespace steppe::cli

#endif  // STEPPE_TOOLS_STEPPE_PROGRESS_H_
