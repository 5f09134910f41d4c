#include "wellbeing/report/provenance.hpp"

#include "wellbeing/history/repository.hpp"
#include "wellbeing/history/snapshot.hpp"
#include "wellbeing/util/file.hpp"

namespace wellbeing::report {

Provenance read_provenance(const std::filesystem::path& file, const std::string& display_path) {
  Provenance provenance;
  provenance.file = display_path;
  if (file == "-") {
    return provenance;
  }
  auto repository = history::Repository::discover(file);
  if (!repository) {
    return provenance;
  }
  const auto path = repository->relative_path(file);
  if (!path) {
    return provenance;  // a bare repository, or the file is reached through a link from outside
  }
  provenance.in_repository = true;
  provenance.repository_path = *path;
  provenance.shallow = repository->is_shallow();

  const auto uncommitted = repository->has_uncommitted_changes(*path);
  if (!uncommitted) {
    provenance.error = uncommitted.error().message;
    return provenance;
  }
  provenance.uncommitted_changes = *uncommitted;
  if (const auto head = repository->resolve("HEAD")) {
    provenance.committed = repository->read_file(*head, *path).has_value();
  }
  if (provenance.committed) {
    history::HistoryOptions newest;
    newest.limit = 1;
    const auto versions = history::record_history(*repository, *path, newest);
    if (versions && !versions->empty()) {
      provenance.commit = versions->front().commit.id;
      provenance.commit_date = history::format_time(versions->front().commit.committer);
    }
  }
  return provenance;
}

Provenance read_provenance_at(const history::Snapshot& snapshot, const std::filesystem::path& file,
                              const std::string& display_path) {
  Provenance provenance;
  provenance.file = display_path;
  const auto path = util::path_within(file, snapshot.folder());
  if (!path) {
    return provenance;
  }
  provenance.in_repository = true;
  provenance.repository_path = path->generic_string();
  provenance.committed = true;
  provenance.shallow = snapshot.repository().is_shallow();
  history::HistoryOptions newest;
  newest.limit = 1;
  newest.from = snapshot.commit().id;
  const auto versions = history::record_history(snapshot.repository(), provenance.repository_path, newest);
  const history::CommitInfo& commit =
      versions && !versions->empty() ? versions->front().commit : snapshot.commit();
  provenance.commit = commit.id;
  provenance.commit_date = history::format_time(commit.committer);
  return provenance;
}

}  // namespace wellbeing::report
