#include "wellbeing/history/snapshot.hpp"

#include <fmt/format.h>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/file.hpp"

namespace wellbeing::history {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_prefix = "wellbeing-at-";

// Removes the copies that commands ended by a signal (which cannot remove a folder tree) left in `temp`:
// each is named after the process that made it, and one whose process is gone is no one's.
void remove_orphans(const fs::path& temp) {
  std::error_code ec;
  for (fs::directory_iterator it(temp, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(k_prefix)) {
      continue;
    }
    const std::string rest = name.substr(k_prefix.size());
    const long pid = std::strtol(rest.c_str(), nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

}  // namespace

util::Expected<Snapshot, util::Failure> Snapshot::take(const fs::path& anchor, const When& when) {
  auto repository = Repository::discover(anchor);
  if (!repository) {
    return util::unexpected(repository.error());
  }
  const fs::path workdir = repository->workdir();
  if (workdir.empty()) {
    return util::unexpected(fmt::format("{} is in a repository with no working tree", anchor.string()));
  }
  std::string id;
  if (const auto* date = std::get_if<util::Date>(&when)) {
    auto found = repository->last_commit_on(*date);
    if (!found) {
      return util::unexpected(fmt::format("no commit on or before {} in the history of HEAD", util::format_date(*date)));
    }
    id = std::move(*found);
  } else {
    auto resolved = repository->resolve(std::get<std::string>(when));
    if (!resolved) {
      return util::unexpected(resolved.error());
    }
    id = std::move(resolved).value();
  }
  std::error_code ec;
  Snapshot snapshot(std::move(repository).value(), CommitInfo{}, fs::weakly_canonical(workdir, ec));
  const fs::path temp = fs::temp_directory_path(ec);
  remove_orphans(temp);
  std::string pattern = (temp / fmt::format("{}{}-XXXXXX", k_prefix, ::getpid())).string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) {
    return util::unexpected(fmt::format("cannot make a temporary folder: {}", std::strerror(errno)));
  }
  snapshot.m_temporary = pattern;
  snapshot.m_folder = snapshot.m_temporary;
  // Where the current folder is, as seen from the working tree: inside it, the copy of that folder; outside,
  // folders standing for the steps up (`..`) from it, and the copy where the rest of the way leads.
  const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
  const fs::path inside = here.lexically_relative(snapshot.m_workdir);
  if (!inside.empty() && *inside.begin() != "..") {
    snapshot.m_current = (snapshot.m_folder / inside).lexically_normal();
  } else {
    snapshot.m_current = snapshot.m_temporary;
    for (const fs::path& step : snapshot.m_workdir.lexically_relative(here)) {
      if (step == "..") {
        snapshot.m_current /= "up";
      } else {
        snapshot.m_folder /= step;
      }
    }
  }
  fs::create_directories(snapshot.m_folder, ec);
  fs::create_directories(snapshot.m_current, ec);
  if (auto exported = snapshot.m_repository.export_yaml(id, snapshot.m_folder); !exported) {
    return util::unexpected(exported.error());
  }
  snapshot.m_commit = snapshot.m_repository.commit(id);
  return snapshot;
}

Snapshot::Snapshot(Repository repository, CommitInfo commit, fs::path workdir)
    : m_repository(std::move(repository)), m_commit(std::move(commit)), m_workdir(std::move(workdir)) {}

Snapshot::Snapshot(Snapshot&& other) noexcept
    : m_repository(std::move(other.m_repository)),
      m_commit(std::move(other.m_commit)),
      m_workdir(std::move(other.m_workdir)),
      m_temporary(std::exchange(other.m_temporary, {})),
      m_folder(std::move(other.m_folder)),
      m_current(std::move(other.m_current)) {}

Snapshot::~Snapshot() {
  if (!m_temporary.empty()) {
    std::error_code ec;
    fs::remove_all(m_temporary, ec);
  }
}

std::optional<fs::path> Snapshot::in_copy(const fs::path& path) const {
  const auto relative = util::path_within(path, m_workdir);
  if (!relative) {
    return std::nullopt;
  }
  return (m_folder / *relative).lexically_normal();
}

std::optional<std::string> Snapshot::record_path(const fs::path& path) const {
  const auto relative = util::path_within(path, m_workdir);
  if (!relative) {
    return std::nullopt;
  }
  const std::string here = relative->generic_string();
  if (m_repository.read_file(m_commit.id, here)) {
    return here;
  }
  auto text = util::read_bounded(path, document::ParseOptions{}.max_bytes);
  if (!text) {
    return std::nullopt;
  }
  return m_repository.find_record(m_commit.id, person_id_of(*text), {});
}

}  // namespace wellbeing::history
