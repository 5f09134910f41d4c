#include "wellbeing/report/provider.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include "labels.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/measures.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/records/redaction.hpp"
#include "wellbeing/report/report.hpp"
#include "wellbeing/rules/changes.hpp"

namespace wellbeing::report {

using json = nlohmann::ordered_json;
using util::Date;
using namespace labels;

namespace {

// ---- Reading the records again -------------------------------------------------------------------------

// One counted person: their summary, and their record read twice over the same parsed text: as written (for
// facts only: whether a reference or a mitigation is recorded) and redacted (for anything shown).
struct PersonData {
  const summary::PersonSummary* summary = nullptr;
  // Both held on the heap, so that the views (which point into them) stay valid as PersonData moves.
  std::shared_ptr<const document::Document> document;
  std::shared_ptr<const document::Node> redacted_root;
  std::optional<records::Record> facts, shown;
};

std::vector<PersonData> read_people(const summary::FolderSummary& folder, const records::Redaction& redaction) {
  std::vector<PersonData> out;
  out.reserve(folder.people.size());
  for (const summary::PersonSummary& person : folder.people) {
    PersonData data;
    data.summary = &person;
    auto parsed = document::parse_file(person.file, person.file);
    if (parsed) {
      data.document = std::make_shared<const document::Document>(std::move(parsed).value());
      data.redacted_root =
          std::make_shared<const document::Node>(redaction.apply(data.document->root, records::Withheld::emptied));
      data.facts = records::read_record(data.document->root);
      data.shown = records::read_record(*data.redacted_root);
    }
    out.push_back(std::move(data));
  }
  return out;
}

// ---- Words ---------------------------------------------------------------------------------------------

std::string area_title(std::string_view id) {
  const records::AreaInfo* info = records::find_area(id);
  return std::string(info ? info->title : id);
}

std::string percent(std::size_t part, std::size_t whole) {
  if (whole == 0) {
    return "0%";
  }
  return fmt::format("{}%",
                     static_cast<long>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole))));
}

class Words {
 public:
  Words(const summary::Redaction& redaction, std::string link)
      : m_redaction(redaction), m_text(redaction), m_link(std::move(link)) {}

  std::string date(const std::optional<Date>& value) const { return m_text.date(value); }
  std::string on(const std::optional<Date>& value) const { return m_text.on(value); }
  std::string iso(Date value) const { return m_text.iso(value); }
  bool redacted() const { return m_redaction.on; }
  const summary::Redaction& redaction() const { return m_redaction; }

  // A person as every figure names them: id, name unless redacted, and the link to their page.
  json person(const std::string& id, const std::string& known_as) const {
    const std::string name = known_as == id ? std::string() : known_as;
    std::string href;
    if (!m_link.empty()) {
      href = m_link;
      for (std::size_t at = href.find("{id}"); at != std::string::npos; at = href.find("{id}", at + id.size())) {
        href.replace(at, 4, id);
      }
    }
    return {
        {"id", id}, {"name", name}, {"label", name.empty() ? id : fmt::format("{} ({})", id, name)}, {"href", href}};
  }
  json person(const summary::PersonSummary& p) const { return person(p.id, p.known_as); }
  json person(const summary::PersonRef& p) const { return person(p.id, p.known_as); }

 private:
  summary::Redaction m_redaction;
  RedactedText m_text;
  std::string m_link;
};

// A list of people (each once, in the order met) with its text, for a figure.
class People {
 public:
  void add(const json& person, std::string detail = {}) {
    const std::string id = person["id"].get<std::string>();
    auto it = m_index.find(id);
    if (it == m_index.end()) {
      m_index.emplace(id, m_items.size());
      json item = person;
      item["details"] = json::array();
      m_items.push_back(std::move(item));
      it = m_index.find(id);
    }
    if (!detail.empty()) {
      m_items[it->second]["details"].push_back(std::move(detail));
    }
  }
  std::size_t size() const { return m_items.size(); }
  // {"people": [...], "has_people", "people_text": "p-0001 (Maureen): o-1, o-2; p-0002"}
  void put(json& into) const {
    json list = json::array();
    std::vector<std::string> texts;
    for (json item : m_items) {
      std::vector<std::string> details;
      for (const json& d : item["details"]) {
        details.push_back(d.get<std::string>());
      }
      item["details_text"] = join(details);
      texts.push_back(details.empty() ? item["label"].get<std::string>()
                                      : fmt::format("{}: {}", item["label"].get<std::string>(), join(details)));
      item.erase("details");
      list.push_back(std::move(item));
    }
    into["has_people"] = !list.empty();
    into["people"] = std::move(list);
    into["people_text"] = join(texts, "; ");
  }

