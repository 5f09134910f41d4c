// `wellbeing setup-git [DIR]`: this clone's git config for the record drivers, and the pre-commit hook.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include <fmt/format.h>

#include "command.hpp"
#include "wellbeing/history/git_setup.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;

// How git hooks and drivers should run wellbeing: "wellbeing" when that name on PATH is this binary,
// otherwise this binary's absolute path, quoted for the shell when needed.
std::string command_for_git() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return "wellbeing";
  }
  if (const char* path = std::getenv("PATH")) {
    std::string_view rest(path);
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string_view folder = rest.substr(0, colon);
      rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
      if (folder.empty()) {
        continue;
      }
      const fs::path candidate = fs::path(folder) / "wellbeing";
      if (::access(candidate.c_str(), X_OK) == 0) {
        // The first wellbeing on PATH is the one git will run: use the short name only if it is us.
        return fs::equivalent(candidate, self, ec) ? "wellbeing" : util::shell_quote(self.string());
      }
    }
  }
  return util::shell_quote(self.string());
}


// Prints what setup_git did; 1 when something was left undone.
int report(const history::GitSetup& setup) {
  for (const std::string& line : setup.changed) {
    write_out(stdout, fmt::format("set {}\n", line));
  }
  for (const std::string& line : setup.unchanged) {
    write_out(stdout, fmt::format("already set {}\n", line));
  }
  for (const std::string& problem : setup.problems) {
    write_out(stderr, fmt::format("wellbeing: warning: {}\n", problem));
  }
  return setup.problems.empty() ? k_exit_ok : k_exit_findings;
}

}  // namespace

int setup_git_in(const std::filesystem::path& folder) {
  auto setup = history::setup_git(folder, command_for_git());
  if (!setup) {
    throw InputError(setup.error());
  }
  return report(*setup);
}

Command register_setup_git(CLI::App& app, const GlobalOptions& /*global*/) {
  auto folder = std::make_shared<std::string>(".");
  CLI::App* sub = app.add_subcommand(
      "setup-git", "Configure this clone's git for records: semantic diff and merge drivers, pre-commit check");
  sub->add_option("dir", *folder, "A folder in the repository (default: the current folder)");
  sub->footer(
      "Sets, in the repository's own config (.git/config):\n"
      "  diff.wellbeing.command   wellbeing diff --git-external\n"
      "  diff.wellbeing.textconv  wellbeing show --canonical\n"
      "  merge.wellbeing.name     wellbeing record merge\n"
      "  merge.wellbeing.driver   wellbeing merge %O %A %B %P\n"
      "and installs a pre-commit hook (in core.hooksPath when set) that validates the staged records.\n"
      "`.gitattributes` (written by `wellbeing init`) binds records/**/*.yaml to them. Safe to run again.\n"
      "A pre-commit hook that is not wellbeing's is left alone (exit 1, with what to add to it).");
  return Command{sub, [folder] { return setup_git_in(*folder); }};
}

}  // namespace wellbeing::cli
