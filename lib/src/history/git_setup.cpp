#include "wellbeing/history/git_setup.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "libgit2.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/util/text.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::history {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> config_string(git_config* config, const char* key) {
  git_buf buffer = GIT_BUF_INIT;
  if (git_config_get_string_buf(&buffer, config, key) != 0) {
    git_error_clear();
    return std::nullopt;
  }
  return git::take(buffer);
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Writes our hook script at `hook` (executable), or updates an older one of ours; says what it did in
// `result`. Fails with a message.
util::Expected<bool, util::Failure> install_hook(const fs::path& hook, const std::string& script, GitSetup& result) {
  const std::string shown = hook.lexically_relative(result.repository).string();
  std::error_code ec;
  if (fs::exists(hook, ec)) {
    if (read_text(hook) == script) {
      result.unchanged.push_back(fmt::format("{} (the pre-commit hook)", shown));
      return true;
    }
    auto original = write::read_for_update(hook, 1 << 20);
    if (!original) {
      return util::unexpected(original.error().message);
    }
    original->mode |= 0111;
    if (auto written = write::replace_file(*original, script); !written) {
      return util::unexpected(written.error().message);
    }
    result.changed.push_back(fmt::format("{} (the pre-commit hook, updated)", shown));
    return true;
  }
  if (auto written = write::create_file(hook, script); !written) {
    return util::unexpected(written.error().message);
  }
  fs::permissions(hook, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                  fs::perm_options::add, ec);
  if (ec) {
    return util::unexpected(fmt::format("cannot make {} executable: {}", shown, ec.message()));
  }
  result.changed.push_back(fmt::format("{} (the pre-commit hook)", shown));
  return true;
}

}  // namespace

std::optional<fs::path> find_repository(const fs::path& folder) {
  const auto repository = Repository::discover(folder);
  if (!repository || repository->workdir().empty()) {
    return std::nullopt;  // a bare repository holds no records folder
  }
  return repository->workdir().lexically_normal();
}

util::Expected<fs::path, util::Failure> init_repository(const fs::path& folder) {
  git::ensure_initialised();
  git_repository* raw = nullptr;
  if (git_repository_init(&raw, folder.c_str(), 0) != 0) {
    return util::unexpected(git::last_error(fmt::format("cannot make {} a git repository", folder.string())));
  }
  const git::RepositoryPtr repository(raw);
  return fs::path(git_repository_workdir(raw)).lexically_normal();
}

namespace {

// A driver that runs `command` with `arguments` and git's own, or, where `command` cannot be found (a clone
// used on a machine without wellbeing), says so and does what git does with no driver, so that `git diff`
// never dies with "external diff died" and a merge still gets its conflict markers.
GitConfigEntry guarded(std::string key, std::string_view command, std::string_view arguments, std::string_view name,
                       std::string_view consequence, std::string_view fallback, std::string_view git_arguments = "") {
  const std::string script = fmt::format(
      "if command -v {0} >/dev/null 2>&1; then exec {0} {1} \"$@\"; fi; "
      "echo \"wellbeing: {0} is not found, so {2}; install wellbeing (or put it on the PATH) and run "
      "'wellbeing setup-git' in this clone\" >&2; {3}",
      command, arguments, consequence, fallback);
  return {std::move(key), fmt::format("sh -c {} {}{}", util::shell_quote(script), name, git_arguments),
          fmt::format("{} {} (git's own where wellbeing is not found)", command, arguments)};
}

}  // namespace

std::vector<GitConfigEntry> git_config_entries(std::string_view command) {
  // git gives the diff command: path, old file, old hex, old mode, new file, new hex, new mode.
  return {
      guarded("diff.wellbeing.command", command, "diff --git-external", "wellbeing-diff", "this is git's line diff of $1",
              "git --no-pager diff --no-index --no-ext-diff -- \"$2\" \"$5\"; exit 0"),
      guarded("diff.wellbeing.textconv", command, "show --canonical", "wellbeing-textconv",
              "$1 is compared as written", "exec cat \"$1\""),
      {"merge.wellbeing.name", "wellbeing record merge", "wellbeing record merge"},
      guarded("merge.wellbeing.driver", command, "merge", "wellbeing-merge", "$4 is merged line by line by git",
              "exec git merge-file -L ours -L base -L theirs \"$2\" \"$1\" \"$3\"", " %O %A %B %P"),
  };
}

std::string git_attributes() {
  return "# Record files are compared and merged by wellbeing, which knows what each entry is\n"
         "# (`wellbeing setup-git` configures the drivers in each clone).\n"
         "records/**/*.yaml diff=wellbeing merge=wellbeing\n"
         "records/**/*.yml diff=wellbeing merge=wellbeing\n";
}

