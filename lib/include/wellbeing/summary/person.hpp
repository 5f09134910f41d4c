#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wellbeing/rules/changes.hpp"
#include "wellbeing/diagnostic.hpp"
#include "wellbeing/records/measures.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/summary/options.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::summary {

// Counts of outcomes by status, indexed like k_outcome_statuses.
using StatusCounts = std::array<std::size_t, k_outcome_statuses.size()>;
// Counts by who acts, indexed like k_actors.
using ActorCounts = std::array<std::size_t, k_actors.size()>;

// One of the nine areas as a summary shows it. Never ranked: summaries keep the statutory order.
struct AreaSummary {
  const records::AreaInfo* info = nullptr;
  std::string status;                          // explored | not_yet_explored
  std::optional<util::Date> last_discussed;    // the latest of the area's `updated` and the conversations naming it
  std::string said;                            // the person's words on one line, shortened ("" when redacted)
  std::string importance;                      // high | medium | low ("" when not recorded)
  std::string importance_said_by;              // person | representative
  std::string importance_representative;       // the representative's id ("r-1") when said_by is representative
  std::string importance_representative_name;  // their name ("" when redacted or unknown)
  std::vector<std::string> open_outcomes;      // ids of the counted outcomes, open or in progress, naming the area
};

struct ActionSummary {
  std::string outcome_id, id;
  std::string who;   // self | network | community | service | other_agency
  std::string name;  // who exactly ("" when redacted)
  std::string what;  // free text ("" when redacted)
  std::optional<util::Date> due, done;
  bool overdue = false;  // due before as_of, not done, and its outcome still open or in progress
  int days_overdue = 0;  // as_of - due when overdue
};

struct OutcomeSummary {
  std::string id, kind, status;
  std::string said;  // the outcome in the person's words, shortened ("" when redacted)
  std::vector<std::string> areas;
  std::vector<std::string> actors;  // who_acts together with each action's who, in k_actors order
  std::optional<util::Date> opened, met_on;
  bool service_can_meet = true;
  std::string review_request;  // "rr-1" when a review was requested for it
  std::vector<ActionSummary> actions;
};

// When the person's care and support plan was and will be reviewed.
struct ReviewDue {
  // How the next date was found (as rule WB007 and WB008 find it): the last review's next_review_due; the
  // last review plus the config's interval when it sets none; the end of the first-review window after
  // support started (no review yet); or none (no review and no start date).
  enum class Basis { recorded, interval, first_review, none };
  enum class Status { ok, due_soon, overdue, unknown };

  std::string last_id, last_type;
  std::optional<util::Date> last_date;
  std::optional<util::Date> next_due;
  std::optional<util::Date> window_opens;  // first review only: support started + the config's minimum weeks
  Basis basis = Basis::none;
  Status status = Status::unknown;
  int days = 0;  // next_due - as_of: negative when overdue
  // overdue: next_due is past; due_soon: next_due (for a first review, the window's opening) is within
  // Options::within_days; ok: later; unknown: no date to go by.
};

std::string_view to_string(ReviewDue::Basis basis);    // "recorded", "interval", "first_review", "none"
std::string_view to_string(ReviewDue::Status status);  // "ok", "due_soon", "overdue", "unknown"

struct Ons4Answers {
  std::string measure_id;
  std::optional<util::Date> date;
  std::array<int, 4> answers{};  // k_ons4_questions order; -1 when missing
};

// ONS4 personal wellbeing: the first and the latest answers (by date) and the change between them.
struct Ons4Summary {
  std::size_t measures = 0;  // dated ONS4 measures
  std::optional<Ons4Answers> first, latest;
  std::array<std::optional<int>, 4> change;  // latest - first, when there are two measures or more
};

struct RepresentativeSummary {
  std::string id, name, role;  // name "" when redacted
};

// How the person's views are heard at present.
struct VoiceSummary {
  std::string voice;          // direct | supported | represented | observation | earlier_views
  std::string can_take_part;  // able | with_support | not_at_present ("" when not recorded)
  std::optional<util::Date> capacity_date;
  std::vector<std::string> formats;  // accessible formats
  std::vector<RepresentativeSummary> representatives;
  std::vector<std::pair<std::string, std::size_t>> evidence;  // kind -> how many, in the schema's order
};

struct PendingRequest {
  std::string id;
  std::optional<util::Date> date;
  int days_waiting = 0;  // as_of - date
  std::string requested_by;
  std::string sent_to;    // free text ("" when redacted)
  std::string reference;  // "" when redacted without keeping references
};

struct FindingCounts {
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::map<std::string, std::size_t> by_rule;
};

// One person's wellbeing work at a glance, as data. Built only from a valid record.
struct PersonSummary {
  std::string file;
  std::string id;
  std::string known_as;  // the person id when redacted without keeping known_as
  std::optional<util::Date> support_started;
  VoiceSummary voice;
  std::vector<AreaSummary> areas;        // statutory order: all nine, or those the filter names
  std::vector<OutcomeSummary> outcomes;  // those the filter counts, in record order
  StatusCounts outcomes_by_status{};
  std::vector<ActionSummary> overdue_actions;
  ReviewDue review;
  Ons4Summary ons4;
  records::MeasureTrends measures;  // every measure's change since the first, the previous and the last review
  std::vector<PendingRequest> pending_requests;
  std::size_t safeguarding_open = 0;
  std::vector<std::string> safeguarding_types;  // of open flags, in record order ("" when redacted)
  std::size_t conversations = 0;
  std::size_t conversations_in_period = 0;
  std::optional<util::Date> last_conversation;
  FindingCounts findings;
  std::vector<rules::SuppressionInForce> suppressions;  // in the record; reasons withheld when redacted
  Redaction redaction;  // what was left out, so renderers show dates the same way
};

// Counts diagnostics by severity and rule.
FindingCounts count_findings(const Diagnostics& diagnostics);

// The next review of `record` as of `options.as_of`, with the config's intervals and window.
ReviewDue review_due(const records::Record& record, const Options& options);

// Summarises one valid record, parsed as `root` (`findings` are its check_record diagnostics, counted only);
// `file` names it. Applies options.filter (areas shown, outcomes counted) and options.redaction, which
// redacts the record (records::Redaction::apply) before anything is read from it. Never fails.
PersonSummary summarise_person(const document::Node& root, const Diagnostics& findings, const std::string& file,
                               const Options& options);

}  // namespace wellbeing::summary
