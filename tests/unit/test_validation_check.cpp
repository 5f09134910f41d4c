// validation::check_record: the schema and the rules together, with the folder's severities and the record's
// suppressions; and rules::check_config_rules.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/rules/rule.hpp"

namespace fs = std::filesystem;
using namespace wellbeing;

namespace {

const char* const k_areas = R"(areas:
  dignity: { status: not_yet_explored }
  health: { status: not_yet_explored }
  protection: { status: not_yet_explored }
  control: { status: not_yet_explored }
  participation: { status: not_yet_explored }
  social_economic: { status: not_yet_explored }
  relationships: { status: not_yet_explored }
  accommodation: { status: not_yet_explored }
  contribution: { status: not_yet_explored }
)";

// A record (lines 1-14 before `tail`) whose outcome o-1 has no actions (WB015, a warning, at 16:5).
std::string record(const std::string& outcome_extra = "", const std::string& tail = "") {
  return std::string("schema: wellbeing/v1\nperson: { id: p-0001, voice: direct }\n") + k_areas +
         "outcomes:\n"
         "  - id: o-1\n"
         "    kind: keep\n"
         "    areas: [participation]\n"
         "    said: Keep my Thursdays at the food bank.\n"
         "    opened: 2025-02-20\n"
         "    status: in_progress\n" +
         outcome_extra + tail;
}

records::CheckOptions options() {
  records::CheckOptions out;
  out.as_of = *util::parse_date("2026-11-22");
  return out;
}

// Each diagnostic as "line:col severity [rule] message", one a line; the notes of suppressions in force
// only when `notes`.
std::string check(const std::string& text, const records::CheckOptions& opts = options(), bool notes = false) {
  auto parsed = document::parse(text, "records/p-0001.yaml");
  REQUIRE(parsed.has_value());
  std::string out;
  for (const Diagnostic& d : validation::check_record(*parsed, opts)) {
    if (d.rule == "suppress" && !notes) {
      continue;
    }
    CHECK(d.location.file == "records/p-0001.yaml");
    out +=
        fmt::format("{}:{} {} [{}] {}\n", d.location.line, d.location.column, to_string(d.severity), d.rule, d.message);
  }
  return out;
}

std::string lines(std::initializer_list<std::string> list) {
  std::string out;
  for (const auto& line : list) {
    out += line + "\n";
  }
  return out;
}

const std::string k_wb015 = "outcome o-1 is in_progress but has no actions: say who will do what";

}  // namespace

