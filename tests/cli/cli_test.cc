// SPDX-License-Identifier: Apache-2.0
// The steppe command end to end, on a temporary copy of the bundled corpus/.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <xapian.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "steppe/article.h"
#include "support/cli_run.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::Quote;
using testing::ReadAll;

// Rows of RFC 4180 CSV: fields split by commas; a quoted field may hold commas, line breaks
// and doubled quotes; rows end with CRLF. Fails the test on anything else.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = rows.back().back();
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "a quote inside an unquoted field, at byte " << i;
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r') {
      EXPECT_EQ(text[i + 1], '\n') << "a bare CR at byte " << i;
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      EXPECT_NE(c, '\n') << "a bare LF at byte " << i;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "an unclosed quote";
  return rows;
}

// "2023-12" -> "2024-01".
std::string NextMonth(const std::string& month) {
  int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2));
  if (++m == 13) {
    m = 1;
    ++y;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

// Whether `text` names `flag` as itself: "--limit" but not inside "--limit-x".
bool NamesFlag(const std::string& text, const std::string& flag) {
  for (size_t at = text.find(flag); at != std::string::npos; at = text.find(flag, at + 1)) {
    const char next = at + flag.size() < text.size() ? text[at + flag.size()] : ' ';
    if (!std::isalnum(static_cast<unsigned char>(next)) && next != '-') return true;
  }
  return false;
}

class CliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    fs::copy(STEPPE_CORPUS_DIR, dir_->path() / "corpus", fs::copy_options::recursive);
    index_run_ = new CliRun(Steppe({"index", (dir_->path() / "corpus").string()}));
  }
  static void TearDownTestSuite() {
    delete index_run_;
    delete dir_;
  }

  // Runs steppe with `args`, the temp index as $STEPPE_DB, output captured.
  static CliRun Steppe(const std::vector<std::string>& args, const std::string& env = "") {
    return testing::RunSteppe("cd " + Quote(dir_->path()) + " && STEPPE_DB=" +
                                  Quote((dir_->path() / "db").string()) + " " + env,
                              args, dir_->path() / "stderr");
  }

  static nlohmann::json Json(const std::vector<std::string>& args) {
    std::vector<std::string> with_json = args;
    with_json.push_back("--json");
    const CliRun run = Steppe(with_json);
    EXPECT_LE(run.exit_code, 1) << run.err;
    return nlohmann::json::parse(run.out);
  }

  // The corpus articles whose text names `phrase`, read with the library's own reader.
  static std::vector<Article> CorpusArticlesNaming(const std::string& phrase) {
    std::vector<Article> found;
    for (const auto& entry : fs::recursive_directory_iterator(dir_->path() / "corpus")) {
      if (entry.path().filename() == "README.md" || !entry.is_regular_file()) continue;
      Article a;
      std::vector<Problem> problems;
      if (!ReadArticleFile(entry.path(), &a, &problems).ok()) continue;
      if ((a.title + "\n" + a.body).find(phrase) != std::string::npos) found.push_back(a);
    }
    return found;
  }

  static std::set<std::string> Paths(const nlohmann::json& j) {
    std::set<std::string> paths;
    for (const auto& hit : j["hits"]) paths.insert(fs::path(hit["path"]).filename().string());
    return paths;
  }

  static testing::TempDir* dir_;
  static CliRun* index_run_;
};

testing::TempDir* CliTest::dir_ = nullptr;
CliRun* CliTest::index_run_ = nullptr;

TEST_F(CliTest, IndexPrintsOneSummaryLineAndSucceeds) {
  EXPECT_EQ(index_run_->exit_code, 0) << index_run_->err;
  EXPECT_EQ(index_run_->out.rfind("indexed ", 0), 0u) << index_run_->out;
  EXPECT_NE(index_run_->out.find(" s "), std::string::npos);
  EXPECT_EQ(std::count(index_run_->out.begin(), index_run_->out.end(), '\n'), 1);
}

