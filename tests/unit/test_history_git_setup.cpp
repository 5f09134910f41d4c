// The git set-up `init` and `setup-git` write, and the repository it finds or makes.
#include <stdlib.h>

#include <filesystem>
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/history/git_setup.hpp"

using namespace wellbeing;
namespace fs = std::filesystem;

TEST_SUITE("history::git_setup") {
  TEST_CASE("the git set-up agrees with the drivers' contract") {
    const auto entries = history::git_config_entries("wellbeing");
    REQUIRE(entries.size() == 4);
    CHECK(entries[0].key == "diff.wellbeing.command");
    CHECK(entries[0].value.find(R"(exec wellbeing diff --git-external "$@")") != std::string::npos);
    CHECK(entries[1].key == "diff.wellbeing.textconv");
    CHECK(entries[1].value.find(R"(exec wellbeing show --canonical "$@")") != std::string::npos);
    CHECK(entries[2].key == "merge.wellbeing.name");
    CHECK(entries[2].value == "wellbeing record merge");
    CHECK(entries[3].key == "merge.wellbeing.driver");
    CHECK(entries[3].value.starts_with("sh -c 'if command -v wellbeing >/dev/null 2>&1; then exec wellbeing merge"));
    CHECK(entries[3].value.ends_with("' wellbeing-merge %O %A %B %P"));
    CHECK(entries[3].shown == "wellbeing merge (git's own where wellbeing is not found)");
    CHECK(history::git_attributes().find("records/**/*.yaml diff=wellbeing merge=wellbeing\n") != std::string::npos);
    const std::string hook = history::pre_commit_hook("'/opt/my tools/wellbeing'");
    CHECK(hook.starts_with("#!/bin/sh\n# wellbeing pre-commit hook"));
    CHECK(hook.find("xargs -0 '/opt/my tools/wellbeing' validate") != std::string::npos);
  }

  TEST_CASE("a new repository is found from a folder inside it; a folder outside any is not") {
    std::string pattern = (fs::temp_directory_path() / "wellbeing-git-setup-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    const fs::path top = fs::canonical(pattern);
    CHECK(history::find_repository(top) == std::nullopt);
    auto made = history::init_repository(top / "records-folder");
    REQUIRE(made.has_value());
    fs::create_directories(top / "records-folder" / "records");
    const auto found = history::find_repository(top / "records-folder" / "records");
    REQUIRE(found.has_value());
    CHECK(fs::equivalent(*found, top / "records-folder"));
    fs::remove_all(top);
  }
}
