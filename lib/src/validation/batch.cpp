#include "wellbeing/validation/batch.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <condition_variable>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "wellbeing/records/config.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::validation {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool is_yaml(const fs::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

Diagnostic io_problem(const std::string& path, std::string message) {
  return Diagnostic{Severity::error, "io", std::move(message), Location{path, 0, 0}, {}, {}};
}

// Where a folder's settings say its records are: the records folder, and the patterns it excludes.
struct RecordSet {
  fs::path root;    // the folder holding wellbeing.yaml
  fs::path folder;  // root / records.folder
  std::vector<std::string> exclude;
};

// The record sets of the settings governing each folder, read once per folder. Settings that cannot be
// read leave the folder with none: every YAML file counts, and the command's own settings check says why.
class RecordSets {
 public:
  const std::optional<RecordSet>& for_folder(const fs::path& folder) {
    auto found = m_sets.find(folder);
    if (found != m_sets.end()) {
      return found->second;
    }
    std::optional<RecordSet> set;
    if (const auto file = records::find_config(folder)) {
      if (auto config = records::load_config(*file)) {
        std::error_code ec;
        const fs::path root = fs::weakly_canonical(file->parent_path(), ec);
        set = RecordSet{root, (root / config->records_folder).lexically_normal(), config->records_exclude};
      }
    }
    return m_sets.emplace(folder, std::move(set)).first->second;
  }

 private:
  std::map<fs::path, std::optional<RecordSet>> m_sets;
};

bool inside(const fs::path& path, const fs::path& folder) {
  const fs::path relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

bool excluded(const RecordSet& set, const fs::path& file) {
  const std::string relative = file.lexically_relative(set.root).generic_string();
  return std::any_of(set.exclude.begin(), set.exclude.end(),
                     [&](const std::string& pattern) { return ::fnmatch(pattern.c_str(), relative.c_str(), 0) == 0; });
}

// Whether `file`, found under the folder `given` (or named itself when `given` is empty), is a record by
// its folder's settings. Walking the settings' folder (or one above it), only the records folder counts;
// a folder named inside the settings' folder but outside its records folder was asked for, so its files
// count; excluded patterns never count. A file with no settings above it always counts.
bool counts(const fs::path& file, const fs::path& given, RecordSets& sets) {
  std::error_code ec;
  const fs::path path = fs::weakly_canonical(file, ec);
  if (ec) {
    return true;
  }
  const std::optional<RecordSet>& set = sets.for_folder(path.parent_path());
  if (!set) {
    return true;
  }
  if (excluded(*set, path)) {
    return false;
  }
  if (path.filename() == records::k_config_file_name && path.parent_path() == set->root) {
    return false;
  }
  if (inside(path, set->folder) || set->folder == set->root) {
    return true;
  }
  if (given.empty()) {
    return false;
  }
  const fs::path from = fs::weakly_canonical(given, ec);
  return !ec && inside(from, set->root) && from != set->root && !inside(set->folder, from);
}

void walk(const std::string& root, Inputs& inputs, RecordSets& sets) {
  std::vector<std::string> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::none, ec);
  if (ec) {
    inputs.problems.push_back(io_problem(root, fmt::format("cannot read the folder: {}", ec.message())));
    return;
  }
  for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      inputs.problems.push_back(io_problem(root, fmt::format("cannot read the folder: {}", ec.message())));
      return;
    }
    const fs::path& path = it->path();
    if (is_hidden(path)) {
      if (it->is_directory(ec)) {
        it.disable_recursion_pending();
      }
      continue;
    }
    if (is_yaml(path) && it->is_regular_file(ec)) {
      if (counts(path, root, sets)) {
        found.push_back(path.generic_string());
      } else if (path.filename() != records::k_config_file_name) {
        ++inputs.not_records;  // a folder's settings are not a record left out
      }
    }
  }
  std::sort(found.begin(), found.end());
  inputs.files.insert(inputs.files.end(), found.begin(), found.end());
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths, Named named) {
  Inputs inputs;
  RecordSets sets;
  for (const std::string& path : paths) {
    if (path == "-") {
      inputs.files.push_back(path);
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      inputs.problems.push_back(io_problem(path, "no such file or folder"));
    } else if (fs::is_directory(status)) {
      walk(path, inputs, sets);
    } else if (named == Named::always || counts(path, {}, sets)) {
      inputs.files.push_back(path);
    } else {
      ++inputs.not_records;
    }
  }
  return inputs;
}

