// The summary as CSV: flat rows, every field guarded against spreadsheet formulas.
#include <algorithm>

#include "render_words.hpp"
#include "wellbeing/summary/render.hpp"

namespace wellbeing::summary {

namespace {

std::string yes_no(bool value) { return value ? "yes" : "no"; }

std::string number(std::size_t value) { return std::to_string(value); }

std::string answer(const std::optional<Ons4Answers>& answers, std::size_t question) {
  return answers && answers->answers[question] >= 0 ? std::to_string(answers->answers[question]) : std::string();
}

Rows people_rows(std::span<const PersonSummary> people) {
  Rows table;
  table.header = {
      "person_id", "known_as", "file", "voice", "can_take_part", "areas_explored", "areas_not_yet_explored"};
  for (std::string_view status : k_outcome_statuses) {
    table.header.push_back("outcomes_" + std::string(status));
  }
  for (std::string_view column :
       {"overdue_actions", "last_review", "next_review_due", "review_status", "conversations_in_period",
        "last_conversation", "ons4_measures", "ons4_first_date", "ons4_latest_date"}) {
    table.header.emplace_back(column);
  }
  for (std::string_view question : k_ons4_questions) {
    table.header.push_back("ons4_first_" + std::string(question));
    table.header.push_back("ons4_latest_" + std::string(question));
  }
  table.header.insert(table.header.end(),
                      {"pending_review_requests", "open_safeguarding_flags", "warnings", "suppressed_rules"});
  // Appended, so that the columns before keep their places.
  table.header.emplace_back("measures");
  for (const records::MeasureQuestion& question : records::k_measure_questions) {
    for (std::string_view column : {"_latest", "_since_previous", "_since_review", "_since_first"}) {
      table.header.push_back(std::string(question.key) + std::string(column));
    }
  }

  for (const PersonSummary& person : people) {
    const Redaction& r = person.redaction;
    const auto explored = static_cast<std::size_t>(std::count_if(
        person.areas.begin(), person.areas.end(), [](const AreaSummary& a) { return a.status == "explored"; }));
    std::vector<std::string> row{person.id,
                                 person.known_as,
                                 person.file,
                                 person.voice.voice,
                                 person.voice.can_take_part,
                                 number(explored),
                                 number(person.areas.size() - explored)};
    for (std::size_t count : person.outcomes_by_status) {
      row.push_back(number(count));
    }
    row.insert(row.end(),
               {number(person.overdue_actions.size()), show_date(person.review.last_date, r),
                show_date(person.review.next_due, r), std::string(to_string(person.review.status)),
                number(person.conversations_in_period), show_date(person.last_conversation, r),
                number(person.ons4.measures), show_date(person.ons4.first ? person.ons4.first->date : std::nullopt, r),
                show_date(person.ons4.latest ? person.ons4.latest->date : std::nullopt, r)});
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      row.push_back(answer(person.ons4.first, q));
      row.push_back(answer(person.ons4.latest, q));
    }
    std::vector<std::string> suppressed;
    for (const rules::SuppressionInForce& s : person.suppressions) {
      suppressed.push_back(s.rule);
    }
    row.insert(row.end(), {number(person.pending_requests.size()), number(person.safeguarding_open),
                           number(person.findings.warnings), detail::join(suppressed, " ")});
    row.push_back(number(person.measures.measures));
    for (const records::QuestionTrend& trend : person.measures.questions) {
      auto change = [&](const std::optional<records::MeasureChange>& c) {
        // The judgement, not the signed number: a cell starting with "-" or "+" would be quoted as a formula.
        return c ? std::string(records::to_words(c->direction)) : std::string();
      };
      row.insert(row.end(), {trend.points.empty() ? std::string()
                                                  : records::value_words(*trend.question, trend.points.back().value),
                             change(trend.since_previous), change(trend.since_review), change(trend.since_first)});
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

Rows outcome_rows(std::span<const PersonSummary> people) {
  Rows table;
  table.header = {"person_id",        "outcome_id",    "kind",     "status",  "areas",        "said",
                  "opened",           "met_on",        "who_acts", "actions", "actions_done", "actions_overdue",
                  "service_can_meet", "review_request"};
  for (const PersonSummary& person : people) {
    for (const OutcomeSummary& outcome : person.outcomes) {
      const auto done = std::count_if(outcome.actions.begin(), outcome.actions.end(),
                                      [](const ActionSummary& a) { return a.done.has_value(); });
      const auto overdue = std::count_if(outcome.actions.begin(), outcome.actions.end(),
                                         [](const ActionSummary& a) { return a.overdue; });
      table.rows.push_back({person.id, outcome.id, outcome.kind, outcome.status, detail::join(outcome.areas, " "), outcome.said,
                            show_date(outcome.opened, person.redaction), show_date(outcome.met_on, person.redaction),
                            detail::join(outcome.actors, " "), number(outcome.actions.size()),
                            number(static_cast<std::size_t>(done)), number(static_cast<std::size_t>(overdue)),
                            yes_no(outcome.service_can_meet), outcome.review_request});
    }
  }
  return table;
}

Rows action_rows(std::span<const PersonSummary> people) {
  Rows table;
  table.header = {"person_id", "outcome_id", "outcome_status", "action_id", "who",         "name",
                  "what",      "due",        "done",           "overdue",   "days_overdue"};
  for (const PersonSummary& person : people) {
    for (const OutcomeSummary& outcome : person.outcomes) {
      for (const ActionSummary& action : outcome.actions) {
        table.rows.push_back({person.id, outcome.id, outcome.status, action.id, action.who, action.name, action.what,
                              show_date(action.due, person.redaction), show_date(action.done, person.redaction),
                              yes_no(action.overdue),
                              action.overdue ? number(static_cast<std::size_t>(action.days_overdue)) : std::string()});
      }
    }
  }
  return table;
}

Rows review_rows(std::span<const PersonSummary> people) {
  Rows table;
  table.header = {
      "person_id", "known_as", "last_review_id", "last_review_type", "last_review_date",       "next_review_due",
      "basis",     "status",   "days_overdue",   "days_until_due",   "pending_review_requests"};
  for (const PersonSummary& person : people) {
    const ReviewDue& review = person.review;
    const bool dated = review.next_due.has_value();
    table.rows.push_back({person.id, person.known_as, review.last_id, review.last_type,
                          show_date(review.last_date, person.redaction), show_date(review.next_due, person.redaction),
                          std::string(to_string(review.basis)), std::string(to_string(review.status)),
                          dated && review.days < 0 ? std::to_string(-review.days) : std::string(),
                          dated && review.days >= 0 ? std::to_string(review.days) : std::string(),
                          number(person.pending_requests.size())});
  }
  return table;
}

// One row per rule the folder's settings change (person_id empty) and per suppression in force.
Rows check_rows(std::span<const PersonSummary> people, const records::Config* config) {
  Rows table;
  table.header = {"person_id", "change", "rule", "where", "severity", "default", "reason"};
  for (const rules::RuleChange& change : config ? rules::rule_changes(*config) : std::vector<rules::RuleChange>()) {
    table.rows.push_back({"", "rule_changed", change.id, "wellbeing.yaml",
                          std::string(change.to ? to_string(*change.to) : "off"), std::string(to_string(change.from)),
                          change.reason});
  }
  for (const PersonSummary& person : people) {
    for (const rules::SuppressionInForce& s : person.suppressions) {
      table.rows.push_back({person.id, "suppression", s.rule, s.where, "off", "", s.reason});
    }
  }
  return table;
}

}  // namespace

std::string_view to_string(RowKind kind) {
  switch (kind) {
    case RowKind::people:
      return "people";
    case RowKind::outcomes:
      return "outcomes";
    case RowKind::actions:
      return "actions";
    case RowKind::reviews:
      return "reviews";
    case RowKind::checks:
      return "checks";
  }
  return "people";
}

Rows make_rows(std::span<const PersonSummary> people, RowKind kind, const records::Config* config) {
  switch (kind) {
    case RowKind::people:
      return people_rows(people);
    case RowKind::outcomes:
      return outcome_rows(people);
    case RowKind::actions:
      return action_rows(people);
    case RowKind::reviews:
      return review_rows(people);
    case RowKind::checks:
      return check_rows(people, config);
  }
  return {};
}

std::string csv_field(std::string_view value) {
  // OWASP's list of formula triggers, and a line feed too: some spreadsheets skip leading line breaks.
  const bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                                          value[0] == '\t' || value[0] == '\r' || value[0] == '\n');
  const bool quote = formula || value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    return std::string(value);
  }
  std::string out = "\"";
  if (formula) {
    out += '\'';
  }
  for (char c : value) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

std::string render_csv(std::span<const PersonSummary> people, RowKind kind, const records::Config* config) {
  const Rows rows = make_rows(people, kind, config);
  std::string out = csv_record(rows.header);
  for (const auto& row : rows.rows) {
    out += csv_record(row);
  }
  return out;
}

}  // namespace wellbeing::summary
