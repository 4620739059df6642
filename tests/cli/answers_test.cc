// SPDX-License-Identifier: Apache-2.0
// Answers a newcomer can trust (issue 23), end to end on the bundled corpus/: the examples the
// README and docs/ print find what they claim, counts do not move with --limit, the output
// is valid UTF-8 (tests/search/answers_test.cc), a read-only index is searchable, and nonsense
// arguments are refused.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/cli_run.h"
#include "support/temp_dir.h"

namespace steppe {
namespace {

namespace fs = std::filesystem;

using testing::CliRun;
using testing::Quote;
using testing::ReadAll;

// Splits a command line as a POSIX shell would for plain words and '...' / "..." quoting;
// drops a trailing "# comment".
std::vector<std::string> ShellWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '\'' || c == '"') {
      const size_t close = line.find(c, i + 1);
      if (close == std::string::npos) return {};  // unbalanced: not a command we can run
      word += line.substr(i + 1, close - i - 1);
      in_word = true;
      i = close;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else if (c == '#' && !in_word) {
      break;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

// A search the docs print, and what they say it does.
struct DocExample {
  std::string where;              // file:line
  std::vector<std::string> args;  // after "steppe"
  std::string expected_error;     // the "steppe: ..." line the docs show, if any
};

// Every `steppe search ...` command in README.md and docs/*.md (indented code lines and
// inline code), and each inline `company:...` / `place:...` query of the query language.
std::vector<DocExample> DocExamples() {
  std::vector<fs::path> files = {fs::path(STEPPE_SOURCE_DIR) / "README.md"};
  for (const auto& entry : fs::directory_iterator(fs::path(STEPPE_SOURCE_DIR) / "docs")) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  const std::regex inline_code("`([^`]+)`");
  std::vector<DocExample> examples;
  for (const fs::path& file : files) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (size_t n = 0; n < lines.size(); ++n) {
      const std::string where = file.filename().string() + ":" + std::to_string(n + 1);
      std::vector<std::string> commands;
      std::string code = lines[n];
      if (code.rfind("    ", 0) == 0) {
        code = code.substr(code.find_first_not_of(' '));
        if (code.rfind("$ ", 0) == 0) code = code.substr(2);
        if (code.rfind("steppe search ", 0) == 0) commands.push_back(code);
      }
      for (auto it = std::sregex_iterator(lines[n].begin(), lines[n].end(), inline_code);
           it != std::sregex_iterator(); ++it) {
        const std::string span = (*it)[1];
        if (span.rfind("steppe search ", 0) == 0) commands.push_back(span);
        const bool filter = span.rfind("company:", 0) == 0 || span.rfind("place:", 0) == 0;
        if (filter && span.back() != ':') {
          commands.push_back("steppe search " + Quote(span));
        }
      }
      for (const std::string& command : commands) {
        // "…" stands for words left out: not a command as printed.
        if (command.find("…") != std::string::npos) continue;
        std::vector<std::string> words = ShellWords(command);
        // "steppe search --explain" names an option; it is no search.
        if (words.size() < 3 || (words.size() == 3 && words[2].rfind("--", 0) == 0)) continue;
        DocExample example{where, {words.begin() + 1, words.end()}, ""};
        const std::string next = n + 1 < lines.size() ? lines[n + 1] : "";
        const size_t shown = next.find("steppe: ");
        if (shown != std::string::npos) example.expected_error = next.substr(shown);
        examples.push_back(example);
      }
    }
  }
  return examples;
}

class AnswersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    fs::copy(STEPPE_CORPUS_DIR, dir_->path() / "corpus", fs::copy_options::recursive);
    const CliRun run = Steppe({"index", "-q", (dir_->path() / "corpus").string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  static void TearDownTestSuite() { delete dir_; }

  // Runs steppe with `args` on the corpus index, output captured; `prefix` goes before the
  // program (e.g. a command that runs it as another user).
  static CliRun Steppe(const std::vector<std::string>& args, const std::string& prefix = "",
                       const fs::path& db = {}) {
    const fs::path index = db.empty() ? dir_->path() / "db" : db;
    return testing::RunSteppe(
        "cd " + Quote(dir_->path()) + " && STEPPE_DB=" + Quote(index.string()) + " " + prefix, args,
        dir_->path() / "stderr");
  }

  static nlohmann::json Json(std::vector<std::string> args) {
    args.push_back("--json");
    const CliRun run = Steppe(args);
    EXPECT_LE(run.exit_code, 1) << run.err;
    return nlohmann::json::parse(run.out);
  }

  static testing::TempDir* dir_;
};

testing::TempDir* AnswersTest::dir_ = nullptr;

// Issue 23, item 1: the README's and docs' searches find what they claim.
TEST_F(AnswersTest, EverySearchTheDocsPrintFindsWhatItClaims) {
  const std::vector<DocExample> examples = DocExamples();
  ASSERT_GE(examples.size(), 8u) << "the README and docs print searches";
  for (const DocExample& example : examples) {
    std::vector<std::string> args = example.args;
    const CliRun run = Steppe(args);
    if (!example.expected_error.empty()) {
      EXPECT_EQ(run.exit_code, 2) << example.where;
      EXPECT_NE(run.err.find(example.expected_error), std::string::npos)
          << example.where << ": the docs show " << example.expected_error << "\ngot " << run.err;
      continue;
    }
    EXPECT_EQ(run.exit_code, 0) << example.where << ": nothing found\n" << run.out << run.err;
  }
}

// Issue 23, item 1: filters take every name the gazetteer knows, in any spelling.
TEST_F(AnswersTest, FiltersTakeEveryNameOfAPlaceOrCompany) {
  const size_t all =
      Json({"search", "--place", "Mangystau Region", "--all-copies", "--limit", "0"})["total"];
  ASSERT_GE(all, 10u) << "every corpus article is about Mangystau";
  for (const char* name : {"Mangystau", "Маңғыстау", "Мангистау", "Mangistau", "Mangyshlak"}) {
    EXPECT_EQ(Json({"search", "--place", name, "--all-copies", "--limit", "0"})["total"], all)
        << name;
  }
  const size_t kmg = Json({"search", "--company", "KazMunayGas", "--limit", "0"})["total"];
  ASSERT_GE(kmg, 2u);
  for (const char* name : {"KMG", "KazMunaiGas", "КазМунайГаз", "ҚазМұнайГаз"}) {
    EXPECT_EQ(Json({"search", "--company", name, "--limit", "0"})["total"], kmg) << name;
    EXPECT_EQ(Json({"search", std::string("company:\"") + name + "\"", "--limit", "0"})["total"],
              kmg)
        << name;
  }
  const size_t almaty = Json({"search", "place:Almaty", "--limit", "0"})["total"];
  ASSERT_GE(almaty, 1u);
  EXPECT_EQ(Json({"search", "place:Alma-Ata", "--limit", "0"})["total"], almaty);
  EXPECT_EQ(Json({"search", "place:Алматы", "--limit", "0"})["total"], almaty);
}

// Issue 23, item 2: the count is the same whatever the page, and agrees with the facets.
TEST_F(AnswersTest, CountsDoNotMoveWithTheLimitAndAgreeWithTheFacets) {
  for (const char* word : {"Zhanaozen", "strike", "Mangystau"}) {
    const nlohmann::json whole = Json({"search", word, "--limit", "1000"});
    const size_t listed = whole["hits"].size();
    ASSERT_GE(listed, 2u) << word;
    for (const char* limit : {"0", "1", "5", "10", "20"}) {
      for (const char* offset : {"0", "3"}) {
        const nlohmann::json j = Json({"search", word, "--limit", limit, "--offset", offset});
        EXPECT_EQ(j["total"], listed) << word << " --limit " << limit << " --offset " << offset;
        EXPECT_EQ(j["total_lower"], j["total_upper"]) << word;
      }
    }
    const nlohmann::json faceted = Json({"search", word, "--facets"});
    EXPECT_EQ(faceted["total"], listed) << word;
    size_t by_lang = 0;
    for (const auto& value : faceted["facets"]["lang"]) by_lang += value["count"].get<size_t>();
    EXPECT_EQ(by_lang, listed) << word << ": each story has one language";
    // No place is named by more stories than were found.
    for (const auto& value : faceted["facets"]["place"]) {
      EXPECT_LE(value["count"].get<size_t>(), listed) << word << " " << value["value"];
    }
    const CliRun text = Steppe({"search", word});
    // The count line, not "about N": the count is exact.
    EXPECT_NE(text.out.find("\n" + std::to_string(listed) + " article"), std::string::npos)
        << text.out;
    EXPECT_EQ(text.out.find("\nabout "), std::string::npos) << text.out;
  }
}

// Issue 23, item 2: the text says what the count counts when copies were folded.
TEST_F(AnswersTest, TheCountLineSaysWhenCopiesCountOnce) {
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "Drivers of the quarry stopped work over unpaid wages " + std::to_string(i % 7) + ". ";
  dir_->Write("copies/one.md", "---\ntitle: Quarry strike\nsource: Wire A\n---\n" + body);
  dir_->Write("copies/two.md", "---\ntitle: Quarry strike\nsource: Wire B\n---\n" + body);
  const fs::path db = dir_->path() / "copies-db";
  ASSERT_EQ(Steppe({"index", "-q", (dir_->path() / "copies").string()}, "", db).exit_code, 0);
  const CliRun folded = Steppe({"search", "quarry"}, "", db);
  EXPECT_NE(folded.out.find("\n1 article found, showing 1-1 (copies of one story counted once"),
            std::string::npos)
      << folded.out;
  const CliRun all = Steppe({"search", "quarry", "--all-copies"}, "", db);
  EXPECT_NE(all.out.find("\n2 articles found, showing 1-2\n"), std::string::npos) << all.out;
}

// Issue 23, item 5: an index this user may only read is searched, shown, summarised and
// checked; changing it says "read-only", not "busy". Two ways to be read-only: a folder the
// user may not write, and files the user may not write in a folder the user may. Under root,
// which may write anything, the commands run as the unprivileged user nobody.
class ReadOnlyTest : public AnswersTest {
 protected:
  // Runs the commands on `ro` as `reader` (a command prefix, or empty for this user).
  static void ExpectReadOnly(const fs::path& ro, const std::string& reader) {
    const CliRun index = Steppe({"index", "-q", (dir_->path() / "corpus").string()}, reader, ro);
    EXPECT_EQ(index.exit_code, 2);
    EXPECT_NE(index.err.find("is read-only for this user"), std::string::npos) << index.err;
    EXPECT_EQ(index.err.find("another process"), std::string::npos) << index.err;
    EXPECT_EQ(Steppe({"search", "Zhanaozen"}, reader, ro).exit_code, 0);
    EXPECT_EQ(Steppe({"search", "Zhanaozen", "--facets"}, reader, ro).exit_code, 0);
    EXPECT_EQ(Steppe({"stats"}, reader, ro).exit_code, 0);
    EXPECT_EQ(Steppe({"facets"}, reader, ro).exit_code, 0);
    const CliRun check = Steppe({"check"}, reader, ro);
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const std::string id = Json({"search", "Zhanaozen"})["hits"][0]["id"];
    EXPECT_EQ(Steppe({"show", id}, reader, ro).exit_code, 0);
  }

  static fs::path Copy(const std::string& name) {
    const fs::path ro = dir_->path() / name;
    fs::copy(dir_->path() / "db", ro, fs::copy_options::recursive);
    return ro;
  }

  static void RemoveWrite(const fs::path& ro) {
    for (const auto& entry : fs::directory_iterator(ro)) {
      fs::permissions(entry.path(),
                      fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                      fs::perm_options::remove);
    }
  }

  // The prefix that runs steppe as nobody, or empty when that cannot be done here.
  static std::string AsNobody() {
    if (!fs::exists("/usr/bin/setpriv")) return "";
    // nobody may read and enter the test folder, not write it.
    fs::permissions(dir_->path(), fs::perms::owner_all | fs::perms::group_read |
                                      fs::perms::group_exec | fs::perms::others_read |
                                      fs::perms::others_exec);
    const std::string prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups";
    return Steppe({"--version"}, prefix).exit_code == 0 ? prefix : "";
  }
};

TEST_F(ReadOnlyTest, AFolderTheUserMayNotWrite) {
  const fs::path ro = Copy("ro-folder-db");
  if (geteuid() != 0) {
    RemoveWrite(ro);
    fs::permissions(ro, fs::perms::owner_write, fs::perm_options::remove);
    ExpectReadOnly(ro, "");
    fs::permissions(ro, fs::perms::owner_write, fs::perm_options::add);
    return;
  }
  const std::string nobody = AsNobody();
  if (nobody.empty()) GTEST_SKIP() << "cannot run " << STEPPE_CLI_PATH << " as nobody";
  ExpectReadOnly(ro, nobody);  // root's folder, mode 755
}

TEST_F(ReadOnlyTest, FilesTheUserMayNotWriteInAFolderTheUserMay) {
  const fs::path ro = Copy("ro-files-db");
  RemoveWrite(ro);
  if (geteuid() != 0) {
    ExpectReadOnly(ro, "");
    return;
  }
  const std::string nobody = AsNobody();
  if (nobody.empty()) GTEST_SKIP() << "cannot run " << STEPPE_CLI_PATH << " as nobody";
  if (chown(ro.c_str(), 65534, 65534) != 0) GTEST_SKIP() << "cannot give the folder to nobody";
  ExpectReadOnly(ro, nobody);
}

// Issue 23, item 6: nonsense arguments are refused with what to write instead.
TEST_F(AnswersTest, NegativeCountsAndUnknownLanguagesAreRefused) {
  for (const char* option : {"--limit", "--offset", "--snippet-length", "--facet-limit"}) {
    const CliRun run = Steppe({"search", "Zhanaozen", option, "-5"});
    EXPECT_EQ(run.exit_code, 2) << option;
    EXPECT_NE(run.err.find(std::string(option) + ": -5 is negative"), std::string::npos) << run.err;
  }
  for (const char* lang : {"de", "english"}) {
    const CliRun run = Steppe({"search", "Zhanaozen", "--lang", lang});
    EXPECT_EQ(run.exit_code, 2) << lang;
    EXPECT_NE(run.err.find("en, ru, kk"), std::string::npos) << run.err;
    EXPECT_EQ(Steppe({"search", std::string("Zhanaozen lang:") + lang}).exit_code, 2) << lang;
  }
  // Codes are case-insensitive, and kz (the country) is taken for kk, as the readers take it.
  const size_t kk = Json({"search", "Жаңаөзен", "--lang", "kk"})["total"];
  EXPECT_GE(kk, 1u);
  EXPECT_EQ(Json({"search", "Жаңаөзен", "--lang", "KK"})["total"], kk);
  EXPECT_EQ(Json({"search", "Жаңаөзен", "--lang", "kz"})["total"], kk);
  const CliRun missing = Steppe({"index", "-q", "/nonexistent/folder", "corpus"});
  EXPECT_NE(missing.err.find("/nonexistent/folder: no such file or folder"), std::string::npos)
      << missing.err;
  EXPECT_EQ(missing.exit_code, 0) << "the other path is still indexed";
}

}  // namespace
}  // namespace steppe
