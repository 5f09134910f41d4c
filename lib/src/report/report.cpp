#include "wellbeing/rules/changes.hpp"
#include "wellbeing/report/report.hpp"

#include <cctype>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "wellbeing/records/measures.hpp"
#include "wellbeing/records/redaction.hpp"
#include "wellbeing/report/escape.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/json.hpp"
#include "labels.hpp"

namespace wellbeing::report {

using json = nlohmann::ordered_json;
using records::Record;
using util::Date;

namespace {

using namespace labels;

template <typename Text>
json text_list(const std::vector<Text>& items) {
  json out = json::array();
  for (const auto& item : items) {
    out.push_back(std::string(item));
  }
  return out;
}

// ---- Charts ------------------------------------------------------------------------------------------------


struct Ons4Question {
  std::string_view key, label, class_token, shape;
  int records::Ons4::*answer;
};
constexpr std::array<Ons4Question, 4> k_ons4_questions{{
    {"life_satisfaction", "Life satisfaction", "s1", "circle", &records::Ons4::life_satisfaction},
    {"worthwhile", "Things done in life are worthwhile", "s2", "square", &records::Ons4::worthwhile},
    {"happy_yesterday", "Happy yesterday", "s3", "triangle", &records::Ons4::happy_yesterday},
    {"anxious_yesterday", "Anxious yesterday (lower is better)", "s4", "diamond", &records::Ons4::anxious_yesterday},
}};

// An SVG path for a marker of `shape` centred on (x, y).
std::string marker_path(std::string_view shape, double x, double y) {
  const double r = 4.5;
  if (shape == "square") {
    return fmt::format("M{} {}h{}v{}h{}Z", number(x - r + 0.5), number(y - r + 0.5), number(2 * r - 1),
                       number(2 * r - 1), number(-(2 * r - 1)));
  }
  if (shape == "triangle") {
    return fmt::format("M{} {}L{} {}L{} {}Z", number(x), number(y - r - 0.5), number(x + r), number(y + r - 1),
                       number(x - r), number(y + r - 1));
  }
  if (shape == "diamond") {
    return fmt::format("M{} {}L{} {}L{} {}L{} {}Z", number(x), number(y - r - 0.5), number(x + r + 0.5), number(y),
                       number(x), number(y + r + 0.5), number(x - r - 0.5), number(y));
  }
  return fmt::format("M{} {}a{} {} 0 1 0 {} 0a{} {} 0 1 0 {} 0Z", number(x - r), number(y), number(r), number(r),
                     number(2 * r), number(r), number(r), number(-2 * r));
}

struct Ons4Point {
  Date date;
  records::Ons4 answers;
};

// The line chart of ONS4 answers over time: one line per question, dates to scale along the x axis.
json ons4_chart(const std::vector<Ons4Point>& points, const RedactedText& redact) {
  constexpr double width = 640, left = 44, right = 596, top = 16, bottom = 196;
  const auto y_of = [&](int value) { return bottom - (bottom - top) * value / 10.0; };
  std::vector<double> xs;
  const int span = points.size() > 1 ? util::days_between(points.front().date, points.back().date) : 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (points.size() == 1) {
      xs.push_back((left + right) / 2);
    } else if (span == 0) {
      xs.push_back(left + (right - left) * static_cast<double>(i) / static_cast<double>(points.size() - 1));
    } else {
      xs.push_back(left + (right - left) * util::days_between(points.front().date, points[i].date) / span);
    }
  }
  json chart;
  chart["width"] = number(width);
  chart["height"] = "280";
  chart["plot_left"] = number(left);
  chart["plot_right"] = number(right);
  chart["plot_top"] = number(top);
  chart["plot_bottom"] = number(bottom);
  chart["y_label_x"] = number(left - 8);
  json y_ticks = json::array();
  for (int value = 0; value <= 10; value += 2) {
    y_ticks.push_back(
        {{"value", std::to_string(value)}, {"y", number(y_of(value))}, {"label_y", number(y_of(value) + 4)}});
  }
  chart["y_ticks"] = std::move(y_ticks);
  json x_ticks = json::array();
  double last_label_x = -1000;
  for (std::size_t i = 0; i < points.size(); ++i) {
    // Labels closer than this would overlap; the table below the chart has every date.
    if (xs[i] - last_label_x < 64) {
      continue;
    }
    last_label_x = xs[i];
    x_ticks.push_back(
        {{"x", number(xs[i])}, {"label_y", number(bottom + 18)}, {"label", short_month_year(points[i].date)}});
  }
  chart["x_ticks"] = std::move(x_ticks);
  json series = json::array();
  std::size_t index = 0;
  for (const Ons4Question& question : k_ons4_questions) {
    std::vector<std::string> coordinates;
    json markers = json::array();
    for (std::size_t i = 0; i < points.size(); ++i) {
      const int value = points[i].answers.*question.answer;
      if (value < 0 || value > 10) {
        continue;  // an answer the schema rejects is shown in the table, not drawn
      }
      coordinates.push_back(fmt::format("{},{}", number(xs[i]), number(y_of(value))));
      markers.push_back({{"d", marker_path(question.shape, xs[i], y_of(value))},
                         {"value", std::to_string(value)},
                         {"date", redact.date(points[i].date)}});
    }
    const double legend_x = index % 2 == 0 ? left : left + 300;
    const double legend_y = index < 2 ? 236 : 260;
    series.push_back({{"key", question.key},
                      {"label", question.label},
                      {"class_token", question.class_token},
                      {"points", join(coordinates, " ")},
                      {"markers", std::move(markers)},
                      {"legend_x1", number(legend_x)},
                      {"legend_x2", number(legend_x + 28)},
                      {"legend_y", number(legend_y)},
                      {"legend_marker", marker_path(question.shape, legend_x + 14, legend_y)},
                      {"legend_text_x", number(legend_x + 36)},
                      {"legend_text_y", number(legend_y + 4)}});
    ++index;
  }
  chart["series"] = std::move(series);
  return chart;
}

// ---- Helpers over the record -------------------------------------------------------------------------------

std::string area_titles(const std::vector<std::string_view>& ids) {
  std::vector<std::string_view> titles;
  for (const std::string_view id : ids) {
    const records::AreaInfo* info = records::find_area(id);
    titles.push_back(info ? info->title : id);
  }
  return join(titles);
}

bool in_period(const std::optional<Date>& date, const std::optional<Date>& start, Date end) {
  return date && (!start || *date > *start) && *date <= end;
}

class Builder {
 public:
  Builder(const Record& record, const records::Redaction& redaction, const Diagnostics& findings,
          const ReportOptions& options, Format format)
      : m_record(record), m_findings(findings), m_options(options), m_format(format), m_redact(redaction) {
    for (const records::Review& review : record.reviews) {
      if (review.date && *review.date <= options.as_of &&
          (!m_last_review || !m_last_review->date || *review.date > *m_last_review->date)) {
        m_last_review = &review;
      }
    }
    if (m_last_review) {
      m_period_start = m_last_review->date;
    }
  }

