#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/parser.hpp"

namespace wellbeing::validation {

// The files named by command-line paths, and the paths that could not be used.
struct Inputs {
  std::vector<std::string> files;  // in the order given; a folder's files sorted by path
  Diagnostics problems;            // "io" diagnostics: missing paths, unreadable folders
  std::size_t not_records = 0;     // YAML files left out because their folder's settings say they are not records
};

// Whether a file named on its own is taken whatever its folder's settings say (as `validate FILE` does),
// or only when they count it as a record (as the pre-commit check, given every staged YAML file, does).
enum class Named { always, when_record };

// Expands paths into the records to check: "-" stands for standard input; a file is taken as `named`
// says; a folder is walked recursively for *.yaml and *.yml files, skipping hidden files and folders
// (".git"), keeping those its settings (wellbeing.yaml's `records`: the records folder, default
// records/, less the `exclude` patterns) count as records. A folder named inside the settings' folder
// but outside its records folder was asked for, so its files count; with no settings every YAML file
// counts. Display paths keep the form the user typed ("examples/records/p-0001.yaml").
Inputs collect_inputs(const std::vector<std::string>& paths, Named named = Named::always);

// Why a run over `paths` (as given to collect_inputs, which found `not_records` YAML files that are not
// records) has nothing to check, in plain words: "no record in records (no .yaml or .yml file in it, other
// than the folder's settings)".
// A command that finds no record stops on it (exit status 2) rather than passing having checked nothing.
std::string no_records_message(const std::vector<std::string>& paths, std::size_t not_records);

// What a check found in one file. `source` is the text (for showing source lines), null when unreadable.
struct FileResult {
  std::string path;
  std::shared_ptr<const std::string> source;
  Diagnostics diagnostics;  // sorted by position
  bool readable = true;     // false for "io" failures (exit code 2 territory)
  bool cached = false;      // the diagnostics came from a Memo, not from checking the file
};

// Results kept from earlier runs (cache::ResultCache), looked up by a file's display path and text before
// it is parsed. Called from several threads at once.
class Memo {
 public:
  virtual ~Memo() = default;
  // The diagnostics kept for this file with this text, or nullopt (none, or an entry that cannot be read).
  virtual std::optional<Diagnostics> find(const std::string& path, std::string_view text) const = 0;
  // Keeps the file's diagnostics for its text; a failure to keep them is not an error.
  virtual void keep(const std::string& path, std::string_view text, const Diagnostics& diagnostics) const = 0;
};

// A check applied to each parsed document.
using Check = std::function<Diagnostics(const document::Document&)>;

// Receives each file's result, in the order of `files`, on the thread that called check_files.
using Sink = std::function<void(FileResult&&)>;

// Parses each file and applies `check`, on up to `jobs` threads (0: one per core). Parse errors become
// the file's diagnostics. Each result goes to `sink` in the order of `files` as soon as it and those before
// it are done, and is not kept: only a few files per thread are in memory at once, however many there are.
// With a `memo`, a file whose results it holds is not parsed, and the results of the others are kept in it
// (not those of files that could not be read).
void check_files(const std::vector<std::string>& files, const Check& check, unsigned jobs, const Sink& sink,
                 const document::ParseOptions& options = {}, const Memo* memo = nullptr);

// The same, with every result kept and returned in the order of `files`.
std::vector<FileResult> check_files(const std::vector<std::string>& files, const Check& check, unsigned jobs,
                                    const document::ParseOptions& options = {});

// The display name of standard input in diagnostics.
inline constexpr std::string_view k_stdin_name = "<stdin>";

}  // namespace wellbeing::validation
