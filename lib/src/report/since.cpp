#include "wellbeing/report/since.hpp"

#include <fmt/format.h>

#include "wellbeing/diff/diff.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/records/record.hpp"

namespace wellbeing::report {

namespace {

util::Expected<ChangesSince, util::Failure> compare(std::string revision, const history::CommitInfo& commit,
                                                  std::string old_text, const std::string& name,
                                                  const document::Node& now) {
  auto old_document = document::parse(std::move(old_text), name);
  if (!old_document) {
    return util::unexpected(fmt::format("the record at that revision cannot be read: {}",
                                        old_document.error().front().message));
  }
  ChangesSince since;
  since.revision = std::move(revision);
  since.commit = commit.id;
  since.commit_date = history::format_time(commit.committer);
  for (const diff::Change& change : diff::diff_documents(old_document->root, now)) {
    since.changes.push_back(Change{std::string(diff::to_string(change.kind)), change.section, change.path, change.label});
  }
  return since;
}

}  // namespace

util::Expected<ChangesSince, util::Failure> changes_since(const std::filesystem::path& file,
                                                        const document::Node& now, std::string_view revision) {
  auto old_file = history::read_at_revision(file, revision);
  if (!old_file) {
    return util::unexpected(old_file.error());
  }
  return compare(std::string(revision), old_file->commit, std::move(old_file->text),
                 fmt::format("{}:{}", revision, file.string()), now);
}

std::optional<ChangesSince> changes_since_last_review(const std::filesystem::path& file, const document::Node& now) {
  const records::Record record = records::read_record(now);
  const records::Review* review = record.latest_review();
  if (!review || !review->date) {
    return std::nullopt;
  }
  auto repository = history::Repository::discover(file);
  if (!repository) {
    return std::nullopt;
  }
  const auto path = repository->relative_path(file);
  const auto commit = repository->last_commit_on(*review->date);
  if (!path || !commit) {
    return std::nullopt;
  }
  std::optional<std::string> then = repository->read_file(*commit, *path) ? *path : std::optional<std::string>();
  if (!then) {
    then = repository->find_record(*commit, record.person.id, {});
  }
  auto text = then ? repository->read_file(*commit, *then) : std::nullopt;
  if (!text) {
    return std::nullopt;
  }
  auto since = compare("the last review", repository->commit(*commit), std::move(*text),
                       fmt::format("{}:{}", commit->substr(0, 12), *then), now);
  return since ? std::optional<ChangesSince>(std::move(since).value()) : std::nullopt;
}

}  // namespace wellbeing::report