  json build() {
    json data;
    data["version"] = util::k_json_version;
    data["format"] = m_format == Format::html ? "html" : "markdown";
    data["is_html"] = m_format == Format::html;
    data["is_markdown"] = m_format == Format::markdown;
    data["lang"] = "en-GB";
    data["title"] = fmt::format("Wellbeing review: {}", display_name());
    // The report's own date too is shown to the month when dates are: with it, "in 100 days" would tell
    // the day of the next review.
    data["report_date"] = m_redact.date(m_options.as_of);
    data["report_date_iso"] = m_redact.iso(m_options.as_of);
    data["front_matter_yaml"] = front_matter();
    data["provider"] = {{"name", m_options.config.provider_name}};
    data["site"] = m_options.site ? json{{"index_href", m_options.site->index}, {"provider_href", m_options.site->provider}}
                                  : json(false);
    data["redacted"] = m_redact.enabled();
    data["redaction"] = redaction();
    data["invalid"] = has_errors(m_findings);
    data["person"] = person();
    data["voice"] = voice();
    data["areas"] = areas();
    data["areas_summary"] = areas_summary();
    data["strengths"] = strengths();
    data["outcomes"] = outcomes();
    data["outcomes_summary"] = outcomes_summary();
    data["cannot_meet"] = cannot_meet();
    data["review_requests"] = review_requests();
    data["working"] = working();
    data["measures"] = measures();
    data["safeguarding"] = safeguarding();
    data["reviews"] = reviews();
    data["changes_since"] = changes_since();
    data["sharing"] = sharing();
    data["sign_off"] = sign_off();
    data["provenance"] = provenance();
    data["checks"] = checks();
    data["tool"] = {{"name", "wellbeing"}, {"version", m_options.tool_version}};
    return data;
  }

 private:
  std::string display_name() const {
    const std::string_view known_as = m_record.person.known_as;
    return std::string(known_as.empty() || !m_redact.keeps(&records::Redaction::known_as) ? m_record.person.id
                                                                                          : known_as);
  }

  std::string front_matter() const {
    // Pandoc reads metadata values as Markdown, so they are escaped for Markdown, then quoted for YAML.
    std::string out;
    out += fmt::format("title: {}\n", util::yaml_double_quoted(
                                          util::escape_markdown(fmt::format("Wellbeing review: {}", display_name()))));
    out += fmt::format("person: {}\n", util::yaml_double_quoted(util::escape_markdown(m_record.person.id)));
    out += fmt::format("date: {}\n", util::yaml_double_quoted(m_redact.iso(m_options.as_of)));
    out += "lang: en-GB\n";
    if (!m_options.config.provider_name.empty()) {
      out +=
          fmt::format("author: {}\n", util::yaml_double_quoted(util::escape_markdown(m_options.config.provider_name)));
    }
    return out;
  }

  json redaction() const {
    std::vector<std::string> kept;
    for (const std::string& item : m_options.config.redaction_keep) {
      kept.push_back(item);
    }
    return {{"kept", join(kept)},
            {"keeps_known_as", m_redact.keeps(&records::Redaction::known_as)},
            {"keeps_names", m_redact.keeps(&records::Redaction::names)},
            {"keeps_quotes", m_redact.keeps(&records::Redaction::quotes)},
            {"keeps_dates", m_redact.keeps(&records::Redaction::dates)},
            {"keeps_references", m_redact.keeps(&records::Redaction::references)},
            {"keeps_safeguarding", m_redact.keeps(&records::Redaction::safeguarding)},
            {"keeps_sharing", m_redact.keeps(&records::Redaction::sharing)}};
  }

  std::string representative_text(std::string_view id) const {
    const records::Representative* r = records::find_by_id(m_record.person.representatives, id);
    if (!r) {
      return std::string(id);
    }
    // Family and friends by how they are related ("Grace (mum)"), everyone else by their role.
    const bool kin = (r->role == "family" || r->role == "friend") && !r->relationship.empty();
    const std::string role = kin ? std::string(r->relationship) : words(k_role, r->role);
    const std::string name(r->name);
    return role.empty() ? name : fmt::format("{} ({})", name, role);
  }

