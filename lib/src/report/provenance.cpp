#include "wellbeing/report/provenance.hpp"

#include <chrono>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <git2.h>

namespace wellbeing::report {

namespace fs = std::filesystem;

namespace {

// libgit2 counts its initialisations; one per call keeps it balanced without global state.
class GitLibrary {
 public:
  GitLibrary() { git_libgit2_init(); }
  ~GitLibrary() { git_libgit2_shutdown(); }
  GitLibrary(const GitLibrary&) = delete;
  GitLibrary& operator=(const GitLibrary&) = delete;
};

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using RepositoryPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using TreeEntryPtr = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using RevwalkPtr = std::unique_ptr<git_revwalk, Deleter<git_revwalk, git_revwalk_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;

std::string last_git_error(std::string_view what) {
  const git_error* error = git_error_last();
  return error && error->message ? fmt::format("{}: {}", what, error->message) : std::string(what);
}

struct Located {
  RepositoryPtr repository;
  std::string path;  // inside the working tree, with "/"
};

// The repository whose working tree holds `file`, and the file's path inside it.
std::optional<Located> locate(const fs::path& file) {
  std::error_code ec;
  const fs::path absolute = fs::weakly_canonical(fs::absolute(file, ec), ec);
  if (ec) {
    return std::nullopt;
  }
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, absolute.parent_path().c_str(), 0, nullptr) != 0) {
    return std::nullopt;
  }
  RepositoryPtr repository(raw);
  const char* workdir = git_repository_workdir(repository.get());
  if (!workdir) {
    return std::nullopt;  // a bare repository has no files to render
  }
  const fs::path root = fs::weakly_canonical(fs::path(workdir), ec);
  const fs::path relative = absolute.lexically_relative(root);
  if (ec || relative.empty() || *relative.begin() == "..") {
    return std::nullopt;
  }
  return Located{std::move(repository), relative.generic_string()};
}

// The id of the blob at `path` in `commit`, or nullopt when the commit does not have it.
std::optional<git_oid> blob_at(git_commit* commit, const std::string& path) {
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit) != 0) {
    return std::nullopt;
  }
  TreePtr tree(raw_tree);
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) != 0) {
    return std::nullopt;
  }
  TreeEntryPtr entry(raw_entry);
  return *git_tree_entry_id(entry.get());
}

std::string format_commit_time(const git_commit* commit) {
  using namespace std::chrono;
  const int offset_minutes = git_commit_time_offset(commit);
  const sys_seconds local{seconds(git_commit_time(commit) + static_cast<git_time_t>(offset_minutes) * 60)};
  const auto day = floor<days>(local);
  const year_month_day date{day};
  const hh_mm_ss time{local - day};
  const int offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} {}{:02}{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), time.hours().count(),
                     time.minutes().count(), time.seconds().count(), offset_minutes < 0 ? '-' : '+', offset / 60,
                     offset % 60);
}

// The newest commit reachable from HEAD whose version of `path` differs from every parent's, as
// `git log -1 -- path` finds it (a merge that took one side unchanged is not a change).
CommitPtr last_change(git_repository* repository, const std::string& path) {
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repository) != 0) {
    return nullptr;
  }
  RevwalkPtr walk(raw_walk);
  git_revwalk_sorting(walk.get(), GIT_SORT_TIME);
  if (git_revwalk_push_head(walk.get()) != 0) {
    return nullptr;
  }
  git_oid id;
  while (git_revwalk_next(&id, walk.get()) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repository, &id) != 0) {
      return nullptr;
    }
    CommitPtr commit(raw_commit);
    const std::optional<git_oid> blob = blob_at(commit.get(), path);
    if (!blob) {
      continue;
    }
    bool same_as_a_parent = false;
    const unsigned parents = git_commit_parentcount(commit.get());
    for (unsigned i = 0; i < parents && !same_as_a_parent; ++i) {
      git_commit* raw_parent = nullptr;
      if (git_commit_parent(&raw_parent, commit.get(), i) != 0) {
        continue;  // a parent missing from a shallow clone
      }
      CommitPtr parent(raw_parent);
      const std::optional<git_oid> parent_blob = blob_at(parent.get(), path);
      same_as_a_parent = parent_blob && git_oid_equal(&*parent_blob, &*blob);
    }
    if (!same_as_a_parent) {
      return commit;
    }
  }
  return nullptr;
}

}  // namespace

Provenance read_provenance(const fs::path& file, const std::string& display_path) {
  Provenance provenance;
  provenance.file = display_path;
  if (file == "-") {
    return provenance;
  }
  const GitLibrary library;
  std::optional<Located> located = locate(file);
  if (!located) {
    return provenance;
  }
  git_repository* repository = located->repository.get();
  provenance.in_repository = true;
  provenance.repository_path = located->path;
  provenance.shallow = git_repository_is_shallow(repository) == 1;

  unsigned int status = 0;
  if (git_status_file(&status, repository, located->path.c_str()) != 0) {
    provenance.error = last_git_error("cannot read the file's git status");
    return provenance;
  }
  provenance.uncommitted_changes = status != GIT_STATUS_CURRENT;

  git_object* raw_head = nullptr;
  if (git_revparse_single(&raw_head, repository, "HEAD^{commit}") == 0) {
    ObjectPtr head(raw_head);
    provenance.committed = blob_at(reinterpret_cast<git_commit*>(head.get()), located->path).has_value();
  }
  if (provenance.committed) {
    if (CommitPtr commit = last_change(repository, located->path)) {
      char id[GIT_OID_HEXSZ + 1] = {};
      git_oid_tostr(id, sizeof id, git_commit_id(commit.get()));
      provenance.commit = id;
      provenance.commit_date = format_commit_time(commit.get());
    }
  }
  return provenance;
}

util::Expected<RevisionFile, std::string> read_at_revision(const fs::path& file, const std::string& revision) {
  const GitLibrary library;
  std::optional<Located> located = locate(file);
  if (!located) {
    return util::unexpected(fmt::format("{} is not in a git repository", file.string()));
  }
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, located->repository.get(), (revision + "^{commit}").c_str()) != 0) {
    return util::unexpected(fmt::format("unknown revision '{}'", revision));
  }
  ObjectPtr object(raw);
  const std::optional<git_oid> blob_id = blob_at(reinterpret_cast<git_commit*>(object.get()), located->path);
  if (!blob_id) {
    return util::unexpected(fmt::format("{} is not in revision '{}'", located->path, revision));
  }
  git_blob* raw_blob = nullptr;
  if (git_blob_lookup(&raw_blob, located->repository.get(), &*blob_id) != 0) {
    return util::unexpected(last_git_error("cannot read the file from git"));
  }
  BlobPtr blob(raw_blob);
  const auto* content = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  const auto* commit = reinterpret_cast<const git_commit*>(object.get());
  char id[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(id, sizeof id, git_commit_id(commit));
  return RevisionFile{std::string(content, static_cast<std::size_t>(git_blob_rawsize(blob.get()))), id,
                      format_commit_time(commit)};
}

}  // namespace wellbeing::report
