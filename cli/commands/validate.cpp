// `wellbeing validate [PATH…]`: checks records against the schema and the rules of practice, and reports
// every problem.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "wellbeing/util/text.hpp"
#include "wellbeing/validation/batch.hpp"
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
};

struct Counts {
  std::size_t files = 0;
  std::size_t invalid = 0;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  std::size_t infos = 0;
};

// A file fails with an error, or with a warning under --strict.
bool fails(const Diagnostics& diagnostics, bool strict) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
    return d.severity == Severity::error || (strict && d.severity == Severity::warning);
  });
}

Counts count(const std::vector<validation::FileResult>& results, const Diagnostics& problems, bool strict) {
  Counts counts;
  counts.files = results.size();
  auto tally = [&](const Diagnostic& d) {
    counts.errors += d.severity == Severity::error;
    counts.warnings += d.severity == Severity::warning;
    counts.infos += d.severity == Severity::info;
  };
  for (const auto& result : results) {
    counts.invalid += fails(result.diagnostics, strict);
    std::for_each(result.diagnostics.begin(), result.diagnostics.end(), tally);
  }
  std::for_each(problems.begin(), problems.end(), tally);
  return counts;
}

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

std::string render_text(const std::vector<validation::FileResult>& results, const Diagnostics& problems, bool color) {
  std::string out;
  for (const Diagnostic& problem : problems) {
    out += format_diagnostic_text(problem, {}, color);
  }
  for (const auto& result : results) {
    const std::string_view source = result.source ? std::string_view(*result.source) : std::string_view();
    for (const Diagnostic& diagnostic : result.diagnostics) {
      out += format_diagnostic_text(diagnostic, source, color);
    }
  }
  return out;
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
  nlohmann::ordered_json item;
  item["severity"] = to_string(d.severity);
  item["rule"] = d.rule;
  item["message"] = d.message;
  item["line"] = d.location.line;
  item["column"] = d.location.column;
  item["pointer"] = d.pointer;
  if (!d.keyword.empty()) {
    item["keyword"] = d.keyword;
  }
  return item;
}

std::string render_json(const std::vector<validation::FileResult>& results, const Diagnostics& problems,
                        const Counts& counts, bool strict) {
  nlohmann::ordered_json root;
  root["version"] = 1;
  root["valid"] = counts.invalid == 0 && problems.empty();
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  auto add_file = [&](const std::string& path, const Diagnostics& diagnostics) {
    nlohmann::ordered_json file;
    file["path"] = path;
    file["valid"] = !fails(diagnostics, strict);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Diagnostic& d : diagnostics) {
      list.push_back(diagnostic_json(d));
    }
    file["diagnostics"] = std::move(list);
    files.push_back(std::move(file));
  };
  for (const Diagnostic& problem : problems) {
    add_file(problem.location.file, Diagnostics{problem});
  }
  for (const auto& result : results) {
    add_file(result.path, result.diagnostics);
  }
  root["files"] = std::move(files);
  root["summary"] = {{"files", counts.files + problems.size()},
                     {"invalid", counts.invalid + problems.size()},
                     {"errors", counts.errors},
                     {"warnings", counts.warnings},
                     {"infos", counts.infos}};
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// GitHub Actions workflow commands: "::error file=F,line=L,col=C,title=T::message".
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_github(const std::vector<validation::FileResult>& results, const Diagnostics& problems) {
  std::string out;
  auto add = [&](const Diagnostic& d) {
    const std::string_view command = d.severity == Severity::error     ? "error"
                                     : d.severity == Severity::warning ? "warning"
                                                                       : "notice";
    out += fmt::format("::{} file={}", command, github_escape(d.location.file, true));
    if (d.location.line > 0) {
      out += fmt::format(",line={},col={}", d.location.line, d.location.column);
    }
    out += fmt::format(",title={}::{}\n", github_escape(d.rule, true), github_escape(d.message, false));
  };
  std::for_each(problems.begin(), problems.end(), add);
  for (const auto& result : results) {
    std::for_each(result.diagnostics.begin(), result.diagnostics.end(), add);
  }
  return out;
}


// JUnit XML: one test case per file, failing when it has errors (or warnings, with --strict); the other
// findings are kept in system-out.
std::string render_junit(const std::vector<validation::FileResult>& results, const Diagnostics& problems,
                         const Counts& counts, bool strict) {
  std::string cases;
  auto add_case = [&](const std::string& path, const Diagnostics& diagnostics) {
    cases += fmt::format("    <testcase classname=\"wellbeing.validate\" name=\"{}\">\n", util::escape_markup(path));
    std::string failures;
    std::string notes;
    for (const Diagnostic& d : diagnostics) {
      const std::string line = fmt::format("{}:{}:{}: {}: {} [{}]", d.location.file, d.location.line, d.location.column,
                                           to_string(d.severity), d.message, d.rule);
      const bool failure = d.severity == Severity::error || (strict && d.severity == Severity::warning);
      (failure ? failures : notes) += line + "\n";
    }
    if (!failures.empty()) {
      cases += fmt::format("      <failure message=\"{}\">{}</failure>\n",
                           util::escape_markup(fmt::format("{} problem(s)", std::count(failures.begin(), failures.end(), '\n'))),
                           util::escape_markup(failures));
    }
    if (!notes.empty()) {
      cases += fmt::format("      <system-out>{}</system-out>\n", util::escape_markup(notes));
    }
    cases += "    </testcase>\n";
  };
  for (const Diagnostic& problem : problems) {
    add_case(problem.location.file, Diagnostics{problem});
  }
  for (const auto& result : results) {
    add_case(result.path, result.diagnostics);
  }
  const std::size_t tests = results.size() + problems.size();
  const std::size_t failures = counts.invalid + problems.size();
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites tests=\"{0}\" failures=\"{1}\">\n"
      "  <testsuite name=\"wellbeing validate\" tests=\"{0}\" failures=\"{1}\" errors=\"0\">\n{2}"
      "  </testsuite>\n</testsuites>\n",
      tests, failures, cases);
}

