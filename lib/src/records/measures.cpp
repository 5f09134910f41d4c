#include "wellbeing/records/measures.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace wellbeing::records {
namespace {

// Warwick Medical School's SWEMWBS raw-to-metric conversion table (raw scores 7 to 35), the Rasch
// transformation of Stewart-Brown et al. 2009. The one copy of the table: see the format guide.
constexpr std::array<double, 29> k_swemwbs_metric{
    7.00,  9.51,  11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25,
    19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00};
constexpr int k_swemwbs_lowest = 7;

double round2(double value) {
  const double out = std::round(value * 100.0) / 100.0;
  return out == 0.0 ? 0.0 : out;  // no -0
}

std::optional<double> value_of(const Measure& measure, const MeasureQuestion& question) {
  if (question.instrument == "ONS4") {
    if (!measure.ons4 || measure.instrument != "ONS4") {
      return std::nullopt;
    }
    const Ons4& o = *measure.ons4;
    const int answer = question.key == "life_satisfaction" ? o.life_satisfaction
                       : question.key == "worthwhile"      ? o.worthwhile
                       : question.key == "happy_yesterday" ? o.happy_yesterday
                                                           : o.anxious_yesterday;
    return answer < 0 ? std::nullopt : std::optional<double>(answer);
  }
  if (measure.instrument != question.instrument || !measure.score) {
    return std::nullopt;
  }
  const std::optional<int> raw = swemwbs_raw(*measure.score);
  return raw ? swemwbs_metric(*raw) : std::nullopt;
}

MeasureChange change(const MeasureQuestion& question, const MeasurePoint& from, const MeasurePoint& to) {
  const double delta = round2(to.value - from.value);
  return {from, to, delta, judge(question, delta)};
}

}  // namespace

std::optional<double> swemwbs_metric(int raw) {
  if (raw < k_swemwbs_lowest || raw >= k_swemwbs_lowest + static_cast<int>(k_swemwbs_metric.size())) {
    return std::nullopt;
  }
  return k_swemwbs_metric[static_cast<std::size_t>(raw - k_swemwbs_lowest)];
}

std::optional<int> swemwbs_raw(double score) {
  if (!std::isfinite(score)) {
    return std::nullopt;
  }
  if (score == std::floor(score)) {
    // 7 and 35 are the only whole metric scores, and they equal their raw scores.
    return score >= 7.0 && score <= 35.0 ? std::optional<int>(static_cast<int>(score)) : std::nullopt;
  }
  for (std::size_t i = 0; i < k_swemwbs_metric.size(); ++i) {
    if (std::fabs(k_swemwbs_metric[i] - score) < 0.001) {
      return k_swemwbs_lowest + static_cast<int>(i);
    }
  }
  return std::nullopt;
}

std::string_view to_words(Direction direction) {
  switch (direction) {
    case Direction::better: return "better";
    case Direction::worse: return "worse";
    case Direction::same: break;
  }
  return "about the same";
}

Direction judge(const MeasureQuestion& question, double delta) {
  // A hundredth's slack, so that a change of exactly the threshold in two-decimal scores counts.
  if (std::fabs(delta) + 0.005 < question.threshold) {
    return Direction::same;
  }
  return (delta > 0) != question.lower_is_better ? Direction::better : Direction::worse;
}

std::string value_words(const MeasureQuestion& question, double value) {
  return question.instrument == "ONS4" ? fmt::format("{:.0f}", value) : fmt::format("{:.2f}", value);
}

std::string change_words(const MeasureQuestion& question, const MeasureChange& change) {
  std::string out = value_words(question, change.from.value) + " to " + value_words(question, change.to.value) + ", ";
  if (change.delta == 0.0) {
    return out + "no change";
  }
  out += fmt::format("{} {} ({})", change.delta > 0 ? "up" : "down", value_words(question, std::fabs(change.delta)),
                     to_words(change.direction));
  return out;
}

std::string since_review_words(const MeasureTrends& trends, const QuestionTrend& trend) {
  if (trend.since_review) {
    return change_words(*trend.question, *trend.since_review);
  }
  if (!trends.last_review) {
    return "no review yet";
  }
  if (trend.points.empty() || !(*trends.last_review < trend.points.back().date)) {
    return "not measured since";
  }
  return "no measure before it";
}

MeasureTrends measure_trends(const Record& record) {
  MeasureTrends trends;
  trends.measures = record.measures.size();
  for (const Review& review : record.reviews) {
    if (review.date && (!trends.last_review || *trends.last_review < *review.date)) {
      trends.last_review = review.date;
    }
  }
  for (const Measure& measure : record.measures) {
    if (!measure.date) {
      continue;
    }
    if (measure.instrument == "ONS4" && measure.ons4) {
      ++trends.ons4;
    } else if (measure.instrument == "SWEMWBS" && value_of(measure, k_measure_questions.back())) {
      ++trends.swemwbs;
    }
  }
  for (std::size_t q = 0; q < k_measure_questions.size(); ++q) {
    const MeasureQuestion& question = k_measure_questions[q];
    QuestionTrend& trend = trends.questions[q];
    trend.question = &question;
    for (const Measure& measure : record.measures) {
      if (const std::optional<double> value = value_of(measure, question); value && measure.date) {
        trend.points.push_back({std::string(measure.id), *measure.date, *value});
      }
    }
    std::stable_sort(trend.points.begin(), trend.points.end(),
                     [](const MeasurePoint& a, const MeasurePoint& b) { return a.date < b.date; });
    if (trend.points.size() < 2) {
      continue;
    }
    const MeasurePoint& latest = trend.points.back();
    trend.since_first = change(question, trend.points.front(), latest);
    trend.since_previous = change(question, trend.points[trend.points.size() - 2], latest);
    if (trends.last_review && *trends.last_review < latest.date) {
      const MeasurePoint* at_review = nullptr;
      for (const MeasurePoint& point : trend.points) {
        if (!(*trends.last_review < point.date)) {
          at_review = &point;
        }
      }
      if (at_review) {
        trend.since_review = change(question, *at_review, latest);
      }
    }
  }
  return trends;
}

}  // namespace wellbeing::records
