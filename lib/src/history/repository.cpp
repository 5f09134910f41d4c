#include "wellbeing/history/repository.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <system_error>

#include "wellbeing/diff/diff.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/file.hpp"
#include "libgit2.hpp"

namespace wellbeing::history {

namespace {

using git::BlobPtr;
using git::CommitPtr;
using git::DiffPtr;
using git::EntryPtr;
using git::ObjectPtr;
using git::PatchPtr;
using git::TreePtr;
using git::WalkPtr;
using git::last_error;

std::string to_hex(const git_oid& oid) {
  char buffer[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(buffer, sizeof buffer, &oid);
  return buffer;
}

std::optional<git_oid> from_hex(const std::string& hex) {
  git_oid oid;
  if (git_oid_fromstr(&oid, hex.c_str()) != 0) {
    return std::nullopt;
  }
  return oid;
}

CommitPtr lookup_commit(git_repository* repo, const std::string& id) {
  const auto oid = from_hex(id);
  git_commit* commit = nullptr;
  if (!oid || git_commit_lookup(&commit, repo, &*oid) != 0) {
    return nullptr;
  }
  return CommitPtr(commit);
}

TreePtr commit_tree(git_repository* repo, const std::string& id) {
  CommitPtr commit = lookup_commit(repo, id);
  git_tree* tree = nullptr;
  if (!commit || git_commit_tree(&tree, commit.get()) != 0) {
    return nullptr;
  }
  return TreePtr(tree);
}

// The blob id of `path` in commit `id`, or nullopt.
std::optional<git_oid> blob_id(git_repository* repo, const std::string& id, std::string_view path) {
  TreePtr tree = commit_tree(repo, id);
  git_tree_entry* entry = nullptr;
  if (!tree || git_tree_entry_bypath(&entry, tree.get(), std::string(path).c_str()) != 0) {
    return std::nullopt;
  }
  EntryPtr owned(entry);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) {
    return std::nullopt;
  }
  return *git_tree_entry_id(entry);
}

std::optional<std::string> read_blob(git_repository* repo, const git_oid& oid) {
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo, &oid) != 0) {
    return std::nullopt;
  }
  BlobPtr owned(blob);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob)));
}

Signature signature(const git_signature* sig) {
  Signature out;
  if (sig) {
    out.name = sig->name ? sig->name : "";
    out.email = sig->email ? sig->email : "";
    out.time = sig->when.time;
    out.offset_minutes = sig->when.offset;
  }
  return out;
}

bool is_yaml_path(std::string_view path) { return path.ends_with(".yaml") || path.ends_with(".yml"); }

int collect_yaml(const char* root, const git_tree_entry* entry, void* payload) {
  auto* paths = static_cast<std::vector<std::string>*>(payload);
  const std::string name = git_tree_entry_name(entry);
  if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB && is_yaml_path(name)) {
    paths->push_back(std::string(root) + name);
  }
  constexpr std::size_t k_max_files = 100'000;
  return paths->size() < k_max_files ? 0 : -1;
}

}  // namespace

std::string format_time(const Signature& signature) {
  const std::int64_t local = signature.time + static_cast<std::int64_t>(signature.offset_minutes) * 60;
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds(std::chrono::seconds(local)));
  const std::chrono::year_month_day date{days};
  const std::int64_t seconds = local - days.time_since_epoch().count() * 86400;
  const int offset = std::abs(signature.offset_minutes);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}:{:02} {}{:02}{:02}", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()), seconds / 3600,
                     seconds / 60 % 60, seconds % 60, signature.offset_minutes < 0 ? '-' : '+', offset / 60,
                     offset % 60);
}

std::string format_time_iso(const Signature& signature) {
  const std::string text = format_time(signature);  // "YYYY-MM-DD HH:MM:SS +HHMM"
  return fmt::format("{}T{}{}:{}", text.substr(0, 10), text.substr(11, 8), text.substr(20, 3), text.substr(23, 2));
}

