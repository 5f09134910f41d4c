#pragma once
// `summary DIR --period monthly|quarterly|yearly`: a folder's figures per period, each computed from the
// records as they stood, in git, at the end of that period.

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/records/config.hpp"
#include "wellbeing/records/measures.hpp"
#include "wellbeing/summary/options.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::summary {

enum class Interval { monthly, quarterly, yearly };

// "monthly", "quarterly", "yearly".
std::string_view to_string(Interval interval);

// One period and what the records said at its end.
struct PeriodColumn {
  std::string label;  // "2026-03", "2026-Q1", "2026"
  Period period;      // calendar period, cut to the span asked for at either end
  std::string commit;  // the last commit on or before period.to ("" when there was none yet)

  // As the records stood at the end of the period.
  std::size_t people = 0;                // valid records, one per person
  std::size_t left_out = 0;              // record files that were not valid then (not counted)
  std::size_t review_requests_outstanding = 0;  // status pending
  std::size_t safeguarding_open = 0;     // flags with status open
  std::size_t areas_unexplored = 0;      // person-areas not explored (all nine areas of every person)
  // Distance travelled, judged as the folder summary and the reports judge it (records::measure_trends): for
  // each question (records::k_measure_questions order, the ONS4 questions and the SWEMWBS score), how many
  // people's latest answer is better, about the same or worse than their first; and how many people were
  // measured twice or more with any of them.
  struct Moves {
    std::size_t better = 0, same = 0, worse = 0;
  };
  std::array<Moves, records::k_measure_questions.size()> moves{};
  std::size_t measured = 0;

  // What happened in the period, by the dates the records give.
  std::size_t conversations = 0;    // conversations dated in the period
  std::size_t outcomes_opened = 0;  // outcomes whose `opened` is in the period
  std::size_t outcomes_met = 0;     // outcomes met, with met_on in the period
  std::size_t outcomes_not_met = 0;  // outcomes not_met at its end that were not at the end of the one before
  // Reviews dated in the period: on time when held on or before the date the review before set
  // (next_review_due, else its date plus the interval), or for a first review the end of the first-review
  // window after support started; late otherwise.
  std::size_t reviews_on_time = 0, reviews_late = 0;
};

// One figure of a column as every output shows it: the summary's formats and the provider report alike.
struct PeriodFigure {
  std::string id;     // "people", "life_satisfaction_better": the key in the JSON
  std::string words;  // "People supported", "Life satisfaction: better"
  std::size_t value = 0;
  std::size_t of = 0;  // for a share of people measured: of how many (0 for a plain count)
};

// The figures of `column`, in the order every output shows them.
std::vector<PeriodFigure> period_figures(const PeriodColumn& column);

struct PeriodSummary {
  Interval interval = Interval::quarterly;
  Period span;
  std::string folder;  // as given
  std::vector<PeriodColumn> columns;
};

// The calendar periods (months, quarters or years) that cover `span`, the first and last cut to it.
std::vector<PeriodColumn> split_periods(Interval interval, Period span);

// The first day with a commit that touched a *.yaml or *.yml file under `folder`, or nullopt.
util::Expected<std::optional<util::Date>, util::Failure> first_record_date(const std::filesystem::path& folder);

// The folder's figures for every period of `span`, from the repository holding `folder` (which must be in
// its working tree): for each period, the files under the folder in the last commit on or before its end
// (not the working tree), checked with the folder's settings as that commit holds them (the nearest
// wellbeing.yaml at or above the folder then; the defaults when there was none; `config` when the one
// there would be refused: not valid, or turning a protected rule off). Each record content (git blob) is parsed and checked once per settings, with the
// end of the first period it stands in, and reused wherever it stands unchanged. Fails with "FOLDER is not
// in a git repository" and the like.
util::Expected<PeriodSummary, util::Failure> summarise_periods(const std::filesystem::path& folder,
                                                             Interval interval, Period span,
                                                             const records::Config& config);

// The periods side by side, one column each, in `format` (table, md, json, csv).
std::string render_periods(const PeriodSummary& summary, Format format);

}  // namespace wellbeing::summary