 private:
  std::vector<json> m_items;
  std::map<std::string, std::size_t> m_index;
};

json figure(std::string label, std::size_t count, const People& people) {
  json out{{"label", std::move(label)}, {"count", count}};
  people.put(out);
  return out;
}

// The redacted view's item `i`, which stands where the item `i` of the record stands (redaction keeps every
// list item, emptying what it withholds); an empty item should it ever not be there.
template <typename T>
const T& shown_item(const std::vector<T>& shown, std::size_t i) {
  static const T k_empty{};
  return i < shown.size() ? shown[i] : k_empty;
}

// ---- 1. How wellbeing is understood ----------------------------------------------------------------------

// The ways a view can be established when the person cannot take part, in the order the guidance gives.
constexpr std::array<Label, 5> k_ways{{
    {"conversation", "Conversation with the person"},
    {"representative", "A representative (carer, family member or advocate)"},
    {"consultation", "Consultation with people who know them"},
    {"observation", "Observation: time spent with them"},
    {"evidence", "Other evidence (earlier views, ABC charts, advocate's reports)"},
}};

bool cannot_take_part(const records::Person& person) {
  return person.can_take_part == "not_at_present" || person.voice == "represented" || person.voice == "observation" ||
         person.voice == "earlier_views";
}

// The ways (k_ways tokens) that a conversation or evidence entry named in `from` stands for.
std::string way_of(const records::Record& record, std::string_view id) {
  if (const auto* c = records::find_by_id(record.conversations, id)) {
    return c->approach == "observation"    ? "observation"
           : c->approach == "consultation" ? "consultation"
                                           : "conversation";
  }
  if (const auto* e = records::find_by_id(record.evidence, id)) {
    return e->kind == "observation" ? "observation" : e->kind == "consultation" ? "consultation" : "evidence";
  }
  return {};
}

json understood_section(const std::vector<PersonData>& people, const Words& say) {
  json section;
  json rows = json::array();
  std::size_t explored_total = 0, areas_total = 0;
  std::array<People, k_ways.size()> ways;
  People cannot;
  const std::array<Label, 5> importance_by{{
      {"person", "The person"},
      {"representative", "A representative"},
      {"judgement", "A judgement from consultation and evidence"},
      {"not_said", "Not said"},
      {"none", "Not recorded"},
  }};
  std::map<std::string, std::map<std::string, std::size_t>> importance_counts;  // by -> person id -> areas
  for (const PersonData& p : people) {
    const json ref = say.person(*p.summary);
    std::vector<std::string> explored, unexplored;
    for (const summary::AreaSummary& area : p.summary->areas) {
      (area.status == "explored" ? explored : unexplored).push_back(std::string(area.info->title));
    }
    explored_total += explored.size();
    areas_total += p.summary->areas.size();
    json row{{"person", ref},
             {"explored", explored.size()},
             {"areas", p.summary->areas.size()},
             {"explored_areas", join(explored)},
             {"not_yet_explored", join(unexplored)},
             {"voice", words(k_voice, p.summary->voice.voice)},
             {"voice_token", token(k_voice, p.summary->voice.voice)}};
    rows.push_back(std::move(row));
    if (!p.facts) {
      continue;
    }
    const records::Record& record = *p.facts;
    for (const records::Area& area : record.areas) {
      if (area.status != "explored") {
        continue;
      }
      std::string by = "none";
      if (area.importance) {
        by = area.importance->level == "not_said" ? "not_said"
             : area.importance->said_by.empty()   ? "none"
                                                  : std::string(area.importance->said_by);
      }
      ++importance_counts[by][p.summary->id];
    }
    if (!cannot_take_part(record.person)) {
      continue;
    }
    std::map<std::string, std::size_t> used;  // way token -> views and importances resting on it
    for (const records::Area& area : record.areas) {
      for (const records::View& view : area.views) {
        if (view.by == "representative") {
          ++used["representative"];
        }
        for (std::string_view id : view.from) {
          if (const std::string way = way_of(record, id); !way.empty()) {
            ++used[way];
          }
        }
      }
      if (area.importance) {
        if (area.importance->said_by == "representative") {
          ++used["representative"];
        }
        for (std::string_view id : area.importance->from) {
          if (const std::string way = way_of(record, id); !way.empty()) {
            ++used[way];
          }
        }
      }
    }
    bool any = false;
    for (std::size_t i = 0; i < k_ways.size(); ++i) {
      const auto it = used.find(std::string(k_ways[i].value));
      if (it != used.end()) {
        ways[i].add(ref, plural(it->second, "view or importance", "views and importances"));
        any = true;
      }
    }
    cannot.add(ref,
               any ? std::string(words(k_voice, record.person.voice)) : std::string("no view says where it came from"));
  }
  section["people"] = std::move(rows);
  section["has_people"] = !section["people"].empty();
  section["explored"] = explored_total;
  section["areas"] = areas_total;
  section["text"] = fmt::format("{} of {} person-areas explored, across {}", explored_total, areas_total,
                                plural(people.size(), "person", "people"));
  json cannot_json = figure("People who cannot take part in the conversation at present", cannot.size(), cannot);
  section["cannot_take_part"] = std::move(cannot_json);
  json ways_json = json::array();
  for (std::size_t i = 0; i < k_ways.size(); ++i) {
    json w = figure(std::string(k_ways[i].words), ways[i].size(), ways[i]);
    w["token"] = std::string(k_ways[i].value);
    ways_json.push_back(std::move(w));
  }
  section["ways"] = std::move(ways_json);
  json importance = json::array();
  for (const Label& label : importance_by) {
    const auto it = importance_counts.find(std::string(label.value));
    People list;
    std::size_t areas = 0;
    if (it != importance_counts.end()) {
      for (const PersonData& p : people) {
        const auto found = it->second.find(p.summary->id);
        if (found != it->second.end()) {
          list.add(say.person(*p.summary), plural(found->second, "area", "areas"));
          areas += found->second;
        }
      }
    }
    json row = figure(std::string(label.words), areas, list);
    row["token"] = std::string(label.value);
    importance.push_back(std::move(row));
  }
  section["importance"] = std::move(importance);
  return section;
}