  json person() const {
    const records::Person& p = m_record.person;
    json person;
    person["id"] = p.id;
    person["name"] = display_name();
    person["known_as"] = m_redact.keeps(&records::Redaction::known_as) ? std::string(p.known_as) : std::string();
    person["support_started"] = m_redact.date(p.support_started);
    person["voice_token"] = token(k_voice, p.voice);
    person["voice"] = words(k_voice, p.voice);
    std::vector<std::string> formats;
    for (const std::string_view f : p.communication_formats) {
      formats.push_back(words(k_format, f));
    }
    person["communication"] = {
        {"needs", p.communication_needs}, {"language", p.communication_language}, {"formats", join(formats)}};
    const bool capacity = !p.can_take_part.empty();
    json cap = false;
    if (capacity) {
      cap = {{"can_take_part", words(k_can_take_part, p.can_take_part)},
             {"can_take_part_token", token(k_can_take_part, p.can_take_part)},
             {"date", m_redact.date(p.capacity_date)},
             {"by", p.capacity_by},
             {"note", p.capacity_note}};
    }
    person["capacity"] = cap;
    person["cannot_take_part"] = p.can_take_part == "not_at_present";
    json representatives = json::array();
    for (const records::Representative& r : p.representatives) {
      representatives.push_back({{"id", r.id},
                                 {"name", r.name},
                                 {"role", words(k_role, r.role)},
                                 {"relationship", r.relationship},
                                 {"supports_with", r.supports_with}});
    }
    person["representatives"] = std::move(representatives);
    person["important_to_me"] = text_list(p.important_to_me);
    return person;
  }

  json conversation(const records::Conversation& c) const {
    return {{"id", c.id},
            {"date", m_redact.date(c.date)},
            {"led_by", c.led_by},
            {"approach", words(k_approach, c.approach)},
            {"accessible_format", c.accessible_format.empty() ? std::string() : words(k_format, c.accessible_format)},
            {"participants", join(c.participants)},
            {"areas", area_titles(c.areas)},
            {"summary", c.summary},
            {"quotes", text_list(c.quotes)}};
  }

  json evidence(const records::Evidence& e) const {
    json consulted = false;
    if (e.has_consulted) {
      consulted = {{"name", e.consulted_name}, {"role", e.consulted_role}, {"basis", e.consulted_basis}};
    }
    return {{"id", e.id},
            {"kind", words(k_evidence_kind, e.kind)},
            {"date", m_redact.date(e.date)},
            {"until", m_redact.date(e.until)},
            {"by", e.by},
            {"summary", e.summary},
            {"consulted", std::move(consulted)},
            {"areas", area_titles(e.areas)}};
  }

  json voice() const {
    json voice;
    std::string since;
    if (m_last_review) {
      since = fmt::format("since the review on {}", m_redact.date(m_last_review->date));
    } else if (m_record.person.support_started) {
      since = fmt::format("since support started on {}", m_redact.date(m_record.person.support_started));
    } else {
      since = "so far";
    }
    voice["period"] = {{"from", m_period_start ? m_redact.date(m_period_start) : std::string()},
                       {"to", m_redact.date(m_options.as_of)},
                       {"since", since}};
    json in = json::array();
    json other = json::array();
    for (const records::Conversation& c : m_record.conversations) {
      (in_period(c.date, m_period_start, m_options.as_of) ? in : other).push_back(conversation(c));
    }
    json evidence_in = json::array();
    json evidence_other = json::array();
    for (const records::Evidence& e : m_record.evidence) {
      (in_period(e.date, m_period_start, m_options.as_of) ? evidence_in : evidence_other).push_back(evidence(e));
    }
    voice["none_this_period"] = in.empty() && evidence_in.empty();
    voice["conversations"] = std::move(in);
    voice["other_conversations"] = std::move(other);
    voice["evidence"] = std::move(evidence_in);
    voice["other_evidence"] = std::move(evidence_other);
    return voice;
  }

