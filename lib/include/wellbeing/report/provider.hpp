#pragma once
// The provider report (`wellbeing render DIR`): one review pack for a whole records folder, as the data its
// templates receive (provider.md.mustache, provider.html.mustache).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>

#include "wellbeing/report/templates.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/options.hpp"
#include "wellbeing/summary/period.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::report {

// The calendar period of `interval` holding `as_of` (from its first day to as_of), and the whole period
// before it.
struct ComparedPeriods {
  summary::Period current, previous;
};
ComparedPeriods compared_periods(summary::Interval interval, util::Date as_of);

// What a provider report is built from, besides the folder summary.
struct ProviderOptions {
  summary::Options summary;  // the settings, as_of, the period (compared_periods' current) and the redaction
  summary::Interval interval = summary::Interval::quarterly;
  std::string folder;                             // as given on the command line
  std::string at;                                 // with --at: "commit 1a2b3c4d5e6f (…)", else ""
  std::optional<summary::PeriodSummary> periods;  // the period before and this one, from git
  std::string periods_missing;  // when `periods` is unset: why ("examples is not in a git repository")
  std::string person_link;      // a link to each person's page, "{id}" standing for their id; "" for none
  std::string tool_version;
};

// The data given to the provider templates, documented key by key in templates/README.md: nine sections,
// each with its heading, in which every figure lists the people behind it (their id, and their name unless
// redacted). Each counted person's record (folder.people[i].file) is read again for what the folder summary
// does not keep (where each view came from, what works, safeguarding references), redacted as the summary
// was; a record that can no longer be read adds nothing. Never fails.
nlohmann::ordered_json build_provider_data(const summary::FolderSummary& folder, const ProviderOptions& options,
                                           Format format);

}  // namespace wellbeing::report
