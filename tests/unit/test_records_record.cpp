#include <doctest/doctest.h>

#include <string>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/record.hpp"

using namespace wellbeing;

TEST_SUITE("records::read_record") {
  TEST_CASE("a v2 area's current view is its latest, and every earlier view and resolved concern is kept") {
    const std::string text = R"(schema: wellbeing/v2
areas:
  health:
    status: explored
    views:
      - { date: 2026-01-12, said: It's my chest., from: c-1 }
      - { date: 2026-04-20, said: The inhaler helps., by: judgement, judged_by: Ama, from: [c-2, e-1] }
    importance: { level: not_said }
    concerns:
      - { text: Breathless on the stairs., raised: 2026-01-12, resolved: 2026-04-20 }
      - { text: The physio may stop., raised: 2026-04-20 }
outcomes:
  - id: o-1
    status: met
    history:
      - { date: 2026-03-01, status: in_progress, by: Sam }
      - { date: 2026-06-11, status: met, by: Sam }
)";
    auto parsed = document::parse(text, "p.yaml");
    REQUIRE(parsed);
    const records::Record record = records::read_record(parsed->root);
    CHECK_FALSE(record.is_v1());
    const records::Area& health = *record.area("health");
    CHECK(health.said == "The inhaler helps.");
    REQUIRE(health.views.size() == 2);
    CHECK(health.views[0].said == "It's my chest.");
    CHECK(health.views[0].pointer == "/areas/health/views/0");
    CHECK(health.views[1].by == "judgement");
    CHECK(health.views[1].from == std::vector<std::string_view>{"c-2", "e-1"});
    CHECK(health.importance->level == "not_said");
    CHECK(health.all_concerns.size() == 2);
    CHECK(health.concerns == std::vector<std::string_view>{"The physio may stop."});
    REQUIRE(record.outcomes.size() == 1);
    REQUIRE(record.outcomes[0].history.size() == 2);
    CHECK(record.outcomes[0].history[0].status == "in_progress");
    CHECK(record.outcomes[0].history[1].by == "Sam");
  }

  TEST_CASE("a v1 area's said is read as its one view") {
    auto parsed = document::parse(
        "schema: wellbeing/v1\nareas:\n  health:\n    said: My hands.\n    concerns: [Stiff mornings.]\n", "p.yaml");
    REQUIRE(parsed);
    const records::Record record = records::read_record(parsed->root);
    CHECK(record.is_v1());
    const records::Area& health = *record.area("health");
    CHECK(health.said == "My hands.");
    REQUIRE(health.views.size() == 1);
    CHECK(health.views[0].pointer == "/areas/health/said");
    CHECK(health.concerns == std::vector<std::string_view>{"Stiff mornings."});
  }
}
