#include "at.hpp"

#include <fmt/format.h>

#include <regex>
#include <system_error>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/util/file.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;

history::When read_when(const std::string& text) {
  if (const auto date = parse_date_word(text)) {
    return *date;
  }
  static const std::regex k_date_like("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  if (std::regex_match(text, k_date_like)) {
    throw InputError(fmt::format("--at: '{}' is not a date: write it as YYYY-MM-DD, today or yesterday", text));
  }
  return text;
}

history::Snapshot take(const std::string& when, const std::vector<std::string>& paths) {
  const std::string first = paths.empty() ? std::string(".") : paths.front();
  if (std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    throw InputError(fmt::format("--at {}: standard input has no history; name files in a git repository", when));
  }
  auto snapshot = history::Snapshot::take(first, read_when(when));
  if (!snapshot) {
    throw InputError(fmt::format("--at {}: {}", when, snapshot.error().message));
  }
  return std::move(snapshot).value();
}

}  // namespace

CLI::Option* add_at_option(CLI::App& app, std::string& text) {
  return app.add_option("--at", text,
                        "Read the records and their folder settings as they stood at a commit: the last one on or "
                        "before DATE (YYYY-MM-DD, today, yesterday) on the current branch, or any git revision "
                        "(REV); the working tree is not touched")
      ->option_text("DATE|REV");
}

AtCommit::AtCommit(const std::string& when, std::vector<std::string>& paths) : m_snapshot(take(when, paths)) {
  if (paths.empty()) {
    paths.emplace_back(".");
  }
  std::error_code ec;
  const fs::path current = fs::current_path(ec);
  const fs::path& current_copy = m_snapshot.current();
  std::vector<std::string> kept;
  for (const std::string& path : paths) {
    const auto copy = m_snapshot.in_copy(path);
    if (!copy) {
      throw InputError(fmt::format("--at {}: {} is outside the repository {}", when, path,
                                   m_snapshot.workdir().string()));
    }
    fs::path target = *copy;
    if (fs::is_directory(path, ec)) {
      fs::create_directories(target, ec);  // a folder with no record yet at the commit is still a folder
    } else {
      const auto then = m_snapshot.record_path(path);
      if (!then) {
        write_out(stderr, fmt::format("wellbeing: note: {} was not there at {}; left out\n", path, describe()));
        continue;
      }
      target = m_snapshot.folder() / *then;
    }
    if (fs::path(path).is_relative()) {
      target = target.lexically_relative(current_copy);  // as typed, when it is where it was
    }
    kept.push_back(target.generic_string());
  }
  m_nothing_left = kept.empty();
  paths = std::move(kept);
  fs::current_path(current_copy, ec);
  if (ec) {
    throw InputError(fmt::format("--at {}: cannot read the copy of the records: {}", when, ec.message()));
  }
  m_previous = current;
}

AtCommit::~AtCommit() {
  if (!m_previous.empty()) {
    std::error_code ec;
    fs::current_path(m_previous, ec);
  }
}

std::string AtCommit::describe() const {
  return fmt::format("commit {} ({})", m_snapshot.commit().id.substr(0, 12),
                     history::format_time(m_snapshot.commit().committer));
}

}  // namespace wellbeing::cli
