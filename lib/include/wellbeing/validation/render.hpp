#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/validation/batch.hpp"

namespace wellbeing::validation {

// What a run of checks found, counted: `problems` (paths that could not be used) add to the severities
// but are not files checked.
struct Counts {
  std::size_t files = 0;    // files checked
  std::size_t invalid = 0;  // files that fail()
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
  std::optional<std::size_t> cached;  // files whose results came from the cache, when one was used
};

// A file fails with an error, or with a warning when `strict`.
bool fails(const Diagnostics& diagnostics, bool strict);

// Adds one checked file's findings to `counts`.
void count_file(Counts& counts, const Diagnostics& diagnostics, bool strict);

// Adds findings that are not a file checked (`problems`: paths that could not be used) to `counts`.
void count_problems(Counts& counts, const Diagnostics& problems);

// Counts the findings of `results` and of `problems`.
Counts count(const std::vector<FileResult>& results, const Diagnostics& problems, bool strict);

// JSON (2-space indent, trailing newline): {version: 1, valid, files: [{path, valid, diagnostics: [{severity,
// rule, message, line, column, pointer, keyword?}]}], summary: {files, invalid, errors, warnings, infos}};
// each problem is a file of its own. The summary has `cached` too when counts.cached is set. `notes` (the
// rules a folder's settings change) are listed under "settings", each with its path, when there are any.
std::string render_json(const std::vector<FileResult>& results, const Diagnostics& problems, const Counts& counts,
                        bool strict, const Diagnostics& notes = {});

// GitHub Actions workflow commands, one per finding: "::error file=F,line=L,col=C,title=RULE::message"
// (notice for infos; no line or column when the line is 0).
std::string render_github(const std::vector<FileResult>& results, const Diagnostics& problems);

// JUnit XML: one test case per file, failing when it has errors (or warnings, when `strict`); its other
// findings are kept in system-out; `notes` (the rules a folder's settings change) in the suite's system-out.
std::string render_junit(const std::vector<FileResult>& results, const Diagnostics& problems, const Counts& counts,
                         bool strict, const Diagnostics& notes = {});

// The closing line, in words: "wellbeing: 3 records checked, 2 valid and 1 with errors; 2 errors to correct"
// (files rather than records when not `records`), with the `unreadable` paths said apart. Empty when
// nothing was found.
std::string summary_line(const Counts& counts, std::size_t unreadable, bool records, bool strict);

}  // namespace wellbeing::validation