TEST_SUITE("validation::check_record") {
  TEST_CASE("rule findings carry the rule id, the default severity and the item's location") {
    CHECK(check(record()) == lines({"14:5 warning [WB015] " + k_wb015}));
  }

  TEST_CASE("the folder's settings change a rule's severity or turn it off") {
    records::CheckOptions opts = options();
    opts.config.rules["WB015"].severity = Severity::error;
    CHECK(check(record(), opts) == lines({"14:5 error [WB015] " + k_wb015}));
    opts.config.rules["WB015"].severity = Severity::info;
    CHECK(check(record(), opts) == lines({"14:5 info [WB015] " + k_wb015}));
    opts.config.rules["WB015"].severity = std::nullopt;
    CHECK(check(record(), opts).empty());
  }

  TEST_CASE("every suppression in force is said as a note at its entry, and one naming no rule is not") {
    const std::string suppress =
        "    suppress:\n      - { rule: WB015, reason: Bev goes by herself; nothing to do. }\n"
        "      - { rule: WB105, reason: Typo. }\n";
    CHECK(check(record(suppress), options(), true) ==
          lines({"21:9 info [suppress] WB015 suppressed on o-1: Bev goes by herself; nothing to do.",
                 "22:17 warning [WB030] the suppression names WB105, which is not a rule (did you mean WB005?)"}));
  }

  TEST_CASE("a suppression silences its rule on its item, and on what the item holds") {
    const std::string suppress =
        "    suppress:\n      - { rule: WB015, reason: Bev goes by herself; nothing to do. }\n";
    CHECK(check(record(suppress)).empty());
    // Another rule's suppression does not silence it.
    CHECK(check(record("    suppress:\n      - { rule: WB016, reason: Not this one. }\n")) ==
          lines({"14:5 warning [WB015] " + k_wb015}));
    // A suppression on the outcome covers its actions: WB006 on action a-1 is silenced.
    const std::string action =
        "    actions:\n      - { id: a-1, who: self, what: Go on Thursdays., done: 2026-11-26 }\n";
    CHECK(check(record(action)) ==
          lines({"21:61 error [WB006] action a-1: done 2026-11-26 is after today (2026-11-22)"}));
    CHECK(
        check(record(action + "    suppress:\n      - { rule: WB006, reason: Written ahead on purpose. }\n")).empty());
  }

  TEST_CASE("a suppression on one item does not reach a sibling whose pointer starts the same way") {
    std::string many = record("    actions: [{ id: a-1, who: self, what: Go. }]\n");
    for (int i = 2; i <= 11; ++i) {
      many += fmt::format(
          "  - {{ id: o-{}, kind: keep, areas: [health], said: Keep well., opened: 2025-02-20, "
          "status: open{} }}\n",
          i, i == 2 ? ", suppress: [{ rule: WB015, reason: Waiting for the GP. }]" : "");
    }
    // /outcomes/1 (o-2) suppresses WB015; /outcomes/10 (o-11) must still be reported.
    const std::string found = check(many);
    CHECK(std::count(found.begin(), found.end(), '\n') == 9);
    CHECK(found.ends_with("30:5 warning [WB015] outcome o-11 is open but has no actions: say who will do what\n"));
  }

  TEST_CASE("a suppression naming no rule is itself a finding") {
    CHECK(check(record("    suppress:\n      - { rule: WB105, reason: Typo. }\n")) ==
          lines({"14:5 warning [WB015] " + k_wb015,
                 "21:17 warning [WB030] the suppression names WB105, which is not a rule (did you mean WB005?)"}));
  }

  TEST_CASE("findings are sorted by position") {
    const std::string found = check(record("",
                                           "measures:\n  - { id: m-1, date: 2027-01-01, instrument: ONS4, ons4: "
                                           "{ life_satisfaction: 7, worthwhile: 6, happy_yesterday: 7, "
                                           "anxious_yesterday: 4 } }\n"));
    CHECK(found == lines({"14:5 warning [WB015] " + k_wb015,
                          "21:22 error [WB006] measure m-1: date 2027-01-01 is after today (2026-11-22)"}));
  }

  TEST_CASE("a value the schema and a rule both object to is reported once") {
    const std::string found = check(record("    actions: [{ id: a-1, who: self, what: Go. }]\n",
                                           "measures:\n  - { id: m-1, date: 2026-10-20, instrument: ONS4, ons4: "
                                           "{ life_satisfaction: 11, worthwhile: 6, happy_yesterday: 7, "
                                           "anxious_yesterday: 4 } }\n"));
    // Whichever reports it (the schema when it can, else WB018), 11 is reported once at its own place.
    CHECK(std::count(found.begin(), found.end(), '\n') == 1);
    CHECK(found.starts_with("22:"));
    CHECK(found.find(" error ") != std::string::npos);
  }

  TEST_CASE("broken records are reported, never a crash") {
    const std::vector<std::string> broken{
        "",
        "just a line of text",
        "- a\n- list\n",
        "schema: wellbeing/v1\nperson: Maureen\nareas: [dignity, health]\n",
        "person: { id: 7, voice: [direct], capacity: not_at_present, representatives: {r-1: x} }\n",
        "areas: { dignity: { status: explored, importance: high, concerns: 3, evidence: e-1, updated: yesterday } }\n",
        "outcomes: { o-1: x }\nmeasures: [{ ons4: [1, 2] }, { ons4: { life_satisfaction: null } }, 7]\n",
        "outcomes: [{ id: o-1, actions: {a: 1}, risk_to_others: yes, service_can_meet: maybe, status: met }]\n",
        "reviews: [{ id: rv-1, date: 2026-02-30, next_review_due: [] }, 'x']\nreview_requests: 3\n",
        "safeguarding: [{ status: open }]\nsharing: [{ basis: consent, consent_recorded: yes }]\n",
        "person: { suppress: [{ rule: 5 }, 'WB001', { reason: x }] }\nevidence: [{ consulted: 3 }]\n",
    };
    for (const std::string& text : broken) {
      CAPTURE(text);
      auto parsed = document::parse(text, "broken.yaml");
      REQUIRE(parsed.has_value());
      Diagnostics found;
      CHECK_NOTHROW(found = validation::check_record(*parsed, options()));
      if (!text.empty()) {
        CHECK_FALSE(found.empty());
      }
    }
  }
}

TEST_SUITE("rules::check_config_rules") {
  TEST_CASE("a rule id in the folder settings that is not a rule is an error at its key") {
    const fs::path dir = fs::temp_directory_path() / fmt::format("wellbeing-config-{}", ::getpid());
    fs::create_directories(dir);
    const fs::path file = dir / "wellbeing.yaml";
    std::ofstream(file)
        << "schema: wellbeing-config/v1\nprovider: { name: Test, type: home_care }\nrules:\n  WB015: error\n"
           "  WB051: off\n";
    auto config = records::load_config(file);
    if (!config) {
      FAIL("the settings do not load: " << config.error().front().message);
    }
    const Diagnostics found = rules::check_config_rules(*config);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "rules: WB051 is not a rule (did you mean WB001?)");
    CHECK(found[0].location.file == file.generic_string());
    CHECK(found[0].location.line == 5);
    CHECK(found[0].location.column == 3);
    CHECK(found[0].severity == Severity::error);
    fs::remove_all(dir);

    records::Config defaults;
    CHECK(rules::check_config_rules(defaults).empty());
  }
}
