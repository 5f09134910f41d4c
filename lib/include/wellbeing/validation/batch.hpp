#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/parser.hpp"

namespace wellbeing::validation {

// The files named by command-line paths, and the paths that could not be used.
struct Inputs {
  std::vector<std::string> files;  // in the order given; a folder's files sorted by path
  Diagnostics problems;            // "io" diagnostics: missing paths, unreadable folders
};

// Expands paths: a file is taken as it is; a folder is walked recursively for *.yaml and *.yml files,
// skipping hidden files and folders (".git"); "-" stands for standard input. Display paths keep the
// form the user typed ("examples/records/p-0001.yaml").
Inputs collect_inputs(const std::vector<std::string>& paths);

// What a check found in one file. `source` is the text (for showing source lines), null when unreadable.
struct FileResult {
  std::string path;
  std::shared_ptr<const std::string> source;
  Diagnostics diagnostics;  // sorted by position
  bool readable = true;     // false for "io" failures (exit code 2 territory)
};

// A check applied to each parsed document.
using Check = std::function<Diagnostics(const document::Document&)>;

// Parses each file and applies `check`, on up to `jobs` threads (0: one per core). Parse errors become
// the file's diagnostics. Results come back in the order of `files`, whatever the threads did.
std::vector<FileResult> check_files(const std::vector<std::string>& files, const Check& check, unsigned jobs,
                                    const document::ParseOptions& options = {});

// The display name of standard input in diagnostics.
inline constexpr std::string_view k_stdin_name = "<stdin>";

}  // namespace wellbeing::validation
