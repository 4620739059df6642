// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_INDEX_DOCUMENT_PIPELINE_H_
#define STEPPE_LIB_INDEX_DOCUMENT_PIPELINE_H_

#include <xapian.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "steppe/article.h"
#include "steppe/status.h"

namespace steppe {

// One article read and analysed, ready for the writer.
struct BuiltDocument {
  std::string id_term;
  Xapian::Document document;
};

// Reads and analyses files on worker threads and hands the finished documents to one writer
// on the calling thread: analysis is most of the cost of indexing and parallelises, while a
// Xapian database takes one writer. Each worker has its own Analyser and word cache.
class DocumentPipeline {
 public:
  // `threads` workers (at least 1), each caching `cache_entries` words.
  DocumentPipeline(size_t threads, size_t cache_entries);

  // Reads each of `files` (ReadArticles) and builds its documents. Calls `report` for every
  // problem and `write` for every document, both on the calling thread; the call stops early,
  // returning the error, when `write` fails. Sets *read to the articles built and *skipped to
  // the files that could not be read.
  Status Run(const std::vector<std::filesystem::path>& files,
             const std::function<void(const Problem&)>& report,
             const std::function<Status(BuiltDocument&&)>& write, size_t* read, size_t* skipped);

 private:
  size_t threads_;
  size_t cache_entries_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_INDEX_DOCUMENT_PIPELINE_H_
