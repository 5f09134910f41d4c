// `wellbeing render DIR`: the provider report.
#include "render_folder.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "at.hpp"
#include "command.hpp"
#include "output.hpp"
#include "render_site.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/report/provider.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/period.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/json.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::cli {

namespace fs = std::filesystem;

int run_render_folder(FolderRender request, ColorChoice color) {
  const util::Date as_of = date_or(request.as_of, util::today());
  const summary::Interval interval = request.period == "monthly"  ? summary::Interval::monthly
                                     : request.period == "yearly" ? summary::Interval::yearly
                                                                  : summary::Interval::quarterly;
  const std::string shown_folder = request.folder;
  // The comparison reads the repository itself, never the --at copy.
  const fs::path real_folder = request.at.empty() ? fs::path(request.folder) : fs::absolute(request.folder);
  // --at changes the current folder to the copy's: paths to write to and read from are taken as typed first.
  for (std::string* path : {&request.output, &request.template_dir, &request.site}) {
    if (!request.at.empty() && !path->empty() && *path != "-") {
      *path = fs::absolute(*path).string();
    }
  }
  std::optional<AtCommit> at;
  if (!request.at.empty()) {
    std::vector<std::string> paths{request.folder};
    at.emplace(request.at, paths);
    request.folder = paths.front();
    write_out(stderr, fmt::format("wellbeing: the records as they stood at {}\n", at->describe()));
  }

  auto files = summary::collect_files({request.folder});
  if (!files) {
    throw InputError(files.error());
  }
  const records::Config config = settings_for(fs::path(request.folder) / records::k_config_file_name, color);
  report::ProviderOptions options;
  options.summary = summary::default_options(config, as_of);
  const report::ComparedPeriods periods = report::compared_periods(interval, as_of);
  options.summary.period = periods.current;
  options.summary.said_width = 0;
  if (request.redact || (config.redact_by_default && !request.no_redact)) {
    options.summary.redaction = summary::Redaction::keeping(config.redaction_keep);
  }
  options.interval = interval;
  options.folder = shown_folder;
  options.at = at ? at->describe() : std::string();
  options.tool_version = WELLBEING_VERSION;

  std::vector<summary::SummarisedFile> checked = summary::summarise_files(*files, options.summary);
  const summary::FolderSummary folder = summary::summarise_folder(std::move(checked), options.summary);
  // Each file left out, with where its first error is (its words withheld when redacted, as the summary's are).
  for (const summary::FileStatus& status : folder.files) {
    if (!status.counted) {
      if (status.first_error && !status.first_error->message.empty()) {
        write_out(stderr, format_diagnostic_text(*status.first_error, {}, use_color(color, stderr)));
      }
      write_out(stderr, "wellbeing: " + summary::left_out_note(status) + "\n");
    }
  }
  if (folder.people.empty()) {
    write_out(stderr, fmt::format("wellbeing: no record in {} is valid, so no report was made\n", shown_folder));
    return k_exit_findings;
  }

  auto compared =
      summary::summarise_periods(real_folder, interval, {periods.previous.from, periods.current.to}, config);
  if (compared) {
    options.periods = std::move(compared).value();
  } else {
    options.periods_missing = fmt::format("No comparison: {}.", compared.error().message);
  }

  const report::TemplateSet templates = report_templates(request.template_dir);
  if (!request.site.empty()) {
    write_site(request.site, folder, std::move(options), templates, at ? &at->snapshot() : nullptr);
    return k_exit_ok;
  }
  const report::Format format = request.format == "html" ? report::Format::html : report::Format::markdown;
  const nlohmann::ordered_json data = report::build_provider_data(folder, options, format);
  std::string text;
  if (request.format == "json") {
    text = util::json_text(data, 2) + "\n";
  } else {
    auto rendered = report::render(templates, format, data, report::provider_template(format));
    if (!rendered) {
      throw InputError(rendered.error());
    }
    text = std::move(rendered).value();
  }
  if (request.output.empty() || request.output == "-") {
    write_out(stdout, text);
  } else if (auto written = write::write_file(request.output, text); !written) {
    throw InputError(fmt::format("cannot write {}: {}", request.output, written.error().message));
  }
  return k_exit_ok;
}

}  // namespace wellbeing::cli
