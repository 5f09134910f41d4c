#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/util/expected.hpp"

namespace wellbeing::history {

// The top of the git work tree that holds `folder`, or nullopt when it is in none.
std::optional<std::filesystem::path> find_repository(const std::filesystem::path& folder);

// Makes `folder` a new git repository (like `git init`). Fails with a message.
util::Expected<std::filesystem::path, util::Failure> init_repository(const std::filesystem::path& folder);

// The git config `setup-git` writes, as (key, value) pairs; `command` is how git runs wellbeing
// ("wellbeing", or a quoted absolute path). Each driver is a small sh script: where `command` cannot be
// found it says so and does what git does without the driver (a line diff, the text as written, a line
// merge with conflict markers).
struct GitConfigEntry {
  std::string key;    // "diff.wellbeing.command"
  std::string value;  // as git runs it
  std::string shown;  // in words, for setup-git's report: "wellbeing diff --git-external (git's own …)"
};
std::vector<GitConfigEntry> git_config_entries(std::string_view command);

// The .gitattributes lines that bind record files to the drivers.
std::string git_attributes();

// The pre-commit hook: a POSIX shell script that validates the staged version of every record in the
// commit (and uses the staged wellbeing.yaml), stopping the commit when one is invalid.
std::string pre_commit_hook(std::string_view command);

// The first line after "#!/bin/sh" that marks a hook as ours.
inline constexpr std::string_view k_hook_marker = "# wellbeing pre-commit hook";

// What setup_git did, one line each ("set diff.wellbeing.command", "installed .git/hooks/pre-commit"),
// and what it left alone with a reason (a pre-commit hook that is not ours).
struct GitSetup {
  std::filesystem::path repository;
  std::vector<std::string> changed;
  std::vector<std::string> unchanged;
  std::vector<std::string> problems;
};

// Configures the repository holding `folder` for wellbeing: the diff, textconv and merge drivers in its
// local git config, and the pre-commit hook (in core.hooksPath when set). Idempotent: what is already
// right is left alone. A pre-commit hook that is not ours is never overwritten (a problem is reported).
// Fails with a message when `folder` is not in a git repository or the config cannot be written.
util::Expected<GitSetup, util::Failure> setup_git(const std::filesystem::path& folder, std::string_view command);

}  // namespace wellbeing::history
