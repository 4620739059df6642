// SPDX-License-Identifier: Apache-2.0
#include "extract/entities.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <system_error>
#include <utility>

#include "analyse/transliterator.h"
#include "extract/entity_rules.h"
#include "extract/gazetteer.h"
#include "util/utf8.h"

namespace steppe {
namespace {

Status ReadGazetteerFile(const std::filesystem::path& file, std::string* out) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    return Status::NotFound("gazetteer: " + file.string() +
                            ": no such file; check the path (the gazetteer_file option)");
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) return Status::IoError("gazetteer: " + file.string() + ": cannot read it");
  *out = std::move(text).str();
  if (out->starts_with("\xEF\xBB\xBF")) out->erase(0, 3);  // a byte-order mark
  RepairUtf8(out);
  return Status::OK();
}

// One entity per stretch of text: where mentions overlap the longest wins (Aktau Oil LLP
// over Aktau), and of two as long the first found, so the gazetteer's over a rule's.
std::vector<Entity> KeepLongest(std::vector<Entity> found) {
  std::stable_sort(found.begin(), found.end(), [](const Entity& a, const Entity& b) {
    return a.end - a.begin > b.end - b.begin;
  });
  std::map<size_t, Entity> kept;  // by begin; the kept ranges never overlap
  for (Entity& e : found) {
    const auto next = kept.lower_bound(e.begin);
    if (next != kept.end() && next->second.begin < e.end) continue;
    if (next != kept.begin() && std::prev(next)->second.end > e.begin) continue;
    kept.emplace(e.begin, std::move(e));
  }
  std::vector<Entity> in_order;
  in_order.reserve(kept.size());
  for (auto& entry : kept) in_order.push_back(std::move(entry.second));
  return in_order;
}

}  // namespace

struct EntityExtractor::Impl {
  Gazetteer gazetteer;  // never changed after Create, so Extract may run on many threads
};

EntityExtractor::EntityExtractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EntityExtractor::~EntityExtractor() = default;

Status EntityExtractor::Create(const std::filesystem::path& user_file, Analyser* analyser,
                               std::unique_ptr<EntityExtractor>* out) {
  auto impl = std::make_unique<Impl>();
  const LatinTransliterator translit;
  Status s =
      impl->gazetteer.Load(BuiltinGazetteerText(), "lib/extract/gazetteer.tsv", analyser, translit);
  if (!s.ok()) return Status::Internal("the built-in " + s.message());
  if (!user_file.empty()) {
    std::string text;
    s = ReadGazetteerFile(user_file, &text);
    if (s.ok()) s = impl->gazetteer.Load(text, user_file.string(), analyser, translit);
    if (!s.ok()) return s;
  }
  out->reset(new EntityExtractor(std::move(impl)));
  return Status::OK();
}

std::vector<Entity> EntityExtractor::Extract(std::string_view text, Analyser* analyser) const {
  std::vector<Token> tokens;
  analyser->Analyse(text, GuessLanguage(text), &tokens);
  return Extract(text, std::move(tokens));
}

std::vector<Entity> EntityExtractor::Extract(std::string_view text,
                                             std::vector<Token> tokens) const {
  EntityText t{.text = text, .tokens = std::move(tokens), .lower_words = {}};
  for (const Token& token : t.tokens) {
    if (!token.forms->capitalised) t.lower_words.insert(token.forms->exact);
  }
  std::vector<Entity> found;
  const Gazetteer& g = impl_->gazetteer;
  for (size_t i = 0; i < t.tokens.size();) {
    const std::optional<Gazetteer::Match> m = g.MatchAt(t, i);
    if (!m) {
      ++i;
      continue;
    }
    const Gazetteer::Entry& entry = g.entry(m->entry);
    const size_t last = i + m->words - 1;
    found.push_back(Entity{.kind = entry.kind,
                           .name = entry.name,
                           .begin = t.tokens[i].begin,
                           .end = t.tokens[last].end - PossessiveLength(t.Surface(last))});
    i += m->words;
  }
  FindCompaniesByRule(t, g, &found);
  FindPlacesByRule(t, g, &found);
  return KeepLongest(std::move(found));
}

}  // namespace steppe
