#include <doctest/doctest.h>

#include <string>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/summary/person.hpp"

using namespace wellbeing;
using summary::ReviewDue;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

// Parses `yaml` (a record, valid or not: the view is lenient) and summarises it as of `as_of`.
summary::PersonSummary summarise(const std::string& yaml, const char* as_of = "2026-11-22",
                                 summary::Options options = {}) {
  auto parsed = document::parse(yaml, "p-0001.yaml");
  REQUIRE(parsed.has_value());
  summary::Options defaults = summary::default_options(records::Config{}, date(as_of));
  options.config = defaults.config;
  options.as_of = defaults.as_of;
  options.period = defaults.period;
  options.within_days = defaults.within_days;
  return summary::summarise_person(parsed->root, {}, "p-0001.yaml", options);
}

const std::string k_person = R"(
schema: wellbeing/v1
person:
  id: p-0001
  known_as: Lorna
  support_started: 2026-01-05
  voice: represented
  capacity: { can_take_part: not_at_present, date: 2026-01-06 }
  representatives:
    - { id: r-1, name: Maggie, role: family }
    - { id: r-2, name: Saoirse, role: care_act_advocate }
areas:
  contribution: { status: not_yet_explored }
  health:
    status: explored
    said: "Since the hip, I'm scared of the bath. I'd like a proper wash without being frightened of falling."
    importance: { level: high, said_by: representative, representative: r-2, reason: Cannot say at present. }
    concerns: none raised
    updated: 2026-03-01
  dignity:
    status: explored
    said: I'm slow, not daft.
    importance: { level: medium, said_by: person }
    concerns: none raised
    updated: 2026-10-01
evidence:
  - { id: e-1, kind: observation, date: 2026-01-10, by: x, summary: y }
  - { id: e-2, kind: earlier_views, date: 2026-01-10, by: x, summary: y }
  - { id: e-3, kind: observation, date: 2026-01-11, by: x, summary: y }
outcomes:
  - id: o-1
    kind: change
    areas: [health, dignity]
    said: A proper wash.
    status: in_progress
    who_acts: [service, self]
    actions:
      - { id: a-1, who: other_agency, name: OT, what: Assess for a bath lift., due: 2026-11-21 }
      - { id: a-2, who: service, what: Strip wash., due: 2026-11-22 }
      - { id: a-3, who: service, what: Done late., due: 2026-01-01, done: 2026-02-01 }
      - { id: a-7, who: network, name: Maggie, what: Long overdue., due: 2026-09-23 }
  - id: o-2
    kind: achieve
    areas: [relationships]
    said: Coffee morning.
    status: withdrawn
    who_acts: [community]
    actions:
      - { id: a-4, who: community, what: Lift., due: 2026-01-01 }
  - id: o-3
    kind: keep
    areas: [health]
    said: Keep my cat.
    status: met
    met_on: 2026-05-01
  - id: o-4
    kind: keep
    areas: [dignity]
    said: Get dressed properly.
    status: open
conversations:
  - { id: c-1, date: 2026-11-01, led_by: x, approach: observation, summary: y, areas: [health] }
  - { id: c-2, date: 2026-11-15, led_by: x, approach: observation, summary: y }
  - { id: c-3, date: 2024-01-01, led_by: x, approach: observation, summary: y, areas: [dignity] }
measures:
  - { id: m-2, date: 2026-06-01, instrument: ONS4, ons4: { life_satisfaction: 7, worthwhile: 6, happy_yesterday: 5, anxious_yesterday: 2 } }
  - { id: m-1, date: 2026-01-10, instrument: ONS4, ons4: { life_satisfaction: 4, worthwhile: 6, happy_yesterday: 8, anxious_yesterday: 6 } }
  - { id: m-3, date: 2026-09-01, instrument: SWEMWBS, score: 20.5, licence: x }
review_requests:
  - { id: rr-1, date: 2026-11-02, requested_by: provider, reason: x, sent_to: County team, reference: ASC-1, status: pending }
  - { id: rr-2, date: 2026-01-02, requested_by: provider, reason: x, sent_to: y, reference: ASC-2, status: completed }
