// Calendar dates: ISO parsing, day and month arithmetic.
#include <chrono>
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/util/date.hpp"

using namespace wellbeing::util;

namespace {

Date date(const char* text) {
  const auto parsed = parse_date(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

}  // namespace

TEST_SUITE("util::date") {
  TEST_CASE("parse_date takes real YYYY-MM-DD dates only") {
    CHECK(format_date(date("2026-11-22")) == "2026-11-22");
    CHECK(format_date(date("2024-02-29")) == "2024-02-29");
    CHECK(format_date(date("0001-01-01")) == "0001-01-01");
    for (const char* bad : {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "2026/01/01",
                            "26-01-01", "2026-01-01T00:00", " 2026-01-01", "2026-0a-01", "+026-01-01", ""}) {
      CAPTURE(bad);
      CHECK_FALSE(parse_date(bad).has_value());
    }
  }

  TEST_CASE("days_between and add_days are inverse, across months, years and leap days") {
    CHECK(days_between(date("2026-01-01"), date("2026-01-01")) == 0);
    CHECK(days_between(date("2026-01-31"), date("2026-02-01")) == 1);
    CHECK(days_between(date("2026-02-01"), date("2026-01-31")) == -1);
    CHECK(days_between(date("2024-02-28"), date("2024-03-01")) == 2);
    CHECK(days_between(date("2025-11-22"), date("2026-11-22")) == 365);
    CHECK(days_between(date("2023-11-22"), date("2024-11-22")) == 366);
    CHECK(format_date(add_days(date("2026-10-05"), 42)) == "2026-11-16");
    CHECK(format_date(add_days(date("2026-01-01"), -1)) == "2025-12-31");
    CHECK(format_date(add_days(date("2024-02-28"), 1)) == "2024-02-29");
  }

  TEST_CASE("add_months keeps the day, clamped to the end of a shorter month") {
    CHECK(format_date(add_months(date("2026-01-15"), 1)) == "2026-02-15");
    CHECK(format_date(add_months(date("2026-01-31"), 1)) == "2026-02-28");
    CHECK(format_date(add_months(date("2024-01-31"), 1)) == "2024-02-29");
    CHECK(format_date(add_months(date("2026-03-31"), 1)) == "2026-04-30");
    CHECK(format_date(add_months(date("2026-11-30"), 2)) == "2027-01-30");
    CHECK(format_date(add_months(date("2026-11-22"), -12)) == "2025-11-22");
    CHECK(format_date(add_months(date("2026-03-31"), -1)) == "2026-02-28");
    CHECK(format_date(add_months(date("2024-02-29"), 12)) == "2025-02-28");
    CHECK(format_date(add_months(date("2026-01-01"), -13)) == "2024-12-01");
    CHECK(format_date(add_months(date("2026-05-31"), 0)) == "2026-05-31");
  }

  TEST_CASE("today is a valid date") {
    CHECK(today().ok());
  }
}
