// SPDX-License-Identifier: Apache-2.0
// Hostile input, through the public API only: every bad file in tests/data/bad (and the big
// ones this test makes) is reported with its file and line, nothing crashes or hangs, the
// good article beside them is indexed, and the index checks clean afterwards. Hostile queries
// give InvalidQuery naming a column, or results, and never crash or hang.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "steppe/index.h"
#include "steppe/searcher.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;

// What one hostile file must give. Every problem line in `lines` must be reported (0: a
// problem about the whole file, such as a charset conversion); `ids` are the articles it
// must still yield ("" for the file's one article, ":N" for the record on line N).
struct Expected {
  std::vector<int> lines;
  std::vector<std::string> ids;
};

// tests/data/bad, file by file. Three files are hostile but readable, so they are indexed
// with no problem: control-chars.md (control characters are dropped), unclosed-title.html (a
// <title> that never closes takes the rest of the page as its text, as browsers do) and
// char-refs.html (character references beyond Unicode become U+FFFD).
const std::map<std::string, Expected>& BadFiles() {
  static const auto* files = new std::map<std::string, Expected>{
      {"binary-png.txt", {{0}, {}}},
      {"binary-no-nul.md", {{0}, {""}}},
      {"nul-byte.md", {{0}, {}}},
      {"truncated-utf8.md", {{5}, {""}}},
      {"overlong-utf8.md", {{0}, {""}}},
      {"utf16le-no-bom.txt", {{0}, {}}},
      {"empty.md", {{0}, {}}},
      {"whitespace-only.txt", {{0}, {}}},
      {"front-matter-never-closes.md", {{1}, {""}}},
      {"front-matter-garbage.md", {{3, 4, 5}, {""}}},
      {"date-zeros.md", {{3}, {""}}},
      {"date-feb-30.md", {{3}, {""}}},
      {"date-month-13.md", {{3}, {""}}},
      {"date-garbage.md", {{3}, {""}}},
      {"broken-lines.jsonl",
       {{2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17}, {":1", ":9", ":10", ":14", ":15", ":18"}}},
      {"unbalanced-quotes.csv", {{3, 6, 7, 9}, {":2", ":6", ":8"}}},
      {"csv-no-title-column.csv", {{1}, {}}},
      {"unclosed-tags.html", {{3}, {""}}},
      {"unclosed-title.html", {{}, {""}}},
      {"control-chars.md", {{}, {""}}},
      {"char-refs.html", {{}, {""}}},
  };
  return *files;
}

std::string Repeat(std::string_view unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// Files too big to keep in the repository, made in the temp dir with what they must give.
std::map<std::string, Expected> WriteBigFiles(const testing::TempDir& dir) {
  std::map<std::string, Expected> files;
  // 20 MB of words on one line, no newline: a title 20 MB long, and no body.
  std::string line;
  line.reserve(21 << 20);
  const char* const kWords[] = {"oil ",  "workers ",   "strike ", "Zhanaozen ", "Жанаозен ",
                                "wage ", "Mangystau ", "ереуіл ", "union ",     "court "};
  for (size_t i = 0; line.size() < (20u << 20); ++i) line += kWords[(i * 7 + i / 3) % 10];
  line += "sentinelword";
  dir.Write("in/huge-single-line.txt", line);
  files["huge-single-line.txt"] = {{}, {""}};
  // JSON Lines with a 1 MB record, a 1 MB line that never ends its string, and a good one.
  const std::string mb = Repeat("Aktau port ", 100000);
  dir.Write("in/huge-lines.jsonl",
            "{\"title\": \"Huge\", \"text\": \"" + mb + "\"}\n" +
                "{\"title\": \"Broken\", \"text\": \"" + mb + "\n\n" +
                "{\"title\": \"Small\", \"text\": \"After the huge lines.\"}");
  files["huge-lines.jsonl"] = {{2}, {":1", ":4"}};
  // Markup that used to take gumbo minutes and gigabytes, or overflow its stack.
  const std::string head =
      "<!DOCTYPE html><html><head><title>Hostile page</title></head><body><p>Kuryk ferry.</p>\n";
  dir.Write("in/deeply-nested.html", head + Repeat("<div>", 100000) + "deep text");
  files["deeply-nested.html"] = {{2}, {""}};
  dir.Write("in/nested-spans.html", head + Repeat("<span>", 1000000));
  files["nested-spans.html"] = {{2}, {""}};
  std::string bombs;
  for (int i = 0; i < 20000; ++i) bombs += "<b id=" + std::to_string(i) + "><p>x";
  dir.Write("in/formatting-bomb.html", head + bombs);
  files["formatting-bomb.html"] = {{2}, {""}};
  std::string attributes;
  for (int i = 0; i < 100000; ++i) attributes += " a" + std::to_string(i);
  dir.Write("in/many-attributes.html", head + "<div" + attributes + ">text</div>");
  files["many-attributes.html"] = {{2}, {""}};
  // Repeated <body> tags add their attributes to the one body.
  std::string bodies;
  for (int i = 0; i < 3000; ++i) {
    bodies += "<body";
    for (int j = 0; j < 60; ++j) bodies += " a" + std::to_string(i) + "_" + std::to_string(j);
    bodies += ">";
  }
  dir.Write("in/repeated-body.html", head + bodies + "text");
  files["repeated-body.html"] = {{2}, {""}};
  return files;
}

std::string Id(const fs::path& file) { return fs::weakly_canonical(file).string(); }

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class BadInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::copy(fs::path(STEPPE_TEST_DATA) / "bad", dir_.path() / "in");
    expected_ = BadFiles();
    expected_.merge(WriteBigFiles(dir_));
    std::ifstream good(fs::path(STEPPE_CORPUS_DIR) / "2023-12-12-wos-strike-begins.en.md");
    dir_.Write("in/good.md", std::string(std::istreambuf_iterator<char>(good), {}));
  }

  fs::path In(const std::string& name) const { return dir_.path() / "in" / name; }

  testing::TempDir dir_;
  std::map<std::string, Expected> expected_;
};