TEST_F(CliTest, WestOilSoftwareAfterDecember2023FindsExactlyThoseArticles) {
  std::set<std::string> expected, earlier;
  for (const Article& a : CorpusArticlesNaming("West Oil Software")) {
    if (!a.date) continue;
    (a.date->FirstDay() >= 20231201 ? expected : earlier)
        .insert(fs::path(a.path).filename().string());
  }
  ASSERT_GE(expected.size(), 6u) << "the corpus should hold the Dec 2023-Feb 2024 articles";
  ASSERT_GE(earlier.size(), 1u) << "the corpus should hold one earlier mention";
  const nlohmann::json j =
      Json({"search", "West Oil Software", "--after", "2023-12", "--limit", "100"});
  EXPECT_EQ(Paths(j), expected);
  EXPECT_EQ(j["total"].get<size_t>(), expected.size());
  for (const auto& hit : j["hits"]) {
    ASSERT_TRUE(hit["date"].is_string());
    EXPECT_GE(hit["date"].get<std::string>(), "2023-12-01");
    for (const char* key : {"id", "path", "title", "date", "source", "score", "snippet"}) {
      EXPECT_TRUE(hit.contains(key)) << key;
    }
  }
  // Without the date filter the earlier mention is found too.
  const auto all = Paths(Json({"search", "West Oil Software", "--limit", "100"}));
  for (const std::string& p : earlier) EXPECT_EQ(all.count(p), 1u) << p;
}

TEST_F(CliTest, EverySpellingOfZhanaozenFindsTheSameArticlesExactFirst) {
  const auto reference = Paths(Json({"search", "Жаңаөзен", "--limit", "100"}));
  EXPECT_GE(reference.size(), 3u);
  for (const std::string spelling : {"Zhanaozen", "Zhanoezen", "Janaozen", "Жанаозен"}) {
    const nlohmann::json j = Json({"search", spelling, "--limit", "100"});
    EXPECT_EQ(Paths(j), reference) << spelling;
    // An article that uses the very spelling asked for comes first, when there is one.
    if (!CorpusArticlesNaming(spelling).empty()) {
      const std::string first = j["hits"][0]["path"];
      EXPECT_NE(ReadAll(first).find(spelling), std::string::npos) << spelling << ": " << first;
    }
  }
}

// Without a hunspell dictionary Steppe still searches, and says once what is missing.
TEST_F(CliTest, AMissingDictionaryIsNamedOnceAndSearchGoesOn) {
  const CliRun run =
      Steppe({"search", "Zhanaozen OR Total OR Semey"}, "STEPPE_HUNSPELL_DIR=/nonexistent");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  const std::string message = "no en_US dictionary at /nonexistent/en_US.dic";
  const size_t at = run.err.find(message);
  ASSERT_NE(at, std::string::npos) << run.err;
  EXPECT_EQ(run.err.find(message, at + 1), std::string::npos) << run.err;  // once
  EXPECT_NE(run.err.find("apt-get install hunspell-en-us"), std::string::npos) << run.err;
}

// Scripts call `steppe search NAME` once per name: a name the index already holds as one is
// searched without loading a dictionary (which costs each process tens of milliseconds).
TEST_F(CliTest, ANameTheIndexKnowsIsSearchedWithoutTheDictionaries) {
  const CliRun run = Steppe({"search", "Zhanaozen"}, "STEPPE_HUNSPELL_DIR=/nonexistent");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err.find("dictionary"), std::string::npos) << run.err;
  const CliRun with = Steppe({"search", "Zhanaozen", "--json"});
  const CliRun without =
      Steppe({"search", "Zhanaozen", "--json"}, "STEPPE_HUNSPELL_DIR=/nonexistent");
  EXPECT_EQ(nlohmann::json::parse(with.out)["hits"], nlohmann::json::parse(without.out)["hits"]);
}

