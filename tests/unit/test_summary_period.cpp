#include <doctest/doctest.h>

#include <algorithm>

#include "wellbeing/summary/period.hpp"

using namespace wellbeing;
using namespace wellbeing::summary;

namespace {

util::Date date(const char* text) { return *util::parse_date(text); }

std::string labels(const std::vector<PeriodColumn>& columns) {
  std::string out;
  for (const PeriodColumn& c : columns) {
    out += (out.empty() ? "" : " ") + c.label + "=" + util::format_date(c.period.from) + ".." +
           util::format_date(c.period.to);
  }
  return out;
}

}  // namespace

TEST_SUITE("summary period") {
  TEST_CASE("quarters cover the span, the first and last cut to it") {
    CHECK(labels(split_periods(Interval::quarterly, {date("2025-02-10"), date("2025-08-15")})) ==
          "2025-Q1=2025-02-10..2025-03-31 2025-Q2=2025-04-01..2025-06-30 2025-Q3=2025-07-01..2025-08-15");
  }
  TEST_CASE("months across a year's end, and February of a leap year") {
    CHECK(labels(split_periods(Interval::monthly, {date("2027-12-01"), date("2028-02-29")})) ==
          "2027-12=2027-12-01..2027-12-31 2028-01=2028-01-01..2028-01-31 2028-02=2028-02-01..2028-02-29");
  }
  TEST_CASE("years, and a span of one day") {
    CHECK(labels(split_periods(Interval::yearly, {date("2025-06-01"), date("2026-01-01")})) ==
          "2025=2025-06-01..2025-12-31 2026=2026-01-01..2026-01-01");
    CHECK(labels(split_periods(Interval::quarterly, {date("2026-12-31"), date("2026-12-31")})) ==
          "2026-Q4=2026-12-31..2026-12-31");
  }
  TEST_CASE("every output's figures: the counts, then each question's moves as a share of those it measured") {
    PeriodColumn column;
    column.people = 4;
    column.measured = 3;
    column.moves[3] = {1, 0, 2};  // anxious yesterday: 1 better, 2 worse
    const std::vector<PeriodFigure> figures = period_figures(column);
    REQUIRE(figures.size() == 11 + 3 * records::k_measure_questions.size());
    CHECK(figures[0].id == "people");
    CHECK(figures[0].value == 4);
    CHECK(figures[0].of == 0);
    CHECK(figures[10].id == "measured");
    const auto found = [&](std::string_view id) {
      return *std::find_if(figures.begin(), figures.end(), [&](const PeriodFigure& f) { return f.id == id; });
    };
    CHECK(found("anxious_yesterday_worse").value == 2);
    CHECK(found("anxious_yesterday_worse").of == 3);
    CHECK(found("anxious_yesterday_worse").words == "Anxious yesterday (lower is better): worse");
    CHECK(found("swemwbs_better").of == 0);
  }
  TEST_CASE("a folder outside any git repository is refused") {
    const auto result = summarise_periods("/", Interval::monthly, {date("2026-01-01"), date("2026-03-31")}, {});
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("not in a git repository") != std::string::npos);
  }
}
