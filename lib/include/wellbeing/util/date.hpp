#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace wellbeing::util {

using Date = std::chrono::year_month_day;

// Parses an ISO date "YYYY-MM-DD" (a real calendar date), or nullopt.
std::optional<Date> parse_date(std::string_view text);

// "YYYY-MM-DD".
std::string format_date(Date date);

// Today in UTC.
Date today();

// Days from `from` to `to` (negative when `to` is earlier).
int days_between(Date from, Date to);

// `date` plus `days` days (may be negative).
Date add_days(Date date, int days);

// `date` plus `months` months; the day is clamped to the end of a shorter month (31 Jan + 1 month = 28/29 Feb).
Date add_months(Date date, int months);

}  // namespace wellbeing::util