safeguarding:
  - { id: sg-1, date: 2026-02-01, type: neglect, person_wishes: x, action_taken: y, referral_reference: z, status: open }
  - { id: sg-2, date: 2026-02-01, type: financial_material, person_wishes: x, action_taken: y, referral_reference: z, status: closed, closed_on: 2026-03-01 }
  - { id: sg-3, date: 2026-03-01, type: self_neglect, person_wishes: x, action_taken: y, referral_reference: z, status: open }
)";

}  // namespace

TEST_SUITE("summarise_person") {
  TEST_CASE("all nine areas, in statutory order, whatever the file's order") {
    const auto s = summarise(k_person);
    REQUIRE(s.areas.size() == 9);
    for (std::size_t i = 0; i < 9; ++i) {
      CHECK(s.areas[i].info == &records::k_areas[i]);
    }
    CHECK(s.areas[0].status == "explored");  // dignity
    CHECK(s.areas[8].status == "not_yet_explored");
    CHECK(s.areas[2].status.empty());  // protection is missing from the file
  }

  TEST_CASE("last discussed is the later of the area's update and the conversations that name it") {
    const auto s = summarise(k_person);
    CHECK(util::format_date(*s.areas[0].last_discussed) == "2026-10-01");  // dignity: c-3 is older
    CHECK(util::format_date(*s.areas[1].last_discussed) == "2026-11-01");  // health: c-1 is newer
    CHECK_FALSE(s.areas[6].last_discussed);                                // relationships: never
  }

  TEST_CASE("the person's words are shortened; importance says who gave it") {
    const auto s = summarise(k_person);
    CHECK(s.areas[0].said == "I'm slow, not daft.");
    CHECK(s.areas[1].said == "Since the hip, I'm scared of the bath. I'd like a proper…");
    CHECK(s.areas[1].importance == "high");
    CHECK(s.areas[1].importance_said_by == "representative");
    CHECK(s.areas[1].importance_representative == "r-2");
    CHECK(s.areas[1].importance_representative_name == "Saoirse");
    CHECK(s.areas[0].importance_said_by == "person");
    CHECK(s.areas[5].importance.empty());
  }

  TEST_CASE("open outcomes per area are the open and in-progress ones naming it") {
    const auto s = summarise(k_person);
    CHECK(s.areas[0].open_outcomes == std::vector<std::string>{"o-1", "o-4"});  // dignity
    CHECK(s.areas[1].open_outcomes == std::vector<std::string>{"o-1"});         // health: o-3 is met
    CHECK(s.areas[6].open_outcomes.empty());                                    // relationships: o-2 withdrawn
  }

  TEST_CASE("outcomes by status, with who acts from who_acts and the actions, strengths first") {
    const auto s = summarise(k_person);
    CHECK(s.outcomes_by_status == summary::StatusCounts{1, 1, 1, 0, 1});
    REQUIRE(s.outcomes.size() == 4);
    CHECK(s.outcomes[0].actors == std::vector<std::string>{"self", "network", "service", "other_agency"});
    CHECK(s.outcomes[2].actors.empty());
  }

  TEST_CASE("an action is overdue when due before as_of, not done, on an outcome still open") {
    const auto s = summarise(k_person);
    // a-7 (due 23 Sep, 60 days) and a-1 (due yesterday); not a-2 (due today), a-3 (done), a-4 (withdrawn).
    REQUIRE(s.overdue_actions.size() == 2);
    CHECK(s.overdue_actions[0].id == "a-7");
    CHECK(s.overdue_actions[0].days_overdue == 60);
    CHECK(s.overdue_actions[0].outcome_id == "o-1");
    CHECK(s.overdue_actions[1].id == "a-1");
    CHECK(s.overdue_actions[1].days_overdue == 1);
    CHECK_FALSE(s.outcomes[0].actions[1].overdue);
    CHECK_FALSE(s.outcomes[0].actions[2].overdue);
    CHECK_FALSE(s.outcomes[1].actions[0].overdue);
  }

  TEST_CASE("ONS4: first and latest by date, whatever the order, and the change between them") {
    const auto s = summarise(k_person);
    CHECK(s.ons4.measures == 2);  // the SWEMWBS score is not ONS4
    REQUIRE(s.ons4.first);
    CHECK(s.ons4.first->measure_id == "m-1");
    CHECK(s.ons4.latest->measure_id == "m-2");
    CHECK(s.ons4.change[0] == 3);
    CHECK(s.ons4.change[1] == 0);
    CHECK(s.ons4.change[2] == -3);
    CHECK(s.ons4.change[3] == -4);
    // Every measure counts, SWEMWBS too (20.5 is neither a raw nor a metric score, so it has no value).
    CHECK(s.measures.measures == 3);
    CHECK(s.measures.ons4 == 2);
    CHECK(s.measures.swemwbs == 0);
    REQUIRE(s.measures.questions[3].since_previous);
    CHECK(s.measures.questions[3].since_previous->direction == records::Direction::better);  // 6 to 2

    const auto one = summarise(R"(
measures:
  - { id: m-1, date: 2026-01-10, instrument: ONS4, ons4: { life_satisfaction: 4, worthwhile: 6, happy_yesterday: 8, anxious_yesterday: 6 } }
)");
    CHECK(one.ons4.measures == 1);
    CHECK_FALSE(one.ons4.change[0]);
    CHECK(one.ons4.first->measure_id == one.ons4.latest->measure_id);
  }

  TEST_CASE("voice, pending review requests, open safeguarding flags and conversations") {
    const auto s = summarise(k_person);
    CHECK(s.voice.voice == "represented");
    CHECK(s.voice.can_take_part == "not_at_present");
    REQUIRE(s.voice.representatives.size() == 2);
    CHECK(s.voice.representatives[1].name == "Saoirse");
    CHECK(s.voice.evidence ==
          std::vector<std::pair<std::string, std::size_t>>{{"earlier_views", 1}, {"observation", 2}});
    REQUIRE(s.pending_requests.size() == 1);
    CHECK(s.pending_requests[0].id == "rr-1");
    CHECK(s.pending_requests[0].days_waiting == 20);
    CHECK(s.pending_requests[0].reference == "ASC-1");
    CHECK(s.safeguarding_open == 2);
    CHECK(s.safeguarding_types == std::vector<std::string>{"neglect", "self_neglect"});
    CHECK(s.conversations == 3);
    CHECK(s.conversations_in_period == 2);
    CHECK(util::format_date(*s.last_conversation) == "2026-11-15");
  }

  TEST_CASE("filters choose the areas shown and the outcomes counted") {
    summary::Options options;
    options.filter.areas = {"health"};
    options.filter.statuses = {"in_progress", "met"};
    const auto s = summarise(k_person, "2026-11-22", options);
    REQUIRE(s.areas.size() == 1);
    CHECK(s.areas[0].info->id == "health");
    REQUIRE(s.outcomes.size() == 2);
    CHECK(s.outcomes[0].id == "o-1");
    CHECK(s.outcomes[1].id == "o-3");
    CHECK(s.outcomes_by_status == summary::StatusCounts{0, 1, 1, 0, 0});
  }

  TEST_CASE("redaction: names become ids or go, free text goes, counts stay") {
    summary::Options options;
    options.redaction = summary::Redaction::keeping({});
    const auto s = summarise(k_person, "2026-11-22", options);
    CHECK(s.known_as == "p-0001");
    CHECK(s.voice.representatives[1].name.empty());
    CHECK(s.voice.representatives[1].id == "r-2");
    CHECK(s.areas[1].importance_representative_name.empty());
    CHECK(s.areas[1].importance_representative == "r-2");
    for (const auto& area : s.areas) {
      CHECK(area.said.empty());
    }
    for (const auto& outcome : s.outcomes) {
      CHECK(outcome.said.empty());
      for (const auto& action : outcome.actions) {
        CHECK(action.name.empty());
        CHECK(action.what.empty());
      }
    }
    CHECK(s.overdue_actions.size() == 2);
    CHECK(s.overdue_actions[0].name.empty());
    CHECK(s.pending_requests[0].sent_to.empty());
    CHECK(s.pending_requests[0].reference.empty());
    CHECK(s.safeguarding_open == 2);
    CHECK(s.safeguarding_types.empty());
    CHECK(s.redaction.on);

    options.redaction = summary::Redaction::keeping({"known_as", "names", "quotes", "references", "safeguarding"});
    const auto kept = summarise(k_person, "2026-11-22", options);
    CHECK(kept.known_as == "Lorna");
    CHECK(kept.voice.representatives[1].name == "Saoirse");
    CHECK(kept.areas[0].said == "I'm slow, not daft.");
    CHECK(kept.outcomes[0].actions[0].name == "OT");
    CHECK(kept.outcomes[0].actions[0].what.empty());  // staff's free text goes whatever is kept
    CHECK(kept.pending_requests[0].reference == "ASC-1");
    CHECK_FALSE(kept.pending_requests[0].sent_to.empty());  // whom it went to is a name: kept with names
    CHECK(kept.safeguarding_types.size() == 2);
  }
}