// ---- 2. Outcomes --------------------------------------------------------------------------------------

json outcomes_section(const summary::FolderSummary& folder, const std::vector<PersonData>& people, const Words& say) {
  json section;
  json by_area = json::array();
  for (const records::AreaInfo& info : records::k_areas) {
    std::array<std::size_t, k_outcome_kind.size()> kinds{};
    People list;
    std::size_t total = 0;
    for (const PersonData& p : people) {
      for (const summary::OutcomeSummary& o : p.summary->outcomes) {
        if (std::find(o.areas.begin(), o.areas.end(), info.id) == o.areas.end()) {
          continue;
        }
        ++total;
        for (std::size_t k = 0; k < k_outcome_kind.size(); ++k) {
          kinds[k] += k_outcome_kind[k].value == o.kind ? 1 : 0;
        }
        list.add(say.person(*p.summary), o.id);
      }
    }
    json row = figure(std::string(info.title), total, list);
    row["achieve"] = kinds[0];
    row["change"] = kinds[1];
    row["keep"] = kinds[2];
    by_area.push_back(std::move(row));
  }
  section["by_area"] = std::move(by_area);

  json by_kind = json::array();
  for (const Label& kind : k_outcome_kind) {
    People list;
    std::size_t count = 0;
    for (const PersonData& p : people) {
      for (const summary::OutcomeSummary& o : p.summary->outcomes) {
        if (o.kind == kind.value) {
          ++count;
          list.add(say.person(*p.summary), o.id);
        }
      }
    }
    json row = figure(std::string(kind.words), count, list);
    row["token"] = std::string(kind.value);
    by_kind.push_back(std::move(row));
  }
  section["by_kind"] = std::move(by_kind);

  People opened;
  std::size_t opened_count = 0;
  for (const PersonData& p : people) {
    for (const summary::OutcomeSummary& o : p.summary->outcomes) {
      if (o.opened && folder.period.contains(*o.opened)) {
        ++opened_count;
        opened.add(say.person(*p.summary), o.id);
      }
    }
  }
  section["opened"] = figure("Opened in the period", opened_count, opened);
  People met;
  for (const summary::MetOutcome& m : folder.met_in_period) {
    met.add(say.person(m.person), fmt::format("{} ({})", m.outcome_id, say.date(m.met_on)));
  }
  section["met"] = figure("Met in the period", folder.met_in_period.size(), met);

  // Not met, or beyond what the service can do: and what followed.
  json not_met = json::array();
  for (const PersonData& p : people) {
    if (!p.facts || !p.shown) {
      continue;
    }
    for (std::size_t i = 0; i < p.facts->outcomes.size(); ++i) {
      const records::Outcome& o = p.facts->outcomes[i];
      const bool still_open = o.status == "open" || o.status == "in_progress";
      if (o.status != "not_met" && !(still_open && !o.service_can_meet)) {
        continue;
      }
      const records::Outcome& shown = shown_item(p.shown->outcomes, i);
      std::vector<std::string> followed;
      if (o.has_referral) {
        std::string to = shown.referral_to.empty() ? std::string() : fmt::format(" to {}", shown.referral_to);
        std::string when = o.referral_date ? " " + say.on(o.referral_date) : std::string();
        std::string ref =
            shown.referral_reference.empty() ? std::string() : fmt::format(" (reference {})", shown.referral_reference);
        followed.push_back(fmt::format("Help elsewhere: referred{}{}{}", to, when, ref));
      }
      if (!o.review_request.empty()) {
        const records::ReviewRequest* request = records::find_by_id(p.facts->review_requests, o.review_request);
        followed.push_back(fmt::format(
            "Review requested: {}{}", o.review_request,
            request ? fmt::format(" ({}, {})", words(k_request_status, request->status), say.date(request->date))
                    : std::string()));
      }
      not_met.push_back({{"person", say.person(*p.summary)},
                         {"outcome", std::string(o.id)},
                         {"status", words(k_outcome_status, o.status)},
                         {"status_token", token(k_outcome_status, o.status)},
                         {"service_can_meet", o.service_can_meet},
                         {"areas",
                          [&] {
                            std::vector<std::string> titles;
                            for (std::string_view a : o.areas) titles.push_back(area_title(a));
                            return join(titles);
                          }()},
                         {"followed", followed.empty() ? std::string("Nothing recorded: no help elsewhere and no "
                                                                     "review request")
                                                       : join(followed, "; ")},
                         {"nothing_followed", followed.empty()}});
    }
  }
  section["has_not_met"] = !not_met.empty();
  section["not_met"] = std::move(not_met);
  section["total"] = folder.outcomes;
  section["total_text"] = fmt::format("{} in all", plural(folder.outcomes, "outcome", "outcomes"));
  return section;
}

