#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/summary/folder.hpp"

using namespace wellbeing;
using summary::SummarisedFile;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

summary::Options options_as_of(const char* as_of) { return summary::default_options(records::Config{}, date(as_of)); }

// A checked file holding a valid record (summarised from `yaml`), as summarise_files would give it.
SummarisedFile valid(const std::string& path, const std::string& yaml, const summary::Options& options) {
  auto parsed = document::parse(yaml, path);
  REQUIRE(parsed.has_value());
  const records::Record record = records::read_record(parsed->root);
  SummarisedFile file;
  file.path = path;
  file.person_id = record.person.id;
  file.person = summary::summarise_person(parsed->root, {}, path, options);
  return file;
}

SummarisedFile invalid(const std::string& path, const std::string& person_id, const std::string& message) {
  SummarisedFile file;
  file.path = path;
  file.person_id = person_id;
  file.diagnostics = {{Severity::error, "schema", message, {path, 3, 5}, "/x", "enum"},
                      {Severity::warning, "WB007", "late", {path, 9, 1}, "/y", ""}};
  return file;
}

std::string person(const char* id, const std::string& rest) {
  return std::string("schema: wellbeing/v1\nperson: { id: ") + id + ", known_as: Name" + id + " }\n" + rest;
}

}  // namespace

