// `wellbeing setup-git [DIR]`: this clone's git config for the record drivers, and the pre-commit hook.
#include <fmt/format.h>

#include "command.hpp"
#include "wellbeing/history/git_setup.hpp"
#include "write_support.hpp"

namespace wellbeing::cli {

namespace {

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