  json areas() const {
    json out = json::array();
    for (const records::Area& area : m_record.areas) {
      json a;
      a["id"] = area.info->id;
      a["letter"] = std::string(1, area.info->letter);
      a["title"] = area.info->title;
      a["wording"] = area.info->wording;
      const bool explored = area.present && area.status == "explored";
      const bool not_yet = area.present && area.status == "not_yet_explored";
      a["explored"] = explored;
      a["not_yet_explored"] = not_yet;
      a["missing"] = !area.present;
      a["status_token"] = explored ? "explored" : not_yet ? "not_yet_explored" : area.present ? "unknown" : "missing";
      a["status"] = explored        ? "Explored"
                    : not_yet       ? "Not yet explored"
                    : !area.present ? "Not in the record"
                                    : area.status;
      a["said"] = area.said;
      // The current view's date and source, and every earlier view, oldest first: nothing is dropped.
      json earlier = json::array();
      for (std::size_t v = 0; v < area.views.size(); ++v) {
        const records::View& view = area.views[v];
        json item = {{"date", m_redact.date(view.date)},
                     {"said", view.said},
                     {"by", view.by.empty() || view.by == "person" ? std::string() : words(k_said_by, view.by)},
                     {"representative", view.representative.empty() ? std::string()
                                                                     : representative_text(view.representative)},
                     {"judged_by", view.judged_by},
                     {"how", view.how},
                     {"from", join(view.from)}};
        if (v + 1 == area.views.size()) {
          a["view"] = std::move(item);
        } else {
          earlier.push_back(std::move(item));
        }
      }
      a["has_earlier_views"] = !earlier.empty();
      a["earlier_views"] = std::move(earlier);
      json resolved = json::array();
      for (const records::Concern& c : area.all_concerns) {
        if (c.resolved) {
          resolved.push_back(
              {{"text", c.text}, {"raised", m_redact.date(c.raised)}, {"resolved", m_redact.date(c.resolved)}});
        }
      }
      a["has_resolved_concerns"] = !resolved.empty();
      a["resolved_concerns"] = std::move(resolved);
      json importance = false;
      if (area.importance) {
        const records::Importance& i = *area.importance;
        importance = {
            {"level", words(k_level, i.level)},
            {"level_token", token(k_level, i.level)},
            {"said_by", words(k_said_by, i.said_by)},
            {"representative", i.representative.empty() ? std::string() : representative_text(i.representative)},
            {"reason", i.reason},
            {"judged_by", i.judged_by},
            {"from", join(i.from)}};
      }
      a["importance"] = std::move(importance);
      a["concerns_none_raised"] = area.concerns_none_raised;
      a["concerns"] = text_list(area.concerns);
      a["concerns_text"] = join(area.concerns, " ");
      json evidence = json::array();
      std::vector<std::string> evidence_texts;
      for (const std::string_view id : area.evidence) {
        const records::Evidence* e = records::find_by_id(m_record.evidence, id);
        const std::string kind = e ? words(k_evidence_kind, e->kind) : std::string();
        const std::string date = e ? m_redact.date(e->date) : std::string();
        evidence.push_back({{"id", id}, {"kind", kind}, {"date", date}});
        const std::string about = join({kind, date});
        evidence_texts.push_back(about.empty() ? std::string(id) : fmt::format("{} ({})", id, about));
      }
      a["evidence"] = std::move(evidence);
      a["evidence_text"] = join(evidence_texts, "; ");
      a["updated"] = m_redact.date(area.updated);
      std::vector<std::string_view> outcome_ids;
      for (const records::Outcome& o : m_record.outcomes) {
        if (std::find(o.areas.begin(), o.areas.end(), area.info->id) != o.areas.end()) {
          outcome_ids.push_back(o.id);
        }
      }
      a["outcomes"] = join(outcome_ids);
      out.push_back(std::move(a));
    }
    return out;
  }

  json areas_summary() const {
    std::size_t explored = 0;
    std::size_t not_yet = 0;
    std::size_t missing = 0;
    for (const records::Area& area : m_record.areas) {
      explored += area.present && area.status == "explored";
      not_yet += area.present && area.status == "not_yet_explored";
      missing += !area.present;
    }
    std::string text = fmt::format("{} of 9 areas explored", explored);
    if (not_yet > 0) {
      text += fmt::format("; {} not yet explored", not_yet);
    }
    if (missing > 0) {
      text += fmt::format("; {} not in the record", missing);
    }
    return {{"explored", std::to_string(explored)},
            {"not_yet_explored", std::to_string(not_yet)},
            {"missing", std::to_string(missing)},
            {"text", text}};
  }

  json strengths() const {
    json groups = json::array();
    std::vector<bool> shown(m_record.strengths.size(), false);
    auto add_group = [&](std::string_view level_token, std::string label, auto matches) {
      json items = json::array();
      for (std::size_t i = 0; i < m_record.strengths.size(); ++i) {
        const records::Strength& s = m_record.strengths[i];
        if (!shown[i] && matches(s)) {
          shown[i] = true;
          items.push_back({{"id", s.id}, {"text", s.text}, {"areas", area_titles(s.areas)}});
        }
      }
      if (!items.empty()) {
        groups.push_back({{"level_token", level_token}, {"label", std::move(label)}, {"items", std::move(items)}});
      }
    };
    // Strengths first: the person, then family and friends, then the community.
    for (const Label& level : k_strength_level) {
      add_group(level.value, std::string(level.words),
                [&](const records::Strength& s) { return s.level == level.value; });
    }
    add_group("unknown", "Other", [](const records::Strength&) { return true; });
    return {{"groups", std::move(groups)}, {"count", std::to_string(m_record.strengths.size())}};
  }

  json action(const records::Action& a) const {
    std::string state;
    std::string state_token;
    if (a.done) {
      state = fmt::format("Done {}", m_redact.date(a.done));
      state_token = "done";
    } else if (a.due && *a.due < m_options.as_of) {
      state = fmt::format("Overdue: was due {}", m_redact.date(a.due));
      state_token = "overdue";
    } else if (a.due) {
      state = fmt::format("Due {}", m_redact.date(a.due));
      state_token = "due";
    } else {
      state = "No date set";
      state_token = "no_date";
    }
    return {{"id", a.id},
            {"who", words(k_actor, a.who)},
            {"who_token", token(k_actor, a.who)},
            {"name", a.name},
            {"what", a.what},
            {"due", m_redact.date(a.due)},
            {"done", m_redact.date(a.done)},
            {"state", state},
            {"state_token", state_token}};
  }

  json review_request(const records::ReviewRequest& r) const {
    return {{"id", r.id},
            {"date", m_redact.date(r.date)},
            {"requested_by", words(k_requested_by, r.requested_by)},
            {"reason", r.reason},
            {"sent_to", r.sent_to},
            {"reference", r.reference},
            {"status", words(k_request_status, r.status)},
            {"status_token", token(k_request_status, r.status)}};
  }

