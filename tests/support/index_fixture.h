// SPDX-License-Identifier: Apache-2.0
#ifndef STEPPE_TESTS_SUPPORT_INDEX_FIXTURE_H_
#define STEPPE_TESTS_SUPPORT_INDEX_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "steppe/index.h"
#include "steppe/searcher.h"
#include "support/temp_dir.h"

namespace steppe::testing {

// Builds an index of in-memory articles in a temp dir and searches it, through the public API.
class IndexFixture : public ::testing::Test {
 protected:
  static Article Make(std::string id, std::string title, std::string body,
                      std::optional<Date> date = std::nullopt, std::string lang = "") {
    Article a;
    a.id = std::move(id);
    a.title = std::move(title);
    a.body = std::move(body);
    a.date = date;
    a.lang = std::move(lang);
    return a;
  }

  void Build(const std::vector<Article>& articles) {
    IndexOptions options;
    options.create_if_missing = true;
    options.extract_entities = extract_entities_;
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(options, dir_.path() / "db", &index).ok());
    for (const Article& a : articles) ASSERT_TRUE(index->AddArticle(a).ok()) << a.id;
    ASSERT_TRUE(index->Commit().ok());
    index.reset();
    ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir_.path() / "db", &searcher_).ok());
  }

  SearchResults Search(SearchRequest request) {
    SearchResults results;
    const Status s = searcher_->Search(request, &results);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return results;
  }

  // The ids of every hit for `query`, in rank order.
  std::vector<std::string> Ids(const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 1000;
    return IdsOf(Search(request));
  }

  static std::vector<std::string> IdsOf(const SearchResults& results) {
    std::vector<std::string> ids;
    for (const Hit& h : results.hits) ids.push_back(h.id);
    return ids;
  }

  static std::set<std::string> Set(const std::vector<std::string>& ids) {
    return std::set<std::string>(ids.begin(), ids.end());
  }

  bool extract_entities_ = true;  // the gazetteer and company rules
  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace steppe::testing

#endif  // STEPPE_TESTS_SUPPORT_INDEX_FIXTURE_H_
