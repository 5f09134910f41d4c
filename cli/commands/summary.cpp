// `wellbeing summary [PATH…]`: one person's wellbeing work at a glance, or a whole folder's.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "at.hpp"
#include "command.hpp"
#include "options.hpp"
#include "summary_period.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/summary/combine.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/validation/settings.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;
using namespace wellbeing::summary;

struct Options {
  std::vector<std::string> paths;
  std::string as_of, from, to;
  std::string at;  // --at DATE|REV
  std::string period;  // --period monthly|quarterly|yearly
  std::vector<std::string> combine;  // --combine: providers' redacted JSON summaries
  int within = -1;
  std::vector<std::string> areas, statuses, people;
  Format format = Format::table;
  std::string rows;
  bool redact = false;
  bool no_redact = false;
  bool strict = false;
  unsigned jobs = 0;
};

// The settings that govern every path: one records folder per summary, so the same rules apply to all.
records::Config load_folder_config(const std::vector<std::string>& paths, ColorChoice color) {
  std::optional<fs::path> found;
  bool first = true;
  for (const std::string& path : paths) {
    const std::optional<fs::path> config = records::find_config(path == "-" ? fs::path(".") : fs::path(path));
    if (first) {
      found = config;
      first = false;
    } else if (config != found) {
      throw InputError(
          fmt::format("the paths belong to different records folders ({} and {}); summarise one folder "
                      "at a time",
                      found ? found->generic_string() : "no wellbeing.yaml",
                      config ? config->generic_string() : "no wellbeing.yaml"));
    }
  }
  if (!found) {
    return records::Config{};
  }
  auto loaded = validation::load_settings(*found);
  if (!loaded) {
    refuse_settings(loaded.error(), color);
  }
  return std::move(loaded).value();
}

template <typename T>
T or_usage_error(util::Expected<T, util::Failure> result, std::string_view option) {
  if (!result) {
    throw InputError(option.empty() ? result.error().message : fmt::format("{}: {}", option, result.error().message));
  }
  return std::move(result).value();
}

void note_left_out(const FileStatus& status) { write_out(stderr, "wellbeing: " + left_out_note(status) + "\n"); }

// --combine: the providers' shared summaries side by side, from their counts alone.
int run_combine(const Options& cli) {
  if (cli.format == Format::csv && !cli.rows.empty()) {
    throw InputError("--rows does not go with --combine: a combined summary has one row per figure");
  }
  std::vector<SharedSummary> providers;
  for (const std::string& file : cli.combine) {
    providers.push_back(or_usage_error(read_shared_summary(file), "--combine"));
  }
  const CombinedSummary combined = combine(std::move(providers));
  if (!combined.same_period) {
    write_out(stderr, "wellbeing: note: the summaries are not of the same date and period; each column says its own\n");
  }
  write_out(stdout, render_combined(combined, cli.format));
  return k_exit_ok;
}

