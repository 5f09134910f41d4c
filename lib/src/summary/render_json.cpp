// The summary as JSON: the stable structure documented in README.md. Absent and redacted values are null.
#include <span>
#include <cmath>
#include <nlohmann/json.hpp>

#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::summary {

namespace {

using Json = nlohmann::ordered_json;

Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

Json date_json(const std::optional<util::Date>& date, const Redaction& redaction) {
  return date ? Json(show_date(date, redaction)) : Json(nullptr);
}

Json status_counts_json(const StatusCounts& counts) {
  Json out = Json::object();
  for (std::size_t i = 0; i < counts.size(); ++i) {
    out[std::string(k_outcome_statuses[i])] = counts[i];
  }
  return out;
}

Json action_json(const ActionSummary& a, const Redaction& r) {
  return {{"outcome", a.outcome_id},
          {"id", a.id},
          {"who", a.who},
          {"name", text_or_null(a.name)},
          {"what", text_or_null(a.what)},
          {"due", date_json(a.due, r)},
          {"done", date_json(a.done, r)},
          {"overdue", a.overdue},
          {"days_overdue", a.overdue ? Json(a.days_overdue) : Json(nullptr)}};
}

Json review_json(const ReviewDue& review, const Redaction& r) {
  Json last = nullptr;
  if (review.last_date) {
    last = {{"id", review.last_id}, {"type", text_or_null(review.last_type)}, {"date", date_json(review.last_date, r)}};
  }
  return {{"last", last},
          {"next_due", date_json(review.next_due, r)},
          {"window_opens", date_json(review.window_opens, r)},
          {"basis", to_string(review.basis)},
          {"status", to_string(review.status)},
          {"days", review.next_due ? Json(review.days) : Json(nullptr)}};
}

Json ons4_answers_json(const std::optional<Ons4Answers>& answers, const Redaction& r) {
  if (!answers) {
    return nullptr;
  }
  Json values = Json::object();
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    values[std::string(k_ons4_questions[q])] = answers->answers[q] >= 0 ? Json(answers->answers[q]) : Json(nullptr);
  }
  return {{"id", answers->measure_id}, {"date", date_json(answers->date, r)}, {"answers", values}};
}

Json pending_json(const PendingRequest& request, const Redaction& r) {
  return {{"id", request.id},
          {"date", date_json(request.date, r)},
          {"days_waiting", request.days_waiting},
          {"requested_by", text_or_null(request.requested_by)},
          {"sent_to", text_or_null(request.sent_to)},
          {"reference", text_or_null(request.reference)}};
}

Json findings_json(const FindingCounts& findings) {
  Json by_rule = Json::object();
  for (const auto& [rule, count] : findings.by_rule) {
    by_rule[rule] = count;
  }
  return {
      {"errors", findings.errors}, {"warnings", findings.warnings}, {"infos", findings.infos}, {"by_rule", by_rule}};
}

