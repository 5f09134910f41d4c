#include "wellbeing/summary/person.hpp"

#include <algorithm>

namespace wellbeing::summary {

namespace {

// The schema's order of evidence kinds, so a summary lists them the same way every time.
constexpr std::array<std::string_view, 6> k_evidence_kinds{"earlier_views", "observation",     "consultation",
                                                           "abc_chart",     "advocate_report", "other"};

bool is_open(std::string_view status) { return status == "open" || status == "in_progress"; }

void take_later(std::optional<util::Date>& latest, const std::optional<util::Date>& date) {
  if (date && (!latest || *date > *latest)) {
    latest = date;
  }
}

template <typename List>
bool contains(const List& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// The summary's own copies of words the record view reads in place.
std::vector<std::string> strings(const std::vector<std::string_view>& views) { return {views.begin(), views.end()}; }

std::string representative_name(const records::Person& person, std::string_view id) {
  for (const records::Representative& representative : person.representatives) {
    if (representative.id == id) {
      return std::string(representative.name);
    }
  }
  return {};
}

VoiceSummary voice_of(const records::Record& record) {
  const records::Person& person = record.person;
  VoiceSummary voice;
  voice.voice = person.voice;
  voice.can_take_part = person.can_take_part;
  voice.capacity_date = person.capacity_date;
  voice.formats = strings(person.communication_formats);
  for (const records::Representative& representative : person.representatives) {
    voice.representatives.push_back(
        {std::string(representative.id), std::string(representative.name), std::string(representative.role)});
  }
  for (std::string_view kind : k_evidence_kinds) {
    const auto count = static_cast<std::size_t>(std::count_if(
        record.evidence.begin(), record.evidence.end(), [&](const records::Evidence& e) { return e.kind == kind; }));
    if (count > 0) {
      voice.evidence.emplace_back(std::string(kind), count);
    }
  }
  return voice;
}

OutcomeSummary outcome_of(const records::Outcome& outcome, const Options& options) {
  OutcomeSummary summary;
  summary.id = outcome.id;
  summary.kind = outcome.kind;
  summary.status = outcome.status;
  summary.said = shorten(outcome.said, options.said_width);
  summary.areas = strings(outcome.areas);
  summary.opened = outcome.opened;
  summary.met_on = outcome.met_on;
  summary.service_can_meet = outcome.service_can_meet;
  summary.review_request = outcome.review_request;
  std::array<bool, k_actors.size()> acts{};
  for (const std::string_view who : outcome.who_acts) {
    if (auto index = actor_index(who)) {
      acts[*index] = true;
    }
  }
  for (const records::Action& action : outcome.actions) {
    if (auto index = actor_index(action.who)) {
      acts[*index] = true;
    }
    ActionSummary item;
    item.outcome_id = outcome.id;
    item.id = action.id;
    item.who = action.who;
    item.name = action.name;
    item.what = action.what;
    item.due = action.due;
    item.done = action.done;
    // An action on an outcome that is met, not met or withdrawn is no longer waited for.
    if (action.due && !action.done && *action.due < options.as_of && is_open(outcome.status)) {
      item.overdue = true;
      item.days_overdue = util::days_between(*action.due, options.as_of);
    }
    summary.actions.push_back(std::move(item));
  }
  for (std::size_t i = 0; i < k_actors.size(); ++i) {
    if (acts[i]) {
      summary.actors.emplace_back(k_actors[i]);
    }
  }
  return summary;
}

Ons4Summary ons4_of(const records::Record& record) {
  std::vector<Ons4Answers> dated;
  for (const records::Measure& measure : record.measures) {
    if (!measure.ons4 || !measure.date) {
      continue;
    }
    const records::Ons4& o = *measure.ons4;
    dated.push_back(
        {std::string(measure.id), measure.date, {o.life_satisfaction, o.worthwhile, o.happy_yesterday, o.anxious_yesterday}});
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const Ons4Answers& a, const Ons4Answers& b) { return *a.date < *b.date; });
  Ons4Summary summary;
  summary.measures = dated.size();
  if (dated.empty()) {
    return summary;
  }
  summary.first = dated.front();
  summary.latest = dated.back();
  if (dated.size() >= 2) {
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      const int first = summary.first->answers[q];
      const int latest = summary.latest->answers[q];
      if (first >= 0 && latest >= 0) {
        summary.change[q] = latest - first;
      }
    }
  }
  return summary;
}

// The data is redacted before it is summarised (withheld text is empty, so renderers show it as absent);
// what is left is how a redacted summary names the person and tells of safeguarding.
void present_redacted(PersonSummary& summary, const Redaction& redaction) {
  summary.redaction = redaction;
  if (!redaction.shows(redaction.known_as)) {
    summary.known_as = summary.id;
  }
  if (!redaction.shows(redaction.safeguarding)) {
    summary.safeguarding_types.clear();
  }
}

}  // namespace

std::string_view to_string(ReviewDue::Basis basis) {
  switch (basis) {
    case ReviewDue::Basis::recorded:
      return "recorded";
    case ReviewDue::Basis::interval:
      return "interval";
    case ReviewDue::Basis::first_review:
      return "first_review";
    case ReviewDue::Basis::none:
      return "none";
  }
  return "none";
}

std::string_view to_string(ReviewDue::Status status) {
  switch (status) {
    case ReviewDue::Status::ok:
      return "ok";
    case ReviewDue::Status::due_soon:
      return "due_soon";
    case ReviewDue::Status::overdue:
      return "overdue";
    case ReviewDue::Status::unknown:
      return "unknown";
  }
  return "unknown";
}

