#include "wellbeing/validation/batch.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

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

void walk(const std::string& root, Inputs& inputs) {
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
      found.push_back(path.generic_string());
    }
  }
  std::sort(found.begin(), found.end());
  inputs.files.insert(inputs.files.end(), found.begin(), found.end());
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
  Inputs inputs;
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
      walk(path, inputs);
    } else {
      inputs.files.push_back(path);
    }
  }
  return inputs;
}

std::vector<FileResult> check_files(const std::vector<std::string>& files, const Check& check, unsigned jobs,
                                    const document::ParseOptions& options) {
  std::vector<FileResult> results(files.size());
  auto work = [&](std::size_t index) {
    const std::string& file = files[index];
    FileResult& result = results[index];
    result.path = file == "-" ? std::string(k_stdin_name) : file;
    auto text = document::read_file(file, result.path, options.max_bytes);
    if (!text) {
      result.diagnostics = {std::move(text).error()};
      result.readable = false;
      return;
    }
    // Keep the text for source lines even when it does not parse.
    result.source = std::make_shared<const std::string>(*text);
    auto parsed = document::parse(std::move(text).value(), result.path, options);
    if (!parsed) {
      result.diagnostics = std::move(parsed.error());
      return;
    }
    result.source = parsed->source;
    result.diagnostics = check(*parsed);
    sort_diagnostics(result.diagnostics);
  };

  if (jobs == 0) {
    jobs = std::max(1U, std::thread::hardware_concurrency());
  }
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < files.size(); ++i) {
      work(i);
    }
    return results;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) {
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        work(i);
      }
    });
  }
  threads.clear();  // joins
  return results;
}

}  // namespace wellbeing::validation
