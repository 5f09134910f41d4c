// `wellbeing init DIR`: a new records folder, ready for git.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/cache/results.hpp"
#include "wellbeing/schema/embedded.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "wellbeing/history/git_setup.hpp"
#include "wellbeing/write/templates.hpp"

namespace wellbeing::cli {

int setup_git_in(const std::filesystem::path& folder);

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string dir;
  std::string provider;
  std::string type = "other";
  bool no_git = false;
};

int run(const Options& options) {
  const fs::path dir(options.dir);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    throw InputError(fmt::format("{} exists and is not a folder", options.dir));
  }
  write::FolderSettings settings;
  settings.provider_name = options.provider;
  if (settings.provider_name.empty()) {
    settings.provider_name = fs::absolute(dir).lexically_normal().filename().string();
    if (settings.provider_name.empty()) {
      settings.provider_name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
    }
  }
  settings.provider_type = options.type;

  const std::string config = write::config_text(settings);
  {
    auto parsed = document::parse(config, "wellbeing.yaml");
    if (parsed) {
      const Diagnostics problems = schema::config_validator().validate(*parsed);
      if (has_errors(problems)) {
        throw InputError(fmt::format("the settings would not be valid: {}", problems.front().message));
      }
    }
  }
  const std::vector<std::pair<fs::path, std::string>> files{
      {dir / "wellbeing.yaml", config},
      {dir / "README.md", write::folder_readme(settings)},
      {dir / ".gitattributes", history::git_attributes()},
      {dir / "schemas" / std::string(schema::k_record_schema),
       std::string(schema::embedded_schema(schema::k_record_schema))},
      {dir / "schemas" / std::string(schema::k_config_schema),
       std::string(schema::embedded_schema(schema::k_config_schema))},
  };
  std::vector<std::string> existing;
  for (const auto& [path, text] : files) {
    if (fs::exists(fs::symlink_status(path, ec))) {
      existing.push_back(path.generic_string());
    }
  }
  if (fs::exists(dir / "records", ec) && !fs::is_directory(dir / "records", ec)) {
    existing.push_back((dir / "records").generic_string());
  }
  if (!existing.empty()) {
    throw InputError(fmt::format("not overwriting what is already there: {}; nothing was written",
                                 fmt::join(existing, ", ")));
  }
  for (const fs::path& folder : {dir, dir / "records", dir / "schemas"}) {
    fs::create_directories(folder, ec);
    if (ec) {
      throw InputError(fmt::format("cannot create the folder {}: {}", folder.generic_string(), ec.message()));
    }
  }
  for (const auto& [path, text] : files) {
    if (auto written = write::create_file(path, text); !written) {
      return report_failure(written.error());
    }
    write_out(stdout, fmt::format("created {}\n", path.generic_string()));
  }
  write_out(stdout, fmt::format("created {}/\n", (dir / "records").generic_string()));
  // The cache of check results stays out of git; a .gitignore already there is the user's, left as it is.
  if (!fs::exists(fs::symlink_status(dir / ".gitignore", ec))) {
    if (auto written = write::create_file(dir / ".gitignore", cache::gitignore_text()); !written) {
      return report_failure(written.error());
    }
    write_out(stdout, fmt::format("created {}\n", (dir / ".gitignore").generic_string()));
  }
  if (options.no_git) {
    return k_exit_ok;
  }
  if (!history::find_repository(dir)) {
    auto repository = history::init_repository(dir);
    if (!repository) {
      throw InputError(repository.error());
    }
    write_out(stdout, fmt::format("created a git repository in {}\n", dir.generic_string()));
  }
  return setup_git_in(dir);
}

}  // namespace

Command register_init(CLI::App& app, const GlobalOptions& /*global*/) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("init", "Start a new records folder: settings, records/, git set-up");
  sub->add_option("dir", options->dir, "The folder (created if needed)")->required();
  sub->add_option("--provider", options->provider, "The provider's name (default: the folder's name)")
      ->option_text("NAME");
  sub->add_option("--type", options->type,
                  "The kind of provider: home_care, supported_living, residential_care, nursing_care, day_service, "
                  "community_support, mental_health_support, shared_lives or other (default)")
      ->check(one_of({"home_care", "supported_living", "residential_care", "nursing_care", "day_service",
                             "community_support", "mental_health_support", "shared_lives", "other"}))
      ->option_text("TYPE");
  sub->add_flag("--no-git", options->no_git, "Leave git alone (no repository, no git set-up)");
  sub->footer(
      "Writes DIR/wellbeing.yaml, DIR/README.md, DIR/.gitattributes, DIR/.gitignore (leaving out the cache of "
      "results, unless DIR has one), "
      "DIR/schemas/ (for editors) and DIR/records/;\n"
      "makes DIR a git repository unless it is already inside one; then does what `wellbeing setup-git` does.\n"
      "Never overwrites: if any of those files exists, nothing is written (exit 2).");
  return Command{sub, [options] { return run(*options); }};
}

}  // namespace wellbeing::cli
