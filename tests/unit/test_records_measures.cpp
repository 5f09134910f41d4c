#include <doctest/doctest.h>

#include <string>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/measures.hpp"
#include "wellbeing/records/record.hpp"

using namespace wellbeing;
using records::Direction;
using records::k_measure_questions;

namespace {

const records::MeasureQuestion& question(std::string_view key) {
  for (const records::MeasureQuestion& q : k_measure_questions) {
    if (q.key == key) {
      return q;
    }
  }
  FAIL("no question " << key);
  return k_measure_questions.front();
}

// The trends of a record made of `measures` and `reviews` (YAML list items under each key).
records::MeasureTrends trends_of(const std::string& measures, const std::string& reviews = "") {
  const std::string yaml = "schema: wellbeing/v1\nperson: { id: p-0001 }\nmeasures:\n" + measures +
                           (reviews.empty() ? "" : "reviews:\n" + reviews);
  auto parsed = document::parse(yaml, "p-0001.yaml");
  REQUIRE(parsed.has_value());
  return records::measure_trends(records::read_record(parsed->root));
}

}  // namespace

TEST_SUITE("swemwbs conversion") {
  TEST_CASE("raw scores convert to the metric scores of Warwick Medical School's table") {
    CHECK(records::swemwbs_metric(7) == doctest::Approx(7.00));
    CHECK(records::swemwbs_metric(8) == doctest::Approx(9.51));
    CHECK(records::swemwbs_metric(14) == doctest::Approx(15.32));
    CHECK(records::swemwbs_metric(17) == doctest::Approx(16.88));
    CHECK(records::swemwbs_metric(21) == doctest::Approx(19.25));
    CHECK(records::swemwbs_metric(22) == doctest::Approx(19.98));
    CHECK(records::swemwbs_metric(26) == doctest::Approx(23.21));
    CHECK(records::swemwbs_metric(33) == doctest::Approx(30.70));
    CHECK(records::swemwbs_metric(34) == doctest::Approx(32.55));
    CHECK(records::swemwbs_metric(35) == doctest::Approx(35.00));
    CHECK_FALSE(records::swemwbs_metric(6));
    CHECK_FALSE(records::swemwbs_metric(36));
    // The table rises with every raw point.
    for (int raw = 8; raw <= 35; ++raw) {
      CHECK(*records::swemwbs_metric(raw) > *records::swemwbs_metric(raw - 1));
    }
  }

  TEST_CASE("a score is read as a raw score (whole, 7 to 35) or as a metric score from the table") {
    CHECK(records::swemwbs_raw(17) == 17);
    CHECK(records::swemwbs_raw(7) == 7);
    CHECK(records::swemwbs_raw(35) == 35);
    CHECK(records::swemwbs_raw(19.98) == 22);
    CHECK(records::swemwbs_raw(21.54) == 24);
    CHECK_FALSE(records::swemwbs_raw(20.5));  // neither
    CHECK_FALSE(records::swemwbs_raw(6));
    CHECK_FALSE(records::swemwbs_raw(36));
  }
}

