#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/report/provenance.hpp"
#include "wellbeing/report/templates.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::report {

// One change to the record since an earlier revision (from the semantic diff), for "What changed since".
struct Change {
  std::string kind;     // "added", "removed" or "changed"
  std::string section;  // the part of the record: "Outcomes"
  std::string path;     // list items named by id: "/outcomes/o-3/status"
  std::string label;    // in words, with the values: `Outcome o-3 "Back to the allotment": status open → met`
};

struct ChangesSince {
  std::string revision;     // as asked for ("HEAD~3", a tag, a commit)
  std::string commit;       // the commit it names (40 hex digits), when known
  std::string commit_date;  // that commit's date, when known
  std::vector<Change> changes;
};

// What a report is built from, besides the record.
struct ReportOptions {
  util::Date as_of = util::today();   // the report's date: "this period", next review, overdue actions
  records::Config config;             // the folder's settings (provider, review intervals, redaction keep list)
  bool redact = false;                // leave out names and identifying free text, except config.redaction_keep
  Provenance provenance;              // the file and its git commit
  std::string tool_version;           // "0.1.0"
  std::optional<ChangesSince> since;  // with --since REV
  // In a --site: the relative links from the person's page to the site's index and provider page.
  struct SiteLinks {
    std::string index, provider;
  };
  std::optional<SiteLinks> site;
};

// The data given to the report templates: a tree of objects, lists, strings and booleans, documented key
// by key in templates/README.md. Values are the record's text as written (the renderer escapes them for
// the format); dates are formatted for reading ("14 April 2026"; "April 2026" when redacted); enumerated
// values become words ("In progress"); *_token keys are fixed CSS-safe words ([a-z_]); chart geometry is
// numbers. Never fails: what the lenient record view lacks is shown as missing.
// `record` is the parsed record; when options.redact, it is redacted (records::Redaction::apply) before
// anything is read from it, so no part of the report can show what the redaction withholds.
nlohmann::ordered_json build_report_data(const document::Node& record, const Diagnostics& findings,
                                         const ReportOptions& options, Format format);

// "14 April 2026".
std::string long_date(util::Date date);

}  // namespace wellbeing::report