std::string no_records_message(const std::vector<std::string>& paths, std::size_t not_records) {
  std::string where;
  for (const std::string& path : paths) {
    where += (where.empty() ? "" : ", ") + (path == "." ? std::string("the current folder") : path);
  }
  const char* its = paths.size() == 1 ? "its" : "their";
  if (not_records == 0) {
    return fmt::format("no record in {} (no .yaml or .yml file in {}, other than the folder's settings)", where,
                       paths.size() == 1 ? "it" : "them");
  }
  const std::string files = not_records == 1 ? fmt::format("{} one YAML file is", its)
                                             : fmt::format("{} {} YAML files are all", its, not_records);
  return fmt::format("no record in {} ({} outside the records the folder's settings name: see `records` in {})",
                     where, files, records::k_config_file_name);
}

namespace {

FileResult check_one(const std::string& file, const Check& check, const document::ParseOptions& options,
                     const Memo* memo) {
  FileResult result;
  result.path = file == "-" ? std::string(k_stdin_name) : file;
  auto text = util::read_bounded(file, options.max_bytes);
  if (!text) {
    result.diagnostics = {document::unreadable(text.error(), result.path)};
    result.readable = false;
    return result;
  }
  // Kept for source lines even when it does not parse; shared with the document, not copied.
  result.source = std::make_shared<const std::string>(std::move(text).value());
  if (memo) {
    if (auto kept = memo->find(result.path, *result.source)) {
      result.diagnostics = std::move(*kept);
      result.cached = true;
      // Source lines as the parser gives them: without a byte order mark.
      if (const std::string_view body = util::without_bom(*result.source); body.size() != result.source->size()) {
        result.source = std::make_shared<const std::string>(body);
      }
      return result;
    }
  }
  const std::shared_ptr<const std::string> text_read = result.source;  // as read: the key of its results
  auto parsed = document::parse(result.source, result.path, options);
  if (!parsed) {
    result.diagnostics = std::move(parsed.error());
  } else {
    result.source = parsed->source;
    result.diagnostics = check(*parsed);
    sort_diagnostics(result.diagnostics);
  }
  if (memo) {
    memo->keep(result.path, *text_read, result.diagnostics);
  }
  return result;
}

}  // namespace

void check_files(const std::vector<std::string>& files, const Check& check, unsigned jobs, const Sink& sink,
                 const document::ParseOptions& options, const Memo* memo) {
  if (jobs == 0) {
    jobs = std::max(1U, std::thread::hardware_concurrency());
  }
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
  if (jobs <= 1) {
    for (const std::string& file : files) {
      sink(check_one(file, check, options, memo));
    }
    return;
  }
  // Workers take files in order, but no further than `window` ahead of the next result the sink is
  // waiting for, so a slow file holds back at most that many finished ones.
  const std::size_t window = std::size_t{4} * jobs;
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, FileResult> done;
  std::size_t next_taken = 0;
  std::size_t next_out = 0;
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next_taken >= files.size() || next_taken < next_out + window; });
        if (stop || next_taken >= files.size()) {
          return;
        }
        index = next_taken++;
      }
      FileResult result = check_one(files[index], check, options, memo);
      {
        const std::lock_guard lock(mutex);
        done.emplace(index, std::move(result));
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    threads.emplace_back(worker);
  }
  try {
    while (next_out < files.size()) {
      FileResult result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return done.contains(next_out); });
        auto found = done.find(next_out);
        result = std::move(found->second);
        done.erase(found);
        ++next_out;
      }
      changed.notify_all();
      sink(std::move(result));
    }
  } catch (...) {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    throw;  // the threads join as `threads` goes
  }
}

std::vector<FileResult> check_files(const std::vector<std::string>& files, const Check& check, unsigned jobs,
                                    const document::ParseOptions& options) {
  std::vector<FileResult> results;
  results.reserve(files.size());
  check_files(files, check, jobs, [&](FileResult&& result) { results.push_back(std::move(result)); }, options);
  return results;
}

}  // namespace wellbeing::validation
