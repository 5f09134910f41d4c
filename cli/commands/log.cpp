// `wellbeing log FILE`: a record's audit trail from git history, commit by commit, in the record's words.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/history/render.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::cli {

namespace {

enum class Format { text, md, json };

struct Options {
  std::string file;
  std::string since;
  std::string until;
  std::string blame;
  Format format = Format::text;
};

// Seconds since the epoch at the start of the day a date option names (checked by date_value()).
std::int64_t day_start(const std::string& text) {
  return std::chrono::sys_days(date_or(text, util::Date{})).time_since_epoch().count() * 86400;
}

int run_blame(const Options& options, const history::Repository& repository, const std::string& path,
              const std::vector<history::FileVersion>& versions, bool color) {
  const auto head = repository.resolve("HEAD");
  const std::string current = repository.read_file(*head, path).value_or("");
  const history::Blame blame = history::blame_value(current, versions, options.blame);
  if (!blame.version && !blame.value) {
    // Never there: say so rather than name anyone, and suggest the path probably meant.
    const std::string best = history::nearest_value_path(current, options.blame);
    write_out(stderr, fmt::format("wellbeing: {} has never had a value at {}{}\n", path, options.blame,
                                  best.empty() ? std::string() : fmt::format(" (did you mean `{}`?)", best)));
    return k_exit_findings;
  }
  switch (options.format) {
    case Format::text:
      write_out(stdout, history::render_blame_text(blame, path, options.blame, color));
      break;
    case Format::md:
      write_out(stdout, history::render_blame_markdown(blame, path, options.blame));
      break;
    case Format::json:
      write_out(stdout, history::render_blame_json(blame, path, options.blame));
      break;
  }
  return k_exit_ok;
}

int run(const Options& options, const GlobalOptions& global) {
  auto repository = history::Repository::discover(std::filesystem::path(options.file).parent_path().empty()
                                                      ? std::filesystem::path(".")
                                                      : std::filesystem::path(options.file).parent_path());
  if (!repository) {
    throw InputError(repository.error());
  }
  auto path = repository->relative_path(options.file);
  if (!path) {
    throw InputError(path.error());
  }
  history::HistoryOptions history_options;
  if (!options.since.empty()) {
    history_options.since = day_start(options.since);
  }
  if (!options.until.empty()) {
    history_options.until = day_start(options.until) + 86400;  // the whole of that day
  }
  const bool color = options.format == Format::text && use_color(global.color, stdout);
  if (!options.blame.empty()) {
    auto all = history::record_history(*repository, *path);
    if (!all) {
      throw InputError(all.error());
    }
    return run_blame(options, *repository, *path, *all, color);
  }
  auto versions = history::record_history(*repository, *path, history_options);
  if (!versions) {
    throw InputError(versions.error());
  }
  std::vector<history::Entry> entries;
  for (const history::FileVersion& version : *versions) {
    entries.push_back(history::trail_entry(version));
  }
  switch (options.format) {
    case Format::text:
      write_out(stdout, history::render_trail_text(entries, color));
      break;
    case Format::md:
      write_out(stdout, history::render_trail_markdown(entries, *path));
      break;
    case Format::json: {
      const auto head = repository->resolve("HEAD");
      write_out(stdout,
                history::render_trail_json(entries, *path, history::person_id_of(repository->read_file(*head, *path).value_or(""))));
      break;
    }
  }
  return k_exit_ok;
}

}  // namespace

Command register_log(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("log", "A record's audit trail from git: who changed what, when and why");
  sub->add_option("file", options->file, "The record (a file in a git working tree)")->required();
  add_date_option(*sub, "--since", options->since, "Only commits made on or after this date (YYYY-MM-DD, author date)");
  add_date_option(*sub, "--until", options->until, "Only commits made on or before this date (YYYY-MM-DD, author date)");
  sub->add_option("--blame", options->blame,
                  "Who last changed one value: a path naming list items by id, e.g. outcomes/o-3/status")
      ->option_text("PATH");
  add_format_option(*sub, options->format, {{"text", Format::text}, {"md", Format::md}, {"json", Format::json}},
                    "Output format: text (default), md, json")
      ->option_text("FORMAT");
  sub->footer(
      "Commits newest first, from HEAD; the record is followed across renames by its person id.\n"
      "JSON: {version, file, person, commits: [{commit, author: {name, email}, date, message, path, renamed_from,\n"
      "changes: [{path, kind, old, new, label}]}]}. With --blame: {version, file, path, value, present, previous,\n"
      "change: {commit, author, date, message}}.\n"
      "Exit status: 0, or 2 when the file is not in a git repository's last commit or an option is wrong.");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
