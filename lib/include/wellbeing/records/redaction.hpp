#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/util/date.hpp"

namespace wellbeing::records {

// A date as far as a redaction lets it be known: the whole date, or only its year and month. When only
// the month is shown the day is not kept at all (it is the 1st), so no format can print it by mistake.
struct ShownDate {
  util::Date date;
  bool month_only = false;

  friend auto operator<=>(const ShownDate&, const ShownDate&) = default;
};

// "2026-11-22", or "2026-11" when only the month is shown.
std::string format_date(const ShownDate& date);

// What a redacted summary or report (made to be shared outside the provider) still shows. When `on`, each
// kind of detail is withheld unless its flag keeps it, as the folder's `redaction.keep` lists it; staff's
// free text, which may name or identify people, is always withheld. When off, everything is shown.
struct Redaction {
  bool on = false;
  bool known_as = false;      // the name the person likes to be called
  bool names = false;         // representatives', staff's and others' names
  bool quotes = false;        // the person's own words: what they said about an area, outcomes as they put them
  bool dates = false;         // exact dates; otherwise year and month only
  bool references = false;    // review request and referral references
  bool safeguarding = false;  // the types of open safeguarding flags; otherwise only their count
  bool sharing = false;       // what was shared with whom; otherwise only that something was

  // Redaction on, keeping what `keep` lists (redaction.keep's values; unknown ones are ignored).
  static Redaction keeping(const std::vector<std::string>& keep);

  // Whether a kind of detail (one of the flags above, as in `r.shows(r.safeguarding)`) is shown: always
  // when redaction is off, otherwise when its flag keeps it.
  bool shows(bool kept) const { return !on || kept; }

  // `value` as a reader may see it, or nullopt when it is withheld. An empty value is never withheld.
  std::optional<std::string> name(const std::string& value) const;       // kept with `names`
  std::optional<std::string> quote(const std::string& value) const;      // kept with `quotes`
  std::optional<std::string> reference(const std::string& value) const;  // kept with `references`
  std::optional<std::string> text(const std::string& value) const;       // staff's free text: never kept

  // `date` to the day, or to the month when redaction keeps no exact dates.
  ShownDate date(util::Date date) const;
  std::optional<ShownDate> date(const std::optional<util::Date>& date) const;
};

// What a document shows in place of withheld text, and of a withheld name.
inline constexpr std::string_view k_withheld = "[withheld]";
inline constexpr std::string_view k_name_withheld = "[name withheld]";

}  // namespace wellbeing::records
