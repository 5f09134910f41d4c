#include <doctest/doctest.h>

#include <string>

#include "wellbeing/summary/options.hpp"

using namespace wellbeing;
using summary::Filter;
using summary::Redaction;
using summary::shorten;
using summary::show_date;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

}  // namespace

TEST_SUITE("shorten") {
  TEST_CASE("short text is kept, on one line with single spaces") {
    CHECK(shorten("I'm slow, not daft.", 60) == "I'm slow, not daft.");
    CHECK(shorten("  two\n lines\tand\r\n  spaces  ", 60) == "two lines and spaces");
    CHECK(shorten("", 60) == "");
  }

  TEST_CASE("long text is cut at a word boundary and ends with an ellipsis") {
    CHECK(shorten("My hands are the worst of it. Some mornings I can't do my buttons.", 30) ==
          "My hands are the worst of it.…");
    CHECK(shorten("one two three four", 10) == "one two…");
    CHECK(shorten("Supercalifragilistic", 8) == "Superca…");  // no space to cut at
    CHECK(shorten("alpha, beta gamma", 8) == "alpha…");       // no comma before the ellipsis
  }

  TEST_CASE("the width counts characters, not bytes, and never splits one") {
    const std::string cut = shorten("ééééé ééééé", 8);
    CHECK(cut == "ééééé…");
    CHECK(shorten("ééé", 3) == "ééé");
    CHECK(shorten("éééé", 3) == "éé…");
  }

  TEST_CASE("a width of 0 keeps the whole text") {
    CHECK(shorten("a long line\nwith a break", 0) == "a long line with a break");
  }
}

TEST_SUITE("show_date") {
  TEST_CASE("exact dates, or year and month when redaction keeps no dates") {
    const Redaction none;
    CHECK(show_date(date("2026-03-07"), none) == "2026-03-07");
    CHECK(show_date(std::nullopt, none) == "");
    CHECK(show_date(date("2026-03-07"), Redaction::keeping({})) == "2026-03");
    CHECK(show_date(date("2026-03-07"), Redaction::keeping({"dates"})) == "2026-03-07");
  }
}

TEST_SUITE("Filter") {
  TEST_CASE("empty lists choose everything") {
    const Filter all;
    CHECK(all.wants_area("health"));
    CHECK(all.wants_status("met"));
    CHECK(all.wants_person("p-0001"));
    CHECK(all.wants_outcome("open", {}));
  }

  TEST_CASE("an outcome is counted when its status is chosen and it names a chosen area") {
    Filter filter;
    filter.areas = {"health", "control"};
    filter.statuses = {"open", "in_progress"};
    CHECK(filter.wants_outcome("open", {"dignity", "control"}));
    CHECK_FALSE(filter.wants_outcome("open", {"dignity"}));
    CHECK_FALSE(filter.wants_outcome("met", {"health"}));
    CHECK_FALSE(filter.wants_outcome("open", {}));
  }
}

TEST_SUITE("default_options") {
  TEST_CASE("due soon from the config; the period is the twelve months up to as_of") {
    records::Config config;
    config.due_soon_days = 14;
    const auto options = summary::default_options(config, date("2026-11-22"));
    CHECK(options.within_days == 14);
    CHECK(util::format_date(options.period.from) == "2025-11-23");
    CHECK(util::format_date(options.period.to) == "2026-11-22");
    CHECK(options.period.contains(date("2025-11-23")));
    CHECK_FALSE(options.period.contains(date("2025-11-22")));
    CHECK(options.period.contains(date("2026-11-22")));
    CHECK_FALSE(options.period.contains(date("2026-11-23")));
    // A leap day: 29 February 2028 less 12 months is 28 February 2027 (clamped), so the period starts 1 March.
    const auto leap = summary::default_options(config, date("2028-02-29"));
    CHECK(util::format_date(leap.period.from) == "2027-03-01");
  }
}
