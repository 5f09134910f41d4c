#include "wellbeing/history/snapshot.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/file.hpp"

namespace wellbeing::history {

namespace fs = std::filesystem;

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
  std::string pattern = (fs::temp_directory_path(ec) / "wellbeing-at-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr) {
    return util::unexpected(fmt::format("cannot make a temporary folder: {}", std::strerror(errno)));
  }
  const fs::path folder = pattern;
  if (auto exported = repository->export_yaml(id, folder); !exported) {
    fs::remove_all(folder, ec);
    return util::unexpected(exported.error());
  }
  CommitInfo info = repository->commit(id);
  return Snapshot(std::move(repository).value(), std::move(info), fs::weakly_canonical(workdir, ec), folder);
}

Snapshot::Snapshot(Repository repository, CommitInfo commit, fs::path workdir, fs::path folder)
    : m_repository(std::move(repository)),
      m_commit(std::move(commit)),
      m_workdir(std::move(workdir)),
      m_folder(std::move(folder)) {}

Snapshot::Snapshot(Snapshot&& other) noexcept
    : m_repository(std::move(other.m_repository)),
      m_commit(std::move(other.m_commit)),
      m_workdir(std::move(other.m_workdir)),
      m_folder(std::exchange(other.m_folder, {})) {}

Snapshot::~Snapshot() {
  if (!m_folder.empty()) {
    std::error_code ec;
    fs::remove_all(m_folder, ec);
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
