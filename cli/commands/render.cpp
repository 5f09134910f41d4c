// `wellbeing render FILE`: a review report of one record, as Markdown or as a self-contained HTML page.
#include <filesystem>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "at.hpp"
#include "command.hpp"
#include "options.hpp"
#include "render_folder.hpp"
#include "render_site.hpp"
#include "wellbeing/history/repository.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/report/provenance.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/report/since.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/write/atomic_file.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;

enum class Format { automatic, markdown, html, json };

struct Options {
  std::string file;
  Format format = Format::automatic;
  std::string output;
  std::string template_dir;
  bool redact = false;
  bool no_redact = false;
  std::string as_of;
  std::string since;
  std::string at;  // --at DATE|REV
  std::string period;  // DIR only: --period monthly|quarterly|yearly
  std::string site;    // DIR only: --site OUT
  bool allow_invalid = false;
};

// --format, else the output file's extension (an unknown one is refused, not filled with Markdown), else
// Markdown.
Format resolve_format(const Options& options) {
  if (options.format != Format::automatic) {
    return options.format;
  }
  const std::string extension = fs::path(options.output).extension().string();
  if (options.output.empty() || options.output == "-" || extension == ".md" || extension == ".markdown") {
    return Format::markdown;
  }
  if (extension == ".html" || extension == ".htm") {
    return Format::html;
  }
  if (extension == ".json") {
    return Format::json;
  }
  if (extension == ".pdf") {
    throw InputError(fmt::format(
        "cannot write a PDF ({}): write HTML and print it, for example `wellbeing render FILE -o review.html` then "
        "`chromium --headless --no-pdf-header-footer --print-to-pdf=review.pdf review.html`, or Markdown through "
        "pandoc",
        options.output));
  }
  throw InputError(fmt::format("cannot tell the format from the name {}: name it .md, .html or .json, or give "
                               "--format md|html|json",
                               options.output));
}

// The changes between the record at `revision` and now.
report::ChangesSince changes_since(const std::string& file, const document::Document& now, const std::string& revision) {
  if (file == "-") {
    throw InputError("--since needs a file in a git repository, not standard input");
  }
  auto since = report::changes_since(file, now.root, revision);
  if (!since) {
    throw InputError(fmt::format("--since {}: {}", revision, since.error().message));
  }
  return std::move(since).value();
}

int run(Options options, const GlobalOptions& global) {
  const util::Date as_of = date_or(options.as_of, util::today());
  const Format format = resolve_format(options);
  std::error_code ec;
  if (options.file != "-" && std::filesystem::is_directory(options.file, ec)) {
    if (!options.since.empty()) {
      throw InputError("--since goes with a file: the provider report compares this period with the one before "
                       "(--period)");
    }
    if (options.allow_invalid) {
      throw InputError("--allow-invalid goes with a file: the provider report counts the valid records and names "
                       "each file left out");
    }
    if (!options.site.empty() && options.format != Format::automatic && options.format != Format::html) {
      throw InputError("--site writes HTML pages: leave out --format, or give --format html");
    }
    return run_render_folder({options.file, format == Format::html ? "html" : format == Format::json ? "json" : "md",
                              options.output, options.template_dir, options.redact, options.no_redact,
                              options.as_of, options.at, options.period, options.site},
                             global.color);
  }
  if (!options.period.empty() || !options.site.empty()) {
    throw InputError(fmt::format("{} goes with a folder (the provider report), not a file",
                                 options.period.empty() ? "--site" : "--period"));
  }
  std::optional<AtCommit> at;
  if (!options.at.empty()) {
    for (std::string* path : {&options.output, &options.template_dir}) {
      if (!path->empty() && *path != "-") {
        *path = std::filesystem::absolute(*path).string();
      }
    }
    std::vector<std::string> paths{options.file};
    at.emplace(options.at, paths);
    if (at->nothing_left()) {
      throw InputError(fmt::format("--at {}: {} was not there at {}", options.at, options.file, at->describe()));
    }
    options.file = paths.front();
  }

  auto document = document::parse_file(options.file, options.file);
  if (!document) {
    const Diagnostics& problems = document.error();
    const bool unreadable = problems.size() == 1 && problems.front().rule == "io";
    std::string out;
    for (const Diagnostic& d : problems) {
      out += format_diagnostic_text(d, {}, use_color(global.color, stderr));
    }
    write_out(stderr, out);
    return unreadable ? k_exit_usage : k_exit_findings;
  }

  records::Config config = settings_for(options.file, global.color);
  const Diagnostics findings = validation::check_record(*document, {config, as_of});
  if (has_errors(findings) && !options.allow_invalid) {
    std::string out;
    for (const Diagnostic& d : findings) {
      if (d.severity == Severity::error) {
        out += format_diagnostic_text(d, *document->source, use_color(global.color, stderr));
      }
    }
    out += fmt::format(
        "wellbeing: {} is not valid, so no report was made (--allow-invalid makes one anyway, marked as not valid)\n",
        options.file);
    write_out(stderr, out);
    return k_exit_findings;
  }

  const report::TemplateSet templates = report_templates(options.template_dir);

  const bool redact = options.redact || (config.redact_by_default && !options.no_redact);
  report::ReportOptions report_options =
      person_report_options(options.file, options.file == "-" ? "(standard input)" : options.file, document->root,
                            as_of, std::move(config), redact, at ? &at->snapshot() : nullptr, options.since.empty());
  if (!options.since.empty()) {
    report_options.since = changes_since(options.file, *document, options.since);
  }

  const report::Format report_format = format == Format::html ? report::Format::html : report::Format::markdown;
  const nlohmann::ordered_json data = report::build_report_data(document->root, findings, report_options, report_format);

  std::string text;
  if (format == Format::json) {
    text = util::json_text(data, 2) + "\n";
  } else {
    auto rendered = report::render(templates, report_format, data);
    if (!rendered) {
      throw InputError(rendered.error());
    }
    text = std::move(rendered).value();
  }

  if (options.output.empty() || options.output == "-") {
    write_out(stdout, text);
  } else {
    if (auto written = write::write_file(options.output, text); !written) {
      throw InputError(fmt::format("cannot write {}: {}", options.output, written.error().message));
    }
  }
  return k_exit_ok;
}

}  // namespace

