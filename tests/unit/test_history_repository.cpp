// The git layer: a small repository built with `git` in a temporary folder (fictional people only).
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "wellbeing/history/blob_id.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/history/snapshot.hpp"

using namespace wellbeing;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "wellbeing-history-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = fs::canonical(pattern);
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

void spit(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string record(const std::string& status) {
  return "schema: wellbeing/v1\nperson:\n  id: p-0501\n  name: Wren Example\nstatus: " + status + "\n";
}

// A repository with three commits touching records/wren.yaml: added, changed, then renamed to
// records/p-0501.yaml; and an unrelated commit on top.
struct SampleRepository {
  TempFolder folder;
  fs::path top = folder.path / "repo";

  void git(const std::string& args, const std::string& date = "2026-10-01T10:00:00+01:00") const {
    const std::string command = fmt::format(
        "cd '{}' && HOME='{}' GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_DATE={} GIT_COMMITTER_DATE={} "
        "git -c user.name='Ada Example' -c user.email=ada@example.org -c init.defaultBranch=main {} >/dev/null 2>&1",
        top.string(), folder.path.string(), date, date, args);
    REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
  }

  SampleRepository() {
    fs::create_directories(top);
    git("init -q");
    spit(top / "records/wren.yaml", record("draft"));
    git("add -A");
    git("commit -q -m 'Wren joins'", "2026-10-01T10:00:00+01:00");
    spit(top / "records/wren.yaml", record("active"));
    git("commit -q -am 'Wren is active'", "2026-10-02T10:00:00+01:00");
    git("mv records/wren.yaml records/p-0501.yaml");
    git("commit -q -m 'Records named by id'", "2026-10-03T10:00:00+01:00");
    spit(top / "README", "Fictional records.\n");
    git("add README");
    git("commit -q -m 'A readme'", "2026-10-04T10:00:00+01:00");
  }
};

}  // namespace

TEST_SUITE("history::Repository") {
  TEST_CASE("discover finds the repository above a file, and names a path outside any") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top / "records" / "p-0501.yaml");
    REQUIRE(repository.has_value());
    CHECK(fs::canonical(repository->workdir()) == sample.top);
    CHECK(repository->relative_path(sample.top / "records" / "p-0501.yaml").value() == "records/p-0501.yaml");
    CHECK_FALSE(repository->is_shallow());

    const fs::path outside = sample.folder.path / "elsewhere" / "p-0502.yaml";
    spit(outside, record("draft"));
    auto none = history::Repository::discover(outside);
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().message == fmt::format("{} is not in a git repository", outside.string()));
  }

  TEST_CASE("the YAML files of a commit under a folder, with their blob ids, and the first-parent chain") {
    SampleRepository sample;
    spit(sample.top / "elsewhere/other.yaml", "a: 1\n");
    sample.git("add -A");
    sample.git("commit -q -m 'Another folder'", "2026-10-05T10:00:00+01:00");
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    const std::vector<std::string> chain = repository->first_parents();
    REQUIRE(chain.size() == 5);
    CHECK(chain.front() == repository->resolve("HEAD").value());
    CHECK(chain.back() == repository->resolve("HEAD~4").value());

    const auto records = repository->yaml_files(chain.front(), "records");
    REQUIRE(records.size() == 1);
    CHECK(records[0].path == "records/p-0501.yaml");
    CHECK(records[0].blob == history::blob_id(record("active")));
    CHECK(repository->read_blob(records[0].blob).value() == record("active"));
    // The same content at the commit before the rename has the same blob id under its old name.
    const auto before = repository->yaml_files(chain[3], "records");
    REQUIRE(before.size() == 1);
    CHECK(before[0].path == "records/wren.yaml");
    CHECK(before[0].blob == records[0].blob);
    CHECK(repository->yaml_files(chain.back(), "records")[0].blob == history::blob_id(record("draft")));

    const auto all = repository->yaml_files(chain.front(), "");
    REQUIRE(all.size() == 2);
    CHECK(all[0].path == "elsewhere/other.yaml");
    CHECK(repository->yaml_files(chain.front(), "rec").empty());  // a folder, not a prefix of names
    CHECK_FALSE(repository->read_blob(std::string(40, '0')).has_value());
  }

  TEST_CASE("a file is read as it was at a revision") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    const auto first = repository->resolve("HEAD~3");
    REQUIRE(first.has_value());
    CHECK(first->size() == 40);
    CHECK(repository->read_file(*first, "records/wren.yaml") == record("draft"));
    CHECK(repository->read_file(*first, "records/p-0501.yaml") == std::nullopt);
    CHECK(repository->commit(*first).summary == "Wren joins");
    CHECK(history::format_time(repository->commit(*first).committer) == "2026-10-01 10:00:00 +0100");
    const auto unknown = repository->resolve("no-such-branch");
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message == "unknown revision 'no-such-branch'");
  }

  TEST_CASE("uncommitted changes are told apart from a clean file") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    CHECK_FALSE(repository->has_uncommitted_changes("records/p-0501.yaml").value());
    spit(sample.top / "records/p-0501.yaml", record("closed"));
    CHECK(repository->has_uncommitted_changes("records/p-0501.yaml").value());
  }
}