FindingCounts count_findings(const Diagnostics& diagnostics) {
  FindingCounts counts;
  for (const Diagnostic& d : diagnostics) {
    counts.errors += d.severity == Severity::error;
    counts.warnings += d.severity == Severity::warning;
    counts.infos += d.severity == Severity::info;
    ++counts.by_rule[d.rule];
  }
  return counts;
}

ReviewDue review_due(const records::Record& record, const Options& options) {
  ReviewDue due;
  const records::Config& config = options.config;
  if (const records::Review* last = record.latest_review(); last && last->date) {
    due.last_id = last->id;
    due.last_type = last->type;
    due.last_date = last->date;
    // As rule WB007 reads it, so a summary and `validate` agree on what is overdue (a next_review_due set
    // beyond the interval is WB032's finding, counted among the findings).
    if (last->next_review_due) {
      due.next_due = last->next_review_due;
      due.basis = ReviewDue::Basis::recorded;
    } else {
      due.next_due = util::add_months(*last->date, config.review_interval_months);
      due.basis = ReviewDue::Basis::interval;
    }
  } else if (record.person.support_started) {
    due.window_opens = util::add_days(*record.person.support_started, 7 * config.first_review_min_weeks);
    due.next_due = util::add_days(*record.person.support_started, 7 * config.first_review_max_weeks);
    due.basis = ReviewDue::Basis::first_review;
  }
  if (due.next_due) {
    due.days = util::days_between(options.as_of, *due.next_due);
    // A first review is due soon once its window is about to open (as rule WB029 prepares for it).
    const int notice = due.window_opens ? util::days_between(options.as_of, *due.window_opens) : due.days;
    due.status = due.days < 0                    ? ReviewDue::Status::overdue
                 : notice <= options.within_days ? ReviewDue::Status::due_soon
                                                 : ReviewDue::Status::ok;
  }
  return due;
}

PersonSummary summarise_person(const document::Node& root, const Diagnostics& findings, const std::string& file,
                               const Options& options) {
  // The redacted tree lives as long as the view of it, which reads its text in place.
  const document::Node redacted = options.redaction.apply(root, records::Withheld::emptied);
  const records::Record record = records::read_record(redacted);
  PersonSummary summary;
  summary.file = file;
  summary.id = record.person.id;
  summary.known_as = record.person.known_as;
  summary.support_started = record.person.support_started;
  summary.voice = voice_of(record);
  summary.findings = count_findings(findings);
  summary.suppressions = rules::suppressions_in_force(record);
  for (rules::SuppressionInForce& s : summary.suppressions) {
    if (options.redaction.on) {
      s.reason = std::string(records::k_withheld);
    }
  }

  for (const records::Conversation& conversation : record.conversations) {
    ++summary.conversations;
    take_later(summary.last_conversation, conversation.date);
    summary.conversations_in_period += conversation.date && options.period.contains(*conversation.date);
  }

  for (const records::Outcome& outcome : record.outcomes) {
    if (!options.filter.wants_outcome(outcome.status, outcome.areas)) {
      continue;
    }
    OutcomeSummary item = outcome_of(outcome, options);
    if (auto index = status_index(item.status)) {
      ++summary.outcomes_by_status[*index];
    }
    for (const ActionSummary& action : item.actions) {
      if (action.overdue) {
        summary.overdue_actions.push_back(action);
      }
    }
    summary.outcomes.push_back(std::move(item));
  }
  std::stable_sort(summary.overdue_actions.begin(), summary.overdue_actions.end(),
                   [](const ActionSummary& a, const ActionSummary& b) { return *a.due < *b.due; });

  for (const records::Area& area : record.areas) {
    if (!options.filter.wants_area(area.info->id)) {
      continue;
    }
    AreaSummary item;
    item.info = area.info;
    item.status = area.status;
    item.last_discussed = area.updated;
    for (const records::Conversation& conversation : record.conversations) {
      if (contains(conversation.areas, area.info->id)) {
        take_later(item.last_discussed, conversation.date);
      }
    }
    item.said = shorten(area.said, options.said_width);
    if (area.importance) {
      item.importance = area.importance->level;
      item.importance_said_by = area.importance->said_by;
      item.importance_representative = area.importance->representative;
      item.importance_representative_name = representative_name(record.person, area.importance->representative);
    }
    for (const OutcomeSummary& outcome : summary.outcomes) {
      if (is_open(outcome.status) && contains(outcome.areas, area.info->id)) {
        item.open_outcomes.push_back(outcome.id);
      }
    }
    summary.areas.push_back(std::move(item));
  }

  summary.review = review_due(record, options);
  summary.ons4 = ons4_of(record);
  summary.measures = records::measure_trends(record);

  for (const records::ReviewRequest& request : record.review_requests) {
    if (request.status != "pending") {
      continue;
    }
    PendingRequest item{std::string(request.id),        request.date, 0, std::string(request.requested_by),
                        std::string(request.sent_to), std::string(request.reference)};
    if (request.date) {
      item.days_waiting = util::days_between(*request.date, options.as_of);
    }
    summary.pending_requests.push_back(std::move(item));
  }

  for (const records::SafeguardingFlag& flag : record.safeguarding) {
    if (flag.status == "open") {
      ++summary.safeguarding_open;
      summary.safeguarding_types.emplace_back(flag.type);
    }
  }

  present_redacted(summary, options.redaction);
  return summary;
}

}  // namespace wellbeing::summary