Json person_json(const PersonSummary& p) {
  const Redaction& r = p.redaction;
  Json representatives = Json::array();
  for (const RepresentativeSummary& rep : p.voice.representatives) {
    representatives.push_back({{"id", rep.id}, {"name", text_or_null(rep.name)}, {"role", text_or_null(rep.role)}});
  }
  Json evidence = Json::object();
  for (const auto& [kind, count] : p.voice.evidence) {
    evidence[kind] = count;
  }
  Json areas = Json::array();
  for (const AreaSummary& area : p.areas) {
    Json importance = nullptr;
    if (!area.importance.empty()) {
      importance = {{"level", area.importance},
                    {"said_by", text_or_null(area.importance_said_by)},
                    {"representative", text_or_null(area.importance_representative)},
                    {"representative_name", text_or_null(area.importance_representative_name)}};
    }
    areas.push_back({{"id", area.info->id},
                     {"letter", std::string(1, area.info->letter)},
                     {"title", area.info->title},
                     {"status", text_or_null(area.status)},
                     {"last_discussed", date_json(area.last_discussed, r)},
                     {"said", text_or_null(area.said)},
                     {"importance", importance},
                     {"open_outcomes", area.open_outcomes}});
  }
  Json outcomes = Json::array();
  for (const OutcomeSummary& o : p.outcomes) {
    Json actions = Json::array();
    for (const ActionSummary& a : o.actions) {
      Json action = action_json(a, r);
      action.erase("outcome");
      actions.push_back(std::move(action));
    }
    outcomes.push_back({{"id", o.id},
                        {"kind", text_or_null(o.kind)},
                        {"status", text_or_null(o.status)},
                        {"areas", o.areas},
                        {"said", text_or_null(o.said)},
                        {"opened", date_json(o.opened, r)},
                        {"met_on", date_json(o.met_on, r)},
                        {"who_acts", o.actors},
                        {"service_can_meet", o.service_can_meet},
                        {"review_request", text_or_null(o.review_request)},
                        {"actions", actions}});
  }
  Json overdue = Json::array();
  for (const ActionSummary& a : p.overdue_actions) {
    overdue.push_back(action_json(a, r));
  }
  Json change = nullptr;
  if (p.ons4.measures >= 2) {
    change = Json::object();
    for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
      change[std::string(k_ons4_questions[q])] = p.ons4.change[q] ? Json(*p.ons4.change[q]) : Json(nullptr);
    }
  }
  Json questions = Json::object();
  for (const records::QuestionTrend& trend : p.measures.questions) {
    auto point = [&](const records::MeasurePoint& at) {
      return Json{{"id", at.measure_id}, {"date", date_json(at.date, r)}, {"value", at.value}};
    };
    auto change_json = [&](const std::optional<records::MeasureChange>& c) {
      return c ? Json{{"from", point(c->from)}, {"change", c->delta}, {"direction", records::to_words(c->direction)}}
               : Json(nullptr);
    };
    questions[std::string(trend.question->key)] = {
        {"instrument", trend.question->instrument},
        {"lower_is_better", trend.question->lower_is_better},
        {"threshold", trend.question->threshold},
        {"measures", trend.points.size()},
        {"latest", trend.points.empty() ? Json(nullptr) : point(trend.points.back())},
        {"since_previous", change_json(trend.since_previous)},
        {"since_review", change_json(trend.since_review)},
        {"since_first", change_json(trend.since_first)}};
  }
  Json measures = {{"total", p.measures.measures},
                   {"ons4", p.measures.ons4},
                   {"swemwbs", p.measures.swemwbs},
                   {"last_review", date_json(p.measures.last_review, r)},
                   {"questions", questions}};
  Json pending = Json::array();
  for (const PendingRequest& request : p.pending_requests) {
    pending.push_back(pending_json(request, r));
  }
  std::size_t outcomes_total = 0;
  for (std::size_t count : p.outcomes_by_status) {
    outcomes_total += count;
  }
  return {{"id", p.id},
          {"known_as", text_or_null(p.known_as)},
          {"support_started", date_json(p.support_started, r)},
          {"voice",
           {{"voice", text_or_null(p.voice.voice)},
            {"can_take_part", text_or_null(p.voice.can_take_part)},
            {"capacity_date", date_json(p.voice.capacity_date, r)},
            {"formats", p.voice.formats},
            {"representatives", representatives},
            {"evidence", evidence}}},
          {"areas", areas},
          {"outcomes",
           {{"total", outcomes_total}, {"by_status", status_counts_json(p.outcomes_by_status)}, {"items", outcomes}}},
          {"overdue_actions", overdue},
          {"review", review_json(p.review, r)},
          {"ons4",
           {{"measures", p.ons4.measures},
            {"first", ons4_answers_json(p.ons4.first, r)},
            {"latest", ons4_answers_json(p.ons4.latest, r)},
            {"change", change}}},
          {"measures", measures},
          {"review_requests_pending", pending},
          {"safeguarding",
           {{"open", p.safeguarding_open},
            {"types", r.on && !r.safeguarding ? Json(nullptr) : Json(p.safeguarding_types)}}},
          {"conversations",
           {{"total", p.conversations},
            {"in_period", p.conversations_in_period},
            {"last", date_json(p.last_conversation, r)}}}};
}