// "1 record", "3 records".
std::string counted(std::size_t n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

// The closing line on standard error, in words: how many records were checked, how many passed, and what
// was found. Nothing when nothing was found.
std::string summary_line(const Counts& counts, std::size_t unreadable, bool records, bool strict) {
  if (counts.errors + counts.warnings + counts.infos == 0) {
    return {};
  }
  // Paths that could not be read were not checked: say so apart from the records.
  const std::size_t files = counts.files;
  const std::size_t failing = counts.invalid;
  std::vector<std::string> parts;
  if (files > 0) {
    std::string checked =
        fmt::format("{} checked, ", records ? counted(files, "record", "records") : counted(files, "file", "files"));
    if (failing == 0) {
      checked += files == 1 ? "valid" : "all valid";
    } else if (strict) {
      checked += fmt::format("{} passed and {} failed (with --strict, warnings fail too)", files - failing, failing);
    } else {
      checked += fmt::format("{} valid and {} with errors", files - failing, failing);
    }
    parts.push_back(std::move(checked));
  }
  std::vector<std::string> found;
  if (counts.errors > unreadable) {
    found.push_back(counted(counts.errors - unreadable, "error", "errors") + " to correct");
  }
  if (counts.warnings > 0) {
    found.push_back(counted(counts.warnings, "warning", "warnings") + " to look at");
  }
  if (counts.infos > 0) {
    found.push_back(counted(counts.infos, "note", "notes"));
  }
  if (unreadable > 0) {
    found.push_back(counted(unreadable, "path", "paths") + " that could not be read");
  }
  if (!found.empty()) {
    parts.push_back(fmt::format("{}", fmt::join(found, ", ")));
  }
  return fmt::format("wellbeing: {}\n", fmt::join(parts, "; "));
}

// The check options for each input file: the settings of its nearest wellbeing.yaml (each file read once),
// loaded as every command loads them; settings that are not valid stop the run (refuse_settings).
std::map<std::string, records::CheckOptions> check_options_for_files(const std::vector<std::string>& files,
                                                                     util::Date as_of, ColorChoice color) {
  std::map<std::string, records::Config> loaded;  // settings file -> settings
  std::map<std::string, records::CheckOptions> out;
  for (const std::string& file : files) {
    records::CheckOptions options;
    options.as_of = as_of;
    if (const auto found = records::find_config(file == "-" ? "." : file)) {
      const std::string key = found->lexically_normal().generic_string();
      auto it = loaded.find(key);
      if (it == loaded.end()) {
        auto config = validation::load_settings(*found);
        if (!config) {
          refuse_settings(config.error(), color);
        }
        it = loaded.emplace(key, std::move(config).value()).first;
      }
      options.config = it->second;
    }
    out.emplace(file == "-" ? std::string(validation::k_stdin_name) : file, std::move(options));
  }
  return out;
}

bool is_settings_file(std::string_view path) {
  return std::filesystem::path(path).filename() == records::k_config_file_name;
}

int run(const Options& options, const GlobalOptions& global) {
  const util::Date as_of = date_or(options.as_of, util::today());
  const std::vector<std::string> paths = options.paths.empty() ? std::vector<std::string>{"."} : options.paths;
  validation::Inputs inputs = validation::collect_inputs(paths);
  if (std::count(inputs.files.begin(), inputs.files.end(), "-") > 1) {
    throw InputError("standard input ('-') can be named only once");
  }

  const bool records = options.schema_file.empty();
  validation::Check check;
  std::optional<schema::Validator> validator;
  std::map<std::string, records::CheckOptions> settings;
  if (records) {
    // Records: the schema and the rules of practice, with each folder's settings.
    settings = check_options_for_files(inputs.files, as_of, global.color);
    // A folder's own wellbeing.yaml is its settings, checked just now, not a record.
    std::erase_if(inputs.files, [](const std::string& file) { return is_settings_file(file); });
    check = [&settings](const document::Document& doc) { return validation::check_record(doc, settings.at(doc.path)); };
  } else {
    validator = load_schema(options.schema_file);
    check = [&validator](const document::Document& doc) { return validator->validate(doc); };
  }
  const auto results = validation::check_files(inputs.files, check, options.jobs);
  const Counts counts = count(results, inputs.problems, options.strict);

  switch (options.format) {
    case Format::text:
      write_out(stdout, render_text(results, inputs.problems, use_color(global.color, stdout)));
      write_out(stderr, summary_line(counts, inputs.problems.size(), records, options.strict));
      break;
    case Format::json:
      write_out(stdout, render_json(results, inputs.problems, counts, options.strict));
      break;
    case Format::github:
      write_out(stdout, render_github(results, inputs.problems));
      break;
    case Format::junit:
      write_out(stdout, render_junit(results, inputs.problems, counts, options.strict));
      break;
  }
  const bool unreadable = !inputs.problems.empty() ||
                          std::any_of(results.begin(), results.end(), [](const auto& r) { return !r.readable; });
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
                  "Files or folders (searched for *.yaml and *.yml, hidden folders skipped); - for standard input; "
                  "default: the current folder");
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
  sub->footer(
      "Exit status: 0 when every file is valid, 1 when any has errors (or warnings, with --strict), 2 on a usage "
      "error, an unreadable path or folder settings that are not valid.\nText output reads path:line:column: "
      "severity: message [rule], then the line and a caret. 'wellbeing rules' lists the rules.");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