// ---- 3. Strengths first -------------------------------------------------------------------------------

json strengths_section(const summary::FolderSummary& folder, const Words& say) {
  json section;
  json actors = json::array();
  for (std::size_t a = 0; a < summary::k_actors.size(); ++a) {
    People list;
    for (const summary::MetOutcome& m : folder.met_in_period) {
      if (std::find(m.actors.begin(), m.actors.end(), summary::k_actors[a]) != m.actors.end()) {
        list.add(say.person(m.person), m.outcome_id);
      }
    }
    json row = figure(words(k_actor, summary::k_actors[a]), folder.who_acted[a], list);
    row["token"] = std::string(summary::k_actors[a]);
    actors.push_back(std::move(row));
  }
  section["actors"] = std::move(actors);
  section["met"] = folder.met_in_period.size();
  section["met_text"] = plural(folder.met_in_period.size(), "outcome met", "outcomes met");
  return section;
}

// ---- 4. Reviews ---------------------------------------------------------------------------------------

json reviews_section(const summary::FolderSummary& folder, const Words& say) {
  json section;
  People on_time, soon, overdue, unknown;
  for (const summary::PersonSummary& p : folder.people) {
    const summary::ReviewDue& r = p.review;
    const std::string next = r.next_due ? fmt::format("next due {}", say.date(r.next_due)) : std::string();
    switch (r.status) {
      case summary::ReviewDue::Status::ok:
        on_time.add(say.person(p), next);
        break;
      case summary::ReviewDue::Status::due_soon:
        soon.add(say.person(p), next);
        break;
      case summary::ReviewDue::Status::overdue:
        break;  // listed below, most overdue first
      case summary::ReviewDue::Status::unknown:
        unknown.add(say.person(p), "no review and no support start date");
        break;
    }
  }
  for (const summary::ReviewEntry& e : folder.reviews_overdue) {
    overdue.add(say.person(e.person),
                fmt::format("overdue by {} (due {})", plural(static_cast<std::size_t>(-e.review.days), "day", "days"),
                            say.date(e.review.next_due)));
  }
  section["on_time"] = figure("Reviews on time", on_time.size(), on_time);
  section["due_soon"] = figure("Reviews due soon", soon.size(), soon);
  section["overdue"] = figure("Reviews overdue", overdue.size(), overdue);
  section["unknown"] = figure("No date to go by", unknown.size(), unknown);
  People pending;
  for (const summary::PendingEntry& e : folder.pending_requests) {
    pending.add(say.person(e.person),
                fmt::format("{} since {}, waiting {}", e.request.id, say.date(e.request.date),
                            plural(static_cast<std::size_t>(std::max(0, e.request.days_waiting)), "day", "days")));
  }
  section["requests"] = figure("Review requests outstanding", folder.pending_requests.size(), pending);
  return section;
}