// The rules the folder's settings change, and each suppression in force in `people` (with the person's id).
Json checks_changed_json(const records::Config& config, std::span<const PersonSummary> people) {
  Json rules_changed = Json::array();
  for (const rules::RuleChange& change : rules::rule_changes(config)) {
    rules_changed.push_back({{"rule", change.id},
                             {"default", to_string(change.from)},
                             {"severity", change.to ? to_string(*change.to) : "off"},
                             {"reason", text_or_null(change.reason)}});
  }
  Json suppressions = Json::array();
  for (const PersonSummary& person : people) {
    for (const rules::SuppressionInForce& s : person.suppressions) {
      suppressions.push_back({{"person", person.id}, {"rule", s.rule}, {"where", s.where}, {"reason", s.reason}});
    }
  }
  return {{"rules", std::move(rules_changed)}, {"suppressions", std::move(suppressions)}};
}

Json header_json(std::string_view kind, const Options& options) {
  return {{"version", util::k_json_version},
          {"kind", kind},
          {"as_of", show_date(options.as_of, options.redaction)},
          {"period", {{"from", show_date(options.period.from, options.redaction)}, {"to", show_date(options.period.to, options.redaction)}}},
          {"within_days", options.within_days},
          {"redacted", options.redaction.on},
          {"provider", text_or_null(options.config.provider_name)}};
}

Json first_error_json(const std::optional<Diagnostic>& first) {
  if (!first) {
    return nullptr;
  }
  return {{"line", first->location.line},
          {"column", first->location.column},
          {"rule", first->rule},
          {"message", text_or_null(first->message)}};
}

}  // namespace

std::string render_person_json(const SummarisedFile& file, const Options& options) {
  Json root = header_json("person", options);
  root["file"] = file.path;
  root["counted"] = file.person.has_value();
  const FindingCounts findings = count_findings(file.diagnostics);
  root["findings"] = findings_json(findings);
  std::optional<Diagnostic> first;
  for (const Diagnostic& d : file.diagnostics) {
    if (d.severity == Severity::error) {
      first = d;
      if (options.redaction.on) {
        first->message.clear();
      }
      break;
    }
  }
  root["first_error"] = first_error_json(first);
  root["person"] = file.person ? person_json(*file.person) : Json(nullptr);
  root["checks_changed"] = checks_changed_json(
      options.config, file.person ? std::span<const PersonSummary>(&*file.person, 1) : std::span<const PersonSummary>());
  return util::json_text(root, 2) + "\n";
}

