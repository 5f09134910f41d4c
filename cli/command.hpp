#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "output.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/failure.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::cli {

// Exit codes, the same for every command.
inline constexpr int k_exit_ok = 0;        // success; the record is valid; no differences
inline constexpr int k_exit_findings = 1;  // invalid records, differences, findings
inline constexpr int k_exit_usage = 2;     // usage error, unreadable input, folder settings that are not valid
inline constexpr int k_exit_internal = 3;  // a bug: "wellbeing: internal error: …"
inline constexpr int k_exit_changed = 4;   // the file changed between reading and writing: nothing written
inline constexpr int k_exit_locked = 5;    // another writer holds FILE.lock: nothing written

// An error that ends a command with exit code 2 and the message "wellbeing: error: <what>".
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  explicit InputError(const util::Failure& failure) : std::runtime_error(failure.message) {}
};

// What every command can see: options given to the program itself.
struct GlobalOptions {
  ColorChoice color = ColorChoice::automatic;
};

// A registered subcommand: its CLI11 app and what to run when it was chosen. run() returns the exit code.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// The folder settings that govern `path` (a record, a folder, "-"), checked as for every command
// (validation::load_settings_for). When they are not valid, prints their problems to stderr in compiler form
// and throws InputError("the folder settings in FILE are not valid: correct them first").
records::Config settings_for(const std::filesystem::path& path, ColorChoice color);

// Prints `problems` of a settings file (from validation::load_settings) in compiler form and throws that
// InputError.
[[noreturn]] void refuse_settings(const Diagnostics& problems, ColorChoice color);

// Check options for a record at `path`: settings_for(path) and the date the rules take as today.
records::CheckOptions check_options_for(const std::filesystem::path& path, util::Date as_of, ColorChoice color);

// The exit code for a refused write, after printing "wellbeing: error: <message>" to stderr.
int report_failure(const util::Failure& failure);

// The bytes of `file` ("-": standard input), within the parser's size limit; an InputError naming the file
// (or "<stdin>") when it cannot be read.
std::string read_input(const std::string& file);

// One per subcommand file: registers the subcommand and its options on `app`.
Command register_validate(CLI::App& app, const GlobalOptions& global);
Command register_schema(CLI::App& app, const GlobalOptions& global);
Command register_rules(CLI::App& app, const GlobalOptions& global);
Command register_diff(CLI::App& app, const GlobalOptions& global);
Command register_show(CLI::App& app, const GlobalOptions& global);
Command register_log(CLI::App& app, const GlobalOptions& global);
Command register_merge(CLI::App& app, const GlobalOptions& global);
Command register_render(CLI::App& app, const GlobalOptions& global);
Command register_summary(CLI::App& app, const GlobalOptions& global);
Command register_init(CLI::App& app, const GlobalOptions& global);
Command register_setup_git(CLI::App& app, const GlobalOptions& global);
Command register_new(CLI::App& app, const GlobalOptions& global);
Command register_add(CLI::App& app, const GlobalOptions& global);
Command register_migrate(CLI::App& app, const GlobalOptions& global);
// Hidden commands that describe all the others; register them last.
Command register_man(CLI::App& app, const GlobalOptions& global);
Command register_completion(CLI::App& app, const GlobalOptions& global);

}  // namespace wellbeing::cli
