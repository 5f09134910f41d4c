#pragma once
// `wellbeing render DIR --site OUT`: the provider report as a small offline site.

#include <filesystem>
#include <string>

#include "options.hpp"
#include "wellbeing/history/snapshot.hpp"
#include "wellbeing/report/provider.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/summary/folder.hpp"

namespace wellbeing::cli {

// The options a person's review report is made with, by `render FILE` and for each page of a site: the
// report's date, the settings, redaction, the file's provenance in git (at the --at commit `at` when not
// null) shown as `shown`, and, for a file in git read as it is now, what changed since its last review
// (unless `since_last_review` is false: the caller gives its own revision).
report::ReportOptions person_report_options(const std::string& file, const std::string& shown,
                                            const document::Node& root, util::Date as_of, records::Config config,
                                            bool redact, const history::Snapshot* at, bool since_last_review = true);

// The report templates: the built-in ones, with those in `template_dir` (--template) in their place when it is
// not empty. A folder that cannot be read, or a template in it that does not compile, is an InputError.
report::TemplateSet report_templates(const std::string& template_dir);

// The file that marks a folder as a site this command wrote, so that it may write there again.
inline constexpr const char* k_site_marker = ".wellbeing-site";

// Writes OUT/index.html (the people, linked), OUT/provider.html (the provider report, each person linked)
// and OUT/people/ID.html (each counted person's review report in HTML, linking back), every file through
// write/. OUT must not exist, be empty, or hold k_site_marker (a site written before, whose files are
// replaced); anything else is refused with an InputError, before anything is written. `at` is the --at
// snapshot, or null.
void write_site(const std::filesystem::path& out, const summary::FolderSummary& folder, report::ProviderOptions options,
                const report::TemplateSet& templates, const history::Snapshot* at);

}  // namespace wellbeing::cli
