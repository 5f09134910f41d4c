#include "render_words.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "wellbeing/util/date.hpp"

namespace wellbeing::summary::detail {

std::string_view status_words(std::string_view status) {
  if (status == "in_progress") {
    return "in progress";
  }
  if (status == "not_met") {
    return "not met";
  }
  if (status == "not_yet_explored") {
    return "not yet explored";
  }
  return status;
}

std::string_view actor_words(std::string_view actor) {
  if (actor == "self") {
    return "the person";
  }
  if (actor == "other_agency") {
    return "other agency";
  }
  return actor;
}

std::string_view voice_words(std::string_view voice) {
  if (voice == "direct") {
    return "speaks for themselves";
  }
  if (voice == "supported") {
    return "speaks for themselves, with help";
  }
  if (voice == "represented") {
    return "represented by a carer, family member or advocate";
  }
  if (voice == "observation") {
    return "understood mainly by spending time with them";
  }
  if (voice == "earlier_views") {
    return "earlier views are the main guide";
  }
  return voice.empty() ? std::string_view("not recorded") : voice;
}

std::string_view take_part_words(std::string_view can_take_part) {
  if (can_take_part == "able") {
    return "able to take part";
  }
  if (can_take_part == "with_support") {
    return "takes part with support";
  }
  if (can_take_part == "not_at_present") {
    return "cannot take part at present";
  }
  return "capacity not recorded";
}

std::string_view question_words(std::size_t question) {
  static constexpr std::array<std::string_view, 4> words{"life satisfaction", "worthwhile", "happy yesterday",
                                                         "anxious yesterday (lower is better)"};
  return words[question];
}

std::string join(const std::vector<std::string>& values, std::string_view separator,
                 std::string_view (*words)(std::string_view)) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) {
      out += separator;
    }
    out += words ? std::string(words(value)) : value;
  }
  return out;
}

std::string dash(std::string text) { return text.empty() ? std::string("-") : text; }

std::string days_words(int days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

std::string review_words(const ReviewDue& review) {
  switch (review.status) {
    case ReviewDue::Status::overdue:
      return fmt::format("overdue by {}", days_words(-review.days));
    case ReviewDue::Status::due_soon:
    case ReviewDue::Status::ok: {
      std::string words =
          review.days == 0 ? std::string("due today") : fmt::format("due in {}", days_words(review.days));
      if (review.window_opens && review.next_due) {
        const int opens_in = review.days - util::days_between(*review.window_opens, *review.next_due);
        if (opens_in > 0) {
          words += fmt::format(" (the window opens in {})", days_words(opens_in));
        }
      }
      return words;
    }
    case ReviewDue::Status::unknown:
      return "no review and no start date";
  }
  return {};
}

std::string basis_words(const ReviewDue& review, const records::Config& config) {
  switch (review.basis) {
    case ReviewDue::Basis::recorded:
      return "as set at the last review";
    case ReviewDue::Basis::interval:
      return fmt::format("{} months after the last review", config.review_interval_months);
    case ReviewDue::Basis::first_review:
      return fmt::format("first review, {} to {} weeks after support started", config.first_review_min_weeks,
                         config.first_review_max_weeks);
    case ReviewDue::Basis::none:
      return "unknown";
  }
  return {};
}

std::string signed_number(int value) { return value > 0 ? fmt::format("+{}", value) : fmt::format("{}", value); }

std::string average_words(double value) {
  const double rounded = std::round(value * 100.0) / 100.0;
  // -0.00 would read as a loss where there was no change.
  return rounded > 0 ? fmt::format("+{:.2f}", rounded) : fmt::format("{:.2f}", rounded == 0 ? 0.0 : rounded);
}

std::string findings_words(const FindingCounts& findings) {
  return fmt::format("{} error{}, {} warning{}, {} info", findings.errors, findings.errors == 1 ? "" : "s",
                     findings.warnings, findings.warnings == 1 ? "" : "s", findings.infos);
}

std::string person_words(const std::string& id, const std::string& known_as) {
  return known_as.empty() || known_as == id ? id : fmt::format("{} {}", id, known_as);
}

std::string importance_words(const AreaSummary& area) {
  if (area.importance.empty()) {
    return "-";
  }
  if (area.importance_said_by == "representative") {
    const std::string who =
        area.importance_representative_name.empty()
            ? area.importance_representative
            : fmt::format("{}, {}", area.importance_representative_name, area.importance_representative);
    return fmt::format("{} (said by representative {})", area.importance, who);
  }
  return fmt::format("{} (said by the {})", area.importance, dash(area.importance_said_by));
}

std::string status_counts_words(const StatusCounts& counts) {
  std::string out;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out += fmt::format("{}{} {}", i ? ", " : "", counts[i], status_words(k_outcome_statuses[i]));
  }
  return out;
}

