// `validate --changed-since REV`, through the one git layer (history::Repository).
#include "changed_since.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "command.hpp"
#include "wellbeing/history/repository.hpp"

namespace wellbeing::cli {

void keep_changed_since(const std::string& revision, const std::vector<std::string>& paths,
                        validation::Inputs& inputs) {
  auto repository = history::Repository::discover(paths.empty() || paths.front() == "-" ? std::string(".") : paths.front());
  if (!repository) {
    throw InputError(fmt::format("--changed-since: {}", repository.error().message));
  }
  const auto id = repository->resolve(revision);
  if (!id) {
    throw InputError(fmt::format("--changed-since: {}", id.error().message));
  }
  const auto changes = repository->changes_since(*id);
  if (!changes) {
    throw InputError(fmt::format("--changed-since: {}", changes.error().message));
  }
  // Only the repository's own records can be said to have changed in it: a file outside is refused, not
  // dropped unchecked.
  for (const std::string& file : inputs.files) {
    if (file != "-" && !repository->relative_path(file)) {
      throw InputError(fmt::format("--changed-since: {} is not in the git repository of {}; check it in its own run",
                                   file, paths.empty() ? std::string(".") : paths.front()));
    }
  }
  const std::set<std::string> changed(changes->changed.begin(), changes->changed.end());
  // A changed folder settings file can change every record's findings: then every record is checked.
  const auto is_settings = [](const std::string& path) {
    return std::filesystem::path(path).filename() == "wellbeing.yaml";
  };
  const bool settings_changed = std::any_of(changed.begin(), changed.end(), is_settings) ||
                                std::any_of(changes->deleted.begin(), changes->deleted.end(), is_settings);
  if (!settings_changed) {
    std::erase_if(inputs.files, [&](const std::string& file) {
      return file != "-" && !changed.contains(*repository->relative_path(file));
    });
  }
  std::vector<std::string> within;  // the paths checked, inside the repository ("" for its top)
  for (const std::string& path : paths) {
    if (auto relative = repository->relative_path(path)) {
      within.push_back(*relative == "." ? "" : *relative + "/");
    }
  }
  auto concerns = [&](const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    return (extension == ".yaml" || extension == ".yml") &&
           std::any_of(within.begin(), within.end(), [&](const std::string& folder) {
             return path.starts_with(folder) || path + "/" == folder;
           });
  };
  std::string notes;
  for (const std::string& path : changes->deleted) {
    notes += concerns(path) ? fmt::format("wellbeing: deleted since {}: {}\n", revision, path) : "";
  }
  for (const auto& [from, to] : changes->renamed) {
    notes += concerns(to) ? fmt::format("wellbeing: renamed since {}: {} -> {}\n", revision, from, to) : "";
  }
  write_out(stderr, notes);
}

}  // namespace wellbeing::cli
