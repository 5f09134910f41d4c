#include "wellbeing/write/templates.hpp"

#include <fmt/format.h>

#include "wellbeing/edit/scalar.hpp"
#include "wellbeing/records/record.hpp"

namespace wellbeing::write {

namespace {

std::string quoted(const std::string& value) { return edit::quote_scalar(value, edit::Context::block); }

}  // namespace

std::string new_record_text(const NewRecord& record) {
  std::string out;
  if (!record.schema_path.empty()) {
    out += fmt::format("# yaml-language-server: $schema={}\n", record.schema_path);
  }
  out += fmt::format(
      "# The wellbeing record of {}. The person is the expert in their own wellbeing:\n"
      "# write what they say, in their words. Add to it in any editor, or with\n"
      "# `wellbeing add KIND FILE` (see `wellbeing add --help`).\n"
      "schema: wellbeing/v2\n\n"
      "person:\n"
      "  id: {}\n",
      record.id, quoted(record.id));
  if (!record.known_as.empty()) {
    out += fmt::format("  known_as: {}\n", quoted(record.known_as));
  }
  if (record.support_started) {
    out += fmt::format("  support_started: {}\n", util::format_date(*record.support_started));
  }
  out += fmt::format(
      "  # How their views are heard at present: direct, supported, represented,\n"
      "  # observation or earlier_views. Capacity is assumed unless shown otherwise.\n"
      "  voice: {}\n\n"
      "areas:\n"
      "  # The nine areas of wellbeing (Care Act 2014, s.1(2)). There is no order of\n"
      "  # importance: how much each one matters is for the person to say. Each time an\n"
      "  # area is talked about, add a view under its views (never replace one):\n"
      "  #   views:\n"
      "  #     - {{ date: 2026-10-20, said: In their own words., from: c-1 }}\n",
      quoted(record.voice));
  for (const records::AreaInfo& area : records::k_areas) {
    out += fmt::format("  {}:  # ({}) {}\n    status: not_yet_explored\n", area.id, area.letter, area.title);
  }
  return out;
}

std::string config_text(const FolderSettings& settings) {
  return fmt::format(R"(# yaml-language-server: $schema=schemas/wellbeing-config.schema.json
# Settings for this records folder. Everything except schema and provider has a
# default; it is written out here so you can see it and change it.
schema: wellbeing-config/v1

provider:
  name: {name}
  # home_care, supported_living, residential_care, nursing_care, day_service,
  # community_support, mental_health_support, shared_lives or other.
  type: {type}

reviews:
  # First light-touch review 6 to 8 weeks after support starts, then at least
  # every 12 months.
  first_review_weeks:
    min: 6
    max: 8
  interval_months: 12
  due_soon_days: 28

# Change how strictly a checking rule applies in this folder, for example
# "WB029: warning". Turning a rule off or down needs a reason:
# "WB021: {{ severity: info, reason: ... }}". Run `wellbeing rules` to see why each exists.
rules: {{}}

redaction:
  # Reports are redacted only when asked (render --redact).
  default: false
  # What a redacted report keeps: known_as, names, quotes, dates, references,
  # safeguarding, sharing.
  keep: []
)",
                     fmt::arg("name", quoted(settings.provider_name)), fmt::arg("type", quoted(settings.provider_type)));
}

std::string folder_readme(const FolderSettings& settings) {
  return fmt::format(R"(# Wellbeing records: {name}

One file per person we support, in `records/`, named after their id (`records/p-0007.yaml`): what
matters to them in the nine areas of wellbeing (Care Act 2014), the outcomes they want, who acts on
each, conversations, measures and reviews. The files are plain text; git keeps every change, who made
it and when, which is the audit trail.

## Every day

```sh
wellbeing new p-0007 --name Sam                 # a new person's record (ids: p- and four digits)
wellbeing add conversation records/p-0007.yaml  # opens your editor with prompts for the conversation
wellbeing add outcome records/p-0007.yaml --kind achieve --area participation \
    --said "Get back to the allotment on Saturdays" --who-acts self
wellbeing validate                              # check every record
git add records && git commit -m "p-0007: first conversation"
```

`wellbeing add --help` lists what can be added. Nothing you wrote is ever reflowed or lost: additions
are inserted as new lines, and a change that would make a record invalid is refused.

## Good practice

- The person is the expert: write what they said, in their words.
- Ids, never names or NHS numbers, in file names. No NHS numbers, phone numbers or full addresses
  anywhere in a record. Write what is needed and no more.
- Safeguarding: a flag only (date, type, what the person wants, action, reference). The detailed
  account belongs in the restricted safeguarding system.
- To correct a mistake, edit the file and commit with a message that says why. Do not delete what a
  person said because it has changed: add the new view with its date.

## This folder

- `wellbeing.yaml`: the folder's settings (review intervals, how strict each check is, redaction).
- `schemas/`: the record format, so that editors such as VS Code (with the YAML extension) suggest
  keys and underline mistakes as you type.
- `.gitattributes`: lets git show changes to records entry by entry. Run `wellbeing setup-git` once in
  every new clone of this folder to turn that on and to check records before each commit.
)",
                     fmt::arg("name", settings.provider_name));
}

}  // namespace wellbeing::write