TEST_F(CliTest, UndatedArticlesShowNullDateAndDateFiltersExcludeThem) {
  size_t undated = 0;
  for (const Article& a : CorpusArticlesNaming("")) {
    if (a.date) continue;
    ++undated;
    const std::string phrase = "\"" + a.title + "\"";
    const nlohmann::json j = Json({"search", phrase});
    ASSERT_GE(j["hits"].size(), 1u) << a.title;
    EXPECT_TRUE(j["hits"][0]["date"].is_null()) << a.title;
    EXPECT_EQ(Json({"search", phrase, "--after", "1000"})["total"], 0) << a.title;
  }
  EXPECT_GE(undated, 2u)
      << "the corpus should hold an undated article and one without front matter";
}

TEST_F(CliTest, ExitCodesFollowGrep) {
  EXPECT_EQ(Steppe({"search", "Zhanaozen"}).exit_code, 0);
  EXPECT_EQ(Steppe({"search", "qwertyuiopasdf"}).exit_code, 1);
  EXPECT_EQ(Steppe({"search", "x", "--no-such-flag"}).exit_code, 2);
}

TEST_F(CliTest, TextOutputHasBlocksAndACountLineWithBracketsWhenPiped) {
  const CliRun run = Steppe({"search", "Zhanaozen", "--limit", "2"});
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find(" found, showing 1-2\n"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("["), std::string::npos);  // highlighted match, no ANSI codes
  EXPECT_EQ(run.out.find("\033["), std::string::npos);
}

