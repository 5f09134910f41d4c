#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wellbeing/document/node.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/expected.hpp"

struct git_repository;

namespace wellbeing::history {

// Who made a commit, and when (seconds since the epoch, and their UTC offset in minutes).
struct Signature {
  std::string name;
  std::string email;
  std::int64_t time = 0;
  int offset_minutes = 0;
};

struct CommitInfo {
  std::string id;        // 40 hex digits
  std::string short_id;  // the first 7
  Signature author;
  Signature committer;
  std::string message;  // as written, without the trailing line break
  std::string summary;  // its first line
  std::vector<std::string> parents;
};

// "2026-10-01 14:03:00 +0100" (the signature's own offset).
std::string format_time(const Signature& signature);
// "2026-10-01T14:03:00+01:00".
std::string format_time_iso(const Signature& signature);

// A git repository, read through libgit2. Move-only. Every failure is an error message naming what failed.
class Repository {
 public:
  // The repository that holds `start` (a file or folder, which need not exist), searching upwards.
  static util::Expected<Repository, util::Failure> discover(const std::filesystem::path& start);

  Repository(Repository&&) noexcept;
  Repository& operator=(Repository&&) noexcept;
  ~Repository();

  // The working tree's top folder (empty for a bare repository).
  std::filesystem::path workdir() const;

  // `file` (relative to the current folder, or absolute) as a path inside the repository, with '/'.
  util::Expected<std::string, util::Failure> relative_path(const std::filesystem::path& file) const;

  // The commit a revision names ("HEAD~2", a branch, a tag, an abbreviated id), as 40 hex digits.
  util::Expected<std::string, util::Failure> resolve(std::string_view revision) const;

  CommitInfo commit(const std::string& id) const;

  // The last commit on the current branch (from HEAD, following first parents) whose committer date, in the
  // committer's own time zone, is on or before `date`; nullopt when there is none (no commits, or all later).
  std::optional<std::string> last_commit_on(util::Date date) const;

  // The commits of the current branch, from HEAD back to the first, following first parents (40 hex
  // digits each). Empty when there is no commit.
  std::vector<std::string> first_parents() const;

  // Copies the *.yaml and *.yml files of commit `id` into `folder` at their paths in the repository, by
  // libgit2's checkout into another folder: neither the working tree nor the index is touched.
  util::Expected<void, util::Failure> export_yaml(const std::string& id, const std::filesystem::path& folder) const;

  // The *.yaml and *.yml files of commit `id` under `folder` (a path inside the repository, '/'-separated;
  // empty: all), each with its blob id, sorted by path. Empty when the commit cannot be read.
  struct TreeFile {
    std::string path;  // inside the repository
    std::string blob;  // 40 hex digits
  };
  std::vector<TreeFile> yaml_files(const std::string& id, std::string_view folder) const;

  // The content of the blob `blob` (40 hex digits), or nullopt when the repository has no such blob.
  std::optional<std::string> read_blob(const std::string& blob) const;

  // The file at `path` in commit `id`, or nullopt when the commit has no such file.
  std::optional<std::string> read_file(const std::string& id, std::string_view path) const;

  // The path of the record of person `person_id` in commit `id`: the file with the same name first, then
  // any *.yaml or *.yml file whose `person.id` matches (among `candidates` when given). nullopt when none.
  std::optional<std::string> find_record(const std::string& id, std::string_view person_id,
                                         std::string_view preferred_path,
                                         const std::vector<std::string>* candidates = nullptr) const;

  // Paths of the files in `parent` that are not in `child` (deleted or renamed away by the commit).
  std::vector<std::string> paths_gone(const std::string& parent, const std::string& child) const;

  // What differs between the commit `id` and the working tree (with the index, and untracked files):
  // paths inside the repository, '/'-separated, sorted. A renamed file (found by content, as git does) is
  // in `changed` under its new path and in `renamed`. Fails with libgit2's message.
  struct Changes {
    std::vector<std::string> changed;                          // added, modified or renamed to
    std::vector<std::string> deleted;                          // gone, not renamed
    std::vector<std::pair<std::string, std::string>> renamed;  // old path, new path
  };
  util::Expected<Changes, util::Failure> changes_since(const std::string& id) const;

  // True when the history is cut short (a shallow clone).
  bool is_shallow() const;

