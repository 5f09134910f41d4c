#include "wellbeing/history/git_setup.hpp"

#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <memory>

#include <fmt/format.h>

#include "libgit2.hpp"
#include "wellbeing/history/repository.hpp"
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
util::Expected<bool, std::string> install_hook(const fs::path& hook, const std::string& script, GitSetup& result) {
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
    if (auto failure = write::replace_file(*original, script)) {
      return util::unexpected(failure->message);
    }
    result.changed.push_back(fmt::format("{} (the pre-commit hook, updated)", shown));
    return true;
  }
  if (auto failure = write::create_file(hook, script)) {
    return util::unexpected(failure->message);
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

util::Expected<fs::path, std::string> init_repository(const fs::path& folder) {
  git::ensure_initialised();
  git_repository* raw = nullptr;
  if (git_repository_init(&raw, folder.c_str(), 0) != 0) {
    return util::unexpected(git::last_error(fmt::format("cannot make {} a git repository", folder.string())));
  }
  const git::RepositoryPtr repository(raw);
  return fs::path(git_repository_workdir(raw)).lexically_normal();
}

std::vector<std::pair<std::string, std::string>> git_config_entries(std::string_view command) {
  return {
      {"diff.wellbeing.command", fmt::format("{} diff --git-external", command)},
      {"diff.wellbeing.textconv", fmt::format("{} show --canonical", command)},
      {"merge.wellbeing.name", "wellbeing record merge"},
      {"merge.wellbeing.driver", fmt::format("{} merge %O %A %B %P", command)},
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
records=':(glob)**/records/**/*.yaml'
records_yml=':(glob)**/records/**/*.yml'
if [ -z "$(git diff --cached --name-only --diff-filter=ACMR -- "$records" "$records_yml")" ]; then
  exit 0
fi
staged=$(mktemp -d) || exit 1
trap 'rm -rf "$staged"' EXIT
trap 'exit 1' INT TERM
# The staged records and folder settings, as they will be committed.
git diff --cached --name-only --diff-filter=ACMR -z -- "$records" "$records_yml" |
  xargs -0 git checkout-index --prefix="$staged/" -- || exit 1
git ls-files -z -- ':(glob)**/wellbeing.yaml' | xargs -0 -r git checkout-index --prefix="$staged/" -- || exit 1
git diff --cached --name-only --diff-filter=ACMR -z -- "$records" "$records_yml" |
  (cd "$staged" && xargs -0 {command} validate)
status=$?
if [ "$status" -ne 0 ]; then
  echo "wellbeing: commit stopped: fix the records above and stage them again (git add)" >&2
  exit 1
fi
)HOOK",
                     fmt::arg("marker", k_hook_marker), fmt::arg("command", command));
}

util::Expected<GitSetup, std::string> setup_git(const fs::path& folder, std::string_view command) {
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
  for (const auto& [key, value] : git_config_entries(command)) {
    if (config_string(local.get(), key.c_str()) == value) {
      result.unchanged.push_back(fmt::format("{} = {}", key, value));
      continue;
    }
    if (git_config_set_string(local.get(), key.c_str(), value.c_str()) != 0) {
      return util::unexpected(git::last_error(fmt::format("cannot set {} in the git config", key)));
    }
    result.changed.push_back(fmt::format("{} = {}", key, value));
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
