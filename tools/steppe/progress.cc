// SPDX-License-Identifier: Apache-2.0
#include "progress.h"

#include <unistd.h>

#include <cstdio>

#include "cli_common.h"

namespace steppe::cli {
namespace {

// A terminal is redrawn often enough to look alive; a log gets a line now and then.
constexpr auto kTerminalEvery = std::chrono::milliseconds(200);
constexpr auto kLogEvery = std::chrono::seconds(5);

}  // namespace

ProgressLine::ProgressLine() : terminal_(isatty(STDERR_FILENO)) {}

void ProgressLine::Update(const IndexProgress& p) {
  const Clock::time_point now = Clock::now();
  // A terminal also shows the last file; a log only gets a line every few seconds, so a short
  // run adds nothing to it.
  const bool last_on_terminal = terminal_ && p.files_done == p.files_total;
  if (now - last_ < (terminal_ ? Clock::duration(kTerminalEvery) : Clock::duration(kLogEvery)) &&
      !last_on_terminal) {
    return;
  }
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb = p.bytes_done / 1e6;
  // By bytes, which move inside a big file too; by files when sizes are unknown.
  const double done = p.bytes_total > 0 ? p.bytes_done : p.files_done;
  const double total = p.bytes_total > 0 ? p.bytes_total : p.files_total;
  const double rate = seconds > 0 ? done / seconds : 0;
  const double eta = rate > 0 && total > done ? (total - done) / rate : 0;
  std::fprintf(stderr,
               "%s%zu/%zu files, %zu articles, %.1f/%.1f MB, %.0f articles/s, %.1f MB/s, "
               "ETA %.0f s%s",
               terminal_ ? "\r\033[K" : "", p.files_done, p.files_total, p.articles_done, mb,
               p.bytes_total / 1e6, seconds > 0 ? p.articles_done / seconds : 0,
               seconds > 0 ? mb / seconds : 0, eta, terminal_ ? "" : "\n");
  drawn_ = true;
}

void ProgressLine::Finish() {
  if (terminal_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace steppe::cli
