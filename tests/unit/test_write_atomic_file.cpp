// Atomic, locked writes: nothing is written when a write is refused, and nothing is left behind.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <doctest/doctest.h>

#include "temp_folder.hpp"
#include "wellbeing/write/atomic_file.hpp"

using namespace wellbeing;
using wellbeing::test::slurp;
using wellbeing::test::TempFolder;
namespace fs = std::filesystem;

namespace {

void spit(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
}

std::size_t entries(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_SUITE("write::atomic_file") {
  TEST_CASE("replace_file writes the new text, keeps the mode, and leaves only the file") {
    TempFolder folder;
    const fs::path file = folder.path / "p-0001.yaml";
    spit(file, "old\n");
    ::chmod(file.c_str(), 0640);
    auto read = write::read_for_update(file, 1 << 20);
    REQUIRE(read.has_value());
    CHECK(read->text == "old\n");
    CHECK(read->snapshot.hash == write::content_hash("old\n"));
    CHECK(write::replace_file(*read, "new\n"));
    CHECK(slurp(file) == "new\n");
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
    CHECK(entries(folder.path) == 1);
  }

  TEST_CASE("a file changed after it was read is not replaced") {
    TempFolder folder;
    const fs::path file = folder.path / "p-0001.yaml";
    spit(file, "old\n");
    auto read = write::read_for_update(file, 1 << 20);
    REQUIRE(read.has_value());
    spit(file, "a colleague's\n");
    auto failure = write::replace_file(*read, "ours\n");
    REQUIRE_FALSE(failure.has_value());
    CHECK(failure.error().kind == util::FailureKind::changed);
    CHECK(slurp(file) == "a colleague's\n");
    CHECK(entries(folder.path) == 1);
  }

  TEST_CASE("an injected failure before the rename leaves the original and no temporary file") {
    TempFolder folder;
    const fs::path file = folder.path / "p-0001.yaml";
    spit(file, "old\n");
    auto read = write::read_for_update(file, 1 << 20);
    REQUIRE(read.has_value());
    ::setenv("WELLBEING_TEST_FAIL_BEFORE_RENAME", "1", 1);
    auto failure = write::replace_file(*read, "new\n");
    ::unsetenv("WELLBEING_TEST_FAIL_BEFORE_RENAME");
    REQUIRE_FALSE(failure.has_value());
    CHECK(failure.error().kind == util::FailureKind::io);
    CHECK(slurp(file) == "old\n");
    CHECK(entries(folder.path) == 1);
  }

  TEST_CASE("create_file never overwrites") {
    TempFolder folder;
    const fs::path file = folder.path / "p-0002.yaml";
    CHECK(write::create_file(file, "first\n"));
    auto again = write::create_file(file, "second\n");
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().kind == util::FailureKind::exists);
    CHECK(slurp(file) == "first\n");
    CHECK(entries(folder.path) == 1);
  }

  TEST_CASE("resolve follows symlinks to the real file") {
    TempFolder folder;
    fs::create_directory(folder.path / "real");
    spit(folder.path / "real" / "p-0003.yaml", "x\n");
    fs::create_symlink("real/p-0003.yaml", folder.path / "link.yaml");
    auto real = write::resolve(folder.path / "link.yaml");
    REQUIRE(real.has_value());
    CHECK(*real == fs::canonical(folder.path / "real" / "p-0003.yaml"));
    CHECK_FALSE(write::resolve(folder.path / "missing.yaml").has_value());
  }

  TEST_CASE("write_file replaces through a symlink, keeping the real file's mode and the link") {
    TempFolder folder;
    fs::create_directory(folder.path / "real");
    const fs::path real = folder.path / "real" / "review.md";
    spit(real, "old\n");
    ::chmod(real.c_str(), 0640);
    fs::create_symlink("real/review.md", folder.path / "review.md");
    CHECK(write::write_file(folder.path / "review.md", "new\n"));
    CHECK(fs::is_symlink(folder.path / "review.md"));
    CHECK(slurp(real) == "new\n");
    struct stat info {};
    REQUIRE(::stat(real.c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
    CHECK(entries(folder.path / "real") == 1);
  }

  TEST_CASE("write_file creates a missing file as open(2) would, and fails whole in a missing folder") {
    TempFolder folder;
    const mode_t mask = ::umask(027);
    const auto made = write::write_file(folder.path / "review.md", "text\n");
    const auto missing = write::write_file(folder.path / "no-such-folder" / "review.md", "text\n");
    ::umask(mask);
    CHECK(made.has_value());
    CHECK(slurp(folder.path / "review.md") == "text\n");
    struct stat info {};
    REQUIRE(::stat((folder.path / "review.md").c_str(), &info) == 0);
    CHECK((info.st_mode & 07777) == 0640);
    REQUIRE_FALSE(missing.has_value());
    CHECK(missing.error().kind == util::FailureKind::io);
    CHECK(missing.error().message.find("no-such-folder: cannot create a temporary file in this folder") != std::string::npos);
    CHECK(entries(folder.path) == 1);
  }

  TEST_CASE("an injected failure leaves write_file's target as it was") {
    TempFolder folder;
    const fs::path file = folder.path / "review.md";
    spit(file, "old\n");
    ::setenv("WELLBEING_TEST_FAIL_BEFORE_RENAME", "1", 1);
    const auto failure = write::write_file(file, "new\n");
    ::unsetenv("WELLBEING_TEST_FAIL_BEFORE_RENAME");
    REQUIRE_FALSE(failure.has_value());
    CHECK(slurp(file) == "old\n");
    CHECK(entries(folder.path) == 1);
  }
}
