#pragma once
// Shared by the commands that write files (init, setup-git, new, add): exit codes for refused writes,
// dates, and how git should run this binary.

#include <filesystem>
#include <string>
#include <string_view>

#include "command.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::cli {

// Exit codes of the writing commands beyond 0, 1 and 2 (3 is main's internal error).
inline constexpr int k_exit_changed = 4;  // the file changed between reading and writing: nothing written
inline constexpr int k_exit_locked = 5;   // another writer holds FILE.lock: nothing written

// "YYYY-MM-DD" from an option, or InputError naming the option.
util::Date parse_date_option(std::string_view option, const std::string& text);

// The exit code for a refused write, after printing "wellbeing: error: <message>" to stderr.
int report_failure(const write::Failure& failure);

// How git hooks and drivers should run wellbeing: "wellbeing" when that name on PATH is this binary,
// otherwise this binary's absolute path, quoted for the shell when needed.
std::string command_for_git();

// `text` quoted for a POSIX shell when it holds anything but letters, digits and / . _ + - =.
std::string shell_quote(std::string_view text);

}  // namespace wellbeing::cli