int run(const Options& cli, const GlobalOptions& global) {
  if (!cli.combine.empty()) {
    return run_combine(cli);
  }
  if (!cli.period.empty()) {
    if (cli.paths.size() > 1) {
      throw InputError("--period summarises one records folder; name one");
    }
    return run_periods({cli.paths.empty() ? "." : cli.paths[0], cli.period, cli.from, cli.to, cli.as_of, cli.format},
                       global.color);
  }
  if (!cli.rows.empty() && cli.format != Format::csv) {
    throw InputError("--rows goes with --format csv");
  }
  std::vector<std::string> paths = cli.paths.empty() ? std::vector<std::string>{"."} : cli.paths;
  if (std::count(paths.begin(), paths.end(), "-") > 1) {
    throw InputError("standard input ('-') can be named only once");
  }
  std::optional<AtCommit> at;
  if (!cli.at.empty()) {
    at.emplace(cli.at, paths);
    if (at->nothing_left()) {
      write_out(stderr, fmt::format("wellbeing: no file named was there at {}; nothing to summarise\n", at->describe()));
      return k_exit_ok;
    }
    write_out(stderr, fmt::format("wellbeing: the records as they stood at {}\n", at->describe()));
  }
  const std::vector<std::string> files = or_usage_error(collect_files(paths), "");
  std::error_code ec;
  const bool one_person = paths.size() == 1 && (paths[0] == "-" || !fs::is_directory(paths[0], ec));

  const records::Config config = load_folder_config(paths, global.color);
  summary::Options options =
      default_options(config, date_or(cli.as_of, util::today()));
  if (cli.within >= 0) {
    options.within_days = cli.within;
  }
  if (!cli.to.empty()) {
    options.period.to = date_or(cli.to, options.period.to);
    if (cli.from.empty()) {
      options.period.from = util::add_days(util::add_months(options.period.to, -12), 1);
    }
  }
  if (!cli.from.empty()) {
    options.period.from = date_or(cli.from, options.period.from);
  }
  if (options.period.to < options.period.from) {
    throw InputError(fmt::format("the period ends ({}) before it starts ({})", util::format_date(options.period.to),
                                 util::format_date(options.period.from)));
  }
  options.filter.areas = or_usage_error(parse_areas(cli.areas), "--area");
  options.filter.statuses = or_usage_error(parse_statuses(cli.statuses), "--status");
  options.filter.people = cli.people;
  if (cli.redact || (!cli.no_redact && config.redact_by_default)) {
    options.redaction = Redaction::keeping(config.redaction_keep);
  }
  // Tables for reading shorten the person's words; data for other programs keeps them whole.
  options.said_width = cli.format == Format::table || cli.format == Format::markdown ? 60 : 0;
  RenderOptions style{cli.format, RowKind::people, use_color(global.color, stdout), {}};
  style.rows = cli.rows == "outcomes"  ? RowKind::outcomes
               : cli.rows == "actions" ? RowKind::actions
               : cli.rows == "reviews" ? RowKind::reviews
               : cli.rows == "checks"  ? RowKind::checks
                                       : RowKind::people;

  std::vector<SummarisedFile> summarised = summarise_files(files, options, cli.jobs);
  const bool unreadable =
      std::any_of(summarised.begin(), summarised.end(), [](const SummarisedFile& f) { return !f.readable; });
  std::size_t left_out = 0;
  std::size_t counted = 0;

  if (one_person && summarised.size() == 1) {
    const SummarisedFile& file = summarised.front();
    if (!file.person) {
      // Show why, in full: this is the one file the user asked about (but not its lines, which hold what
      // was written, in a redacted run).
      const std::string_view source = file.source ? std::string_view(*file.source) : std::string_view();
      for (const Diagnostic& d : file.diagnostics) {
        if (d.severity == Severity::error && !options.redaction.on) {
          write_out(stderr, format_diagnostic_text(d, source, use_color(global.color, stderr)));
        }
      }
      const FindingCounts counts = count_findings(file.diagnostics);
      note_left_out(FileStatus{file.path, file.person_id, file.readable, false, counts.errors, counts.warnings,
                               counts.infos, std::nullopt});  // the errors themselves are shown above
    }
    left_out = file.person ? 0 : 1;
    counted = file.person ? 1 : 0;
    write_out(stdout, render_person(file, options, style));
  } else {
    const FolderSummary folder = summarise_folder(std::move(summarised), options);
    for (const FileStatus& status : folder.files) {
      if (!status.counted) {
        note_left_out(status);
      }
    }
    left_out = folder.left_out;
    counted = folder.people.size();
    std::string names;
    for (const std::string& path : paths) {
      names += names.empty() ? path : ", " + path;
    }
    style.title = fmt::format("{} ({} {})", names, counted, counted == 1 ? "person" : "people");
    for (const std::string& person : options.filter.people) {
      if (std::none_of(folder.people.begin(), folder.people.end(),
                       [&](const PersonSummary& p) { return p.id == person; })) {
        write_out(stderr, fmt::format("wellbeing: note: no valid record for person {}\n", person));
      }
    }
    write_out(stdout, render_folder(folder, options, style));
  }
  if (unreadable) {
    return k_exit_usage;
  }
  // Files left out are reported, and the summary of the rest stands; but a summary of nothing is a failure.
  return left_out > 0 && (cli.strict || counted == 0) ? k_exit_findings : k_exit_ok;
}

}  // namespace

