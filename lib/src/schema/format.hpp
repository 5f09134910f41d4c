#pragma once

#include <string_view>

namespace wellbeing::schema::detail {

// The string formats that draft-07 defines and we assert. Each takes the whole string.

// RFC 3339 full-date: YYYY-MM-DD with a real day of that month (29 February only in leap years).
bool is_date(std::string_view text);
// RFC 3339 full-time: hh:mm:ss, optional fraction, then Z or an offset. Second 60 only for a leap
// second, that is at 23:59:60 UTC once the offset is applied.
bool is_time(std::string_view text);
// RFC 3339 date-time: a full-date, "T" (or "t"), a full-time.
bool is_date_time(std::string_view text);
// An RFC 5322 addr-spec in its common form: dot-atom local part, "@", a domain or an address literal.
bool is_email(std::string_view text);
// An absolute RFC 3986 URI: scheme, ":", and only the characters RFC 3986 allows in each part.
bool is_uri(std::string_view text);

}  // namespace wellbeing::schema::detail