util::Expected<Repository, util::Failure> Repository::discover(const std::filesystem::path& start) {
  std::error_code error;
  std::filesystem::path folder = std::filesystem::absolute(start, error).lexically_normal();
  while (!folder.empty() && !std::filesystem::is_directory(folder, error)) {
    if (folder == folder.parent_path()) {
      break;
    }
    folder = folder.parent_path();
  }
  git::RepositoryPtr repo = git::open_containing(folder.c_str());
  if (!repo) {
    return util::unexpected(fmt::format("{} is not in a git repository", start.string()));
  }
  return Repository(repo.release());
}

Repository::Repository(Repository&& other) noexcept : m_repo(std::exchange(other.m_repo, nullptr)) {}

Repository& Repository::operator=(Repository&& other) noexcept {
  if (this != &other) {
    git_repository_free(m_repo);
    m_repo = std::exchange(other.m_repo, nullptr);
  }
  return *this;
}

Repository::~Repository() { git_repository_free(m_repo); }

std::filesystem::path Repository::workdir() const {
  const char* dir = git_repository_workdir(m_repo);
  return dir ? std::filesystem::path(dir) : std::filesystem::path();
}

util::Expected<std::string, util::Failure> Repository::relative_path(const std::filesystem::path& file) const {
  const std::filesystem::path top = workdir();
  if (top.empty()) {
    return util::unexpected(std::string("the repository has no working tree"));
  }
  const auto relative = util::path_within(file, top);
  if (!relative) {
    std::error_code error;
    return util::unexpected(fmt::format("{} is outside the repository {}", file.string(),
                                        std::filesystem::weakly_canonical(top, error).string()));
  }
  return relative->generic_string();
}

util::Expected<std::string, util::Failure> Repository::resolve(std::string_view revision) const {
  git_object* object = nullptr;
  if (git_revparse_single(&object, m_repo, std::string(revision).c_str()) != 0) {
    return util::unexpected(fmt::format("unknown revision '{}'", revision));
  }
  ObjectPtr owned(object);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) {
    return util::unexpected(fmt::format("'{}' does not name a commit", revision));
  }
  ObjectPtr owned_peeled(peeled);
  return to_hex(*git_object_id(peeled));
}

CommitInfo Repository::commit(const std::string& id) const {
  CommitInfo info;
  info.id = id;
  info.short_id = id.substr(0, 7);
  CommitPtr commit = lookup_commit(m_repo, id);
  if (!commit) {
    return info;
  }
  info.author = signature(git_commit_author(commit.get()));
  info.committer = signature(git_commit_committer(commit.get()));
  const char* message = git_commit_message(commit.get());
  info.message = message ? message : "";
  while (!info.message.empty() && (info.message.back() == '\n' || info.message.back() == '\r')) {
    info.message.pop_back();
  }
  info.summary = info.message.substr(0, info.message.find('\n'));
  for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i) {
    info.parents.push_back(to_hex(*git_commit_parent_id(commit.get(), i)));
  }
  return info;
}

std::optional<std::string> Repository::last_commit_on(util::Date date) const {
  auto head = resolve("HEAD");
  if (!head) {
    return std::nullopt;
  }
  // The first second after `date`, in days since the epoch: a commit is on or before it when its local
  // time is earlier.
  const std::int64_t end = (static_cast<std::chrono::sys_days>(date).time_since_epoch().count() + 1) * 86400;
  CommitPtr commit = lookup_commit(m_repo, *head);
  while (commit) {
    const git_signature* who = git_commit_committer(commit.get());
    const std::int64_t local = who->when.time + static_cast<std::int64_t>(who->when.offset) * 60;
    if (local < end) {
      return to_hex(*git_commit_id(commit.get()));
    }
    git_commit* parent = nullptr;
    if (git_commit_parentcount(commit.get()) == 0 || git_commit_parent(&parent, commit.get(), 0) != 0) {
      return std::nullopt;
    }
    commit.reset(parent);
  }
  return std::nullopt;
}

std::vector<std::string> Repository::first_parents() const {
  std::vector<std::string> out;
  auto head = resolve("HEAD");
  if (!head) {
    return out;
  }
  CommitPtr commit = lookup_commit(m_repo, *head);
  while (commit) {
    out.push_back(to_hex(*git_commit_id(commit.get())));
    git_commit* parent = nullptr;
    if (git_commit_parentcount(commit.get()) == 0 || git_commit_parent(&parent, commit.get(), 0) != 0) {
      break;
    }
    commit.reset(parent);
  }
  return out;
}

