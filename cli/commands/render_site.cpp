// `wellbeing render DIR --site OUT`.
#include "render_site.hpp"

#include <fmt/format.h>

#include <system_error>

#include "command.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/report/provenance.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/report/since.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/write/atomic_file.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;

// Refuses a folder that holds anything but a site written before: never write over someone's files.
void check_target(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(out, ec)) {
    return;
  }
  if (!fs::is_directory(out, ec)) {
    throw InputError(fmt::format("--site {}: is a file, not a folder", out.string()));
  }
  if (fs::is_empty(out, ec) || fs::exists(out / k_site_marker, ec)) {
    return;
  }
  throw InputError(
      fmt::format("--site {}: the folder is not empty and was not written by render --site (it has "
                  "no {}); name a new or empty folder",
                  out.string(), k_site_marker));
}

void write(const fs::path& file, const std::string& text) {
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (ec) {
    throw InputError(fmt::format("cannot make the folder {}: {}", file.parent_path().string(), ec.message()));
  }
  if (auto written = write::write_file(file, text); !written) {
    throw InputError(fmt::format("cannot write {}: {}", file.string(), written.error().message));
  }
}

std::string rendered(const report::TemplateSet& templates, const nlohmann::ordered_json& data, std::string_view entry) {
  auto text = report::render(templates, report::Format::html, data, entry);
  if (!text) {
    throw InputError(text.error());
  }
  return std::move(text).value();
}

// One person's review report in HTML, as `render FILE --format html` makes it, with links back to the site.
std::string person_page(const summary::PersonSummary& person, const report::ProviderOptions& options,
                        const report::TemplateSet& templates, const history::Snapshot* at) {
  auto document = document::parse_file(person.file, person.file);
  if (!document) {
    throw InputError(fmt::format("{} could not be read again for its page", person.file));
  }
  const Diagnostics findings = validation::check_record(*document, {options.summary.config, options.summary.as_of});
  report::ReportOptions report_options =
      person_report_options(person.file, person.file, document->root, options.summary.as_of, options.summary.config,
                            options.summary.redaction.on, at);
  report_options.site = report::ReportOptions::SiteLinks{"../index.html", "../provider.html"};
  const auto data = report::build_report_data(document->root, findings, report_options, report::Format::html);
  return rendered(templates, data, report::entry_template(report::Format::html));
}

}  // namespace

report::TemplateSet report_templates(const std::string& template_dir) {
  if (template_dir.empty()) {
    return report::TemplateSet::built_in();
  }
  auto loaded = report::TemplateSet::with_overrides(template_dir);
  if (!loaded) {
    throw InputError(loaded.error());
  }
  return std::move(loaded).value();
}

report::ReportOptions person_report_options(const std::string& file, const std::string& shown,
                                            const document::Node& root, util::Date as_of, records::Config config,
                                            bool redact, const history::Snapshot* at, bool since_last_review) {
  report::ReportOptions options;
  options.as_of = as_of;
  options.redact = redact;
  options.config = std::move(config);
  options.provenance = at ? report::read_provenance_at(*at, file, shown) : report::read_provenance(file, shown);
  options.tool_version = WELLBEING_VERSION;
  if (since_last_review && !at && file != "-") {
    options.since = report::changes_since_last_review(file, root);
  }
  return options;
}

void write_site(const fs::path& out, const summary::FolderSummary& folder, report::ProviderOptions options,
                const report::TemplateSet& templates, const history::Snapshot* at) {
  check_target(out);
  // Every page is made before the first is written, so a failure leaves the folder as it was.
  std::vector<std::pair<fs::path, std::string>> pages;
  options.person_link = "people/{id}.html";
  const auto data = report::build_provider_data(folder, options, report::Format::html);
  pages.emplace_back(out / "index.html", rendered(templates, data, "site-index.html.mustache"));
  pages.emplace_back(out / "provider.html", rendered(templates, data, report::provider_template(report::Format::html)));
  for (const summary::PersonSummary& person : folder.people) {
    pages.emplace_back(out / "people" / (person.id + ".html"), person_page(person, options, templates, at));
  }
  std::string marker = "Written by wellbeing render --site; it may write here again.\n";
  for (const auto& [file, text] : pages) {
    marker += fs::relative(file, out).generic_string() + "\n";
  }
  pages.emplace_back(out / k_site_marker, marker);
  for (const auto& [file, text] : pages) {
    write(file, text);
  }
}

}  // namespace wellbeing::cli
