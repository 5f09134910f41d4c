#pragma once
// What a provider has changed in the checks: the rules its wellbeing.yaml sets away from their defaults,
// and the suppressions written in a record. Both are shown wherever a record's checks are reported
// (validate, summary, every report), so that nothing is silenced quietly.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/records/record.hpp"

namespace wellbeing::rules {

// One rule a folder's settings set to something other than its default.
struct RuleChange {
  std::string id;                // "WB007"
  Severity from;                 // the rule's default
  std::optional<Severity> to;    // nullopt: off
  std::string reason;            // empty when none was written (only a stricter setting may leave it out)
  Location location;             // the rule's key in the settings file

  // "WB007 set to info instead of warning: Reviews follow the council's timetable."; "WB017 turned off: …".
  std::string text() const;
};

// The rules `config` changes from their defaults, in id order (settings naming no rule, or a rule's own
// default, are left out).
std::vector<RuleChange> rule_changes(const records::Config& config);

// One suppression written in a record: a rule silenced on one entry.
struct SuppressionInForce {
  std::string rule;    // "WB021"
  std::string where;   // "the area social_economic", "review request rr-1", "the person"
  std::string reason;
  std::string pointer;  // the suppress entry's JSON pointer
  document::Mark mark;  // where the entry is

  // "WB021 suppressed on the area social_economic: She does not want to talk about money yet."
  std::string text() const;
};

// The suppressions in `record` that name a rule there is, in the order they are written.
std::vector<SuppressionInForce> suppressions_in_force(const records::Record& record);

// The same facts as notes (Severity::info) for validate: one per rule change, rule "settings", located in
// the settings file; one per suppression, rule "suppress", located in `file`.
Diagnostics change_notes(const records::Config& config);
Diagnostics suppression_notes(const records::Record& record, std::string_view file);

// "Valid, with 1 rule changed by the provider (WB007 set to info instead of warning: …) and 1 suppression
// (…)": the words that follow a report's or summary's verdict; empty when nothing is changed.
std::string changes_sentence(const std::vector<RuleChange>& changes,
                             const std::vector<SuppressionInForce>& suppressions);

}  // namespace wellbeing::rules