TEST_F(BadInputTest, EveryBadFileIsReportedAndTheRestIsIndexed) {
  std::vector<Problem> problems;
  IndexOptions options;
  options.create_if_missing = true;
  AddOptions add;
  add.on_problem = [&](const Problem& p) { problems.push_back(p); };
  std::unique_ptr<Index> index;
  ASSERT_TRUE(Index::Open(options, dir_.path() / "db", &index).ok());
  IndexStats stats;
  const auto start = std::chrono::steady_clock::now();
  const Status added = index->AddPath(add, dir_.path() / "in", &stats);
  ASSERT_TRUE(added.ok()) << added.ToString();
  ASSERT_TRUE(index->Commit().ok());
  index.reset();
  RecordProperty("index_seconds", std::to_string(SecondsSince(start)));
  EXPECT_EQ(stats.problems, problems.size());

  // Each problem names a file of the run, by name, with a reason and a line in the file.
  std::map<std::string, std::set<int>> lines;
  for (const Problem& p : problems) {
    const std::string name = fs::path(p.file).filename().string();
    EXPECT_TRUE(expected_.count(name)) << p.ToString();
    EXPECT_FALSE(p.reason.empty()) << p.ToString();
    EXPECT_GE(p.line, 0) << p.ToString();
    lines[name].insert(p.line);
  }
  for (const auto& [name, want] : expected_) {
    for (const int line : want.lines) {
      EXPECT_TRUE(lines[name].count(line)) << name << ": no problem reported on line " << line;
    }
    if (want.lines.empty()) {
      EXPECT_TRUE(lines[name].empty()) << name << " is readable";
    }
  }

  std::unique_ptr<Searcher> searcher;
  ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir_.path() / "db", &searcher).ok());
  Article article;
  for (const auto& [name, want] : expected_) {
    for (const std::string& suffix : want.ids) {
      EXPECT_TRUE(searcher->Get(Id(In(name)) + suffix, &article).ok()) << name << suffix;
    }
  }
  // Nothing else was indexed: the files that were refused left no article behind.
  size_t articles = 1;  // good.md
  for (const auto& [name, want] : expected_) articles += want.ids.size();
  EXPECT_EQ(searcher->document_count(), articles);

  // The good article is found as ever, and hostile text reads as text.
  SearchResults results;
  ASSERT_TRUE(searcher->Search({.query = "\"West Oil Software\" Zhetybai"}, &results).ok());
  ASSERT_EQ(results.hits.size(), 1u);
  EXPECT_EQ(results.hits[0].id, Id(In("good.md")));
  ASSERT_TRUE(searcher->Get(Id(In("control-chars.md")), &article).ok());
  EXPECT_EQ(article.title, "Control characters[31m in the title");
  EXPECT_NE(article.body.find("lone CR\nhere"), std::string::npos) << article.body;
  ASSERT_TRUE(searcher->Get(Id(In("char-refs.html")), &article).ok());
  EXPECT_NE(article.body.find("Huge \uFFFD and"), std::string::npos) << article.body;
  ASSERT_TRUE(searcher->Get(Id(In("deeply-nested.html")), &article).ok());
  EXPECT_EQ(article.title, "Hostile page");
  ASSERT_TRUE(searcher->Search({.query = "sentinelword"}, &results).ok());
  EXPECT_EQ(results.total_estimated, 1u);

  std::vector<Problem> check;
  ASSERT_TRUE(searcher->Check(&check).ok());
  EXPECT_TRUE(check.empty()) << check.front().ToString();
}

class BadQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexOptions options;
    options.create_if_missing = true;
    std::unique_ptr<Index> index;
    ASSERT_TRUE(Index::Open(options, dir_.path() / "db", &index).ok());
    IndexStats stats;
    ASSERT_TRUE(index->AddPath(AddOptions(), STEPPE_CORPUS_DIR, &stats).ok());
    ASSERT_TRUE(index->Commit().ok());
    index.reset();
    ASSERT_TRUE(Searcher::Open(SearcherOptions(), dir_.path() / "db", &searcher_).ok());
  }

  // Runs `query`, which must give results or InvalidQuery, and not hang. (In a release build
  // a 10,000-word query takes about 3 s, nearly all of it in Xapian's matcher; the rest take
  // milliseconds. The bound leaves room for sanitizer builds.)
  Status Run(const std::string& query) {
    const auto start = std::chrono::steady_clock::now();
    SearchResults results;
    const Status s = searcher_->Search({.query = query}, &results);
    EXPECT_TRUE(s.ok() || s.code() == Status::Code::kInvalidQuery) << s.ToString();
    EXPECT_LT(SecondsSince(start), 60.0) << query.substr(0, 80);
    return s;
  }
  void Try(const std::string& query) { static_cast<void>(Run(query)); }

  testing::TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(BadQueryTest, UnbalancedQuotesAndBracketsNameTheColumn) {
  const std::pair<std::string, int> kCases[] = {
      {"\"West Oil", 1},
      {"strike \"West Oil", 8},
      {"company:\"KazMunai", 9},
      {"strike (Zhanaozen OR Aktau", 8},
      {"((strike)", 1},
      {"strike)", 7},
      {"a ) b (", 3},
      {"Жаңаөзен )", 10},
      {"(\"unclosed) quote", 2},
  };
  for (const auto& [query, column] : kCases) {
    const Status s = Run(query);
    EXPECT_EQ(s.code(), Status::Code::kInvalidQuery) << query;
    EXPECT_NE(s.message().find("column " + std::to_string(column) + ":"), std::string::npos)
        << query << " -> " << s.message();
  }
}

TEST_F(BadQueryTest, HugeQueriesGiveAnAnswerOrAnError) {
  const char* const kWords[] = {"strike", "Zhanaozen", "Жанаозен", "oil", "ереуіл", "wages"};
  std::string words, ors;
  for (int i = 0; i < 10000; ++i) {
    const std::string word = i % 3 == 0 ? std::string(kWords[i % 6]) : "w" + std::to_string(i);
    words += word + " ";
    ors += (i > 0 ? " OR " : "") + word;
  }
  EXPECT_TRUE(Run(words).ok());
  EXPECT_TRUE(Run(ors).ok());
  // Deep nesting is refused before it can overflow the stack (it used to crash).
  for (const std::string& deep : {Repeat("(", 10000) + "strike" + Repeat(")", 10000),
                                  Repeat("NOT ", 10000) + "strike", Repeat("-", 10000) + "x"}) {
    const Status s = Run(deep);
    EXPECT_EQ(s.code(), Status::Code::kInvalidQuery) << s.ToString();
    EXPECT_NE(s.message().find("nest more than"), std::string::npos) << s.message();
  }
  EXPECT_TRUE(Run(Repeat("(", 50) + "strike" + Repeat(")", 50)).ok());
  Try("strike " + Repeat("company:x ", 10000));
  Try(Repeat("\"a\" ", 10000));
  Try(std::string(100000, 'x'));
}

TEST_F(BadQueryTest, ControlCharactersAndBrokenUtf8GiveAnAnswerOrAnError) {
  const std::string kQueries[] = {
      "\x01strike\x02",        std::string("strike\0Zhanaozen", 16),
      "\x1b[31mstrike\x1b[0m", "\x7f",
      "\t\n\r strike \v\f",    "\xff\xfe\xd0 strike",
      "\xc0\xaf\xe0\x80\xaf",  "strike \xd0",
      std::string(1, '\0'),    "company:\x01 place:\xff",
      "date:\x01..\x02",       "\u202e\u200bstrike",
  };
  for (const std::string& query : kQueries) Try(query);
}

}  // namespace
}  // namespace steppe