// ---- 5. Wellbeing measures ----------------------------------------------------------------------------

// The share of people better, about the same and worse per question, as bars of equal length (100%), in
// the geometry measures-chart.svg.mustache draws. Questions nobody answered twice show "not measured".
json measures_chart(const json& questions) {
  constexpr double label_right = 292, bar_left = 300, full = 300, row = 26, top = 10, bar = 16;
  constexpr std::array<Label, 3> k_moves{{{"better", "Better"}, {"same", "About the same"}, {"worse", "Worse"}}};
  json rows = json::array();
  double right_edge = 0;
  std::size_t i = 0;
  for (const json& q : questions) {
    const double y = top + row * static_cast<double>(i++);
    const double measured = q["measured"].get<double>();
    json segments = json::array();
    std::vector<std::string> counts;
    double x = bar_left;
    for (const Label& move : k_moves) {
      const json& part = q[std::string(move.value)];
      const double count = part["count"].get<double>();
      if (count == 0) {
        continue;
      }
      const double width = full * count / measured;
      segments.push_back({{"x", number(x)},
                          {"y", number(y)},
                          {"width", number(std::max(width - 2, 1.0))},
                          {"height", number(bar)},
                          {"move", std::string(move.words)},
                          {"move_token", std::string(move.value)},
                          {"share", part["share"]},
                          {"count", part["count"]}});
      counts.push_back(fmt::format("{} {}", part["share"].get<std::string>(),
                                   move.value == "same" ? std::string("same") : std::string(move.value)));
      x += width;
    }
    const std::string words = counts.empty() ? std::string("not measured twice") : join(counts);
    const double counts_x = bar_left + full + 8;
    right_edge = std::max(right_edge, counts_x + 7.0 * static_cast<double>(words.size()) + 8);
    rows.push_back({{"question", q["question"]},
                    {"label_x", number(label_right)},
                    {"text_y", number(y + bar - 4)},
                    {"segments", std::move(segments)},
                    {"counts", words},
                    {"counts_x", number(counts_x)},
                    {"none", counts.empty()}});
  }
  const double legend_y = top + row * static_cast<double>(i) + 16;
  json legend = json::array();
  double lx = 8;
  for (const Label& move : k_moves) {
    legend.push_back({{"move", std::string(move.words)},
                      {"move_token", std::string(move.value)},
                      {"x", number(lx)},
                      {"y", number(legend_y)},
                      {"text_x", number(lx + 18)},
                      {"text_y", number(legend_y + 11)}});
    lx += 18 + 8 + 7.0 * static_cast<double>(move.words.size()) + 16;
  }
  return {{"width", number(std::max(lx, right_edge))},
          {"height", number(legend_y + 24)},
          {"rows", std::move(rows)},
          {"legend", std::move(legend)}};
}

json measures_section(const summary::FolderSummary& folder, const Words& say) {
  json section;
  json questions = json::array();
  for (std::size_t q = 0; q < records::k_measure_questions.size(); ++q) {
    const records::MeasureQuestion& question = records::k_measure_questions[q];
    std::array<People, 3> moved;  // better, same, worse
    std::size_t measured = 0;
    for (const summary::PersonSummary& p : folder.people) {
      const records::QuestionTrend& trend = p.measures.questions[q];
      if (!trend.since_first) {
        continue;
      }
      ++measured;
      const std::size_t index = static_cast<std::size_t>(trend.since_first->direction);
      moved[index].add(say.person(p), records::change_words(question, *trend.since_first));
    }
    json row{{"key", std::string(question.key)},
             {"question", std::string(question.label)},
             {"instrument", std::string(question.instrument)},
             {"measured", measured}};
    const std::array<std::string_view, 3> names{"better", "same", "worse"};
    for (std::size_t d = 0; d < 3; ++d) {
      json part = figure(std::string(records::to_words(static_cast<records::Direction>(d))), moved[d].size(), moved[d]);
      part["share"] = percent(moved[d].size(), measured);
      row[std::string(names[d])] = std::move(part);
    }
    questions.push_back(std::move(row));
  }
  const bool any = std::any_of(questions.begin(), questions.end(), [](const json& q) { return q["measured"] != 0; });
  section["chart"] = any ? measures_chart(questions) : json(false);
  section["questions"] = std::move(questions);
  section["people_measured"] = folder.people_measured;
  section["text"] = fmt::format("{} a dated wellbeing measure",
                                folder.people_measured == 1 ? std::string("1 person has")
                                                            : fmt::format("{} people have", folder.people_measured));
  section["none"] = folder.people_measured == 0;
  return section;
}