Command register_render(CLI::App& app, const GlobalOptions& global) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand(
      "render", "Make a review report of one record, or the provider's review pack for a folder: Markdown, HTML or JSON");
  sub->add_option("file", options->file,
                  "The record (- for standard input), or a records folder for the provider report")
      ->required()
      ->option_text("FILE|DIR");
  add_format_option(*sub, options->format,
                    {{"html", Format::html}, {"json", Format::json}, {"markdown", Format::markdown}, {"md", Format::markdown}},
                    "md (GitHub-flavoured, pandoc-friendly Markdown), html (one self-contained page), or json (the "
                    "data given to the templates); default: from -o's extension, else md")
      ->option_text("FORMAT");
  auto* output =
      sub->add_option("-o,--output", options->output, "Write the report to this file (atomically) instead of standard output")
          ->option_text("FILE");
  sub->add_option("--site", options->site,
                  "With a folder: write an offline site to OUT: index.html, provider.html and people/ID.html (each "
                  "person's report), linked to each other; OUT must be new, empty or a site written before")
      ->option_text("OUT")
      ->excludes(output);
  sub->add_option("--template", options->template_dir,
                  "A folder of Mustache templates, each replacing the built-in one of the same name "
                  "(report.md.mustache, report.html.mustache, report.css.mustache, …)")
      ->option_text("DIR");
  auto* redact = sub->add_flag("--redact", options->redact,
                               "Leave out names and identifying free text, keeping what wellbeing.yaml's "
                               "redaction.keep lists (the default when redaction.default is true)");
  sub->add_flag("--no-redact", options->no_redact, "Do not redact, even when wellbeing.yaml says to")->excludes(redact);
  add_date_option(*sub, "--as-of", options->as_of, "The report's date, YYYY-MM-DD (default: today)");
  sub->add_option("--since", options->since,
                  "Add what changed in the record since this git revision (a commit, tag or branch); without it, "
                  "a record in git shows what changed since its last review (the last commit on or before that "
                  "review's date)")
      ->option_text("REV")
      ->excludes(add_at_option(*sub, options->at));
  sub->add_option("--period", options->period,
                  "With a folder: the period the report covers and compares with the one before: monthly, "
                  "quarterly (default) or yearly, the one holding --as-of")
      ->check(one_of({"monthly", "quarterly", "yearly"}))
      ->option_text("PERIOD");
  sub->add_flag("--allow-invalid", options->allow_invalid,
                "Make the report even when the record has errors (it says so at the top)");
  sub->footer(
      "A folder gives the provider report: how wellbeing is understood, outcomes, strengths, reviews, measures, "
      "safeguarding, what works, the checks and this period against the last, every figure naming its people. "
      "Exit status: 0 when the report was made, 1 when the record is not valid (no report, unless "
      "--allow-invalid) or no record in the folder is, 2 on a usage error, an unreadable file or a broken "
      "template.");
  return Command{sub, [options, &global] { return run(*options, global); }};
}

}  // namespace wellbeing::cli
