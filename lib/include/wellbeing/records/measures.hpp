#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/records/record.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::records {

// One thing a wellbeing measure tracks over time: an ONS4 question, or the SWEMWBS metric score. Each has
// its own direction (for ONS4 anxiety lower is better) and the smallest change taken as meaningful.
struct MeasureQuestion {
  std::string_view key;         // life_satisfaction | worthwhile | happy_yesterday | anxious_yesterday | swemwbs
  std::string_view instrument;  // ONS4 | SWEMWBS
  std::string_view label;       // in plain words, for people
  bool lower_is_better = false;
  // A change smaller than this is "about the same". ONS4: one whole point (the ONS publishes no individual
  // threshold, so every step on its 0-10 scale counts). SWEMWBS: 3 metric points (Shah et al. 2018, the
  // format guide's Measures section).
  double threshold = 1.0;
};

inline constexpr std::array<MeasureQuestion, 5> k_measure_questions{{
    {"life_satisfaction", "ONS4", "Life satisfaction", false, 1.0},
    {"worthwhile", "ONS4", "Things done in life are worthwhile", false, 1.0},
    {"happy_yesterday", "ONS4", "Happy yesterday", false, 1.0},
    {"anxious_yesterday", "ONS4", "Anxious yesterday (lower is better)", true, 1.0},
    {"swemwbs", "SWEMWBS", "SWEMWBS mental wellbeing (metric score)", false, 3.0},
}};

// The SWEMWBS metric score for a raw score (the sum of the seven answers, 7 to 35), from Warwick Medical
// School's raw-to-metric conversion table; nullopt outside 7..35.
std::optional<double> swemwbs_metric(int raw);

// The raw score (7..35) a SWEMWBS `score` stands for: a whole number from 7 to 35 is a raw score; a metric
// score from the conversion table (19.98) stands for its raw score (22). Anything else: nullopt.
std::optional<int> swemwbs_raw(double score);

enum class Direction { better, same, worse };

// "better", "about the same", "worse": the one wording every output uses for a change.
std::string_view to_words(Direction direction);

// `delta` (later minus earlier) judged for `question`: same when smaller than its threshold.
Direction judge(const MeasureQuestion& question, double delta);

// One dated value of one question.
struct MeasurePoint {
  std::string measure_id;  // a copy: trends outlive the record's text
  util::Date date;
  double value = 0.0;
};

// The change from an earlier point to the latest.
struct MeasureChange {
  MeasurePoint from, to;
  double delta = 0.0;  // to.value - from.value, rounded to two decimals
  Direction direction = Direction::same;
};

// One question over time, with the latest value's change since the first measure, since the one before it,
// and since the last review (from the latest measure on or before the review's date, when one was taken
// after it).
struct QuestionTrend {
  const MeasureQuestion* question = nullptr;
  std::vector<MeasurePoint> points;  // dated measures that answer it, oldest first (same date: record order)
  std::optional<MeasureChange> since_first, since_previous, since_review;
};

struct MeasureTrends {
  std::size_t measures = 0;          // every measure of the record (dated or not, any instrument)
  std::size_t ons4 = 0, swemwbs = 0;  // of those, dated ONS4 and SWEMWBS measures with a usable value
  std::optional<util::Date> last_review;  // the latest review's date
  std::array<QuestionTrend, k_measure_questions.size()> questions;  // k_measure_questions order
};

// A value as people read it: ONS4 answers as whole numbers ("6"), SWEMWBS metric scores with two decimals.
std::string value_words(const MeasureQuestion& question, double value);

// The one wording of a change, the same for every instrument: "7 to 6, down 1 (worse)", "19.98 to 21.54, up
// 1.56 (about the same)", "5 to 5, no change".
std::string change_words(const MeasureQuestion& question, const MeasureChange& change);

// The change since the last review in change_words' wording, or why there is none: "no review yet", "not
// measured since" (the latest measure is on or before the review), "no measure before it".
std::string since_review_words(const MeasureTrends& trends, const QuestionTrend& trend);

// The trends of every question in `record`'s measures. A SWEMWBS score that swemwbs_raw cannot read and an
// ONS4 answer missing from its measure are left out. Never fails.
MeasureTrends measure_trends(const Record& record);

}  // namespace wellbeing::records