// ---- 6. Safeguarding and risk to others ---------------------------------------------------------------

json safeguarding_section(const std::vector<PersonData>& people, const Words& say) {
  json section;
  const bool types = say.redaction().shows(say.redaction().safeguarding);
  json flags = json::array();
  std::size_t open = 0, closed = 0, accounted = 0;
  People open_people;
  for (const PersonData& p : people) {
    if (!p.facts || !p.shown) {
      continue;
    }
    for (std::size_t i = 0; i < p.facts->safeguarding.size(); ++i) {
      const records::SafeguardingFlag& f = p.facts->safeguarding[i];
      const records::SafeguardingFlag& shown = shown_item(p.shown->safeguarding, i);
      const bool is_open = f.status == "open";
      (is_open ? open : closed) += 1;
      if (is_open) {
        open_people.add(say.person(*p.summary), std::string(f.id));
      }
      std::string referral;
      const bool has_reference = !f.referral_reference.empty();
      const bool has_reason = !f.no_referral_reason.empty();
      if (has_reference) {
        referral = shown.referral_reference.empty() ? std::string("Referred (reference recorded)")
                                                    : fmt::format("Referred: {}", shown.referral_reference);
      } else if (has_reason) {
        referral = "No referral (reason recorded)";
      } else {
        referral = "No referral reference and no reason recorded";
      }
      accounted += has_reference || has_reason ? 1 : 0;
      flags.push_back({{"person", say.person(*p.summary)},
                       {"id", std::string(f.id)},
                       {"date", say.date(f.date)},
                       {"type", types ? words(k_abuse_type, f.type) : std::string()},
                       {"status", words(k_flag_status, f.status)},
                       {"status_token", token(k_flag_status, f.status)},
                       {"referral", referral},
                       {"accounted", has_reference || has_reason}});
    }
  }
  const std::size_t total = flags.size();
  section["count"] = total;
  section["open"] = figure("Open safeguarding flags", open, open_people);
  section["closed"] = closed;
  section["has_flags"] = total > 0;
  section["flags"] = std::move(flags);
  section["accounted"] = accounted;
  section["all_accounted"] = accounted == total;
  section["text"] = total == 0
                        ? std::string("No safeguarding flags.")
                        : fmt::format("{}, {} open; {} of {} with a referral reference or the reason there is none.",
                                      plural(total, "safeguarding flag", "safeguarding flags"), open, accounted, total);
  json risks = json::array();
  std::size_t mitigated = 0;
  for (const PersonData& p : people) {
    if (!p.facts) {
      continue;
    }
    for (const records::Outcome& o : p.facts->outcomes) {
      if (!o.has_risk_to_others) {
        continue;
      }
      const bool has_mitigation = !o.risk_mitigation.empty();
      const bool agreed = o.risk_agreed_on.has_value() && !o.risk_agreed_by.empty();
      mitigated += has_mitigation ? 1 : 0;
      risks.push_back({{"person", say.person(*p.summary)},
                       {"outcome", std::string(o.id)},
                       {"who_at_risk", words(k_at_risk, o.risk_who)},
                       {"mitigated", has_mitigation},
                       {"state", has_mitigation ? (agreed ? fmt::format("Mitigation recorded, agreed {}",
                                                                        say.date(o.risk_agreed_on))
                                                          : std::string("Mitigation recorded, not yet agreed"))
                                                : std::string("No mitigation recorded")}});
    }
  }
  section["risks_text"] =
      risks.empty()
          ? std::string("No outcome puts anyone else at risk.")
          : fmt::format("{}; {} with its mitigation recorded.",
                        plural(risks.size(), "outcome with a risk to others", "outcomes with a risk to others"),
                        mitigated);
  section["has_risks"] = !risks.empty();
  section["risks"] = std::move(risks);
  section["all_mitigated"] = mitigated == section["risks"].size();
  return section;
}

// ---- 7. What works ------------------------------------------------------------------------------------

