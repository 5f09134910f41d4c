// `wellbeing migrate FILE…`: turns wellbeing/v1 records into wellbeing/v2 by editing their text, so that
// every byte the change does not touch stays as it was; writes each atomically, or with --dry-run shows the
// unified diff and writes nothing.
#include <fmt/format.h>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/edit/migrate.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/write/lock.hpp"

namespace wellbeing::cli {

namespace {

struct MigrateOptions {
  std::vector<std::string> files;
  bool dry_run = false;
};

// One file: its exit code.
int migrate_one(const std::string& file, bool dry_run, bool color) {
  auto real = write::resolve(file);
  if (!real) {
    return report_failure(real.error());
  }
  std::optional<write::Lock> lock;
  if (!dry_run) {
    auto acquired = write::Lock::acquire(*real);
    if (!acquired) {
      return report_failure(acquired.error());
    }
    lock.emplace(std::move(acquired).value());
  }
  auto read = write::read_for_update(*real, document::ParseOptions{}.max_bytes);
  if (!read) {
    return report_failure(read.error());
  }
  auto parsed = document::parse(read->text, file);
  if (!parsed) {
    write_out(stderr, format_diagnostics_text(parsed.error(), read->text, color));
    write_out(stderr, fmt::format("wellbeing: error: {} cannot be read as YAML, so it cannot be migrated "
                                  "safely; fix it first\n",
                                  file));
    return k_exit_findings;
  }
  auto migrated = edit::migrate_record(read->text, *parsed);
  if (!migrated) {
    write_out(stderr, fmt::format("wellbeing: error: {}\n", migrated.error().message));
    return k_exit_findings;
  }
  if (migrated->already_v2) {
    write_out(stderr, fmt::format("wellbeing: note: {} is already wellbeing/v2; left as it is\n", file));
    return k_exit_ok;
  }
  if (dry_run) {
    write_out(stdout, history::file_change_diff(read->text, migrated->text, file));
    return k_exit_ok;
  }
  if (auto written = write::replace_file(*read, migrated->text); !written) {
    return report_failure(written.error());
  }
  write_out(stdout, fmt::format("{}: migrated to wellbeing/v2\n", file));
  return k_exit_ok;
}

}  // namespace

Command register_migrate(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<MigrateOptions>();
  CLI::App* sub = app.add_subcommand("migrate", "Turn wellbeing/v1 records into wellbeing/v2, keeping every word");
  sub->footer(
      "Each area's said becomes its first view, dated by the area's updated date, from the conversations of "
      "that date that list the area, or else the evidence the area lists that is dated by then (none is made up); each concern gets the date it was raised (the area's "
      "updated date). Key order, quoting and layout are kept elsewhere; every comment is kept, one at the end "
      "of a line written again moving to a line of its own above it. A record already v2 is left as it is.");
  sub->add_option("files", options->files, "The records to migrate")->required()->type_name("FILE…");
  sub->add_flag("-n,--dry-run", options->dry_run, "Show the change as a unified diff and write nothing");
  return Command{sub, [options, &global] {
                   const bool color = use_color(global.color, stderr);
                   int worst = k_exit_ok;
                   for (const std::string& file : options->files) {
                     worst = std::max(worst, migrate_one(file, options->dry_run, color));
                   }
                   return worst;
                 }};
}

}  // namespace wellbeing::cli
