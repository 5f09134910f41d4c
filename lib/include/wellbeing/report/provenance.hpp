#pragma once

#include <filesystem>
#include <string>

#include "wellbeing/util/expected.hpp"

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

// Reads the provenance of `file` with libgit2: the repository holding it, the last commit that changed it
// (following first and other parents, like `git log -1 -- FILE`) and whether it has uncommitted changes.
// Never fails: a file outside any repository, or standard input ("-"), gives in_repository == false.
Provenance read_provenance(const std::filesystem::path& file, const std::string& display_path);

// A file as committed at some revision.
struct RevisionFile {
  std::string text;
  std::string commit;       // the commit the revision names (40 hex digits)
  std::string commit_date;  // its committer date, "2026-11-22 10:36:54 +0000"
};

// `file` as committed at `revision` (anything `git rev-parse` accepts: a commit, tag, branch, "HEAD~3"),
// read from the repository holding `file`. Fails with a message when there is no repository, the revision
// is unknown, or the file is not in it.
util::Expected<RevisionFile, std::string> read_at_revision(const std::filesystem::path& file,
                                                           const std::string& revision);

}  // namespace wellbeing::report