TEST_SUITE("history::Snapshot") {
  TEST_CASE("the last commit on or before a date follows the current branch, by the committer's own date") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    using std::chrono::day;
    using std::chrono::month;
    using std::chrono::year;
    CHECK(repository->last_commit_on(util::Date{year(2026), month(9), day(30)}) == std::nullopt);
    const auto second = repository->last_commit_on(util::Date{year(2026), month(10), day(2)});
    REQUIRE(second.has_value());
    CHECK(repository->commit(*second).summary == "Wren is active");
    // 2026-10-01T10:00:00+01:00 is 09:00 UTC: on the first of October either way.
    const auto first = repository->last_commit_on(util::Date{year(2026), month(10), day(1)});
    REQUIRE(first.has_value());
    CHECK(repository->commit(*first).summary == "Wren joins");
    CHECK(repository->last_commit_on(util::Date{year(2027), month(1), day(1)}) == repository->resolve("HEAD").value());
  }

  TEST_CASE("a snapshot at a date holds the records of that commit, under their names then, and leaves the working tree alone") {
    SampleRepository sample;
    fs::path folder;
    {
      auto snapshot = history::Snapshot::take(sample.top / "records",
                                              util::Date{std::chrono::year(2026), std::chrono::month(10), std::chrono::day(2)});
      REQUIRE(snapshot.has_value());
      folder = snapshot->folder();
      CHECK(snapshot->commit().summary == "Wren is active");
      CHECK(fs::exists(folder / "records/wren.yaml"));
      CHECK_FALSE(fs::exists(folder / "records/p-0501.yaml"));
      CHECK_FALSE(fs::exists(folder / "README"));  // only YAML files are copied
      std::ifstream in(folder / "records/wren.yaml", std::ios::binary);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      CHECK(text == record("active"));
      // The record now named p-0501.yaml is found under the name it had then, by its person id.
      CHECK(snapshot->record_path(sample.top / "records/p-0501.yaml") == "records/wren.yaml");
      CHECK(snapshot->in_copy(sample.top / "records") == folder / "records");
      CHECK(snapshot->in_copy(sample.folder.path / "elsewhere") == std::nullopt);
      // The working tree and the index are as they were.
      CHECK(fs::exists(sample.top / "records/p-0501.yaml"));
      CHECK_FALSE(fs::exists(sample.top / "records/wren.yaml"));
      auto repository = history::Repository::discover(sample.top);
      REQUIRE(repository.has_value());
      CHECK_FALSE(repository->has_uncommitted_changes("records/p-0501.yaml").value());
    }
    CHECK_FALSE(fs::exists(folder));  // removed when the snapshot ends
  }

  TEST_CASE("a snapshot at a revision; a record not there yet has no path") {
    SampleRepository sample;
    auto snapshot = history::Snapshot::take(sample.top, std::string("HEAD~3"));
    REQUIRE(snapshot.has_value());
    CHECK(snapshot->commit().summary == "Wren joins");
    spit(sample.top / "records/p-0502.yaml",
         "schema: wellbeing/v1\nperson:\n  id: p-0502\n  name: Otto Example\nstatus: draft\n");
    CHECK(snapshot->record_path(sample.top / "records/p-0502.yaml") == std::nullopt);
  }

  TEST_CASE("no snapshot outside a repository, before the first commit, or at an unknown revision") {
    SampleRepository sample;
    const fs::path outside = sample.folder.path / "elsewhere";
    fs::create_directories(outside);
    auto none = history::Snapshot::take(outside, std::string("HEAD"));
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().message == fmt::format("{} is not in a git repository", outside.string()));
    auto early = history::Snapshot::take(sample.top, util::Date{std::chrono::year(2026), std::chrono::month(9), std::chrono::day(1)});
    REQUIRE_FALSE(early.has_value());
    CHECK(early.error().message == "no commit on or before 2026-09-01 in the history of HEAD");
    auto unknown = history::Snapshot::take(sample.top, std::string("no-such-branch"));
    REQUIRE_FALSE(unknown.has_value());
    CHECK(unknown.error().message == "unknown revision 'no-such-branch'");
  }
}

