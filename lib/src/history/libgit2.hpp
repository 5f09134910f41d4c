#pragma once
// The one place libgit2 is set up and its objects are owned: every other file of the library reaches git
// through history::Repository (or, inside history/, through these handles).

#include <git2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace wellbeing::history::git {

// Initialises libgit2 once for the life of the process (it is never shut down: the process ends soon
// after, and a shutdown while another thread still uses it would be worse). Call before any git_* call.
void ensure_initialised();

// libgit2's last error as "WHAT: MESSAGE" (just WHAT when it gave none).
std::string last_error(std::string_view what);

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) {
      Free(p);
    }
  }
};

// Owning handles: each frees its object with the matching git_*_free.
using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using WalkPtr = std::unique_ptr<git_revwalk, Deleter<git_revwalk, git_revwalk_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using PatchPtr = std::unique_ptr<git_patch, Deleter<git_patch, git_patch_free>>;
using ConfigPtr = std::unique_ptr<git_config, Deleter<git_config, git_config_free>>;

// A git_buf's bytes as a string, the buffer disposed of.
std::string take(git_buf& buffer);

// The repository holding `folder` (searching upwards, like git), or nullptr with libgit2's error cleared.
RepositoryPtr open_containing(const char* folder);

}  // namespace wellbeing::history::git
