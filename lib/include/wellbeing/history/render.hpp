#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diff/diff.hpp"
#include "wellbeing/history/repository.hpp"

namespace wellbeing::history {

// One commit of a record's trail, with its semantic changes (or why they could not be worked out).
struct Entry {
  const FileVersion* version = nullptr;  // not owned: it must outlive the entry
  std::vector<diff::Change> changes;
  std::string error;  // why the changes could not be listed (a version that is not readable YAML); else empty
};

// The entry for `version`: the semantic diff of its record against the version before (an empty record
// when there was none).
Entry trail_entry(const FileVersion& version);

// The trail as text, like `git log`: commit, author, date, file, message, then the changes indented; the
// commit ids in yellow when `color`.
std::string render_trail_text(const std::vector<Entry>& entries, bool color);

// The trail as Markdown: "# Changes to FILE", then a section per commit (in the order given).
std::string render_trail_markdown(const std::vector<Entry>& entries, const std::string& file);

// The trail as JSON: {version: 1, file, person, commits: [{commit, author: {name, email}, date, message,
// path, renamed_from, changes, error?}]}, 2-space indent and a trailing newline.
std::string render_trail_json(const std::vector<Entry>& entries, const std::string& file, const std::string& person);

// Who last changed the value at `identity_path` of `file`, as text ("FILE PATH: value", then who, when,
// in which commit, and the value before); the commit id in yellow when `color`.
std::string render_blame_text(const Blame& blame, std::string_view file, std::string_view identity_path, bool color);

// The same as a Markdown bullet (the text form when no commit changed it).
std::string render_blame_markdown(const Blame& blame, std::string_view file, std::string_view identity_path);

// The same as JSON: {version: 1, file, path, value, present, previous, change: {commit, author, date,
// message} or null}.
std::string render_blame_json(const Blame& blame, std::string_view file, std::string_view identity_path);

// The identity path in the record `text` (or a path above one) nearest to `wanted` by edit distance, for
// "did you mean"; empty when `text` is not readable YAML or nothing is near.
std::string nearest_value_path(const std::string& text, const std::string& wanted);

}  // namespace wellbeing::history
