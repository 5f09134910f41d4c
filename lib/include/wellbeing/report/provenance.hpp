#pragma once

#include <filesystem>
#include <string>


namespace wellbeing::history {
class Snapshot;
}

namespace wellbeing::report {

// Where a record file stands in git, so that a printed report can be traced to the exact record.
struct Provenance {
  std::string file;               // the file as the report names it (display_path)
  bool in_repository = false;     // the file is inside a git working tree
  std::string repository_path;    // its path inside the repository, with "/" ("examples/records/p-0001.yaml")
  std::string commit;             // the last commit that changed the file (40 hex digits); empty when none
  std::string commit_date;        // that commit's committer date, "2026-11-22 10:36:54 +0000"
  bool committed = false;         // the file is in HEAD
  bool uncommitted_changes = false;  // the file differs from HEAD (edited, staged, or not yet committed)
  bool shallow = false;           // the history is cut short (a shallow clone): `commit` may be too recent
  std::string error;              // why git could not be read, when it could not (the rest is then empty)
};

// Reads the provenance of `file` from git (history::Repository): the repository holding it, the last commit
// that changed it (history::record_history's newest version, like `git log -1 -- FILE`) and whether it has
// uncommitted changes.
// Never fails: a file outside any repository, or standard input ("-"), gives in_repository == false.
Provenance read_provenance(const std::filesystem::path& file, const std::string& display_path);

// The provenance of the record at `file` in the copy a snapshot (`--at`) made: committed, with no
// uncommitted changes, last changed in the newest commit up to the snapshot's that changed it.
Provenance read_provenance_at(const history::Snapshot& snapshot, const std::filesystem::path& file,
                              const std::string& display_path);

}  // namespace wellbeing::report