  json outcome(const records::Outcome& o) const {
    json out;
    out["id"] = o.id;
    out["kind"] = words(k_outcome_kind, o.kind);
    out["kind_token"] = token(k_outcome_kind, o.kind);
    out["said"] = o.said;
    out["status"] = words(k_outcome_status, o.status);
    out["status_token"] = token(k_outcome_status, o.status);
    out["areas"] = area_titles(o.areas);
    out["opened"] = m_redact.date(o.opened);
    out["met_on"] = m_redact.date(o.met_on);
    // "Open since 2026-01-12, in progress since 2026-03-01 (Ama)": each status change, in order.
    std::vector<std::string> changes;
    for (const records::StatusChange& change : o.history) {
      const std::string when = m_redact.date(change.date);
      std::string text = words(k_outcome_status, change.status);
      if (!text.empty() && !changes.empty()) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
      }
      if (!when.empty()) {
        text +=
            fmt::format(" {} {}", change.status == o.status && &change == &o.history.back() ? "since" : "from", when);
      }
      if (!change.by.empty()) {
        text += fmt::format(", recorded by {}", change.by);
      }
      changes.push_back(std::move(text));
    }
    out["history"] = join(changes, "; ");
    std::vector<std::string> who;
    for (const std::string_view actor : o.who_acts) {
      who.push_back(words(k_actor, actor));
    }
    out["who_acts"] = join(who);
    json actions = json::array();
    for (const records::Action& a : o.actions) {
      actions.push_back(action(a));
    }
    out["actions"] = std::move(actions);
    json progress = json::array();
    for (const records::ProgressNote& n : o.progress) {
      progress.push_back({{"id", n.id}, {"date", m_redact.date(n.date)}, {"by", n.by}, {"note", n.note}});
    }
    out["progress"] = std::move(progress);
    out["cannot_meet"] = !o.service_can_meet;
    json referral = false;
    if (o.has_referral) {
      referral = {{"to", o.referral_to}, {"date", m_redact.date(o.referral_date)}, {"reference", o.referral_reference}};
    }
    out["referral"] = std::move(referral);
    json request = false;
    if (!o.review_request.empty()) {
      const records::ReviewRequest* r = records::find_by_id(m_record.review_requests, o.review_request);
      request = r ? review_request(*r)
                  : json{{"id", o.review_request},
                         {"date", ""},
                         {"requested_by", ""},
                         {"reason", ""},
                         {"sent_to", ""},
                         {"reference", ""},
                         {"status", "Not found in the record"},
                         {"status_token", "unknown"}};
    }
    out["review_request"] = std::move(request);
    json risk = false;
    if (o.has_risk_to_others) {
      risk = {{"description", o.risk_description},
              {"who_at_risk", words(k_at_risk, o.risk_who)},
              {"mitigation", o.risk_mitigation},
              {"agreed_on", m_redact.date(o.risk_agreed_on)},
              {"agreed_by", o.risk_agreed_by}};
    }
    out["risk"] = std::move(risk);
    return out;
  }

  json outcomes() const {
    json out = json::array();
    for (const records::Outcome& o : m_record.outcomes) {
      out.push_back(outcome(o));
    }
    return out;
  }

  json outcomes_summary() const {
    json by_status = json::array();
    std::vector<std::string> parts;
    for (const Label& status : k_outcome_status) {
      const auto count = std::count_if(m_record.outcomes.begin(), m_record.outcomes.end(),
                                       [&](const records::Outcome& o) { return o.status == status.value; });
      if (count > 0) {
        by_status.push_back(
            {{"status", status.words}, {"status_token", status.value}, {"count", std::to_string(count)}});
        parts.push_back(fmt::format("{} {}", count, lower(status.words)));
      }
    }
    const std::string total = plural(m_record.outcomes.size(), "outcome", "outcomes");
    return {{"count", std::to_string(m_record.outcomes.size())},
            {"text", parts.empty() ? total : fmt::format("{}: {}", total, join(parts))},
            {"by_status", std::move(by_status)},
            {"chart", m_record.outcomes.empty() ? json(false) : outcomes_chart()}};
  }

  static std::string lower(std::string_view text) {
    std::string out(text);
    if (!out.empty()) {
      out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    }
    return out;
  }

  // Outcomes by area and status: one row per area (all nine, in statutory order), one block per outcome,
  // and the counts in words at the end of each row.
  json outcomes_chart() const {
    constexpr double label_right = 268, bar_left = 276, unit = 24, row = 26, top = 10, bar = 16;
    std::size_t widest = 1;
    double right_edge = 0;
    json rows = json::array();
    for (std::size_t i = 0; i < records::k_areas.size(); ++i) {
      const records::AreaInfo& area = records::k_areas[i];
      const double y = top + row * static_cast<double>(i);
      json segments = json::array();
      std::vector<std::string> counts;
      double x = bar_left;
      std::size_t total = 0;
      for (const Label& status : k_outcome_status) {
        const auto count = static_cast<std::size_t>(
            std::count_if(m_record.outcomes.begin(), m_record.outcomes.end(), [&](const records::Outcome& o) {
              return o.status == status.value && std::find(o.areas.begin(), o.areas.end(), area.id) != o.areas.end();
            }));
        if (count == 0) {
          continue;
        }
        segments.push_back({{"x", number(x)},
                            {"y", number(y)},
                            {"width", number(unit * static_cast<double>(count) - 2)},
                            {"height", number(bar)},
                            {"status", status.words},
                            {"status_token", status.value},
                            {"count", std::to_string(count)}});
        counts.push_back(fmt::format("{} {}", count, lower(status.words)));
        x += unit * static_cast<double>(count);
        total += count;
      }
      widest = std::max(widest, total);
      // Room for the words at the end of the row (about 7 units a character at 12px).
      right_edge = std::max(right_edge, x + 6 + 7.0 * static_cast<double>(join(counts).size()) + 8);
      rows.push_back({{"area", area.title},
                      {"label_x", number(label_right)},
                      {"text_y", number(y + bar - 4)},
                      {"segments", std::move(segments)},
                      {"counts", counts.empty() ? std::string("no outcomes") : join(counts)},
                      {"counts_x", number(x + 6)},
                      {"none", counts.empty()}});
    }
    const double legend_y = top + row * 9 + 16;
    json legend = json::array();
    double lx = 8;
    for (const Label& status : k_outcome_status) {
      legend.push_back({{"status", status.words},
                        {"status_token", status.value},
                        {"x", number(lx)},
                        {"y", number(legend_y)},
                        {"text_x", number(lx + 18)},
                        {"text_y", number(legend_y + 11)}});
      lx += 18 + 8 + 7.0 * static_cast<double>(status.words.size()) + 16;
    }
    return {{"width", number(std::max({lx, right_edge, bar_left + unit * static_cast<double>(widest) + 100}))},
            {"height", number(legend_y + 24)},
            {"rows", std::move(rows)},
            {"legend", std::move(legend)}};
  }

