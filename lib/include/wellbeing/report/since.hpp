#pragma once
// "What changed since": the record now against the record at an earlier commit, from the semantic diff.

#include <filesystem>
#include <optional>
#include <string_view>

#include "wellbeing/document/node.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::report {

// What changed in the record `now` (the file `file` in a git working tree) since it was committed at
// `revision`. Fails with "FILE is not in a git repository", an unknown revision, the file not being in it,
// or the record there not parsing.
util::Expected<ChangesSince, util::Failure> changes_since(const std::filesystem::path& file,
                                                        const document::Node& now, std::string_view revision);

// What changed since the last review: the record at the last commit on or before its latest review's date
// (history::Repository::last_commit_on), found at its path or, renamed since, by its person id. nullopt
// when the record has no dated review, the file is not in a git repository, or no commit then holds the
// record (or it does not parse there).
std::optional<ChangesSince> changes_since_last_review(const std::filesystem::path& file, const document::Node& now);

}  // namespace wellbeing::report
