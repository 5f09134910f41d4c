#pragma once
// `--at DATE|REV` for validate, summary and render: the records, and their folder settings, as they stood at
// one commit (history::Snapshot), read by the command as it reads the working tree, which stays untouched.

#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "wellbeing/history/snapshot.hpp"

namespace wellbeing::cli {

// Registers --at on a command, its text landing in `text`.
CLI::Option* add_at_option(CLI::App& app, std::string& text);

class AtCommit {
 public:
  // The snapshot at `when` (a date as every date option takes it: the last commit on or before it on the
  // current branch; otherwise any git revision) of the repository holding the first of `paths`, which are
  // rewritten to their places in it. The folder standing for the current one in the copy
  // (history::Snapshot::current) becomes the current folder until the AtCommit ends, so relative paths, and
  // what is shown of them, stay as typed; make any other relative path absolute first. A file that was not there at the commit is found
  // under the name it had then (by its person id); one that was not there at all is left out with a note on
  // standard error. Throws InputError("--at WHEN: …") outside a git repository, for an unknown revision, a
  // date before the first commit, standard input or a path outside the working tree.
  AtCommit(const std::string& when, std::vector<std::string>& paths);
  AtCommit(const AtCommit&) = delete;
  AtCommit& operator=(const AtCommit&) = delete;
  ~AtCommit();

  const history::Snapshot& snapshot() const { return m_snapshot; }
  // "commit 1a2b3c4d5e6f (2026-03-01 10:00:00 +0000)".
  std::string describe() const;
  // True when every path named was a file that was not there at the commit.
  bool nothing_left() const { return m_nothing_left; }

 private:
  history::Snapshot m_snapshot;
  std::filesystem::path m_previous;  // the current folder before, when it was changed
  bool m_nothing_left = false;
};

}  // namespace wellbeing::cli