TEST_F(CliTest, MissingDatabaseNamesThePathAndTheCommandThatCreatesIt) {
  const CliRun run = Steppe({"search", "x", "--db", "/nonexistent/db"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("/nonexistent/db"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("steppe index PATH --db /nonexistent/db"), std::string::npos);
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1);
}

TEST_F(CliTest, BogusDatesAreRejectedWithTheAcceptedForms) {
  for (const char* bad : {"2023-13", "12/2023", "yesterday"}) {
    const CliRun run = Steppe({"search", "strike", "--after", bad});
    EXPECT_EQ(run.exit_code, 2) << bad;
    EXPECT_NE(run.err.find("YYYY-MM"), std::string::npos) << run.err;
  }
}

TEST_F(CliTest, MalformedQueryPointsAtTheColumn) {
  const CliRun run = Steppe({"search", "strike \"West"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("column 8"), std::string::npos) << run.err;
}

TEST_F(CliTest, HelpAndVersion) {
  for (const char* cmd : {"index", "search", "analyse", "analyze"}) {
    const CliRun run = Steppe({cmd, "--help"});
    EXPECT_EQ(run.exit_code, 0) << cmd;
    EXPECT_NE(run.out.find("Example"), std::string::npos) << cmd;
  }
  EXPECT_EQ(Steppe({"--version"}).out.rfind("steppe ", 0), 0u);
  EXPECT_EQ(Steppe({"frobnicate"}).exit_code, 2);
}

TEST_F(CliTest, IndexingNothingExitsTwo) {
  const CliRun run =
      Steppe({"index", "/nonexistent/folder", "--db", (dir_->path() / "empty-db").string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("/nonexistent/folder"), std::string::npos);
}

TEST_F(CliTest, AnalyseShowsTheSharedKey) {
  const CliRun run = Steppe({"analyse", "Жаңаөзенде Zhanoezen"});
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("жаңаөзен"), std::string::npos);  // the Kazakh stem
  EXPECT_NE(run.out.find("Janasan"), std::string::npos);   // the key both spellings share
}

// The command is spelled as the library spells it (AnalyseText); the American spelling is an
// alias for it, listed by --help, that runs the same command.
TEST_F(CliTest, AnalyzeIsAnAliasOfAnalyse) {
  const CliRun british = Steppe({"analyse", "Zhanaozen", "--lang", "en"});
  const CliRun american = Steppe({"analyze", "Zhanaozen", "--lang", "en"});
  ASSERT_EQ(british.exit_code, 0) << british.err;
  EXPECT_EQ(american.exit_code, 0) << american.err;
  EXPECT_EQ(american.out, british.out);
  const std::string help = Steppe({"--help"}).out;
  EXPECT_NE(help.find("  analyse "), std::string::npos) << help;
  EXPECT_NE(help.find("  analyze = analyse\n"), std::string::npos) << help;
}

TEST_F(CliTest, FacetsMergeSpellingsOfOneCompanyAndPlace) {
  const nlohmann::json j = Json({"search", "strike", "--facets", "--facet-limit", "50"});
  ASSERT_TRUE(j.contains("facets"));
  size_t kazmunaygas_entries = 0, zhanaozen_entries = 0;
  for (const auto& v : j["facets"]["company"]) {
    const std::string name = v["value"];
    kazmunaygas_entries += name.find("Gas") != std::string::npos ||
                           name.find("Gaz") != std::string::npos ||
                           name.find("Газ") != std::string::npos;
  }
  for (const auto& v : j["facets"]["place"]) {
    const std::string name = v["value"];
    zhanaozen_entries += name.find("aozen") != std::string::npos ||
                         name.find("озен") != std::string::npos ||
                         name.find("өзен") != std::string::npos;
  }
  EXPECT_EQ(kazmunaygas_entries, 1u) << j["facets"]["company"];
  EXPECT_EQ(zhanaozen_entries, 1u) << j["facets"]["place"];
  for (const char* field : {"company", "place", "year", "month", "source", "lang"}) {
    EXPECT_TRUE(j["facets"].contains(field)) << field;
  }
}

TEST_F(CliTest, CompanyFilterWithoutWordsListsNewestFirstWhateverTheSpelling) {
  const nlohmann::json a = Json({"search", "--company", "KazMunaiGas", "--limit", "100"});
  const nlohmann::json b = Json({"search", "--company", "ҚазМұнайГаз", "--limit", "100"});
  EXPECT_EQ(Paths(a), Paths(b));
  EXPECT_GE(a["hits"].size(), 3u);
  std::string previous = "9999";
  for (const auto& hit : a["hits"]) {
    const std::string date = hit["date"].is_null() ? "" : hit["date"].get<std::string>();
    EXPECT_LE(date, previous);
    previous = date;
  }
}

TEST_F(CliTest, NegatedWordsAndFieldsReachTheQuery) {
  const nlohmann::json j = Json({"search", "Zhanaozen", "-lang:en", "--limit", "100"});
  EXPECT_GE(j["hits"].size(), 3u);
  for (const auto& hit : j["hits"]) {
    EXPECT_EQ(std::string(hit["path"]).find(".en."), std::string::npos) << hit["path"];
  }
}

TEST_F(CliTest, AllCopiesIsAnOptionAndHitsCountTheirCopies) {
  const nlohmann::json j = Json({"search", "Zhanaozen", "--all-copies", "--limit", "100"});
  for (const auto& hit : j["hits"]) EXPECT_EQ(hit["similar"], 0);
  EXPECT_GE(j["total"].get<size_t>(),
            Json({"search", "Zhanaozen", "--limit", "100"})["total"].get<size_t>());
}

TEST_F(CliTest, JsonlPrintsOneHitPerLine) {
  const CliRun run = Steppe({"search", "Zhanaozen", "--jsonl", "--limit", "3"});
  ASSERT_EQ(run.exit_code, 0);
  std::istringstream lines(run.out);
  size_t n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    EXPECT_TRUE(nlohmann::json::parse(line).contains("snippet"));
  }
  EXPECT_EQ(n, 3u);
}

// The directory name of the first shard the manifest of `db` lists ("auto shards/NNN").
std::string ReadFirstShard(const std::string& db) {
  std::ifstream manifest(fs::path(db) / "XAPIANDB");
  std::string line;
  std::getline(manifest, line);
  return fs::path(line.substr(line.find(' ') + 1)).filename().string();
}

// steppe check prints each problem as the library reports it, "index: document: reason;
// hint", and exits 1.
TEST_F(CliTest, CheckPrintsEachProblemWithItsRepair) {
  const fs::path damaged = dir_->path() / "damaged";
  fs::copy(dir_->path() / "db", damaged, fs::copy_options::recursive);
  {
    Xapian::WritableDatabase db(damaged.string(), Xapian::DB_OPEN);
    Xapian::Document doc = db.get_document(1);
    doc.add_value(0, "garbage!");  // the date slot
    db.replace_document(1, doc);
    db.commit();
  }
  const CliRun run = Steppe({"check", "--db", damaged.string()});
  EXPECT_EQ(run.exit_code, 1) << run.out << run.err;
  const std::regex line(damaged.string() + "/shards/" + ReadFirstShard(damaged.string()) +
                        ": document 1 \\(.*\\): date value 'garbage!' is not a date; index "
                        ".* again\n");
  EXPECT_TRUE(std::regex_search(run.out, line)) << run.out;
}

TEST_F(CliTest, AnArchiveIsSmallerFindsTheSameAndRefusesUpdates) {
  const std::string archive = (dir_->path() / "archive").string();
  fs::copy(dir_->path() / "db", archive, fs::copy_options::recursive);
  const CliRun plain = Steppe({"compact", "--db", archive});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  // Compacted, the index is one shard.
  const fs::path shard = fs::path(archive) / "shards" / ReadFirstShard(archive);
  const uintmax_t compact_size = fs::file_size(shard / "termlist.glass");
  const CliRun compacted = Steppe({"compact", "--archive", "--db", archive});
  ASSERT_EQ(compacted.exit_code, 0) << compacted.err;
  EXPECT_NE(compacted.out.find("read-only archive"), std::string::npos) << compacted.out;
  EXPECT_GT(compact_size, 0u);
  EXPECT_FALSE(
      fs::exists(fs::path(archive) / "shards" / ReadFirstShard(archive) / "termlist.glass"));

  const std::vector<std::string> query = {"search", "Жанаозен", "--after", "2023-12"};
  std::vector<std::string> in_archive = query;
  in_archive.insert(in_archive.end(), {"--db", archive});
  const nlohmann::json found = Json(in_archive);
  EXPECT_FALSE(found["hits"].empty());
  EXPECT_EQ(Paths(found), Paths(Json(query)));
  EXPECT_EQ(Steppe({"check", "--db", archive}).exit_code, 0);

  const CliRun update = Steppe({"index", (dir_->path() / "corpus").string(), "--db", archive});
  EXPECT_EQ(update.exit_code, 2);
  EXPECT_NE(update.err.find("is an archive"), std::string::npos) << update.err;
  EXPECT_NE(update.err.find("new index"), std::string::npos) << update.err;
}

// With --jobs 2 each thread writes shards of its own, kept as they are: no merge at the end.
TEST_F(CliTest, IndexWithTwoJobsKeepsAShardPerThread) {
  const fs::path many = dir_->path() / "many";
  fs::create_directories(many);
  for (int i = 0; i < 70; ++i) {
    std::ofstream(many.string() + "/" + std::to_string(i) + ".md") << "Article " << i << "\nBody\n";
  }
  const std::string db = (dir_->path() / "many-db").string();
  const CliRun run = Steppe({"index", many.string(), "--db", db, "--jobs", "2", "--quiet"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");
  const nlohmann::json shards = Json({"shards", "list", "--db", db})["shards"];
  ASSERT_EQ(shards.size(), 2u) << shards.dump();
  long long articles = 0;
  for (const auto& shard : shards) {
    EXPECT_EQ(shard["kind"], "local");
    EXPECT_GT(shard["articles"].get<long long>(), 0) << "a thread's shard holds its files";
    articles += shard["articles"].get<long long>();
  }
  EXPECT_EQ(articles, 70);
}

TEST_F(CliTest, SearchCsvHasAHeaderAndOneRfc4180RowPerHit) {
  const CliRun run = Steppe({"search", "Zhanaozen", "--csv", "--limit", "100"});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.rfind("id,date,title,source,path,score,snippet\r\n", 0), 0u) << run.out;
  EXPECT_NE(run.out.find('"'), std::string::npos) << "snippets with commas are quoted";
  const std::vector<std::vector<std::string>> rows = ParseCsv(run.out);
  const nlohmann::json j = Json({"search", "Zhanaozen", "--limit", "100"});
  ASSERT_EQ(rows.size(), j["hits"].size() + 1);
  for (size_t i = 0; i < j["hits"].size(); ++i) {
    const nlohmann::json& hit = j["hits"][i];
    const std::vector<std::string>& row = rows[i + 1];
    ASSERT_EQ(row.size(), 7u) << i;
    EXPECT_EQ(row[0], hit["id"]);
    EXPECT_EQ(row[1], hit["date"].is_null() ? "" : hit["date"].get<std::string>());
    EXPECT_EQ(row[2], hit["title"]);
    EXPECT_EQ(row[3], hit["source"]);
    EXPECT_EQ(row[4], hit["path"]);
    EXPECT_NEAR(std::stod(row[5]), hit["score"].get<double>(), 1e-3);
    EXPECT_EQ(row[6], hit["snippet"]);
  }
  EXPECT_EQ(Steppe({"search", "Zhanaozen", "--csv", "--json"}).exit_code, 2);
}

TEST_F(CliTest, FacetsByMonthListEveryMonthInDateOrderWithZerosKept) {
  const nlohmann::json j = Json({"facets", "--field", "month"});
  const nlohmann::json& months = j["month"];
  ASSERT_GE(months.size(), 2u) << j;
  std::map<std::string, size_t> counted;
  for (size_t i = 0; i < months.size(); ++i) {
    if (i > 0) {
      EXPECT_EQ(months[i]["value"], NextMonth(months[i - 1]["value"])) << j;
    }
    if (months[i]["count"] > 0) counted[months[i]["value"]] = months[i]["count"];
  }
  EXPECT_GT(months.front()["count"], 0) << "from the first dated month";
  EXPECT_GT(months.back()["count"], 0) << "to the last";
  // The same counts as the month facet of stats, which lists only the months that have any.
  std::map<std::string, size_t> facet;
  const nlohmann::json stats = Json({"stats", "--limit", "1000"});
  for (const auto& v : stats["facets"]["month"]) {
    facet[v["value"]] = v["count"];
  }
  EXPECT_EQ(counted, facet);
  EXPECT_LT(counted.size(), months.size()) << "the corpus has months without articles: " << j;

  // With bounds, every month from --after to before --before, whatever the index holds.
  const nlohmann::json bounded =
      Json({"facets", "--field", "month", "--after", "2023-11", "--before", "2024-03"});
  std::vector<std::string> values;
  for (const auto& v : bounded["month"]) {
    values.push_back(v["value"]);
    const size_t expected = counted.count(v["value"]) ? counted[v["value"]] : 0;
    EXPECT_EQ(v["count"].get<size_t>(), expected) << v;
  }
  EXPECT_EQ(values, (std::vector<std::string>{"2023-11", "2023-12", "2024-01", "2024-02"}));

  const CliRun csv = Steppe({"facets", "--field", "year", "--csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("field,value,count\r\nyear,", 0), 0u) << csv.out;
  EXPECT_EQ(Steppe({"facets", "--field", "company", "--after", "2023"}).exit_code, 2);
}

TEST_F(CliTest, ANegatedWordAfterAnySwitchIsAWordOfTheQuery) {
  std::set<std::string> strike = Paths(Json({"search", "strike", "--limit", "100"}));
  std::set<std::string> aktau = Paths(Json({"search", "Aktau", "--limit", "100"}));
  ASSERT_FALSE(aktau.empty());
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"search", "--all-copies", "-Aktau", "strike"},
                                             {"search", "--exact", "-Aktau", "strike"},
                                             {"search", "--facets", "-Aktau", "strike"},
                                             {"search", "strike", "--limit", "50", "-Aktau"},
                                             {"search", "--limit=50", "-Aktau", "strike"}}) {
    std::vector<std::string> with_json = args;
    with_json.push_back("--json");
    const CliRun run = Steppe(with_json);
    ASSERT_LE(run.exit_code, 1) << args[1] << ": " << run.err;
    const nlohmann::json j = nlohmann::json::parse(run.out);
    const std::string query = j["query"];
    EXPECT_TRUE(query == "-Aktau strike" || query == "strike -Aktau") << query;
    for (const std::string& path : Paths(j)) {
      EXPECT_FALSE(aktau.count(path)) << args[1] << ": " << path;
    }
  }
  EXPECT_NE(Steppe({"search", "--no-such-flag", "strike"}).err.find("unrecognised"),
            std::string::npos);
}

TEST_F(CliTest, ARelaxedSearchSaysSoInEveryFormat) {
  const std::vector<std::string> query = {"search", "Zhanaozen", "xylophonequartz"};
  const nlohmann::json j = Json(query);
  ASSERT_TRUE(j["relaxed"].get<bool>()) << j;
  ASSERT_FALSE(j["hits"].empty());
  for (const auto& hit : j["hits"]) EXPECT_TRUE(hit["relaxed"].get<bool>());

  std::vector<std::string> jsonl = query;
  jsonl.push_back("--jsonl");
  const CliRun lines = Steppe(jsonl);
  std::istringstream in(lines.out);
  for (std::string line; std::getline(in, line);) {
    EXPECT_TRUE(nlohmann::json::parse(line)["relaxed"].get<bool>()) << line;
  }
  const CliRun text = Steppe(query);
  EXPECT_NE(text.err.find("no article has every word"), std::string::npos) << text.err;
  EXPECT_EQ(text.out.find("every word"), std::string::npos) << "the note is on stderr";

  const nlohmann::json strict = Json({"search", "Zhanaozen"});
  ASSERT_FALSE(strict["relaxed"].get<bool>());
  for (const auto& hit : strict["hits"]) {
    EXPECT_FALSE(hit["relaxed"].get<bool>());
  }
  EXPECT_EQ(Steppe({"search", "Zhanaozen"}).err, "");
}

TEST_F(CliTest, DatesAreAsPreciseAsKnownInEveryOutput) {
  const fs::path extra = dir_->path() / "month-only";
  fs::create_directories(extra);
  std::ofstream(extra / "a.md") << "---\ntitle: Port news\ndate: 2023-12\n---\nTanker traffic "
                                   "at the port of Kuryk grew.\n";
  const std::string db = (dir_->path() / "month-only-db").string();
  ASSERT_EQ(Steppe({"index", extra.string(), "--db", db}).exit_code, 0);
  const nlohmann::json found = Json({"search", "Kuryk", "--db", db});
  ASSERT_EQ(found["hits"].size(), 1u);
  EXPECT_EQ(found["hits"][0]["date"], "2023-12");
  EXPECT_EQ(Json({"show", (extra / "a.md").string(), "--db", db})["date"], "2023-12");
  const nlohmann::json stats = Json({"stats", "--db", db});
  EXPECT_EQ(stats["first_date"], "2023-12");
  EXPECT_EQ(stats["last_date"], "2023-12");
  const CliRun csv = Steppe({"search", "Kuryk", "--db", db, "--csv"});
  EXPECT_EQ(ParseCsv(csv.out).at(1).at(1), "2023-12");

  // Undated: null in JSON, never "".
  std::ofstream(extra / "b.md") << "Undated note\nNothing about Kuryk's date.\n";
  ASSERT_EQ(Steppe({"index", extra.string(), "--db", db}).exit_code, 0);
  const nlohmann::json undated = Json({"show", (extra / "b.md").string(), "--db", db});
  EXPECT_TRUE(undated["date"].is_null()) << undated;
}

TEST_F(CliTest, TheCliTranslatesLibraryNamesIntoItsFlags) {
  const fs::path bad = dir_->path() / "bad-date";
  fs::create_directories(bad);
  std::ofstream(bad / "a.md") << "---\ntitle: T\ndate: 2024-13-01\n---\nBody\n";
  const CliRun run =
      Steppe({"index", bad.string(), "--db", (dir_->path() / "strict-db").string(), "--strict"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(run.err.find("--strict"), std::string::npos) << run.err;
  EXPECT_EQ(run.err.find("Options::"), std::string::npos) << run.err;

  const fs::path big = dir_->path() / "big";
  fs::create_directories(big);
  std::ofstream(big / "a.md") << "Big\n" << std::string(2 << 20, 'x') << "\n";
  std::ofstream(big / "b.md") << "Small\nbody\n";
  const CliRun skipped = Steppe(
      {"index", big.string(), "--db", (dir_->path() / "big-db").string(), "--max-file-size", "1"});
  EXPECT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_NE(skipped.err.find("--max-file-size"), std::string::npos) << skipped.err;
  EXPECT_EQ(skipped.err.find("Options::"), std::string::npos) << skipped.err;
}

TEST_F(CliTest, CliMdNamesEveryCommandAndFlagThatHelpShows) {
  const std::string doc = ReadAll(STEPPE_DOCS_DIR "/cli.md");
  const CliRun help = Steppe({"--help"});
  std::istringstream lines(help.out.substr(help.out.find("Commands:\n") + 10));
  std::vector<std::string> commands;
  for (std::string line; std::getline(lines, line) && !line.empty();) {
    commands.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  ASSERT_GE(commands.size(), 8u) << help.out;
  const std::regex flag_re("(^|[ ,])(--[a-z][a-z-]*)");
  for (const std::string& command : commands) {
    const size_t heading = doc.find("\n## " + command + "\n");
    ASSERT_NE(heading, std::string::npos) << "cli.md has no section '## " << command << "'";
    const std::string section = doc.substr(heading, doc.find("\n## ", heading + 1) - heading);
    const CliRun run = Steppe({command, "--help"});
    ASSERT_EQ(run.exit_code, 0) << command;
    std::istringstream options(run.out);
    size_t flags = 0;
    for (std::string line; std::getline(options, line);) {
      if (line.rfind("  -", 0) != 0) continue;
      std::smatch m;
      if (!std::regex_search(line, m, flag_re)) continue;
      const std::string flag = m[2];
      ++flags;
      if (flag == "--help" || flag == "--db") continue;  // every command's, said once at the top
      EXPECT_TRUE(NamesFlag(section, flag)) << "cli.md's '## " << command << "' lacks " << flag;
    }
    EXPECT_GE(flags, 2u) << command;
  }
  EXPECT_TRUE(NamesFlag(doc, "--db"));
  // Each alias --help lists is named in its command's section: "analyze = analyse".
  ASSERT_NE(help.out.find("Aliases:\n"), std::string::npos) << help.out;
  std::istringstream aliases(help.out.substr(help.out.find("Aliases:\n") + 9));
  for (std::string line; std::getline(aliases, line) && !line.empty();) {
    const std::string alias = line.substr(2, line.find(' ', 2) - 2);
    const std::string command = line.substr(line.find("= ") + 2);
    const size_t heading = doc.find("\n## " + command + "\n");
    ASSERT_NE(heading, std::string::npos) << "cli.md has no section '## " << command << "'";
    const std::string section = doc.substr(heading, doc.find("\n## ", heading + 1) - heading);
    EXPECT_NE(section.find("`steppe " + alias + "`"), std::string::npos)
        << "cli.md's '## " << command << "' does not name its alias " << alias;
  }
}

TEST_F(CliTest, ShowAndStats) {
  const std::string file = (dir_->path() / "corpus" / "2023-12-12-wos-strike-begins.en.md");
  const CliRun show = Steppe({"show", file, "--json"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const nlohmann::json article = nlohmann::json::parse(show.out);
  EXPECT_EQ(article["date"], "2023-12-12");
  EXPECT_EQ(article["companies"][0], "West Oil Software");
  EXPECT_EQ(Steppe({"show", "/no/such/article.md"}).exit_code, 1);

  const CliRun stats = Steppe({"stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const nlohmann::json j = nlohmann::json::parse(stats.out);
  EXPECT_EQ(j["documents"].get<size_t>(), CorpusArticlesNaming("").size());
  EXPECT_EQ(Steppe({"facets", "--field", "nonsense"}).exit_code, 2);
}

}  // namespace
}  // namespace steppe