std::string representatives_words(const VoiceSummary& voice) {
  std::vector<std::string> parts;
  for (const RepresentativeSummary& r : voice.representatives) {
    parts.push_back(r.name.empty() ? fmt::format("{} ({})", r.id, r.role)
                                   : fmt::format("{} ({}, {})", r.name, r.id, r.role));
  }
  return parts.empty() ? std::string("none") : join(parts, "; ");
}

std::string evidence_words(const VoiceSummary& voice) {
  std::vector<std::string> parts;
  for (const auto& [kind, count] : voice.evidence) {
    parts.push_back(fmt::format("{} {}", count, kind));
  }
  return parts.empty() ? std::string("none") : join(parts, ", ");
}

std::string action_who(const ActionSummary& action) {
  return action.name.empty() ? std::string(actor_words(action.who))
                             : fmt::format("{} ({})", action.name, actor_words(action.who));
}

std::string filter_words(const Filter& filter) {
  std::vector<std::string> parts;
  if (!filter.areas.empty()) {
    parts.push_back("areas " + join(filter.areas, ", "));
  }
  if (!filter.statuses.empty()) {
    parts.push_back("outcome statuses " + join(filter.statuses, ", "));
  }
  if (!filter.people.empty()) {
    parts.push_back("people " + join(filter.people, ", "));
  }
  return join(parts, "; ");
}

std::string first_error_words(const std::optional<Diagnostic>& first) {
  if (!first) {
    return "-";
  }
  std::string out = first->location.line > 0 ? fmt::format("{}:{}: ", first->location.line, first->location.column)
                                             : std::string();
  out += first->message.empty() ? fmt::format("[{}]", first->rule) : fmt::format("{} [{}]", first->message, first->rule);
  return out;
}

bool has_findings(const FileStatus& status) {
  return !status.counted || status.errors + status.warnings + status.infos > 0;
}

std::vector<std::string> changed_checks_words(const records::Config& config, std::span<const PersonSummary> people,
                                              bool name_people) {
  std::vector<std::string> out;
  for (const rules::RuleChange& change : rules::rule_changes(config)) {
    out.push_back(change.text());
  }
  for (const PersonSummary& person : people) {
    for (const rules::SuppressionInForce& s : person.suppressions) {
      out.push_back(name_people ? fmt::format("{}: {}", person_words(person.id, person.known_as), s.text()) : s.text());
    }
  }
  return out;
}

std::string measures_words(const records::MeasureTrends& trends) {
  if (trends.measures == 0) {
    return "no measures";
  }
  std::string out = fmt::format("{} measure{}", trends.measures, trends.measures == 1 ? "" : "s");
  std::vector<std::string> kinds;
  if (trends.ons4 > 0) {
    kinds.push_back(fmt::format("ONS4 {}", trends.ons4));
  }
  if (trends.swemwbs > 0) {
    kinds.push_back(fmt::format("SWEMWBS {}", trends.swemwbs));
  }
  const std::size_t others = trends.measures - trends.ons4 - trends.swemwbs;
  if (others > 0) {
    kinds.push_back(fmt::format("other {}", others));
  }
  return kinds.empty() ? out : fmt::format("{} ({})", out, join(kinds, ", "));
}

std::string change_cell(const records::QuestionTrend& trend, const std::optional<records::MeasureChange>& change) {
  return change ? records::change_words(*trend.question, *change) : std::string("-");
}

std::vector<std::vector<std::string>> measure_rows(const records::MeasureTrends& trends, const Redaction& redaction) {
  std::vector<std::vector<std::string>> rows;
  for (const records::QuestionTrend& trend : trends.questions) {
    if (trend.points.empty()) {
      continue;
    }
    const records::MeasurePoint& latest = trend.points.back();
    rows.push_back({std::string(trend.question->label),
                    fmt::format("{} ({})", records::value_words(*trend.question, latest.value),
                                show_date(latest.date, redaction)),
                    change_cell(trend, trend.since_previous), records::since_review_words(trends, trend),
                    change_cell(trend, trend.since_first)});
  }
  return rows;
}

std::string counts_words(const MeasureCounts& counts) {
  if (counts.better + counts.same + counts.worse == 0) {
    return "-";
  }
  return fmt::format("{} better, {} about the same, {} worse", counts.better, counts.same, counts.worse);
}

bool has_counts(const QuestionCounts& counts) {
  return counts.since_first.better + counts.since_first.same + counts.since_first.worse > 0;
}

}  // namespace wellbeing::summary::detail
