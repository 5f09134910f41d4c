#include "wellbeing/util/date.hpp"

#include <charconv>

#include <fmt/format.h>

namespace wellbeing::util {

namespace {

std::optional<int> digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') {
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(5, 2));
  const auto day = digits(text.substr(8, 2));
  if (!year || !month || !day) {
    return std::nullopt;
  }
  const Date date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                  std::chrono::day{static_cast<unsigned>(*day)}};
  if (!date.ok()) {
    return std::nullopt;
  }
  return date;
}

std::string format_date(Date date) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                     static_cast<unsigned>(date.day()));
}

Date today() {
  return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

int days_between(Date from, Date to) {
  return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

Date add_days(Date date, int days) {
  return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

Date add_months(Date date, int months) {
  const std::chrono::year_month shifted =
      std::chrono::year_month{date.year(), date.month()} + std::chrono::months{months};
  const std::chrono::day last = std::chrono::year_month_day_last{shifted.year(), std::chrono::month_day_last{shifted.month()}}.day();
  return Date{shifted.year(), shifted.month(), std::min(date.day(), last)};
}

}  // namespace wellbeing::util