  json cannot_meet() const {
    json out = json::array();
    for (const records::Outcome& o : m_record.outcomes) {
      if (!o.service_can_meet) {
        out.push_back(outcome(o));
      }
    }
    return out;
  }

  json review_requests() const {
    json out = json::array();
    for (const records::ReviewRequest& r : m_record.review_requests) {
      json item = review_request(r);
      std::vector<std::string_view> outcome_ids;
      for (const records::Outcome& o : m_record.outcomes) {
        if (o.review_request == r.id) {
          outcome_ids.push_back(o.id);
        }
      }
      item["outcomes"] = join(outcome_ids);
      out.push_back(std::move(item));
    }
    return out;
  }

  json working() const {
    json out;
    if (m_last_review) {
      out["review"] = {{"id", m_last_review->id},
                       {"date", m_redact.date(m_last_review->date)},
                       {"type", words(k_review_type, m_last_review->type)}};
      out["working"] = text_list(m_last_review->working);
      out["not_working"] = text_list(m_last_review->not_working);
      out["changes"] = text_list(m_last_review->changes);
    } else {
      out["review"] = false;
      out["working"] = json::array();
      out["not_working"] = json::array();
      out["changes"] = json::array();
    }
    json quotes = json::array();
    for (const records::Conversation& c : m_record.conversations) {
      if (!in_period(c.date, m_period_start, m_options.as_of)) {
        continue;
      }
      for (const std::string_view quote : c.quotes) {
        quotes.push_back({{"text", quote}, {"date", m_redact.date(c.date)}, {"conversation", c.id}});
      }
    }
    out["quotes"] = std::move(quotes);
    return out;
  }

