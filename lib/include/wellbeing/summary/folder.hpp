#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/summary/options.hpp"
#include "wellbeing/summary/person.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::summary {

// One input file after checking: its summary when the record is valid, otherwise why it was left out.
struct SummarisedFile {
  std::string path;
  std::shared_ptr<const std::string> source;  // the text, for showing source lines: only when one file is
                                              // summarised, null when unreadable
  std::string person_id;                      // from the record when it could be read this far, else ""
  bool readable = true;                       // false: the file could not be read (an "io" diagnostic)
  Diagnostics diagnostics;                    // check_record's findings (or the parse errors), sorted
  std::optional<PersonSummary> person;        // set only for a valid record (no error-level finding)
};

// The record files `paths` name, each once (a file named twice, or inside a folder also named, would count
// twice): files as given, folders walked as validation::collect_inputs walks them, without a folder's
// settings file; "-" is standard input. Fails with "PATH: MESSAGE" for the first path that cannot be listed,
// and with validation::no_records_message when the paths hold no record.
util::Expected<std::vector<std::string>, util::Failure> collect_files(const std::vector<std::string>& paths);

// Reads, parses, checks (validation::check_record, with options.config and options.as_of) and summarises
// `files` on up to `jobs` threads (0: one per core); "-" is standard input. A file with any error-level
// finding is left out (person unset). Results are in the order of `files`; a file's text is kept (`source`)
// only when it is the only one, so memory grows only with what the summaries count.
std::vector<SummarisedFile> summarise_files(const std::vector<std::string>& files, const Options& options,
                                            unsigned jobs = 0);

// A person as a folder summary names them.
struct PersonRef {
  std::string id;
  std::string known_as;  // the id when redacted
  std::string file;
};

// A file's part in a folder summary: counted, or left out and why.
struct FileStatus {
  std::string path;
  std::string person_id;
  bool readable = true;
  bool counted = false;  // false: unreadable, invalid, or a second file for the same person
  std::size_t errors = 0, warnings = 0, infos = 0;
  std::optional<Diagnostic> first_error;  // message "" when redacted
};

struct ReviewEntry {
  PersonRef person;
  ReviewDue review;
};

struct MetOutcome {
  PersonRef person;
  std::string outcome_id;
  util::Date met_on;
  std::vector<std::string> actors;  // k_actors order
};

struct PendingEntry {
  PersonRef person;
  PendingRequest request;
};

struct AreaOutcomes {
  const records::AreaInfo* info = nullptr;
  std::size_t total = 0;
  StatusCounts by_status{};
};

// The average change in one ONS4 answer between each person's first and latest measure, over the people
// with at least two measures (those it covers).
struct Ons4Change {
  std::size_t people = 0;
  double average = 0.0;  // meaningful only when people > 0
};

// How many people's latest answer to one question is better, about the same or worse than an earlier one
// (records::judge: each question's direction and meaningful-change threshold).
struct MeasureCounts {
  std::size_t better = 0, same = 0, worse = 0;
};

struct QuestionCounts {
  MeasureCounts since_previous, since_review, since_first;  // each over the people with such a change
};

struct QuietPerson {
  PersonRef person;
  std::optional<util::Date> last_conversation;  // before the period, or none at all
};

// A whole folder at a glance, as data. Counts include only the counted files (valid records, one per
// person, chosen by the filter); files left out are listed under `files` with the reason.
struct FolderSummary {
  util::Date as_of;
  Period period;
  int within_days = 0;
  Filter filter;
  Redaction redaction;

  std::vector<FileStatus> files;      // every file, in input order
  std::vector<PersonSummary> people;  // the counted people, in input order
  std::size_t left_out = 0;

  std::vector<ReviewEntry> reviews_overdue;   // most overdue first
  std::vector<ReviewEntry> reviews_due_soon;  // soonest first
  std::vector<PersonRef> reviews_unknown;     // no review and no support start date

  std::size_t outcomes = 0;
  StatusCounts outcomes_by_status{};
  std::vector<AreaOutcomes> outcomes_by_area;  // statutory order; an outcome counts under each area it names
  std::size_t overdue_actions = 0;

  std::vector<MetOutcome> met_in_period;  // by met_on, then person
  ActorCounts who_acted{};                // met outcomes in the period each kind of actor acted on

  std::vector<PendingEntry> pending_requests;  // longest waiting first

  std::size_t safeguarding_open = 0;
  std::size_t safeguarding_people = 0;                                    // people with at least one open flag
  std::vector<std::pair<std::string, std::size_t>> safeguarding_by_type;  // by type name; empty when redacted

  std::array<Ons4Change, 4> ons4{};  // k_ons4_questions order

  std::size_t people_measured = 0;  // people with at least one dated ONS4 or SWEMWBS measure
  std::array<QuestionCounts, records::k_measure_questions.size()> measures{};  // k_measure_questions order

  std::vector<QuietPerson> no_conversation;  // no conversation dated in the period
};

// Builds the folder summary from checked files. Files whose person the filter does not choose are dropped
// entirely; a second valid file for a person already counted is left out with an error diagnostic.
FolderSummary summarise_folder(std::vector<SummarisedFile> files, const Options& options);

}  // namespace wellbeing::summary