TEST_SUITE("measure change") {
  TEST_CASE("better is per question: for ONS4 anxiety lower is better") {
    CHECK(records::judge(question("life_satisfaction"), 1) == Direction::better);
    CHECK(records::judge(question("life_satisfaction"), -1) == Direction::worse);
    CHECK(records::judge(question("life_satisfaction"), 0) == Direction::same);
    CHECK(records::judge(question("anxious_yesterday"), 2) == Direction::worse);
    CHECK(records::judge(question("anxious_yesterday"), -2) == Direction::better);
  }

  TEST_CASE("SWEMWBS: a change under 3 metric points is about the same") {
    CHECK(records::judge(question("swemwbs"), 2.99) == Direction::same);
    CHECK(records::judge(question("swemwbs"), -2.75) == Direction::same);
    CHECK(records::judge(question("swemwbs"), 3.00) == Direction::better);
    CHECK(records::judge(question("swemwbs"), -3.23) == Direction::worse);
  }

  TEST_CASE("one wording for every instrument") {
    const records::MeasureChange down{{"m-2", {}, 7}, {"m-3", {}, 6}, -1, Direction::worse};
    CHECK(records::change_words(question("life_satisfaction"), down) == "7 to 6, down 1 (worse)");
    const records::MeasureChange small{{"m-1", {}, 19.98}, {"m-2", {}, 21.54}, 1.56, Direction::same};
    CHECK(records::change_words(question("swemwbs"), small) == "19.98 to 21.54, up 1.56 (about the same)");
    const records::MeasureChange none{{"m-1", {}, 5}, {"m-2", {}, 5}, 0, Direction::same};
    CHECK(records::change_words(question("happy_yesterday"), none) == "5 to 5, no change");
  }

  TEST_CASE("change since the previous measure, the last review and the first, whatever the file's order") {
    // The example p-0001: up 1 since the first, but since the review on 2026-04-14 down 1.
    const auto t = trends_of(R"(
  - { id: m-3, date: 2026-10-20, instrument: ONS4, ons4: { life_satisfaction: 6, worthwhile: 8, happy_yesterday: 5, anxious_yesterday: 4 } }
  - { id: m-1, date: 2025-03-10, instrument: ONS4, ons4: { life_satisfaction: 5, worthwhile: 4, happy_yesterday: 5, anxious_yesterday: 6 } }
  - { id: m-2, date: 2026-04-14, instrument: ONS4, ons4: { life_satisfaction: 7, worthwhile: 8, happy_yesterday: 8, anxious_yesterday: 2 } }
)",
                             R"(
  - { id: rv-1, date: 2025-04-22, type: first, attendees: [x], next_review_due: 2026-04-22 }
  - { id: rv-2, date: 2026-04-14, type: scheduled, attendees: [x], next_review_due: 2027-04-14 }
)");
    CHECK(t.measures == 3);
    CHECK(t.ons4 == 3);
    CHECK(t.swemwbs == 0);
    REQUIRE(t.last_review);
    const records::QuestionTrend& life = t.questions[0];
    REQUIRE(life.since_first);
    CHECK(life.since_first->delta == 1);
    CHECK(life.since_first->direction == Direction::better);
    REQUIRE(life.since_review);
    CHECK(life.since_review->from.measure_id == "m-2");  // the measure taken at the review
    CHECK(life.since_review->delta == -1);
    CHECK(life.since_review->direction == Direction::worse);
    CHECK(life.since_previous->from.measure_id == "m-2");
    CHECK(t.questions[2].since_review->delta == -3);
    CHECK(t.questions[3].since_review->direction == Direction::worse);  // anxiety rose 2 to 4
    CHECK(t.questions[3].since_first->direction == Direction::better);  // and fell 6 to 4 since the first
    CHECK(t.questions[4].points.empty());                               // no SWEMWBS
  }

  TEST_CASE("no change since the last review when nothing was measured after it, or nothing before it") {
    const auto after_none = trends_of(R"(
  - { id: m-1, date: 2026-01-10, instrument: SWEMWBS, score: 17, licence: x }
  - { id: m-2, date: 2026-03-10, instrument: SWEMWBS, score: 20, licence: x }
)",
                                      R"(
  - { id: rv-1, date: 2026-04-01, type: first, attendees: [x], next_review_due: 2027-04-01 }
)");
    CHECK(after_none.questions[4].since_first);
    CHECK_FALSE(after_none.questions[4].since_review);
    const auto before_none = trends_of(R"(
  - { id: m-1, date: 2026-05-10, instrument: SWEMWBS, score: 17, licence: x }
  - { id: m-2, date: 2026-06-10, instrument: SWEMWBS, score: 20, licence: x }
)",
                                       R"(
  - { id: rv-1, date: 2026-04-01, type: first, attendees: [x], next_review_due: 2027-04-01 }
)");
    CHECK_FALSE(before_none.questions[4].since_review);
  }

  TEST_CASE("SWEMWBS only: counted, raw and metric scores alike, an unreadable score left out") {
    const auto t = trends_of(R"(
  - { id: m-1, date: 2025-10-06, instrument: SWEMWBS, score: 17, licence: x }
  - { id: m-2, date: 2026-03-23, instrument: SWEMWBS, score: 17.98, licence: x }
  - { id: m-3, date: 2026-09-30, instrument: SWEMWBS, score: 23, licence: x }
  - { id: m-4, date: 2026-10-30, instrument: SWEMWBS, score: 20.5, licence: x }
)");
    CHECK(t.measures == 4);
    CHECK(t.ons4 == 0);
    CHECK(t.swemwbs == 3);
    const records::QuestionTrend& s = t.questions[4];
    REQUIRE(s.points.size() == 3);
    CHECK(s.points[1].value == doctest::Approx(17.98));
    CHECK(s.points[2].value == doctest::Approx(20.73));
    CHECK(s.since_first->delta == doctest::Approx(3.85));
    CHECK(s.since_first->direction == Direction::better);
    CHECK(s.since_previous->delta == doctest::Approx(2.75));
    CHECK(s.since_previous->direction == Direction::same);
    for (std::size_t q = 0; q < 4; ++q) {
      CHECK(t.questions[q].points.empty());
    }
  }
}

TEST_SUITE("measure change") {
  TEST_CASE("why there is no change since the last review, in words") {
    const std::string two = R"(
  - { id: m-1, date: 2026-01-10, instrument: SWEMWBS, score: 17, licence: x }
  - { id: m-2, date: 2026-03-10, instrument: SWEMWBS, score: 27, licence: x }
)";
    const auto none = trends_of(two);
    CHECK(records::since_review_words(none, none.questions[4]) == "no review yet");
    const auto after = trends_of(two, "  - { id: rv-1, date: 2026-03-10, type: first, attendees: [x], next_review_due: 2027-03-10 }\n");
    CHECK(records::since_review_words(after, after.questions[4]) == "not measured since");
    const auto before = trends_of(two, "  - { id: rv-1, date: 2026-01-01, type: first, attendees: [x], next_review_due: 2027-01-01 }\n");
    CHECK(records::since_review_words(before, before.questions[4]) == "no measure before it");
    const auto between = trends_of(two, "  - { id: rv-1, date: 2026-02-01, type: first, attendees: [x], next_review_due: 2027-02-01 }\n");
    CHECK(records::since_review_words(between, between.questions[4]) == "16.88 to 24.11, up 7.23 (better)");
  }
}