  // True when `path` (inside the repository) differs from HEAD in the index or the working tree, or is
  // not tracked. Fails with libgit2's message when its status cannot be read.
  util::Expected<bool, util::Failure> has_uncommitted_changes(std::string_view path) const;

  // The libgit2 handle, for history/ itself.
  git_repository* raw() const { return m_repo; }

 private:
  explicit Repository(git_repository* repo) : m_repo(repo) {}
  git_repository* m_repo = nullptr;
};

// One commit that changed a record.
struct FileVersion {
  CommitInfo commit;
  std::string path;                                      // the record's path in this commit
  std::optional<std::string> old_path;                   // its path in the first parent, when it was there
  std::optional<std::string> old_text;                   // the record in the first parent, when it was there
  std::vector<std::optional<std::string>> parent_texts;  // the record in each parent (nullopt: not there)
  std::string text;                                      // the record in this commit
};

struct HistoryOptions {
  std::optional<std::int64_t> since;  // only commits made (author time) at or after this time
  std::optional<std::int64_t> until;  // only commits made before this time
  std::optional<std::size_t> limit;   // stop after this many versions (the newest)
  std::optional<std::string> from;    // start at this commit (40 hex digits) instead of HEAD
};

// Every commit reachable from HEAD (or options.from) that changed the record at `path` (relative to the
// repository; it must be in that commit), newest first (topological, then by time). The record is followed across renames by its
// person id: when a commit's parent has no file at the path, the parent's files that the commit removed
// are searched for the same `person.id`. A commit counts when the record differs from every parent's (a
// merge that took one side unchanged does not), or was renamed. Fails when there is no HEAD or the path is
// not in it.
util::Expected<std::vector<FileVersion>, util::Failure> record_history(const Repository& repository,
                                                                     const std::string& path,
                                                                     const HistoryOptions& options = {});

// A file as committed at some revision.
struct RevisionFile {
  std::string text;
  CommitInfo commit;  // the commit the revision names
};

// `file` (a path in a working tree) as committed at `revision` (anything `git rev-parse` takes: a commit,
// tag, branch, "HEAD~3"), from the repository holding it. Fails with a message when there is no
// repository ("FILE is not in a git repository"), the revision is unknown, or the file is not in it.
util::Expected<RevisionFile, util::Failure> read_at_revision(const std::filesystem::path& file,
                                                           std::string_view revision);

// Who last changed one value of a record.
struct Blame {
  std::optional<document::Node> value;     // the value in `current` (nullopt: it is not there)
  std::optional<document::Node> previous;  // the value before that commit (nullopt: it was not there)
  std::optional<FileVersion> version;      // the commit that last changed it; nullopt when none in `history` did
};

// Who last changed the value at `identity_path` ("outcomes/o-3/status": list items by identity) of the
// record whose text is now `current`, searching `history` (newest first, from record_history). A value
// that is no longer there is blamed on the commit that removed it; one that was never there has neither a
// value nor a version. Unparseable versions are skipped.
Blame blame_value(std::string_view current, const std::vector<FileVersion>& history, std::string_view identity_path);

// The person id (`person.id`) of a record's text, or empty when it has none or cannot be parsed.
std::string person_id_of(std::string_view text);

// A line-level three-way merge (git's merge-file, through libgit2) with conflict markers labelled
// "ours" and "theirs". `clean` is false when any conflict markers were written.
struct TextMerge {
  std::string text;
  bool clean = false;
};
util::Expected<TextMerge, util::Failure> merge_text(std::string_view base, std::string_view ours,
                                                  std::string_view theirs);

// How a unified diff is headed.
enum class PatchStyle {
  plain,  // "--- OLD_LABEL" and "+++ NEW_LABEL" as given, and "@@ -l,n +l,n @@" hunk headers alone
  git,    // as `git diff` prints it: "diff --git a/OLD b/NEW", an index line, "--- a/OLD", "+++ b/NEW",
          // and after each hunk header the line above it that looks like a heading
};

// The difference between two texts as a unified diff (libgit2's, three lines of context), line by line:
// line endings stay part of the lines (a CRLF file shows as CRLF), and a last line without one is marked
// "\ No newline at end of file". Empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, PatchStyle style);

// The change one command would make to the file at `path`, as a plain unified diff labelled
// "a/PATH" and "b/PATH" the way git labels paths (an absolute path loses its leading '/').
std::string file_change_diff(std::string_view old_text, std::string_view new_text, std::string_view path);

}  // namespace wellbeing::history
