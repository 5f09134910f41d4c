#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <variant>

#include "wellbeing/history/repository.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::history {

// Which commit: the last one on or before a date (Repository::last_commit_on), or any git revision.
using When = std::variant<util::Date, std::string>;

// The records of a repository as they stood at one commit: its *.yaml and *.yml files (records and folder
// settings alike) copied out of git into a new temporary folder laid out as the working tree is, so that
// every command reads them as it reads the working tree, which stays untouched. Move-only; the folder is
// removed when the snapshot ends.
class Snapshot {
 public:
  // The snapshot of the repository holding `anchor` (a file or folder in its working tree) at `when`. Fails
  // with "ANCHOR is not in a git repository", an unknown revision, or "no commit on or before DATE".
  static util::Expected<Snapshot, util::Failure> take(const std::filesystem::path& anchor, const When& when);

  Snapshot(Snapshot&& other) noexcept;
  Snapshot& operator=(Snapshot&&) = delete;
  ~Snapshot();

  const CommitInfo& commit() const { return m_commit; }
  const Repository& repository() const { return m_repository; }
  // The working tree's top folder, and the copy's, which stands for it.
  const std::filesystem::path& workdir() const { return m_workdir; }
  const std::filesystem::path& folder() const { return m_folder; }
  // The folder in the temporary one that stands for the current folder (as it was when the snapshot was
  // taken): there, a relative path names in the copy what it names in the working tree. For a current
  // folder outside the working tree, the copy is laid out below it as the working tree is.
  const std::filesystem::path& current() const { return m_current; }

  // Where `path` (in the working tree: absolute, or relative to the current folder) is in the copy, whether
  // or not it was there at the commit. nullopt when it is outside the working tree.
  std::optional<std::filesystem::path> in_copy(const std::filesystem::path& path) const;

  // The path inside the repository ('/'-separated) of the record that the file `path` (in the working
  // tree) was at the commit: the same path when the commit has it, else the file whose `person.id` is the
  // working tree file's (a record renamed since). nullopt when the record was not there.
  std::optional<std::string> record_path(const std::filesystem::path& path) const;

 private:
  Snapshot(Repository repository, CommitInfo commit, std::filesystem::path workdir);
  Repository m_repository;
  CommitInfo m_commit;
  std::filesystem::path m_workdir;
  std::filesystem::path m_temporary;  // what is removed at the end; empty once moved from
  std::filesystem::path m_folder;
  std::filesystem::path m_current;
};

}  // namespace wellbeing::history
