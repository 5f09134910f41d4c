#include <doctest/doctest.h>

#include "wellbeing/report/provider.hpp"

using namespace wellbeing;
using report::compared_periods;
using summary::Interval;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

std::string span(const summary::Period& period) {
  return util::format_date(period.from) + ".." + util::format_date(period.to);
}

}  // namespace

TEST_SUITE("ComparedPeriods") {
  TEST_CASE("the quarter holding the date, to that date, against the whole quarter before") {
    const auto periods = compared_periods(Interval::quarterly, date("2026-11-22"));
    CHECK(span(periods.current) == "2026-10-01..2026-11-22");
    CHECK(span(periods.previous) == "2026-07-01..2026-09-30");
  }
  TEST_CASE("a month at the start of a year is compared with December") {
    const auto periods = compared_periods(Interval::monthly, date("2026-01-01"));
    CHECK(span(periods.current) == "2026-01-01..2026-01-01");
    CHECK(span(periods.previous) == "2025-12-01..2025-12-31");
  }
  TEST_CASE("a year against the year before") {
    const auto periods = compared_periods(Interval::yearly, date("2026-03-31"));
    CHECK(span(periods.current) == "2026-01-01..2026-03-31");
    CHECK(span(periods.previous) == "2025-01-01..2025-12-31");
  }
}