TEST_SUITE("summarise_folder") {
  TEST_CASE("invalid files are listed and left out of every count") {
    const auto options = options_as_of("2026-11-22");
    std::vector<SummarisedFile> files;
    files.push_back(valid("p-0001.yaml", person("p-0001", R"(
outcomes:
  - { id: o-1, kind: keep, areas: [health], said: x, status: open }
)"),
                          options));
    files.push_back(invalid("p-0002.yaml", "p-0002", "`status` must be one of …"));
    const auto f = summary::summarise_folder(files, options);
    CHECK(f.files.size() == 2);
    CHECK(f.people.size() == 1);
    CHECK(f.left_out == 1);
    CHECK(f.outcomes == 1);
    CHECK(f.files[0].counted);
    CHECK_FALSE(f.files[1].counted);
    CHECK(f.files[1].errors == 1);
    CHECK(f.files[1].warnings == 1);
    REQUIRE(f.files[1].first_error);
    CHECK(f.files[1].first_error->message == "`status` must be one of …");
    CHECK(f.files[1].first_error->location.line == 3);
  }

  TEST_CASE("a second file for the same person is left out, not counted twice") {
    const auto options = options_as_of("2026-11-22");
    const std::string yaml =
        person("p-0001", "outcomes:\n  - { id: o-1, kind: keep, areas: [health], said: x, status: open }\n");
    std::vector<SummarisedFile> files{valid("a/p-0001.yaml", yaml, options), valid("b/p-0001.yaml", yaml, options)};
    const auto f = summary::summarise_folder(files, options);
    CHECK(f.people.size() == 1);
    CHECK(f.outcomes == 1);
    CHECK(f.left_out == 1);
    REQUIRE(f.files[1].first_error);
    CHECK(f.files[1].first_error->rule == "summary");
    CHECK(f.files[1].first_error->message ==
          "person p-0001 is also in a/p-0001.yaml: this file is left out so they are not counted twice");
  }

  TEST_CASE("the person filter drops other people's files entirely") {
    auto options = options_as_of("2026-11-22");
    options.filter.people = {"p-0002"};
    std::vector<SummarisedFile> files{valid("p-0001.yaml", person("p-0001", ""), options),
                                      valid("p-0002.yaml", person("p-0002", ""), options),
                                      invalid("p-0003.yaml", "p-0003", "bad"), invalid("broken.yaml", "", "bad")};
    const auto f = summary::summarise_folder(files, options);
    REQUIRE(f.people.size() == 1);
    CHECK(f.people[0].id == "p-0002");
    REQUIRE(f.files.size() == 2);  // p-0002, and the broken file, which could be anyone's
    CHECK(f.files[1].path == "broken.yaml");
  }

  TEST_CASE("outcomes by status and by area; met in the period with who acted") {
    const auto options = options_as_of("2026-11-22");  // period 2025-11-23 .. 2026-11-22
    std::vector<SummarisedFile> files{valid("p-0001.yaml", person("p-0001", R"(
outcomes:
  - { id: o-1, kind: keep, areas: [health, dignity], said: x, status: met, met_on: 2025-11-23, who_acts: [self] }
  - { id: o-2, kind: keep, areas: [health], said: x, status: met, met_on: 2025-11-22, who_acts: [service] }
  - { id: o-3, kind: keep, areas: [control], said: x, status: in_progress,
      actions: [{ id: a-1, who: service, what: x, due: 2026-11-01 }] }
)"),
                                            options),
                                      valid("p-0002.yaml", person("p-0002", R"(
outcomes:
  - id: o-1
    kind: keep
    areas: [health]
    said: x
    status: met
    met_on: 2026-11-22
    who_acts: [self, network]
    actions: [{ id: a-1, who: other_agency, what: x, done: 2026-11-01 }]
)"),
                                            options)};
    const auto f = summary::summarise_folder(files, options);
    CHECK(f.outcomes == 4);
    CHECK(f.outcomes_by_status == summary::StatusCounts{0, 1, 3, 0, 0});
    REQUIRE(f.outcomes_by_area.size() == 9);
    CHECK(f.outcomes_by_area[0].info->id == "dignity");
    CHECK(f.outcomes_by_area[0].total == 1);
    CHECK(f.outcomes_by_area[1].total == 3);  // health: o-1, o-2 of p-0001 and o-1 of p-0002
    CHECK(f.outcomes_by_area[1].by_status[2] == 3);
    CHECK(f.outcomes_by_area[3].by_status[1] == 1);  // control, in progress
    CHECK(f.overdue_actions == 1);
    // o-2 of p-0001 was met the day before the period began.
    REQUIRE(f.met_in_period.size() == 2);
    CHECK(f.met_in_period[0].person.id == "p-0001");
    CHECK(f.met_in_period[1].person.id == "p-0002");
    CHECK(f.who_acted == summary::ActorCounts{2, 1, 0, 0, 1});
  }

  TEST_CASE("the area filter keeps only the chosen areas' rows") {
    auto options = options_as_of("2026-11-22");
    options.filter.areas = {"control", "health"};
    std::vector<SummarisedFile> files{valid("p-0001.yaml", person("p-0001", ""), options)};
    const auto f = summary::summarise_folder(files, options);
    REQUIRE(f.outcomes_by_area.size() == 2);
    CHECK(f.outcomes_by_area[0].info->id == "health");  // statutory order, not the order asked
    CHECK(f.outcomes_by_area[1].info->id == "control");
  }

  TEST_CASE("reviews overdue, due soon and unknown; pending requests longest first") {
    const auto options = options_as_of("2026-11-22");
    std::vector<SummarisedFile> files{
        valid("p-0001.yaml", person("p-0001", R"(
reviews: [{ id: rv-1, date: 2025-01-01, type: first, next_review_due: 2026-01-01 }]
review_requests: [{ id: rr-1, date: 2026-11-01, requested_by: person, reason: x, sent_to: y, status: pending }]
)"),
              options),
        valid("p-0002.yaml", person("p-0002", R"(
reviews: [{ id: rv-1, date: 2025-01-01, type: first, next_review_due: 2026-11-01 }]
review_requests: [{ id: rr-1, date: 2026-01-01, requested_by: person, reason: x, sent_to: y, status: pending }]
)"),
              options),
        valid("p-0003.yaml",
              person("p-0003", "reviews: [{ id: rv-1, date: 2026-01-01, type: first, next_review_due: 2026-12-01 }]\n"),
              options),
        valid("p-0004.yaml", person("p-0004", ""), options)};
    const auto f = summary::summarise_folder(files, options);
    REQUIRE(f.reviews_overdue.size() == 2);
    CHECK(f.reviews_overdue[0].person.id == "p-0001");  // most overdue first
    CHECK(f.reviews_overdue[1].person.id == "p-0002");
    REQUIRE(f.reviews_due_soon.size() == 1);
    CHECK(f.reviews_due_soon[0].person.id == "p-0003");
    REQUIRE(f.reviews_unknown.size() == 1);
    CHECK(f.reviews_unknown[0].id == "p-0004");
    REQUIRE(f.pending_requests.size() == 2);
    CHECK(f.pending_requests[0].person.id == "p-0002");
    CHECK(f.pending_requests[0].request.days_waiting == 325);
  }

  TEST_CASE("ONS4 average change covers the people with two measures or more") {
    const auto options = options_as_of("2026-11-22");
    auto ons4 = [](const char* id, const char* day, int a, int b, int c, int d) {
      return "  - { id: " + std::string(id) + ", date: " + day +
             ", instrument: ONS4, ons4: { life_satisfaction: " + std::to_string(a) +
             ", worthwhile: " + std::to_string(b) + ", happy_yesterday: " + std::to_string(c) +
             ", anxious_yesterday: " + std::to_string(d) + " } }\n";
    };
    std::vector<SummarisedFile> files{
        valid("p-0001.yaml",
              person("p-0001", "measures:\n" + ons4("m-1", "2026-01-01", 2, 5, 5, 9) +
                                   ons4("m-2", "2026-05-01", 9, 9, 9, 9) + ons4("m-3", "2026-09-01", 5, 6, 5, 4)),
              options),
        valid("p-0002.yaml",
              person("p-0002",
                     "measures:\n" + ons4("m-1", "2026-01-01", 7, 7, 7, 2) + ons4("m-2", "2026-02-01", 7, 6, 8, 3)),
              options),
        valid("p-0003.yaml", person("p-0003", "measures:\n" + ons4("m-1", "2026-01-01", 0, 0, 0, 0)), options)};
    const auto f = summary::summarise_folder(files, options);
    // Changes first to latest: p-0001 (+3, +1, 0, -5), p-0002 (0, -1, +1, +1); p-0003 has one measure.
    for (const auto& q : f.ons4) {
      CHECK(q.people == 2);
    }
    CHECK(f.ons4[0].average == doctest::Approx(1.5));
    CHECK(f.ons4[1].average == doctest::Approx(0.0));
    CHECK(f.ons4[2].average == doctest::Approx(0.5));
    CHECK(f.ons4[3].average == doctest::Approx(-2.0));
  }

  TEST_CASE("people with no conversation in the period, and open safeguarding flags by type") {
    auto options = options_as_of("2026-11-22");
    std::vector<SummarisedFile> files{valid("p-0001.yaml", person("p-0001", R"(
conversations: [{ id: c-1, date: 2025-11-22, led_by: x, approach: observation, summary: y }]
safeguarding:
  - { id: sg-1, date: 2026-01-01, type: neglect, person_wishes: x, action_taken: y, referral_reference: z, status: open }
  - { id: sg-2, date: 2026-01-01, type: neglect, person_wishes: x, action_taken: y, referral_reference: z, status: open }
)"),
                                            options),
                                      valid("p-0002.yaml", person("p-0002", R"(
conversations: [{ id: c-1, date: 2025-11-23, led_by: x, approach: observation, summary: y }]
safeguarding:
  - { id: sg-1, date: 2026-01-01, type: domestic, person_wishes: x, action_taken: y, referral_reference: z, status: open }
)"),
                                            options),
                                      valid("p-0003.yaml", person("p-0003", ""), options)};
    const auto f = summary::summarise_folder(files, options);
    REQUIRE(f.no_conversation.size() == 2);
    CHECK(f.no_conversation[0].person.id == "p-0001");
    CHECK(util::format_date(*f.no_conversation[0].last_conversation) == "2025-11-22");
    CHECK(f.no_conversation[1].person.id == "p-0003");
    CHECK_FALSE(f.no_conversation[1].last_conversation);
    CHECK(f.safeguarding_open == 3);
    CHECK(f.safeguarding_people == 2);
    CHECK(f.safeguarding_by_type == std::vector<std::pair<std::string, std::size_t>>{{"domestic", 1}, {"neglect", 2}});

    options.redaction = summary::Redaction::keeping({});
    std::vector<SummarisedFile> redacted{valid("p-0001.yaml", person("p-0001", R"(
safeguarding:
  - { id: sg-1, date: 2026-01-01, type: neglect, person_wishes: x, action_taken: y, referral_reference: z, status: open }
)"),
                                               options),
                                         invalid("p-0002.yaml", "p-0002", "got `Private words`")};
    const auto r = summary::summarise_folder(redacted, options);
    CHECK(r.safeguarding_open == 1);
    CHECK(r.safeguarding_by_type.empty());
    CHECK(r.people[0].known_as == "p-0001");
    REQUIRE(r.files[1].first_error);
    CHECK(r.files[1].first_error->message.empty());  // schema messages can quote the record
  }
}