std::string render_folder_json(const FolderSummary& f, const Options& options) {
  const Redaction& r = f.redaction;
  Json root = header_json("folder", options);
  root["filters"] = {{"areas", f.filter.areas}, {"statuses", f.filter.statuses}, {"people", f.filter.people}};

  Json files = Json::array();
  for (const FileStatus& s : f.files) {
    files.push_back({{"path", s.path},
                     {"person", text_or_null(s.person_id)},
                     {"readable", s.readable},
                     {"counted", s.counted},
                     {"errors", s.errors},
                     {"warnings", s.warnings},
                     {"infos", s.infos},
                     {"first_error", first_error_json(s.first_error)}});
  }
  root["files"] = {{"total", f.files.size()}, {"counted", f.people.size()}, {"left_out", f.left_out}, {"items", files}};

  Json people = Json::array();
  for (const PersonSummary& p : f.people) {
    people.push_back({{"id", p.id}, {"known_as", text_or_null(p.known_as)}, {"file", p.file}});
  }
  root["people"] = people;
  root["checks_changed"] = checks_changed_json(options.config, f.people);

  auto review_entries = [&](const std::vector<ReviewEntry>& entries) {
    Json list = Json::array();
    for (const ReviewEntry& e : entries) {
      list.push_back({{"person", e.person.id},
                      {"known_as", text_or_null(e.person.known_as)},
                      {"last", date_json(e.review.last_date, r)},
                      {"next_due", date_json(e.review.next_due, r)},
                      {"basis", to_string(e.review.basis)},
                      {"days", e.review.days}});
    }
    return list;
  };
  Json unknown = Json::array();
  for (const PersonRef& person : f.reviews_unknown) {
    unknown.push_back({{"person", person.id}, {"known_as", text_or_null(person.known_as)}});
  }
  root["reviews"] = {{"overdue", review_entries(f.reviews_overdue)},
                     {"due_soon", review_entries(f.reviews_due_soon)},
                     {"unknown", unknown}};

  Json by_area = Json::array();
  for (const AreaOutcomes& area : f.outcomes_by_area) {
    by_area.push_back({{"area", area.info->id},
                       {"title", area.info->title},
                       {"total", area.total},
                       {"by_status", status_counts_json(area.by_status)}});
  }
  root["outcomes"] = {{"total", f.outcomes},
                      {"by_status", status_counts_json(f.outcomes_by_status)},
                      {"by_area", by_area},
                      {"overdue_actions", f.overdue_actions}};

  Json met = Json::array();
  for (const MetOutcome& m : f.met_in_period) {
    met.push_back({{"person", m.person.id},
                   {"known_as", text_or_null(m.person.known_as)},
                   {"outcome", m.outcome_id},
                   {"met_on", show_date(m.met_on, r)},
                   {"who_acts", m.actors}});
  }
  Json acted = Json::object();
  for (std::size_t i = 0; i < k_actors.size(); ++i) {
    acted[std::string(k_actors[i])] = f.who_acted[i];
  }
  root["met_in_period"] = {{"count", f.met_in_period.size()}, {"who_acted", acted}, {"items", met}};

  Json pending = Json::array();
  for (const PendingEntry& p : f.pending_requests) {
    Json item = pending_json(p.request, r);
    Json entry = {{"person", p.person.id}, {"known_as", text_or_null(p.person.known_as)}};
    entry.update(item);
    pending.push_back(std::move(entry));
  }
  root["review_requests_pending"] = pending;

  Json by_type = Json::object();
  for (const auto& [type, count] : f.safeguarding_by_type) {
    by_type[type] = count;
  }
  root["safeguarding"] = {{"open", f.safeguarding_open},
                          {"people", f.safeguarding_people},
                          {"by_type", r.on && !r.safeguarding ? Json(nullptr) : by_type}};

  Json ons4 = Json::object();
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    const Ons4Change& change = f.ons4[q];
    ons4[std::string(k_ons4_questions[q])] = {
        {"people", change.people},
        {"average_change", change.people ? Json(std::round(change.average * 100.0) / 100.0) : Json(nullptr)}};
  }
  root["ons4"] = ons4;

  Json measures = Json::object();
  for (std::size_t q = 0; q < records::k_measure_questions.size(); ++q) {
    auto counts = [](const MeasureCounts& c) {
      return Json{{"better", c.better}, {"same", c.same}, {"worse", c.worse}};
    };
    measures[std::string(records::k_measure_questions[q].key)] = {
        {"since_previous", counts(f.measures[q].since_previous)},
        {"since_review", counts(f.measures[q].since_review)},
        {"since_first", counts(f.measures[q].since_first)}};
  }
  root["measures"] = {{"people", f.people_measured}, {"questions", measures}};

  Json quiet = Json::array();
  for (const QuietPerson& q : f.no_conversation) {
    quiet.push_back({{"person", q.person.id},
                     {"known_as", text_or_null(q.person.known_as)},
                     {"last_conversation", date_json(q.last_conversation, r)}});
  }
  root["no_conversation_in_period"] = quiet;
  return util::json_text(root, 2) + "\n";
}

}  // namespace wellbeing::summary
