// SPDX-License-Identifier: Apache-2.0
#include "index/document_pipeline.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <variant>

#include "analyse/analyser.h"
#include "index/document_builder.h"
#include "read/article_file.h"

namespace steppe {
namespace {

// What a worker hands the writer: a document, a problem, or "this file was skipped".
struct Skipped {};
using Item = std::variant<BuiltDocument, Problem, Skipped>;

// A bounded queue, so that fast readers cannot fill memory while the writer commits.
class Queue {
 public:
  explicit Queue(size_t capacity) : capacity_(capacity) {}

  void Push(Item item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || closed_; });
    if (closed_) return;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  // Waits for an item; returns false once every producer is done and the queue is empty.
  bool Pop(Item* item) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return false;
    *item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  void AddProducer() {
    std::lock_guard lock(mu_);
    ++producers_;
  }
  void ProducerDone() {
    std::lock_guard lock(mu_);
    if (--producers_ == 0) not_empty_.notify_all();
  }
  // Drops what is queued and unblocks producers: the writer has stopped.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    items_.clear();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Item> items_;
  size_t capacity_;
  size_t producers_ = 0;
  bool closed_ = false;
};

void ReadAndBuild(const std::filesystem::path& file, DocumentBuilder* builder, Queue* queue) {
  Article article;
  std::vector<Problem> problems;
  const Status s = ReadArticleFile(file, &article, &problems);
  for (Problem& p : problems) queue->Push(std::move(p));
  if (!s.ok()) {
    queue->Push(Problem{file.string(), 0, s.message(), ""});
    queue->Push(Skipped{});
    return;
  }
  queue->Push(BuiltDocument{IdTerm(article.id), builder->Build(article)});
}

}  // namespace

DocumentPipeline::DocumentPipeline(size_t threads, size_t cache_entries)
    : threads_(threads == 0 ? 1 : threads), cache_entries_(cache_entries) {}

Status DocumentPipeline::Run(const std::vector<std::filesystem::path>& files,
                             const std::function<void(const Problem&)>& report,
                             const std::function<Status(BuiltDocument&&)>& write, size_t* read,
                             size_t* skipped) {
  Queue queue(256);
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (size_t t = 0; t < std::min(threads_, files.size()); ++t) {
    queue.AddProducer();
    workers.emplace_back([&] {
      Analyser analyser(cache_entries_);
      DocumentBuilder builder(&analyser);
      for (size_t i; (i = next.fetch_add(1)) < files.size();) {
        ReadAndBuild(files[i], &builder, &queue);
      }
      queue.ProducerDone();
    });
  }
  Status status;
  Item item;
  while (queue.Pop(&item)) {
    if (auto* doc = std::get_if<BuiltDocument>(&item)) {
      status = write(std::move(*doc));
      if (!status.ok()) {
        next = files.size();  // no new files
        queue.Close();
        break;
      }
      ++*read;
    } else if (auto* problem = std::get_if<Problem>(&item)) {
      report(*problem);
    } else {
      ++*skipped;
    }
  }
  for (std::thread& w : workers) w.join();
  return status;
}

}  // namespace steppe
