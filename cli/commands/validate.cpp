// `wellbeing validate [PATH…]`: checks records against the schema and the rules of practice, and reports
// every problem.
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "at.hpp"
#include "changed_since.hpp"
#include "command.hpp"
#include "options.hpp"
#include "wellbeing/cache/results.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/rules/changes.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "wellbeing/validation/batch.hpp"
#include "wellbeing/validation/render.hpp"
#include "wellbeing/validation/settings.hpp"

namespace wellbeing::cli {

namespace {

enum class Format { text, json, github, junit };

struct Options {
  std::vector<std::string> paths;
  std::string schema_file;
  Format format = Format::text;
  unsigned jobs = 0;
  std::string as_of;  // "YYYY-MM-DD"; empty: today
  bool strict = false;
  bool only_records = false;
  bool no_cache = false;
  std::string at;             // --at DATE|REV: the records as they stood at a commit
  std::string changed_since;  // a git revision: check only the files changed since  // files named count only when their folder's settings say they are records
};

schema::Validator load_schema(const std::string& schema_file) {
  if (schema_file.empty()) {
    return schema::record_validator();
  }
  const document::ParseResult parsed = document::parse_file(schema_file, schema_file);
  if (!parsed) {
    const Diagnostic& first = parsed.error().front();
    const std::string where =
        first.location.line == 0 ? "" : fmt::format(" (line {}, column {})", first.location.line, first.location.column);
    throw InputError(fmt::format("cannot read the schema {}: {}{}", schema_file, first.message, where));
  }
  // "schema.json" has an empty parent: relative $refs then resolve from the current folder.
  schema::CompileOptions options;
  const std::filesystem::path folder = std::filesystem::path(schema_file).parent_path();
  options.base_directory = folder.empty() ? std::filesystem::path(".") : folder;
  auto compiled = schema::Validator::compile(*parsed, options);
  if (!compiled) {
    const Diagnostic& first = compiled.error().front();
    throw InputError(fmt::format("the schema {} is not usable: {}{}", parsed->path, first.message,
                                 first.pointer.empty() ? "" : fmt::format(" (at {})", first.pointer)));
  }
  return std::move(compiled).value();
}

// One file's diagnostics in compiler form, with their source lines.
std::string render_text(const validation::FileResult& result, bool color) {
  std::string out;
  const std::string_view source = result.source ? std::string_view(*result.source) : std::string_view();
  for (const Diagnostic& diagnostic : result.diagnostics) {
    out += format_diagnostic_text(diagnostic, source, color);
  }
  return out;
}

// What each input file is checked with: the settings of its nearest wellbeing.yaml (each file read once,
// and shared by the files it governs), loaded as every command loads them (settings that are not valid stop
// the run: refuse_settings), and where its results are cached.
struct FileSettings {
  std::shared_ptr<const records::CheckOptions> options;
  std::shared_ptr<const cache::Scope> scope;
};
using FileOptions = std::map<std::string, FileSettings>;
FileOptions check_options_for_files(const std::vector<std::string>& files, util::Date as_of, ColorChoice color) {
  // The rules that depend on the date make it part of every record's results.
  const std::string context = "as-of " + util::format_date(as_of);
  std::map<std::string, FileSettings> loaded;  // settings file -> what its files get
  const FileSettings defaults{std::make_shared<const records::CheckOptions>(records::CheckOptions{{}, as_of}),
                              std::make_shared<const cache::Scope>(cache::scope_for(std::nullopt, context))};
  FileOptions out;
  for (const std::string& file : files) {
    FileSettings settings = defaults;
    if (const auto found = records::find_config(file == "-" ? "." : file)) {
      const std::string key = found->lexically_normal().generic_string();
      auto it = loaded.find(key);
      if (it == loaded.end()) {
        auto config = validation::load_settings(*found);
        if (!config) {
          refuse_settings(config.error(), color);
        }
        FileSettings made{std::make_shared<const records::CheckOptions>(
                              records::CheckOptions{std::move(config).value(), as_of}),
                          std::make_shared<const cache::Scope>(cache::scope_for(*found, context))};
        it = loaded.emplace(key, std::move(made)).first;
      }
      settings = it->second;
    }
    out.emplace(file == "-" ? std::string(validation::k_stdin_name) : file, std::move(settings));
  }
  return out;
}

bool is_settings_file(std::string_view path) {
  return std::filesystem::path(path).filename() == records::k_config_file_name;
}

int run(const Options& options, const GlobalOptions& global) {
  const util::Date as_of = date_or(options.as_of, util::today());
  std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  std::string schema_file = options.schema_file;
  std::optional<AtCommit> at;
  if (!options.at.empty()) {
    if (!schema_file.empty()) {
      schema_file = std::filesystem::absolute(schema_file).string();
    }
    at.emplace(options.at, paths);
    if (at->nothing_left()) {
      write_out(stderr, fmt::format("wellbeing: no file named was there at {}; nothing to check\n", at->describe()));
      return k_exit_ok;
    }
    write_out(stderr, fmt::format("wellbeing: the records as they stood at {}\n", at->describe()));
  }
  validation::Inputs inputs = validation::collect_inputs(
      paths, options.only_records ? validation::Named::when_record : validation::Named::always);
  if (inputs.files.empty() && inputs.problems.empty()) {
    // The pre-commit check names every staged YAML file: none being a record is nothing to check. Anywhere
    // else a run that checks nothing must not pass as if it had found everything valid.
    if (options.only_records) {
      write_out(stderr, "wellbeing: none of the files named is a record (by the folder's settings); nothing to check\n");
      return k_exit_ok;
    }
    throw InputError(validation::no_records_message(paths, inputs.not_records));
  }
  if (!options.changed_since.empty()) {
    keep_changed_since(options.changed_since, paths, inputs);
    if (inputs.files.empty() && inputs.problems.empty()) {
      write_out(stderr, fmt::format("wellbeing: no record changed since {}; nothing to check\n", options.changed_since));
      return k_exit_ok;
    }
  }
  if (std::count(inputs.files.begin(), inputs.files.end(), "-") > 1) {
    throw InputError("standard input ('-') can be named only once");
  }

  const bool records = schema_file.empty();
  validation::Check check;
  std::optional<schema::Validator> validator;
  FileOptions settings;
  if (records) {
    // Records: the schema and the rules of practice, with each folder's settings.
    settings = check_options_for_files(inputs.files, as_of, global.color);
    // A folder's own wellbeing.yaml is its settings, checked just now, not a record.
    std::erase_if(inputs.files, [](const std::string& file) { return is_settings_file(file); });
    check = [&settings](const document::Document& doc) {
      return validation::with_format_note(validation::check_record(doc, *settings.at(doc.path).options), doc);
    };
  } else {
    validator = load_schema(schema_file);
    check = [&validator](const document::Document& doc) { return validator->validate(doc); };
  }

  // Text and annotations are written as each file is done; JSON and JUnit open with the totals, so they
  // keep each file's findings (not its text) until the end.
  const bool color = options.format == Format::text && use_color(global.color, stdout);
  // The rules each folder's settings change are said first, as notes: nothing is changed quietly.
  Diagnostics notes;
  for (const auto& [file, used] : settings) {
    const records::Config& config = used.options->config;
    if (!config.path.empty() && std::none_of(notes.begin(), notes.end(), [&](const Diagnostic& d) {
          return d.location.file == config.path;
        })) {
      const Diagnostics changes = rules::change_notes(config);
      notes.insert(notes.end(), changes.begin(), changes.end());
    }
  }
  validation::Counts counts;
  validation::count_problems(counts, inputs.problems);
  validation::count_problems(counts, notes);
  bool unreadable = !inputs.problems.empty();
  std::vector<validation::FileResult> kept;
  if (options.format == Format::text) {
    std::string problems;
    for (const Diagnostic& problem : inputs.problems) {
      problems += format_diagnostic_text(problem, {}, color);
    }
    for (const Diagnostic& note : notes) {
      const auto text = util::read_bounded(note.location.file, document::ParseOptions{}.max_bytes);
      problems += format_diagnostic_text(note, text ? std::string_view(*text) : std::string_view(), color);
    }
    write_out(stdout, problems);
  } else if (options.format == Format::github) {
    write_out(stdout, validation::render_github({}, inputs.problems) + validation::render_github({}, notes));
  }
  // Record checks are cached (a --schema run's schema may read other files the key would not cover).
  std::optional<cache::ResultCache> results_cache;
  if (records && !options.no_cache && !at && !env_flag("WELLBEING_NO_CACHE")) {
    results_cache.emplace([&settings](const std::string& path) {
      auto found = settings.find(path);
      return found == settings.end() ? nullptr : found->second.scope.get();
    });
    counts.cached = 0;
  }
  const validation::Memo* memo = results_cache ? &*results_cache : nullptr;
  validation::check_files(inputs.files, check, options.jobs, [&](validation::FileResult&& result) {
    validation::count_file(counts, result.diagnostics, options.strict);
    if (result.cached) {
      ++*counts.cached;
    }
    unreadable = unreadable || !result.readable;
    switch (options.format) {
      case Format::text:
        write_out(stdout, render_text(result, color));
        break;
      case Format::github:
        write_out(stdout, validation::render_github({result}, {}));
        break;
      case Format::json:
      case Format::junit:
        result.source.reset();
        kept.push_back(std::move(result));
        break;
    }
  }, {}, memo);

  switch (options.format) {
    case Format::text:
      write_out(stderr, validation::summary_line(counts, inputs.problems.size(), records, options.strict));
      break;
    case Format::json:
      write_out(stdout, validation::render_json(kept, inputs.problems, counts, options.strict, notes));
      break;
    case Format::github:
      break;
    case Format::junit:
      write_out(stdout, validation::render_junit(kept, inputs.problems, counts, options.strict, notes));
      break;
  }
  if (unreadable) {
    return k_exit_usage;
  }
  return counts.invalid > 0 ? k_exit_findings : k_exit_ok;
}

}  // namespace

Command register_validate(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "validate", "Check records against the schema and the rules of good practice, and report every problem");
  sub->add_option("paths", options->paths,
                  "Files or folders (a folder: the records its wellbeing.yaml's records setting names, default "
                  "records/; hidden folders skipped); - for standard input; default: the current folder");
  sub->add_option("--schema", options->schema_file,
                  "Validate against this draft-07 JSON Schema instead of the "
                  "built-in record schema")
      ->check(CLI::ExistingFile);
  add_format_option(*sub, options->format,
                    {{"github", Format::github}, {"json", Format::json}, {"junit", Format::junit}, {"text", Format::text}},
                    "Output format: text, json, github (workflow annotations), junit");
  sub->add_option("-j,--jobs", options->jobs, "Files validated at once (default: one per core)")
      ->check(CLI::Range(0U, 256U));
  add_date_option(*sub, "--as-of", options->as_of,
                  "Check as if today were DATE (YYYY-MM-DD), for overdue reviews and future dates; default: today");
  sub->add_flag("--strict", options->strict, "Warnings fail the run too (exit status 1)");
  sub->add_flag("--only-records", options->only_records,
                "Of the files named, check only those the folder's settings count as records (as the pre-commit "
                "check does with every staged YAML file)");
  sub->add_option("--changed-since", options->changed_since,
                  "Check only the records added or changed (renamed ones too) since this git revision, in the "
                  "working tree; the deleted ones are listed")
      ->option_text("REV")
      ->excludes(add_at_option(*sub, options->at));
  sub->add_flag("--no-cache", options->no_cache,
                "Check every record afresh, and keep no results (they are kept in .wellbeing/cache/ beside "
                "wellbeing.yaml, by each file's content, the settings, this version and the --as-of date)");
  sub->footer(
      "Exit status: 0 when every file is valid, 1 when any has errors (or warnings, with --strict), 2 on a usage "
      "error, an unreadable path, folder settings that are not valid, or no record found to check (with\n"
      "--only-records, none of the files named being a record is 0: nothing to check).\nText output reads path:line:column: "
      "severity: message [rule], then the line and a caret. 'wellbeing rules' lists the rules.");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
