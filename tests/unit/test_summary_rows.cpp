#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/summary/render.hpp"

using namespace wellbeing;
using summary::RowKind;

namespace {

summary::PersonSummary summarise(const std::string& yaml, const summary::Redaction& redaction = {}) {
  auto parsed = document::parse(yaml, "p-0001.yaml");
  REQUIRE(parsed.has_value());
  auto options = summary::default_options(records::Config{}, *util::parse_date("2026-11-22"));
  options.redaction = redaction;
  return summary::summarise_person(parsed->root, {}, "p-0001.yaml", options);
}

const std::string k_record = R"(
person: { id: p-0001, known_as: Lorna, voice: direct, support_started: 2025-01-01 }
areas:
  dignity: { status: explored, said: x, importance: { level: high, said_by: person }, concerns: none raised, updated: 2026-01-01 }
  health: { status: not_yet_explored }
outcomes:
  - id: o-1
    kind: change
    areas: [health, dignity]
    said: A proper wash, without fear.
    opened: 2026-01-01
    status: in_progress
    who_acts: [self]
    actions:
      - { id: a-1, who: other_agency, name: OT, what: Assess., due: 2026-11-12 }
      - { id: a-2, who: service, what: Strip wash., due: 2026-01-01, done: 2026-01-02 }
reviews: [{ id: rv-1, date: 2025-02-01, type: first, next_review_due: 2026-11-02 }]
measures:
  - { id: m-1, date: 2026-01-10, instrument: ONS4, ons4: { life_satisfaction: 4, worthwhile: 6, happy_yesterday: 8, anxious_yesterday: 6 } }
  - { id: m-2, date: 2026-06-10, instrument: ONS4, ons4: { life_satisfaction: 3, worthwhile: 6, happy_yesterday: 2, anxious_yesterday: 1 } }
)";

std::string cell(const summary::Rows& rows, std::size_t row, const std::string& column) {
  for (std::size_t c = 0; c < rows.header.size(); ++c) {
    if (rows.header[c] == column) {
      return rows.rows.at(row).at(c);
    }
  }
  FAIL("no column " << column);
  return {};
}

}  // namespace

TEST_SUITE("make_rows") {
  TEST_CASE("every row has one cell per column") {
    const auto person = summarise(k_record);
    for (RowKind kind : {RowKind::people, RowKind::outcomes, RowKind::actions, RowKind::reviews}) {
      const auto rows = summary::make_rows(std::span(&person, 1), kind);
      CAPTURE(summary::to_string(kind));
      CHECK_FALSE(rows.rows.empty());
      for (const auto& row : rows.rows) {
        CHECK(row.size() == rows.header.size());
      }
    }
  }

  TEST_CASE("people: one row a person, with counts and the ONS4 answers, never a negative number") {
    const auto person = summarise(k_record);
    const auto rows = summary::make_rows(std::span(&person, 1), RowKind::people);
    REQUIRE(rows.rows.size() == 1);
    CHECK(cell(rows, 0, "person_id") == "p-0001");
    CHECK(cell(rows, 0, "known_as") == "Lorna");
    CHECK(cell(rows, 0, "areas_explored") == "1");
    CHECK(cell(rows, 0, "areas_not_yet_explored") == "8");  // seven of them missing from this file
    CHECK(cell(rows, 0, "outcomes_in_progress") == "1");
    CHECK(cell(rows, 0, "overdue_actions") == "1");
    CHECK(cell(rows, 0, "review_status") == "overdue");
    CHECK(cell(rows, 0, "ons4_first_happy_yesterday") == "8");
    CHECK(cell(rows, 0, "ons4_latest_happy_yesterday") == "2");
    for (const auto& value : rows.rows[0]) {
      CHECK_FALSE(value.starts_with("-"));
    }
  }

  TEST_CASE("outcomes and actions: lists joined by spaces, flags yes or no") {
    const auto person = summarise(k_record);
    const auto outcomes = summary::make_rows(std::span(&person, 1), RowKind::outcomes);
    CHECK(cell(outcomes, 0, "areas") == "health dignity");
    CHECK(cell(outcomes, 0, "who_acts") == "self service other_agency");
    CHECK(cell(outcomes, 0, "actions_done") == "1");
    CHECK(cell(outcomes, 0, "actions_overdue") == "1");
    CHECK(cell(outcomes, 0, "service_can_meet") == "yes");
    const auto actions = summary::make_rows(std::span(&person, 1), RowKind::actions);
    REQUIRE(actions.rows.size() == 2);
    CHECK(cell(actions, 0, "overdue") == "yes");
    CHECK(cell(actions, 0, "days_overdue") == "10");
    CHECK(cell(actions, 1, "overdue") == "no");
    CHECK(cell(actions, 1, "days_overdue") == "");
  }

  TEST_CASE("reviews: days overdue and days until due are separate columns") {
    const auto person = summarise(k_record);
    const auto rows = summary::make_rows(std::span(&person, 1), RowKind::reviews);
    CHECK(cell(rows, 0, "next_review_due") == "2026-11-02");
    CHECK(cell(rows, 0, "days_overdue") == "20");
    CHECK(cell(rows, 0, "days_until_due") == "");
  }

  TEST_CASE("redacted rows keep ids and counts, and show dates by month") {
    const auto person = summarise(k_record, summary::Redaction::keeping({}));
    const auto people = summary::make_rows(std::span(&person, 1), RowKind::people);
    CHECK(cell(people, 0, "known_as") == "p-0001");
    CHECK(cell(people, 0, "next_review_due") == "2026-11");
    const auto outcomes = summary::make_rows(std::span(&person, 1), RowKind::outcomes);
    CHECK(cell(outcomes, 0, "said") == "");
    const auto actions = summary::make_rows(std::span(&person, 1), RowKind::actions);
    CHECK(cell(actions, 0, "name") == "");
    CHECK(cell(actions, 0, "what") == "");
    CHECK(cell(actions, 0, "days_overdue") == "10");
  }
}