// A review's "working" entries name no area; they are grouped under the areas of the conversations held on
// the day of the review, else under "Across the person's support".
json working_section(const std::vector<PersonData>& people, const Words& say) {
  std::map<std::string, json> groups;  // area id ("" for none) -> items
  for (const PersonData& p : people) {
    if (!p.facts || !p.shown) {
      continue;
    }
    const records::Review* latest = p.facts->latest_review();
    if (!latest) {
      continue;
    }
    const std::size_t index = static_cast<std::size_t>(latest - p.facts->reviews.data());
    const records::Review& shown = shown_item(p.shown->reviews, index);
    std::set<std::string> areas;
    for (const records::Conversation& c : p.facts->conversations) {
      if (c.date && latest->date && *c.date == *latest->date) {
        for (std::string_view a : c.areas) {
          if (records::find_area(a)) {
            areas.insert(std::string(records::find_area(a)->id));
          }
        }
      }
    }
    if (areas.empty()) {
      areas.insert("");
    }
    // Withheld text (a redacted report) is said once per review, as a count.
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < latest->working.size(); ++i) {
      if (i < shown.working.size() && !shown.working[i].empty()) {
        texts.push_back(std::string(shown.working[i]));
      }
    }
    if (texts.size() < latest->working.size()) {
      texts = {fmt::format("{} {}", plural(latest->working.size(), "entry", "entries"), records::k_withheld)};
    }
    for (const std::string& text : texts) {
      for (const std::string& area : areas) {
        auto& list = groups[area];
        if (list.is_null()) {
          list = json::array();
        }
        list.push_back({{"person", say.person(*p.summary)},
                        {"review", std::string(latest->id)},
                        {"date", say.date(latest->date)},
                        {"text", text}});
      }
    }
  }
  json section;
  json areas = json::array();
  for (const records::AreaInfo& info : records::k_areas) {
    if (auto it = groups.find(std::string(info.id)); it != groups.end()) {
      areas.push_back({{"area", std::string(info.title)}, {"items", it->second}});
    }
  }
  if (auto it = groups.find(""); it != groups.end()) {
    areas.push_back({{"area", "Across the person's support"}, {"items", it->second}});
  }
  section["none"] = areas.empty();
  section["areas"] = std::move(areas);
  return section;
}

// ---- 8. The checks ------------------------------------------------------------------------------------

json checks_section(const summary::FolderSummary& folder, const summary::Options& options) {
  json section;
  json files = json::array();
  std::size_t valid = 0;
  for (const summary::FileStatus& f : folder.files) {
    valid += f.counted ? 1 : 0;
    if (!f.counted) {
      std::string why = !f.readable    ? std::string("cannot be read")
                        : f.errors > 0 ? fmt::format("{}{}", plural(f.errors, "error", "errors"),
                                                     f.first_error && !f.first_error->message.empty()
                                                         ? fmt::format(", first: {}", f.first_error->message)
                                                         : std::string())
                                       : std::string("a second file for the same person");
      files.push_back({{"file", f.path}, {"person", f.person_id}, {"why", why}});
    }
  }
  section["files"] = folder.files.size();
  section["valid"] = valid;
  section["text"] = fmt::format("{} of {} valid", valid, plural(folder.files.size(), "record", "records"));
  section["has_left_out"] = !files.empty();
  section["left_out"] = std::move(files);
  json changes = json::array();
  for (const rules::RuleChange& change : rules::rule_changes(options.config)) {
    changes.push_back({{"rule", change.id}, {"text", change.text()}});
  }
  section["has_rule_changes"] = !changes.empty();
  section["rule_changes"] = std::move(changes);
  json suppressions = json::array();
  for (const summary::PersonSummary& p : folder.people) {
    for (const rules::SuppressionInForce& s : p.suppressions) {
      suppressions.push_back({{"person", p.id}, {"rule", s.rule}, {"text", s.text()}});
    }
  }
  section["has_suppressions"] = !suppressions.empty();
  section["suppressions"] = std::move(suppressions);
  return section;
}

// ---- 9. The period comparison -------------------------------------------------------------------------

