#pragma once

// The words the table and the Markdown renderers both say (internal to the summary renderers).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/summary/folder.hpp"
#include "wellbeing/summary/options.hpp"
#include "wellbeing/summary/person.hpp"
#include "wellbeing/util/escape.hpp"

namespace wellbeing::summary::detail {

// The terminal renderers escape free text with the one terminal escaper.
using util::terminal_safe;

// The schema's values in plain words ("in_progress" → "in progress"); an unknown value as it is.
std::string_view status_words(std::string_view status);
std::string_view actor_words(std::string_view actor);
std::string_view voice_words(std::string_view voice);
std::string_view take_part_words(std::string_view can_take_part);
// The ONS4 question at `question` (k_ons4_questions order) in plain words.
std::string_view question_words(std::size_t question);

// `values` joined by `separator`, each through `words` when given.
std::string join(const std::vector<std::string>& values, std::string_view separator,
                 std::string_view (*words)(std::string_view) = nullptr);

// "-" for empty text, else the text.
std::string dash(std::string text);
// "1 day", "3 days".
std::string days_words(int days);
// "overdue by 3 days", "due in 5 days (the window opens in 2 days)", "no review and no start date".
std::string review_words(const ReviewDue& review);
// How the next review date was found, with the config's intervals.
std::string basis_words(const ReviewDue& review, const records::Config& config);
// "+2", "0", "-1".
std::string signed_number(int value);
// An average rounded to two places, signed: "+0.50", "0.00", "-1.25".
std::string average_words(double value);
// "2 errors, 1 warning, 0 info".
std::string findings_words(const FindingCounts& findings);
// What the provider changed in the checks, one line each: the rules the folder's settings change, then each
// suppression in force in `people` (prefixed with the person when `name_people`). Empty when nothing is.
std::vector<std::string> changed_checks_words(const records::Config& config, std::span<const PersonSummary> people,
                                              bool name_people);
// "p-0001 Lorna", or the id alone when the name is the id or none.
std::string person_words(const std::string& id, const std::string& known_as);
// "high (said by the person)", or "-" when not recorded.
std::string importance_words(const AreaSummary& area);
// "1 open, 2 in progress, 0 met, 0 not met, 0 withdrawn".
std::string status_counts_words(const StatusCounts& counts);
// The representatives, "; "-separated, or "none".
std::string representatives_words(const VoiceSummary& voice);
// "2 observation, 1 consultation", or "none".
std::string evidence_words(const VoiceSummary& voice);
// Who acts on an action: "OT (other agency)", or the kind of actor alone.
std::string action_who(const ActionSummary& action);
// What the filter counts: "areas health; people p-0001", or "" when it counts everything.
std::string filter_words(const Filter& filter);
// A file's first error as "LINE:COL: MESSAGE [RULE]", or "-" when it has none.
std::string first_error_words(const std::optional<Diagnostic>& first);
// "3 measures (ONS4 2, SWEMWBS 1)", "no measures".
std::string measures_words(const records::MeasureTrends& trends);
// A change in the one wording of records::change_words, or "-" when there is none.
std::string change_cell(const records::QuestionTrend& trend, const std::optional<records::MeasureChange>& change);
// The person report's measures table, one row per question with a score, in the cells' order: question,
// latest value (and its date), since the previous, since the last review, since the first.
std::vector<std::vector<std::string>> measure_rows(const records::MeasureTrends& trends, const Redaction& redaction);
// "2 better, 1 about the same, 0 worse", or "-" when it covers no one.
std::string counts_words(const MeasureCounts& counts);
// Whether anyone in the folder has a change for the question at `question` (k_measure_questions order).
bool has_counts(const QuestionCounts& counts);

// Whether a folder summary's validation table lists `status` (left out, or with findings).
bool has_findings(const FileStatus& status);

}  // namespace wellbeing::summary::detail