util::Expected<void, util::Failure> Repository::export_yaml(const std::string& id,
                                                             const std::filesystem::path& folder) const {
  CommitPtr commit = lookup_commit(m_repo, id);
  if (!commit) {
    return util::unexpected(git::last_error(fmt::format("cannot read the commit {}", id)));
  }
  char yaml[] = "*.yaml";
  char yml[] = "*.yml";
  char* patterns[] = {yaml, yml};
  const std::string target = folder.string();
  git_checkout_options options = GIT_CHECKOUT_OPTIONS_INIT;
  options.checkout_strategy = GIT_CHECKOUT_FORCE | GIT_CHECKOUT_DONT_UPDATE_INDEX | GIT_CHECKOUT_DONT_WRITE_INDEX;
  options.target_directory = target.c_str();
  options.paths = git_strarray{patterns, 2};
  if (git_checkout_tree(m_repo, reinterpret_cast<const git_object*>(commit.get()), &options) != 0) {
    return util::unexpected(git::last_error(fmt::format("cannot read the files of commit {}", id.substr(0, 12))));
  }
  return {};
}

bool Repository::is_shallow() const { return git_repository_is_shallow(m_repo) == 1; }

util::Expected<bool, util::Failure> Repository::has_uncommitted_changes(std::string_view path) const {
  unsigned int status = 0;
  if (git_status_file(&status, m_repo, std::string(path).c_str()) != 0) {
    return util::unexpected(last_error("cannot read the file's git status"));
  }
  return status != GIT_STATUS_CURRENT;
}

std::vector<Repository::TreeFile> Repository::yaml_files(const std::string& id, std::string_view folder) const {
  struct Walk {
    std::string prefix;
    std::vector<TreeFile> files;
  } walk{folder.empty() ? std::string() : std::string(folder) + "/", {}};
  TreePtr tree = commit_tree(m_repo, id);
  if (!tree) {
    return {};
  }
  git_tree_walk(
      tree.get(), GIT_TREEWALK_PRE,
      [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        auto* w = static_cast<Walk*>(payload);
        const std::string path = std::string(root) + git_tree_entry_name(entry);
        if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
          // Only folders on the way to the prefix, or inside it, are walked into (1: skip this one).
          const std::string folder_path = path + "/";
          return folder_path.starts_with(w->prefix) || w->prefix.starts_with(folder_path) ? 0 : 1;
        }
        if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB && is_yaml_path(path) && path.starts_with(w->prefix)) {
          w->files.push_back({path, to_hex(*git_tree_entry_id(entry))});
        }
        constexpr std::size_t k_max_files = 100'000;
        return w->files.size() < k_max_files ? 0 : -1;
      },
      &walk);
  std::sort(walk.files.begin(), walk.files.end(),
            [](const TreeFile& a, const TreeFile& b) { return a.path < b.path; });
  return std::move(walk.files);
}

std::optional<std::string> Repository::read_blob(const std::string& blob) const {
  const auto oid = from_hex(blob);
  return oid ? history::read_blob(m_repo, *oid) : std::nullopt;
}

std::optional<std::string> Repository::read_file(const std::string& id, std::string_view path) const {
  const auto oid = blob_id(m_repo, id, path);
  return oid ? history::read_blob(m_repo, *oid) : std::nullopt;
}