TEST_SUITE("summarise_files") {
  TEST_CASE("reads, checks and summarises in order; invalid and unparsable files are left out") {
    const std::string folder = std::string(WELLBEING_TEST_DATA) + "/summary/folder/records/";
    const std::vector<std::string> paths{folder + "p-0106.yaml", folder + "p-0101.yaml", folder + "p-0105.yaml",
                                         folder + "missing.yaml"};
    const auto files = summary::summarise_files(paths, options_as_of("2026-11-22"), 2);
    REQUIRE(files.size() == 4);
    CHECK(files[0].path == paths[0]);
    CHECK_FALSE(files[0].person);  // duplicate key: not even parsed
    CHECK(files[0].person_id.empty());
    CHECK(files[0].diagnostics.at(0).rule == "yaml");
    REQUIRE(files[1].person);
    CHECK(files[1].person->id == "p-0101");
    CHECK(files[1].person->file == paths[1]);
    CHECK_FALSE(files[2].person);  // schema error
    CHECK(files[2].person_id == "p-0105");
    CHECK(files[2].diagnostics.at(0).rule == "schema");
    CHECK(files[3].readable == false);
    CHECK_FALSE(files[3].person);
  }

  TEST_CASE("measures: a person measured with SWEMWBS only is counted; better, the same and worse per question") {
    const auto options = options_as_of("2026-11-22");
    std::vector<SummarisedFile> files;
    files.push_back(valid("p-0001.yaml", person("p-0001", R"(
measures:
  - { id: m-1, date: 2025-03-10, instrument: ONS4, ons4: { life_satisfaction: 5, worthwhile: 4, happy_yesterday: 5, anxious_yesterday: 6 } }
  - { id: m-2, date: 2026-04-14, instrument: ONS4, ons4: { life_satisfaction: 7, worthwhile: 8, happy_yesterday: 8, anxious_yesterday: 2 } }
  - { id: m-3, date: 2026-10-20, instrument: ONS4, ons4: { life_satisfaction: 6, worthwhile: 8, happy_yesterday: 5, anxious_yesterday: 4 } }
reviews:
  - { id: rv-1, date: 2026-04-14, type: scheduled, attendees: [x], next_review_due: 2027-04-14 }
)"),
                          options));
    files.push_back(valid("p-0002.yaml", person("p-0002", R"(
measures:
  - { id: m-1, date: 2025-10-06, instrument: SWEMWBS, score: 17, licence: x }
  - { id: m-2, date: 2026-09-30, instrument: SWEMWBS, score: 23, licence: x }
)"),
                          options));
    files.push_back(valid("p-0003.yaml", person("p-0003", ""), options));
    const auto f = summary::summarise_folder(files, options);
    CHECK(f.people_measured == 2);
    const summary::QuestionCounts& life = f.measures[0];
    CHECK(life.since_first.better == 1);
    CHECK(life.since_review.worse == 1);
    CHECK(life.since_review.better + life.since_review.same == 0);
    const summary::QuestionCounts& anxiety = f.measures[3];
    CHECK(anxiety.since_first.better == 1);  // 6 to 4: lower is better
    CHECK(anxiety.since_review.worse == 1);  // 2 to 4
    const summary::QuestionCounts& swemwbs = f.measures[4];
    CHECK(swemwbs.since_first.better == 1);  // 16.88 to 20.73
    CHECK(swemwbs.since_previous.better == 1);
    CHECK(swemwbs.since_review.better + swemwbs.since_review.same + swemwbs.since_review.worse == 0);  // no review
    CHECK(f.ons4[0].people == 1);  // the ONS4 averages still count only ONS4
  }
}