json comparison_section(const ProviderOptions& options) {
  json section;
  section["interval"] = std::string(summary::to_string(options.interval));
  section["available"] = options.periods.has_value() && options.periods->columns.size() >= 2;
  section["missing"] = options.periods ? std::string() : options.periods_missing;
  json rows = json::array();
  if (options.periods && options.periods->columns.size() >= 2) {
    const auto& columns = options.periods->columns;
    const summary::PeriodColumn& previous = columns[columns.size() - 2];
    const summary::PeriodColumn& current = columns.back();
    section["previous"] = {{"label", previous.label},
                           {"from", util::format_date(previous.period.from)},
                           {"to", util::format_date(previous.period.to)}};
    section["current"] = {{"label", current.label},
                          {"from", util::format_date(current.period.from)},
                          {"to", util::format_date(current.period.to)}};
    const std::vector<summary::PeriodFigure> before = summary::period_figures(previous);
    const std::vector<summary::PeriodFigure> now = summary::period_figures(current);
    for (std::size_t i = 0; i < now.size(); ++i) {
      const long change = static_cast<long>(now[i].value) - static_cast<long>(before[i].value);
      rows.push_back({{"id", now[i].id},
                      {"figure", now[i].words},
                      {"previous", before[i].value},
                      {"current", now[i].value},
                      {"change", change > 0 ? fmt::format("+{}", change) : fmt::format("{}", change)}});
    }
  }
  section["rows"] = std::move(rows);
  return section;
}

// The sections in order, with their headings: templates and the checks of printed pages use these.
constexpr std::array<Label, 9> k_sections{{
    {"understood", "How wellbeing is understood"},
    {"outcomes", "Outcomes by area and kind"},
    {"strengths", "Strengths first: who acted on the outcomes met"},
    {"reviews", "Reviews and review requests"},
    {"measures", "Wellbeing measures: distance travelled"},
    {"safeguarding", "Safeguarding and risk to others"},
    {"working", "What works"},
    {"checks", "The checks"},
    {"comparison", "This period against the last"},
}};

}  // namespace

ComparedPeriods compared_periods(summary::Interval interval, Date as_of) {
  const int back = interval == summary::Interval::yearly ? 24 : 13;
  const std::vector<summary::PeriodColumn> columns =
      summary::split_periods(interval, summary::Period{util::add_months(as_of, -back), as_of});
  ComparedPeriods out;
  out.current = columns.back().period;
  out.previous = columns[columns.size() - 2].period;
  return out;
}

json build_provider_data(const summary::FolderSummary& folder, const ProviderOptions& options, Format format) {
  const Words say(options.summary.redaction, options.person_link);
  const std::vector<PersonData> people = read_people(folder, options.summary.redaction);
  const std::string provider = options.summary.config.provider_name;
  json data;
  data["version"] = 1;
  data["format"] = format == Format::html ? "html" : "markdown";
  data["is_html"] = format == Format::html;
  data["is_markdown"] = format == Format::markdown;
  data["lang"] = "en-GB";
  data["title"] = provider.empty() ? fmt::format("Provider review: {}", options.folder)
                                   : fmt::format("Provider review: {}", provider);
  data["provider"] = {{"name", provider}};
  data["folder"] = options.folder;
  data["report_date"] = say.date(options.summary.as_of);
  data["report_date_iso"] = say.iso(options.summary.as_of);
  data["at"] = options.at;
  data["period"] = {{"interval", std::string(summary::to_string(options.interval))},
                    {"from", say.date(folder.period.from)},
                    {"to", say.date(folder.period.to)},
                    {"text", fmt::format("{} to {}", say.date(folder.period.from), say.date(folder.period.to))}};
  data["redacted"] = say.redacted();
  json everyone = json::array();
  for (const summary::PersonSummary& p : folder.people) {
    everyone.push_back(say.person(p));
  }
  data["has_people"] = !everyone.empty();
  data["people"] = std::move(everyone);
  data["people_count"] = folder.people.size();
  json sections = json::array();
  for (std::size_t i = 0; i < k_sections.size(); ++i) {
    sections.push_back(
        {{"number", i + 1}, {"id", std::string(k_sections[i].value)}, {"heading", std::string(k_sections[i].words)}});
    data["headings"][std::string(k_sections[i].value)] = std::string(k_sections[i].words);
  }
  data["sections"] = std::move(sections);
  data["understood"] = understood_section(people, say);
  data["outcomes"] = outcomes_section(folder, people, say);
  data["strengths"] = strengths_section(folder, say);
  data["reviews"] = reviews_section(folder, say);
  data["measures"] = measures_section(folder, say);
  data["safeguarding"] = safeguarding_section(people, say);
  data["working"] = working_section(people, say);
  data["checks"] = checks_section(folder, options.summary);
  data["comparison"] = comparison_section(options);
  data["tool"] = {{"name", "wellbeing"}, {"version", options.tool_version}};
  return data;
}

}  // namespace wellbeing::report
