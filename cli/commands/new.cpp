// `wellbeing new ID`: a new person's record, valid from the first save.
#include <fmt/format.h>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/schema/embedded.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/write/templates.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::string id;
  std::string name;
  std::string dir;  // empty: the records/ folder beside the governing wellbeing.yaml, else ./records
  std::string voice = "direct";
  std::string support_started;
  std::string as_of;
};

bool valid_id(std::string_view id) {
  return id.size() >= 6 && id.starts_with("p-") &&
         id.substr(2).find_first_not_of("0123456789") == std::string_view::npos;
}

int run(const Options& options, const GlobalOptions& global) {
  if (!valid_id(options.id)) {
    throw InputError(fmt::format("'{}' is not a person id: write p- and at least four digits (p-0007), never a "
                                 "name or an NHS number",
                                 options.id));
  }
  const util::Date as_of = date_or(options.as_of, util::today());
  write::NewRecord record;
  record.id = options.id;
  record.known_as = options.name;
  record.voice = options.voice;
  if (!options.support_started.empty()) {
    record.support_started = date_or(options.support_started, util::today());
  }

  // Without --dir, the records folder of the folder this is run in, found from its wellbeing.yaml as git
  // finds .git, so that running `new` inside records/ does not make records/records/.
  fs::path dir(options.dir.empty() ? "records" : options.dir);
  if (options.dir.empty()) {
    if (const auto settings = records::find_config(fs::current_path())) {
      dir = fs::proximate(settings->parent_path() / "records");
    }
  }
  // Settings that are not valid refuse the record before its folder is made.
  const records::CheckOptions check = check_options_for(dir, as_of, global.color);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    throw InputError(fmt::format("cannot create the folder {}: {}", dir.string(), ec.message()));
  }
  // The editor's schema line points at the folder's copy of the schema (written by `wellbeing init`
  // beside wellbeing.yaml), relative to the record.
  const auto config = records::find_config(dir);
  const fs::path root = config ? config->parent_path() : dir / "..";
  const fs::path schema_file = root / "schemas" / std::string(schema::k_record_schema);
  record.schema_path = fs::proximate(schema_file, dir, ec).generic_string();
  const fs::path file = (dir / (options.id + ".yaml")).lexically_normal();
  const std::string display = file.generic_string();
  const std::string text = write::new_record_text(record);

  auto parsed = document::parse(text, display);
  if (!parsed) {
    throw std::runtime_error("the new record does not parse");
  }
  const Diagnostics findings = validation::check_record(*parsed, check);
  if (has_errors(findings)) {
    write_out(stderr, format_diagnostics_text(findings, text, use_color(global.color, stderr)));
    write_out(stderr, fmt::format("wellbeing: error: the new record would not be valid; nothing was written\n"));
    return k_exit_findings;
  }
  if (auto written = write::create_file(file, text); !written) {
    return report_failure(written.error());
  }
  if (!fs::exists(schema_file, ec)) {
    write_out(stderr, fmt::format("wellbeing: note: no schema at {} for editors to use; `wellbeing init` writes one, "
                                  "or run `wellbeing schema > {}`\n",
                                  schema_file.lexically_normal().generic_string(),
                                  schema_file.lexically_normal().generic_string()));
  }
  write_out(stdout, fmt::format("{}: created\n", display));
  return k_exit_ok;
}

}  // namespace

Command register_new(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("new", "Start a new person's record, valid from the first save");
  sub->add_option("id", options->id, "The person's id: p- and at least four digits (p-0007)")->required();
  sub->add_option("--name", options->name, "The name they like to be called (known_as)")->option_text("NAME");
  sub->add_option("--dir", options->dir, "The records folder (default: records/ beside the folder's wellbeing.yaml, found by walking up; else ./records)")->option_text("DIR");
  sub->add_option("--voice", options->voice,
                  "How their views are heard at present: direct (the default: capacity is assumed unless shown "
                  "otherwise), supported, represented, observation or earlier_views")
      ->check(one_of({"direct", "supported", "represented", "observation", "earlier_views"}))
      ->option_text("VOICE");
  add_date_option(*sub, "--support-started", options->support_started, "When support began, YYYY-MM-DD");
  add_date_option(*sub, "--as-of", options->as_of, "The date the checks take as today, YYYY-MM-DD (default: today)");
  sub->footer(
      "Writes DIR/ID.yaml with the person and all nine areas marked not_yet_explored, and the editor line\n"
      "`# yaml-language-server: $schema=…` pointing at the folder's schemas/ (as `wellbeing init` writes it).\n"
      "Never overwrites: an existing file is an error (exit 2).");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