Command register_summary(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("summary", "Summarise one person's record, or a whole folder of records");
  auto* paths = sub->add_option("paths", options->paths,
                  "A record file (one person), or folders and files (a folder summary); - for standard input; "
                  "default: the current folder");
  add_date_option(*sub, "--as-of", options->as_of, "The date taken as today (YYYY-MM-DD; default: today)");
  sub->add_option("--within", options->within,
                  "A review due within this many days is due soon (default: reviews.due_soon_days, 28)")
      ->check(CLI::Range(0, 3650))
      ->option_text("DAYS");
  add_date_option(*sub, "--from", options->from,
                  "Start of the period for outcomes met and conversations held (default: 12 months before --to; with "
                  "--period, the first commit of the records)");
  add_date_option(*sub, "--to", options->to, "End of the period (default: the --as-of date)");
  add_at_option(*sub, options->at);
  sub->add_option("--area", options->areas,
                  "Only outcomes naming this area, and only this area shown "
                  "(an id such as health, or a letter a-i; repeat or separate by commas)")
      ->delimiter(',')
      ->option_text("AREA");
  sub->add_option("--status", options->statuses,
                  "Only outcomes with this status: open, in_progress, met, not_met, withdrawn (repeatable)")
      ->delimiter(',')
      ->option_text("STATUS");
  sub->add_option("--person", options->people, "Only this person (their id, such as p-0001; repeatable)")
      ->delimiter(',')
      ->option_text("ID");
  add_format_option(*sub, options->format,
                    {{"csv", Format::csv}, {"json", Format::json}, {"md", Format::markdown}, {"table", Format::table}},
                    "Output format: table (default), md, json, csv")
      ->option_text("FORMAT");
  sub->add_option("--rows", options->rows,
                  "With --format csv, one row per: people (default), outcomes, actions, "
                  "reviews, checks (each rule the folder's settings change, and each suppression)")
      ->check(one_of({"people", "outcomes", "actions", "reviews", "checks"}))
      ->option_text("ROWS");
  auto* redact = sub->add_flag("--redact", options->redact,
                               "For sharing outside the provider: names replaced by ids, free text left out, counts "
                               "kept (what redaction.keep in wellbeing.yaml lists is kept)");
  auto* no_redact = sub->add_flag("--no-redact", options->no_redact,
                                  "Not redacted, even when wellbeing.yaml's "
                                  "redaction.default is true");
  redact->excludes(no_redact);
  sub->add_flag("--strict", options->strict, "Exit 1 when any file was left out as invalid (for CI)");
  auto* combine = sub->add_option("--combine", options->combine,
                                  "Put several providers' summaries side by side, one column each and a total: "
                                  "files written by `summary DIR --format json --redact` (no records are read)")
                      ->option_text("FILE...")
                      ->check(CLI::ExistingFile);
  auto* period = sub->add_option("--period", options->period,
                                 "One column per month, quarter or year, each from the records and their settings as "
                                 "they stood in git at its end (from --from, default the first commit of the records, "
                                 "to --to)")
                     ->check(one_of({"monthly", "quarterly", "yearly"}))
                     ->option_text("PERIOD");
  for (const char* other : {"--at", "--within", "--area", "--status", "--person", "--rows", "--strict"}) {
    period->excludes(sub->get_option(other));
  }
  for (const char* other : {"--at", "--as-of", "--within", "--from", "--to", "--area", "--status", "--person", "--rows"}) {
    combine->excludes(sub->get_option(other));
  }
  combine->excludes(paths);
  combine->excludes(period);
  sub->add_option("-j,--jobs", options->jobs, "Files read at once (default: one per core)")
      ->check(CLI::Range(0U, 256U))
      ->option_text("N");
  sub->footer(
      "One file gives that person's summary; a folder, or several files, the folder's. Invalid records are "
      "reported on standard error and left out of every count. --combine puts providers' redacted JSON summaries "
      "side by side, from their counts alone. --period DIR needs the folder in a git repository.\nExit status: 0 when there is a summary (files left "
      "out are reported, not failed), 1 when every file was left out, or any with --strict, 2 on a usage error "
      "or an unreadable path (with --combine: a file that is not a redacted folder summary of this version).");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