TEST_SUITE("review_due") {
  std::string with_review(const char* date_text, const char* next) {
    return std::string("person: { id: p-0001, support_started: 2020-01-01 }\nreviews:\n") +
           "  - { id: rv-1, date: 2020-02-01, type: first, next_review_due: 2021-01-01 }\n" +
           "  - { id: rv-2, date: " + date_text + ", type: scheduled" +
           (next ? std::string(", next_review_due: ") + next : std::string()) + " }\n";
  }

  TEST_CASE("the latest review's next_review_due, as rule WB007 reads it") {
    const auto s = summarise(with_review("2026-01-10", "2026-12-20"));
    CHECK(s.review.last_id == "rv-2");
    CHECK(s.review.basis == ReviewDue::Basis::recorded);
    CHECK(util::format_date(*s.review.next_due) == "2026-12-20");
    CHECK(s.review.days == 28);
    CHECK(s.review.status == ReviewDue::Status::due_soon);  // 28 days is within the 28 of due soon
  }

  TEST_CASE("due soon and overdue boundaries") {
    CHECK(summarise(with_review("2026-01-10", "2026-12-21")).review.status == ReviewDue::Status::ok);  // 29 days
    CHECK(summarise(with_review("2026-01-10", "2026-11-22")).review.status == ReviewDue::Status::due_soon);
    const auto overdue = summarise(with_review("2026-01-10", "2026-11-21"));
    CHECK(overdue.review.status == ReviewDue::Status::overdue);
    CHECK(overdue.review.days == -1);
  }

  TEST_CASE("without next_review_due, the last review plus the interval") {
    const auto s = summarise(with_review("2025-12-31", nullptr));
    CHECK(s.review.basis == ReviewDue::Basis::interval);
    CHECK(util::format_date(*s.review.next_due) == "2026-12-31");
  }

  TEST_CASE("no review yet: the end of the first-review window after support started") {
    const auto s = summarise("person: { id: p-0001, support_started: 2026-10-05 }\n");
    CHECK(s.review.basis == ReviewDue::Basis::first_review);
    CHECK(util::format_date(*s.review.window_opens) == "2026-11-16");  // 6 weeks
    CHECK(util::format_date(*s.review.next_due) == "2026-11-30");      // 8 weeks
    CHECK(s.review.status == ReviewDue::Status::due_soon);
  }

  TEST_CASE("a first review is due soon once its window opens within the notice") {
    // Started 2026-11-13: the window opens 2026-12-25 (33 days) and closes 2027-01-08.
    const auto later = summarise("person: { id: p-0001, support_started: 2026-11-13 }\n");
    CHECK(later.review.status == ReviewDue::Status::ok);
    // Started 2026-11-06: the window opens 2026-12-18 (26 days), closes 2027-01-01 (40 days).
    const auto soon = summarise("person: { id: p-0001, support_started: 2026-11-06 }\n");
    CHECK(soon.review.days == 40);
    CHECK(soon.review.status == ReviewDue::Status::due_soon);
  }

  TEST_CASE("no review and no start date: unknown") {
    const auto s = summarise("person: { id: p-0001 }\n");
    CHECK(s.review.basis == ReviewDue::Basis::none);
    CHECK(s.review.status == ReviewDue::Status::unknown);
    CHECK_FALSE(s.review.next_due);
  }
}

TEST_SUITE("count_findings") {
  TEST_CASE("by severity and by rule") {
    Diagnostics diagnostics{{Severity::warning, "WB007", "m", {}, "", ""},
                            {Severity::info, "WB029", "m", {}, "", ""},
                            {Severity::warning, "WB007", "m", {}, "", ""},
                            {Severity::error, "schema", "m", {}, "", ""}};
    const auto counts = summary::count_findings(diagnostics);
    CHECK(counts.errors == 1);
    CHECK(counts.warnings == 2);
    CHECK(counts.infos == 1);
    CHECK(counts.by_rule.at("WB007") == 2);
    CHECK(counts.by_rule.size() == 3);
  }
}