TEST_SUITE("history::record_history") {
  TEST_CASE("the history can start at an earlier commit than HEAD") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    history::HistoryOptions options;
    options.from = repository->resolve("HEAD~2").value();
    const auto versions = history::record_history(*repository, "records/wren.yaml", options);
    REQUIRE(versions.has_value());
    REQUIRE(versions->size() == 2);
    CHECK(versions->front().commit.summary == "Wren is active");
    CHECK(versions->back().commit.summary == "Wren joins");
    const auto missing = history::record_history(*repository, "records/p-0501.yaml", options);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message == fmt::format("records/p-0501.yaml is not in commit {}", options.from->substr(0, 12)));
  }

  TEST_CASE("the history of a record is newest first, follows a rename and skips unrelated commits") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    auto versions = history::record_history(*repository, "records/p-0501.yaml");
    REQUIRE(versions.has_value());
    REQUIRE(versions->size() == 3);
    CHECK((*versions)[0].commit.summary == "Records named by id");
    CHECK((*versions)[0].path == "records/p-0501.yaml");
    CHECK((*versions)[0].old_path == "records/wren.yaml");
    CHECK((*versions)[1].commit.summary == "Wren is active");
    CHECK((*versions)[1].old_text == record("draft"));
    CHECK((*versions)[1].text == record("active"));
    CHECK((*versions)[2].commit.summary == "Wren joins");
    CHECK((*versions)[2].old_text == std::nullopt);

    history::HistoryOptions newest;
    newest.limit = 1;
    auto one = history::record_history(*repository, "records/p-0501.yaml", newest);
    REQUIRE(one.has_value());
    REQUIRE(one->size() == 1);
    CHECK(one->front().commit.id == (*versions)[0].commit.id);
  }

  TEST_CASE("a path that is not in HEAD is refused") {
    SampleRepository sample;
    auto repository = history::Repository::discover(sample.top);
    REQUIRE(repository.has_value());
    auto versions = history::record_history(*repository, "records/wren.yaml");
    REQUIRE_FALSE(versions.has_value());
    CHECK(versions.error().message == "records/wren.yaml is not in the last commit (HEAD)");
  }
}

TEST_SUITE("history::read_at_revision") {
  TEST_CASE("a working-tree file as committed at a revision, with its commit") {
    SampleRepository sample;
    auto file = history::read_at_revision(sample.top / "records" / "p-0501.yaml", "HEAD~1");
    REQUIRE(file.has_value());
    CHECK(file->text == record("active"));
    CHECK(file->commit.summary == "Records named by id");
    auto missing = history::read_at_revision(sample.top / "records" / "p-0501.yaml", "HEAD~2");
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().message == "records/p-0501.yaml is not in revision 'HEAD~2'");
  }

  TEST_CASE("a path outside any repository is named in the error") {
    TempFolder folder;
    const fs::path file = folder.path / "p-0503.yaml";
    spit(file, record("draft"));
    auto read = history::read_at_revision(file, "HEAD");
    REQUIRE_FALSE(read.has_value());
    CHECK(read.error().message == fmt::format("{} is not in a git repository", file.string()));
  }
}

TEST_SUITE("history::unified_diff") {
  TEST_CASE("an insertion is one hunk with three lines of context") {
    const std::string before = "1\n2\n3\n4\n5\n6\n";
    const std::string after = "1\n2\n3\n4\nnew\n5\n6\n";
    CHECK(history::unified_diff(before, after, "a/f", "b/f", history::PatchStyle::plain) ==
          "--- a/f\n+++ b/f\n@@ -2,5 +2,6 @@\n 2\n 3\n 4\n+new\n 5\n 6\n");
    CHECK(history::unified_diff(before, before, "a/f", "b/f", history::PatchStyle::plain).empty());
  }

  TEST_CASE("distant changes are separate hunks without git's heading; a missing final newline is marked") {
    const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk";
    const std::string after = "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n";
    CHECK(history::unified_diff(before, after, "x", "y", history::PatchStyle::plain) ==
          "--- x\n+++ y\n@@ -1,4 +1,4 @@\n-a\n+A\n b\n c\n d\n@@ -8,4 +8,5 @@\n h\n i\n j\n-k\n"
          "\\ No newline at end of file\n+k\n+l\n");
  }

  TEST_CASE("inserting into an empty file, and emptying one") {
    CHECK(history::unified_diff("", "x\n", "a", "b", history::PatchStyle::plain) == "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    CHECK(history::unified_diff("x\n", "", "a", "b", history::PatchStyle::plain) == "--- a\n+++ b\n@@ -1 +0,0 @@\n-x\n");
  }

  TEST_CASE("a file's change is labelled as git labels paths, an absolute path without its leading slash") {
    CHECK(history::file_change_diff("x\n", "y\n", "records/p-0001.yaml") ==
          "--- a/records/p-0001.yaml\n+++ b/records/p-0001.yaml\n@@ -1 +1 @@\n-x\n+y\n");
    CHECK(history::file_change_diff("x\n", "y\n", "/tmp/p-0001.yaml") ==
          "--- a/tmp/p-0001.yaml\n+++ b/tmp/p-0001.yaml\n@@ -1 +1 @@\n-x\n+y\n");
  }

  TEST_CASE("CRLF line endings stay part of the lines") {
    CHECK(history::unified_diff("x\r\ny\r\n", "x\r\nz\r\n", "a", "b", history::PatchStyle::plain) ==
          "--- a\n+++ b\n@@ -1,2 +1,2 @@\n x\r\n-y\r\n+z\r\n");
  }

  TEST_CASE("the git style is git's own header, index line and hunk heading") {
    const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
    const std::string after = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nK\n";
    CHECK(history::unified_diff(before, after, "f.yaml", "f.yaml", history::PatchStyle::git) ==
          "diff --git a/f.yaml b/f.yaml\nindex 27df8b9..4eba735 100644\n--- a/f.yaml\n+++ b/f.yaml\n"
          "@@ -8,4 +8,4 @@ g\n h\n i\n j\n-k\n+K\n");
  }
}