std::optional<std::string> Repository::find_record(const std::string& id, std::string_view person_id,
                                                   std::string_view preferred_path,
                                                   const std::vector<std::string>* candidates) const {
  if (person_id.empty()) {
    return std::nullopt;
  }
  if (!preferred_path.empty()) {
    if (const auto text = read_file(id, preferred_path); text && person_id_of(*text) == person_id) {
      return std::string(preferred_path);
    }
  }
  std::vector<std::string> all;
  if (!candidates) {
    TreePtr tree = commit_tree(m_repo, id);
    if (!tree) {
      return std::nullopt;
    }
    git_tree_walk(tree.get(), GIT_TREEWALK_PRE, collect_yaml, &all);
    std::sort(all.begin(), all.end());
    candidates = &all;
  }
  for (const std::string& path : *candidates) {
    if (!is_yaml_path(path)) {
      continue;
    }
    if (const auto text = read_file(id, path); text && person_id_of(*text) == person_id) {
      return path;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Repository::paths_gone(const std::string& parent, const std::string& child) const {
  std::vector<std::string> out;
  TreePtr old_tree = commit_tree(m_repo, parent);
  TreePtr new_tree = commit_tree(m_repo, child);
  git_diff* diff = nullptr;
  if (!old_tree || !new_tree || git_diff_tree_to_tree(&diff, m_repo, old_tree.get(), new_tree.get(), nullptr) != 0) {
    return out;
  }
  DiffPtr owned(diff);
  for (std::size_t i = 0; i < git_diff_num_deltas(diff); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff, i);
    if (delta->status == GIT_DELTA_DELETED && delta->old_file.path) {
      out.emplace_back(delta->old_file.path);
    }
  }
  return out;
}

util::Expected<Repository::Changes, util::Failure> Repository::changes_since(const std::string& id) const {
  TreePtr tree = commit_tree(m_repo, id);
  if (!tree) {
    return util::unexpected(git::last_error(fmt::format("cannot read the commit {}", id)));
  }
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
  git_diff* raw = nullptr;
  if (git_diff_tree_to_workdir_with_index(&raw, m_repo, tree.get(), &options) != 0) {
    return util::unexpected(git::last_error("cannot compare the working tree"));
  }
  DiffPtr diff(raw);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES | GIT_DIFF_FIND_FOR_UNTRACKED;
  if (git_diff_find_similar(diff.get(), &find) != 0) {
    return util::unexpected(git::last_error("cannot find renamed files"));
  }
  Changes changes;
  for (std::size_t i = 0; i < git_diff_num_deltas(diff.get()); ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    switch (delta->status) {
      case GIT_DELTA_DELETED:
        changes.deleted.emplace_back(delta->old_file.path);
        break;
      case GIT_DELTA_RENAMED:
        changes.renamed.emplace_back(delta->old_file.path, delta->new_file.path);
        changes.changed.emplace_back(delta->new_file.path);
        break;
      case GIT_DELTA_ADDED:
      case GIT_DELTA_MODIFIED:
      case GIT_DELTA_UNTRACKED:
      case GIT_DELTA_TYPECHANGE:
      case GIT_DELTA_COPIED:
        changes.changed.emplace_back(delta->new_file.path);
        break;
      default:
        break;
    }
  }
  std::sort(changes.changed.begin(), changes.changed.end());
  std::sort(changes.deleted.begin(), changes.deleted.end());
  std::sort(changes.renamed.begin(), changes.renamed.end());
  return changes;
}

std::string person_id_of(std::string_view text) {
  auto parsed = document::parse(std::string(text), "record");
  if (!parsed) {
    return {};
  }
  const document::Node* person = parsed->root.find("person");
  const document::Node* id = person ? person->find("id") : nullptr;
  return id && id->is_string() ? id->as_string() : std::string();
}

util::Expected<std::vector<FileVersion>, util::Failure> record_history(const Repository& repository,
                                                                     const std::string& path,
                                                                     const HistoryOptions& options) {
  git_repository* repo = repository.raw();
  auto head = options.from ? util::Expected<std::string, util::Failure>(*options.from) : repository.resolve("HEAD");
  if (!head) {
    return util::unexpected(std::string("the repository has no commits yet"));
  }
  if (!blob_id(repo, *head, path)) {
    return util::unexpected(options.from ? fmt::format("{} is not in commit {}", path, options.from->substr(0, 12))
                                         : fmt::format("{} is not in the last commit (HEAD)", path));
  }

  git_revwalk* walk_raw = nullptr;
  if (git_revwalk_new(&walk_raw, repo) != 0) {
    return util::unexpected(last_error("cannot walk the history"));
  }
  WalkPtr walk(walk_raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  const auto start = from_hex(*head);
  if (!start || git_revwalk_push(walk.get(), &*start) != 0) {
    return util::unexpected(last_error("cannot walk the history"));
  }

  // The record's path in each commit still to be visited ("" where the record is not there). Children
  // come before parents, so a commit's path is known when it is reached.
  std::map<std::string, std::string> path_at{{*head, path}};
  std::vector<FileVersion> versions;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    const std::string id = to_hex(oid);
    const auto known = path_at.find(id);
    if (known == path_at.end() || known->second.empty()) {
      continue;
    }
    const std::string here = known->second;
    path_at.erase(known);
    const auto blob = blob_id(repo, id, here);
    if (!blob) {
      continue;
    }
    const CommitInfo info = repository.commit(id);
    std::string person;  // read only when a rename has to be followed
    bool changed = true;
    bool any_parent_same = false;
    FileVersion version;
    for (std::size_t i = 0; i < info.parents.size(); ++i) {
      const std::string& parent = info.parents[i];
      std::optional<std::string> there;
      if (blob_id(repo, parent, here)) {
        there = here;
      } else {
        if (person.empty()) {
          person = person_id_of(history::read_blob(repo, *blob).value_or(""));
        }
        const std::vector<std::string> gone = repository.paths_gone(parent, id);
        there = repository.find_record(parent, person, {}, &gone);
      }
      if (!path_at.count(parent)) {
        path_at[parent] = there.value_or("");
      }
      const auto parent_blob = there ? blob_id(repo, parent, *there) : std::nullopt;
      if (parent_blob && git_oid_equal(&*parent_blob, &*blob) && *there == here) {
        any_parent_same = true;
      }
      version.parent_texts.push_back(parent_blob ? history::read_blob(repo, *parent_blob) : std::nullopt);
      if (i == 0 && there) {
        version.old_path = *there;
        version.old_text = version.parent_texts.back();
      }
    }
    changed = !any_parent_same;
    if (!changed) {
      continue;
    }
    if ((options.since && info.author.time < *options.since) || (options.until && info.author.time >= *options.until)) {
      continue;
    }
    version.commit = info;
    version.path = here;
    version.text = history::read_blob(repo, *blob).value_or("");
    versions.push_back(std::move(version));
    if (options.limit && versions.size() >= *options.limit) {
      break;
    }
  }
  return versions;
}

util::Expected<RevisionFile, util::Failure> read_at_revision(const std::filesystem::path& file,
                                                           std::string_view revision) {
  const std::string outside = fmt::format("{} is not in a git repository", file.string());
  auto repository = Repository::discover(file);
  if (!repository) {
    return util::unexpected(outside);
  }
  const auto path = repository->relative_path(file);
  if (!path) {
    return util::unexpected(outside);
  }
  auto id = repository->resolve(revision);
  if (!id) {
    return util::unexpected(id.error());
  }
  auto text = repository->read_file(*id, *path);
  if (!text) {
    return util::unexpected(fmt::format("{} is not in revision '{}'", *path, revision));
  }
  return RevisionFile{std::move(*text), repository->commit(*id)};
}

namespace {

std::optional<document::Node> value_in(const std::optional<std::string>& text, std::string_view identity_path,
                                       bool& readable) {
  readable = true;
  if (!text) {
    return std::nullopt;
  }
  auto parsed = document::parse(*text, "record");
  if (!parsed) {
    readable = false;
    return std::nullopt;
  }
  const document::Node* found = diff::find_by_path(parsed->root, identity_path);
  return found ? std::optional<document::Node>(*found) : std::nullopt;
}

bool same_value(const std::optional<document::Node>& a, const std::optional<document::Node>& b,
                std::string_view identity_path) {
  if (!a || !b) {
    return !a && !b;
  }
  static const diff::SchemaNode k_no_schema;
  const diff::SchemaNode* schema = diff::schema_at(identity_path);
  return diff::diff_documents(*a, *b, schema ? *schema : k_no_schema).empty();
}

}  // namespace

Blame blame_value(std::string_view current, const std::vector<FileVersion>& history, std::string_view identity_path) {
  Blame blame;
  bool readable = true;
  blame.value = value_in(std::string(current), identity_path, readable);
  for (const FileVersion& version : history) {
    const auto after = value_in(version.text, identity_path, readable);
    if (!readable || !same_value(after, blame.value, identity_path)) {
      continue;
    }
    // The commit changed the value when it differs from every parent's (a merge that took it from one
    // side did not change it).
    // A first commit (no parent) changed the value only by bringing it: a value it did not have was never
    // removed by it.
    bool changed = !version.parent_texts.empty() || after.has_value();
    std::optional<document::Node> before;
    for (std::size_t i = 0; i < version.parent_texts.size(); ++i) {
      bool parent_readable = true;
      const auto value = value_in(version.parent_texts[i], identity_path, parent_readable);
      if (i == 0) {
        before = value;
      }
      if (parent_readable && same_value(value, after, identity_path)) {
        changed = false;
      }
    }
    if (changed) {
      blame.previous = before;
      blame.version = version;
      return blame;
    }
  }
  return blame;
}

util::Expected<TextMerge, util::Failure> merge_text(std::string_view base, std::string_view ours,
                                                  std::string_view theirs) {
  git::ensure_initialised();
  const auto input = [](std::string_view text) {
    git_merge_file_input in = GIT_MERGE_FILE_INPUT_INIT;
    in.ptr = text.data();
    in.size = text.size();
    return in;
  };
  const git_merge_file_input ancestor = input(base);
  const git_merge_file_input our_input = input(ours);
  const git_merge_file_input their_input = input(theirs);
  git_merge_file_options options = GIT_MERGE_FILE_OPTIONS_INIT;
  options.ancestor_label = "base";
  options.our_label = "ours";
  options.their_label = "theirs";
  git_merge_file_result result{};
  if (git_merge_file(&result, &ancestor, &our_input, &their_input, &options) != 0) {
    return util::unexpected(last_error("cannot merge the texts"));
  }
  TextMerge merged;
  merged.text = result.ptr ? std::string(result.ptr, result.len) : std::string();
  merged.clean = result.automergeable != 0;
  git_merge_file_result_free(&result);
  return merged;
}

namespace {

struct PatchPrinter {
  PatchStyle style;
  std::string_view old_label;
  std::string_view new_label;
  std::string out;
};

std::string hunk_range(int start, int count) {
  return count == 1 ? fmt::format("{}", start) : fmt::format("{},{}", start, count);
}

int print_patch_line(const git_diff_delta* /*delta*/, const git_diff_hunk* hunk, const git_diff_line* line,
                     void* payload) {
  auto& printer = *static_cast<PatchPrinter*>(payload);
  const std::string_view content(line->content, line->content_len);
  const bool plain = printer.style == PatchStyle::plain;
  switch (line->origin) {
    case GIT_DIFF_LINE_FILE_HDR:
      printer.out += plain ? fmt::format("--- {}\n+++ {}\n", printer.old_label, printer.new_label) : std::string(content);
      break;
    case GIT_DIFF_LINE_HUNK_HDR:
      // git's header ends with the nearest line above that looks like a heading (a YAML key, here): a
      // guess that says little in a record, so the plain form leaves it out.
      printer.out += plain && hunk ? fmt::format("@@ -{} +{} @@\n", hunk_range(hunk->old_start, hunk->old_lines),
                                                 hunk_range(hunk->new_start, hunk->new_lines))
                                   : std::string(content);
      break;
    case GIT_DIFF_LINE_CONTEXT:
    case GIT_DIFF_LINE_ADDITION:
    case GIT_DIFF_LINE_DELETION:
      printer.out += line->origin;
      printer.out += content;
      break;
    default:  // "\ No newline at end of file", which carries its own line breaks
      printer.out += content;
      break;
  }
  return 0;
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text, std::string_view old_label,
                         std::string_view new_label, PatchStyle style) {
  git::ensure_initialised();
  if (old_text == new_text) {
    return {};
  }
  const std::string old_path(old_label);
  const std::string new_path(new_label);
  git_patch* patch = nullptr;
  if (git_patch_from_buffers(&patch, old_text.data(), old_text.size(), old_path.c_str(), new_text.data(),
                             new_text.size(), new_path.c_str(), nullptr) != 0) {
    return {};
  }
  PatchPtr owned(patch);
  PatchPrinter printer{style, old_label, new_label, {}};
  if (git_patch_print(patch, print_patch_line, &printer) != 0) {
    return {};
  }
  return std::move(printer.out);
}

std::string file_change_diff(std::string_view old_text, std::string_view new_text, std::string_view path) {
  while (path.starts_with('/')) {
    path.remove_prefix(1);
  }
  return unified_diff(old_text, new_text, fmt::format("a/{}", path), fmt::format("b/{}", path), PatchStyle::plain);
}

}  // namespace wellbeing::history
