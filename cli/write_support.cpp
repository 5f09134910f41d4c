#include "write_support.hpp"

#include <unistd.h>

#include <cstdlib>

#include <fmt/format.h>

namespace wellbeing::cli {

namespace fs = std::filesystem;

util::Date parse_date_option(std::string_view option, const std::string& text) {
  const auto date = util::parse_date(text);
  if (!date) {
    throw InputError(fmt::format("{} {}: not a date (write it as YYYY-MM-DD)", option, text));
  }
  return *date;
}

int report_failure(const write::Failure& failure) {
  write_out(stderr, fmt::format("wellbeing: error: {}\n", failure.message));
  switch (failure.kind) {
    case write::FailureKind::changed:
      return k_exit_changed;
    case write::FailureKind::locked:
      return k_exit_locked;
    case write::FailureKind::exists:
    case write::FailureKind::io:
      break;
  }
  return k_exit_usage;
}

std::string shell_quote(std::string_view text) {
  const bool plain = !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                             "0123456789/._+-=") == std::string_view::npos;
  if (plain) {
    return std::string(text);
  }
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

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
        return fs::equivalent(candidate, self, ec) ? "wellbeing" : shell_quote(self.string());
      }
    }
  }
  return shell_quote(self.string());
}

}  // namespace wellbeing::cli