  json measures() const {
    std::vector<const records::Measure*> sorted;
    for (const records::Measure& m : m_record.measures) {
      sorted.push_back(&m);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const records::Measure* a, const records::Measure* b) {
      return a->date && (!b->date || *a->date < *b->date);
    });
    json ons4 = json::array();
    json other = json::array();
    json swemwbs = json::array();
    std::vector<Ons4Point> points;
    auto answer = [](int value) { return value < 0 ? std::string("?") : std::to_string(value); };
    for (const records::Measure* m : sorted) {
      if (m->ons4) {
        ons4.push_back({{"id", m->id},
                        {"date", m_redact.date(m->date)},
                        {"life_satisfaction", answer(m->ons4->life_satisfaction)},
                        {"worthwhile", answer(m->ons4->worthwhile)},
                        {"happy_yesterday", answer(m->ons4->happy_yesterday)},
                        {"anxious_yesterday", answer(m->ons4->anxious_yesterday)},
                        {"by", m->by},
                        {"note", m->note}});
        if (m->date) {
          points.push_back({*m->date, *m->ons4});
        }
      } else if (const std::optional<int> raw = m->instrument == "SWEMWBS" && m->score
                                                    ? records::swemwbs_raw(*m->score)
                                                    : std::nullopt) {
        swemwbs.push_back({{"id", m->id},
                           {"date", m_redact.date(m->date)},
                           {"raw", std::to_string(*raw)},
                           {"metric", fmt::format("{:.2f}", *records::swemwbs_metric(*raw))},
                           {"licence", m->licence},
                           {"by", m->by},
                           {"note", m->note}});
      } else {
        other.push_back({{"id", m->id},
                         {"date", m_redact.date(m->date)},
                         {"instrument", m->instrument},
                         {"score", m->score ? fmt::format("{}", *m->score) : std::string()},
                         {"licence", m->licence},
                         {"by", m->by},
                         {"note", m->note}});
      }
    }
    // Every question's change comes from the one mechanism the summary uses too (records::measure_trends).
    const records::MeasureTrends measured = records::measure_trends(m_record);
    json trends = json::array();
    for (const records::QuestionTrend& trend : measured.questions) {
      if (trend.points.size() < 2) {
        continue;
      }
      const records::MeasureQuestion& q = *trend.question;
      auto words = [&](const std::optional<records::MeasureChange>& change) {
        return change ? records::change_words(q, *change) : std::string("-");
      };
      auto from = [&](const std::optional<records::MeasureChange>& change) {
        return change ? m_redact.date(change->from.date) : std::string();
      };
      trends.push_back({{"question", q.label},
                        {"instrument", q.instrument},
                        {"latest", records::value_words(q, trend.points.back().value)},
                        {"latest_date", m_redact.date(trend.points.back().date)},
                        {"since_previous", words(trend.since_previous)},
                        {"previous_date", from(trend.since_previous)},
                        {"since_review", records::since_review_words(measured, trend)},
                        {"review_from_date", from(trend.since_review)},
                        {"since_first", words(trend.since_first)},
                        {"first_date", from(trend.since_first)}});
    }
    json out;
    out["ons4"] = std::move(ons4);
    out["trends"] = std::move(trends);
    out["last_review"] = measured.last_review ? m_redact.date(measured.last_review) : std::string();
    out["swemwbs"] = std::move(swemwbs);
    out["ons4_chart"] = points.empty() ? json(false) : ons4_chart(points, m_redact);
    out["other"] = std::move(other);
    out["none"] = m_record.measures.empty();
    return out;
  }

  json safeguarding() const {
    json flags = json::array();
    std::size_t open = 0;
    for (const records::SafeguardingFlag& s : m_record.safeguarding) {
      open += s.status == "open";
      // Flags only: the narrative (wishes, action, reasons) stays in the record and the safeguarding system.
      const std::string referral = !s.referral_reference.empty()   ? fmt::format("Referred: {}", s.referral_reference)
                                   : !s.no_referral_reason.empty() ? std::string("No referral (reason recorded)")
                                                                   : std::string("No referral recorded");
      flags.push_back({{"id", s.id},
                       {"date", m_redact.date(s.date)},
                       {"type", words(k_abuse_type, s.type)},
                       {"status", words(k_flag_status, s.status)},
                       {"status_token", token(k_flag_status, s.status)},
                       {"closed_on", m_redact.date(s.closed_on)},
                       {"referral", referral}});
    }
    const bool withheld = !m_redact.keeps(&records::Redaction::safeguarding);
    const std::size_t count = m_record.safeguarding.size();
    return {{"flags", withheld ? json::array() : std::move(flags)},
            {"withheld", withheld && count > 0},
            {"count", std::to_string(count)},
            {"open", std::to_string(open)},
            {"text", count == 0
                         ? std::string("No safeguarding flags")
                         : fmt::format("{}, {} open", plural(count, "safeguarding flag", "safeguarding flags"), open)},
            {"none", count == 0}};
  }

  json reviews() const {
    json history = json::array();
    std::vector<const records::Review*> sorted;
    for (const records::Review& r : m_record.reviews) {
      sorted.push_back(&r);
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const records::Review* a, const records::Review* b) {
      return a->date && (!b->date || *a->date < *b->date);
    });
    for (const records::Review* r : sorted) {
      json request = false;
      if (!r->review_request.empty()) {
        request = r->review_request;
      }
      history.push_back({{"id", r->id},
                         {"date", m_redact.date(r->date)},
                         {"type", words(k_review_type, r->type)},
                         {"attendees", join(r->attendees)},
                         {"changes", text_list(r->changes)},
                         {"changes_text", join(r->changes, " ")},
                         {"next_review_due", m_redact.date(r->next_review_due)},
                         {"review_request", std::move(request)}});
    }
    return {{"history", std::move(history)}, {"next", next_review()}};
  }

  json next_review() const {
    const records::Config& config = m_options.config;
    std::optional<Date> due;
    std::string basis;
    if (m_last_review && m_last_review->next_review_due) {
      due = m_last_review->next_review_due;
      basis = fmt::format("Set at the review on {}.", m_redact.date(m_last_review->date));
    } else if (m_last_review && m_last_review->date) {
      due = util::add_months(*m_last_review->date, config.review_interval_months);
      basis = fmt::format("{} after the review on {} (no date was set at the review).",
                          plural(static_cast<std::size_t>(config.review_interval_months), "month", "months"),
                          m_redact.date(m_last_review->date));
    } else if (m_record.person.support_started) {
      const Date start = *m_record.person.support_started;
      due = util::add_days(start, 7 * config.first_review_max_weeks);
      basis = fmt::format("First review, {} to {} weeks after support started on {}: from {}.",
                          config.first_review_min_weeks, config.first_review_max_weeks, m_redact.date(start),
                          m_redact.date(util::add_days(start, 7 * config.first_review_min_weeks)));
    }
    if (!due) {
      return {{"date", ""},
              {"basis", "No review is recorded and support has no start date."},
              {"state", ""},
              {"state_token", "unknown"}};
    }
    const int days = util::days_between(m_options.as_of, *due);
    std::string state;
    std::string state_token;
    if (days < 0) {
      state = fmt::format("overdue by {}", plural(static_cast<std::size_t>(-days), "day", "days"));
      state_token = "overdue";
    } else if (days <= config.due_soon_days) {
      state = days == 0 ? std::string("due today")
                        : fmt::format("due soon: in {}", plural(static_cast<std::size_t>(days), "day", "days"));
      state_token = "due_soon";
    } else {
      state = fmt::format("in {}", plural(static_cast<std::size_t>(days), "day", "days"));
      state_token = "scheduled";
    }
    return {{"date", m_redact.date(due)}, {"basis", basis}, {"state", state}, {"state_token", state_token}};
  }

  json changes_since() const {
    if (!m_options.since) {
      return false;
    }
    const ChangesSince& since = *m_options.since;
    json changes = json::array();
    for (const Change& c : since.changes) {
      // The label quotes the record's values, so a redacted report names only what changed, by its path.
      changes.push_back({{"kind", c.kind == "added"     ? "Added"
                                  : c.kind == "removed" ? "Removed"
                                                        : "Changed"},
                         {"kind_token", c.kind == "added" || c.kind == "removed" ? c.kind : std::string("changed")},
                         {"section", c.section},
                         {"path", c.path},
                         {"what", m_redact.enabled() ? c.path : c.label}});
    }
    return {{"revision", since.revision},
            {"commit", since.commit.substr(0, 12)},
            {"commit_date", since.commit_date},
            {"none", changes.empty()},
            {"changes", std::move(changes)}};
  }

  json sharing() const {
    json entries = json::array();
    for (const records::SharingEntry& s : m_record.sharing) {
      std::string consent;
      if (s.consent_recorded) {
        consent = *s.consent_recorded ? "Consent recorded" : "Consent not recorded";
      }
      entries.push_back({{"id", s.id},
                         {"date", m_redact.date(s.date)},
                         {"with", s.with},
                         {"what", s.what},
                         {"basis", words(k_basis, s.basis)},
                         {"by", s.by},
                         {"consent", consent}});
    }
    const bool withheld = !m_redact.keeps(&records::Redaction::sharing);
    const std::size_t count = m_record.sharing.size();
    return {{"entries", withheld ? json::array() : std::move(entries)},
            {"withheld", withheld && count > 0},
            {"count", std::to_string(count)},
            {"none", count == 0}};
  }

  static json sign_off() {
    json rows = json::array();
    for (std::string_view role : {"The person, or their representative", "Reviewer", "Manager"}) {
      rows.push_back({{"role", role}});
    }
    return {{"rows", std::move(rows)}};
  }

  json provenance() const {
    const Provenance& p = m_options.provenance;
    return {{"file", p.file},
            {"in_repository", p.in_repository},
            {"repository_path", p.repository_path},
            {"commit", p.commit},
            {"commit_short", p.commit.substr(0, 12)},
            {"commit_date", p.commit_date},
            {"committed", p.committed},
            {"never_committed", p.in_repository && !p.committed && p.error.empty()},
            {"uncommitted_changes", p.uncommitted_changes},
            {"shallow", p.shallow},
            {"error", p.error}};
  }

  json checks() const {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t infos = 0;
    json findings = json::array();
    for (const Diagnostic& d : m_findings) {
      errors += d.severity == Severity::error;
      warnings += d.severity == Severity::warning;
      infos += d.severity == Severity::info;
      // A finding's message can quote the record, so a redacted report keeps only where and which rule.
      findings.push_back({{"severity", to_string(d.severity)},
                          {"severity_token", to_string(d.severity)},
                          {"rule", d.rule},
                          {"message", m_redact.enabled() ? std::string(records::k_withheld) : d.message},
                          {"line", d.location.line > 0 ? std::to_string(d.location.line) : std::string()},
                          {"column", d.location.column > 0 ? std::to_string(d.location.column) : std::string()},
                          {"pointer", d.pointer}});
    }
    std::string result;
    if (errors > 0) {
      result = fmt::format("Not valid: {}", join({plural(errors, "error", "errors"),
                                                  warnings ? plural(warnings, "warning", "warnings") : std::string()}));
    } else if (warnings > 0) {
      result = fmt::format("Valid, with {}", plural(warnings, "warning", "warnings"));
    } else {
      result = "Valid";
    }
    if (infos > 0) {
      result += fmt::format(" ({})", plural(infos, "note", "notes"));
    }
    // What the provider changed in the checks is said with the verdict, so that nothing is silenced quietly.
    // A rule's reason is the provider's own policy; a suppression's reason is free text in the record.
    const std::vector<rules::RuleChange> changes = rules::rule_changes(m_options.config);
    std::vector<rules::SuppressionInForce> suppressions = rules::suppressions_in_force(m_record);
    json changed = json::array();
    for (const rules::RuleChange& change : changes) {
      changed.push_back({{"rule", change.id}, {"text", change.text()}});
    }
    json suppressed = json::array();
    for (rules::SuppressionInForce& s : suppressions) {
      if (m_redact.enabled()) {
        s.reason = std::string(records::k_withheld);
      }
      suppressed.push_back({{"rule", s.rule}, {"text", s.text()}});
    }
    if (const std::string sentence = rules::changes_sentence(changes, suppressions); !sentence.empty()) {
      result += result == "Valid" ? ", with " + sentence : "; " + sentence;
    }
    return {{"valid", errors == 0},
            {"result", result},
            {"rules_changed", std::move(changed)},
            {"suppressions", std::move(suppressed)},
            {"errors", std::to_string(errors)},
            {"warnings", std::to_string(warnings)},
            {"infos", std::to_string(infos)},
            {"as_of", m_redact.date(m_options.as_of)},
            {"findings", std::move(findings)}};
  }

  const Record& m_record;
  const Diagnostics& m_findings;
  const ReportOptions& m_options;
  Format m_format;
  RedactedText m_redact;
  const records::Review* m_last_review = nullptr;
  std::optional<Date> m_period_start;
};

