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
  const std::set<std::string> changed(changes->changed.begin(), changes->changed.end());
  std::erase_if(inputs.files, [&](const std::string& file) {
    if (file == "-") {
      return false;
    }
    const auto path = repository->relative_path(file);
    return !path || !changed.contains(*path);
  });
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
