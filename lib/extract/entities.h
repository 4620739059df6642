// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_LIB_EXTRACT_ENTITIES_H_
#define STEPPE_LIB_EXTRACT_ENTITIES_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/analyser.h"
#include "steppe/status.h"

namespace steppe {

// A company or place named in a text.
struct Entity {
  enum class Kind { kCompany, kPlace };
  Kind kind = Kind::kPlace;
  std::string name;  // canonical: the gazetteer's name, else the name as written
  size_t begin = 0;  // UTF-8 byte range of the mention in the text
  size_t end = 0;
};

// Finds the companies and places an article names: those of a gazetteer (built into the
// library, extensible with the user's own file), matched through the analyser's spelling keys
// so that any spelling resolves; and companies the gazetteer lacks, by their legal form (LLP,
// JSC, ТОО, АО, ЖШС...) or a pattern ("компания «X»", "X компаниясы"). Thread-safe: Extract is
// const; each thread passes its own Analyser.
class EntityExtractor {
 public:
  // Loads the built-in gazetteer and, when `user_file` is not empty, the user's gazetteer
  // (format in docs/gazetteer.md). Returns InvalidArgument naming file:line for a bad entry.
  static Status Create(const std::filesystem::path& user_file, Analyser* analyser,
                       std::unique_ptr<EntityExtractor>* out);
  ~EntityExtractor();

  // The entities `text` names, in order of appearance; one per mention.
  std::vector<Entity> Extract(std::string_view text, Analyser* analyser) const;
  // As Extract, for a text already analysed: `tokens` are the Analyser's tokens of `text`, in
  // order (their ranges within `text`), so indexing does not segment an article twice.
  std::vector<Entity> Extract(std::string_view text, std::vector<Token> tokens) const;

 private:
  struct Impl;
  explicit EntityExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace steppe

#endif  // STEPPE_LIB_EXTRACT_ENTITIES_H_