// Mustache cannot test whether a list is empty before looping over it (for a table header, say), so every
// list `x` gets a companion `has_x`.
void add_has_keys(json& node) {
  if (node.is_array()) {
    for (json& item : node) {
      add_has_keys(item);
    }
    return;
  }
  if (!node.is_object()) {
    return;
  }
  std::vector<std::pair<std::string, bool>> flags;
  for (auto& [key, value] : node.items()) {
    add_has_keys(value);
    if (value.is_array()) {
      flags.emplace_back("has_" + key, !value.empty());
    }
  }
  for (const auto& [key, flag] : flags) {
    node[key] = flag;
  }
}

}  // namespace

std::string long_date(Date date) {
  return fmt::format("{} {} {}", static_cast<unsigned>(date.day()), k_months[static_cast<unsigned>(date.month()) - 1],
                     static_cast<int>(date.year()));
}

json build_report_data(const document::Node& record, const Diagnostics& findings, const ReportOptions& options,
                       Format format) {
  const records::Redaction redaction =
      options.redact ? records::Redaction::keeping(options.config.redaction_keep) : records::Redaction{};
  // The redacted tree lives as long as the view of it, which reads its text in place.
  const document::Node redacted = redaction.apply(record, records::Withheld::marked);
  const Record view = records::read_record(redacted);
  json data = Builder(view, redaction, findings, options, format).build();
  add_has_keys(data);
  return data;
}

}  // namespace wellbeing::report