std::string pre_commit_hook(std::string_view command) {
  return fmt::format(R"HOOK(#!/bin/sh
{marker}: installed by `wellbeing setup-git`, which rewrites this file
# when run again. It checks the staged version of every record in the commit, so an invalid record
# never enters the history. To commit without the check (not advised): git commit --no-verify
set -u
if ! command -v {command} >/dev/null 2>&1; then
  echo "wellbeing: commit stopped: the record check cannot run, because {command} is not found." >&2
  echo "Install wellbeing (or put it on the PATH), then run 'wellbeing setup-git' in this clone again." >&2
  echo "To commit without the check (not advised): git commit --no-verify" >&2
  exit 1
fi
# Every staged YAML file; wellbeing keeps those the folder's settings count as records.
records=':(glob)**/*.yaml'
records_yml=':(glob)**/*.yml'
if [ -z "$(git diff --cached --name-only --diff-filter=ACMR -- "$records" "$records_yml")" ]; then
  exit 0
fi
staged=$(mktemp -d) || exit 1
trap 'rm -rf "$staged"' EXIT
trap 'exit 1' INT TERM
# The staged records and folder settings, as they will be committed.
git diff --cached --name-only --diff-filter=ACMR -z -- "$records" "$records_yml" |
  xargs -0 git checkout-index --prefix="$staged/" -- || exit 1
git ls-files -z -- ':(glob)**/wellbeing.yaml' | xargs -0 -r git checkout-index -f --prefix="$staged/" -- || exit 1
git diff --cached --name-only --diff-filter=ACMR -z -- "$records" "$records_yml" |
  (cd "$staged" && xargs -0 {command} validate --only-records)
status=$?
if [ "$status" -ne 0 ]; then
  echo "wellbeing: commit stopped: fix the records above and stage them again (git add)" >&2
  exit 1
fi
)HOOK",
                     fmt::arg("marker", k_hook_marker), fmt::arg("command", command));
}

util::Expected<GitSetup, util::Failure> setup_git(const fs::path& folder, std::string_view command) {
  const auto repository = Repository::discover(folder);
  if (!repository) {
    return util::unexpected(
        fmt::format("{} is not in a git repository (run `git init` there first, or `wellbeing init`)",
                    folder.string()));
  }
  git_repository* raw = repository->raw();
  const char* workdir = git_repository_workdir(raw);
  if (!workdir) {
    return util::unexpected(std::string("this is a bare git repository: set up a clone with a work tree"));
  }
  GitSetup result;
  result.repository = fs::path(workdir).lexically_normal();

  git_config* all_raw = nullptr;
  if (git_repository_config(&all_raw, raw) != 0) {
    return util::unexpected(git::last_error("cannot read the git config"));
  }
  const git::ConfigPtr all(all_raw);
  git_config* local_raw = nullptr;
  if (git_config_open_level(&local_raw, all_raw, GIT_CONFIG_LEVEL_LOCAL) != 0) {
    return util::unexpected(git::last_error("cannot open the repository's own git config"));
  }
  const git::ConfigPtr local(local_raw);
  for (const auto& [key, value, shown] : git_config_entries(command)) {
    if (config_string(local.get(), key.c_str()) == value) {
      result.unchanged.push_back(fmt::format("{} = {}", key, shown));
      continue;
    }
    if (git_config_set_string(local.get(), key.c_str(), value.c_str()) != 0) {
      return util::unexpected(git::last_error(fmt::format("cannot set {} in the git config", key)));
    }
    result.changed.push_back(fmt::format("{} = {}", key, shown));
  }

  // The hooks folder: core.hooksPath (relative to the work tree) when set, else the repository's own.
  fs::path hooks;
  if (auto configured = config_string(all.get(), "core.hooksPath")) {
    hooks = fs::path(*configured);
    if (hooks.is_relative()) {
      hooks = result.repository / hooks;
    }
  } else {
    hooks = fs::path(git_repository_commondir(raw)) / "hooks";
  }
  std::error_code ec;
  fs::create_directories(hooks, ec);
  const std::string script = pre_commit_hook(command);
  const fs::path hook = hooks / "pre-commit";
  if (fs::exists(hook, ec) && read_text(hook).find(k_hook_marker) == std::string::npos) {
    // Someone else's hook: ours goes beside it, for theirs to call, so the check is still of what is staged.
    const fs::path beside = hooks / "wellbeing-pre-commit";
    if (auto installed = install_hook(beside, script, result); !installed) {
      return util::unexpected(std::move(installed).error());
    }
    result.problems.push_back(fmt::format(
        "{} exists and is not wellbeing's: left as it is. To check the staged records before each commit, add "
        "this line to it: \"$(git rev-parse --git-path hooks)/wellbeing-pre-commit\" || exit 1",
        hook.lexically_relative(result.repository).string()));
    return result;
  }
  if (auto installed = install_hook(hook, script, result); !installed) {
    return util::unexpected(std::move(installed).error());
  }
  return result;
}

}  // namespace wellbeing::history
