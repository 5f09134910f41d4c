#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/document/node.hpp"
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

// How a withheld value stands in the redacted data: marked, as a review report shows it ("[withheld]",
// "[name withheld]"), or emptied, as a summary leaves it out.
enum class Withheld { marked, emptied };

// What a redacted summary or report (made to be shared outside the provider) still shows. When `on`, each
// kind of detail is withheld unless its flag keeps it, as the folder's `redaction.keep` lists it; staff's
// free text, which may name or identify people, is always withheld. When off, everything is shown.
// Which kind of detail each value of a record is comes from the record schema's "x-redact" annotations.
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

  // The record `root` as a redacted output may show it: the one redaction step, applied to the data before
  // any summary or report is made from it. Each scalar is let through or withheld by the "x-redact" of
  // the record schema at its place (show, date, known_as, names, quotes, references, safeguarding,
  // sharing, text); a string with no annotation, and anything at a place the schema does not know, is
  // withheld. Empty strings stay. Dates stay whole, for reckoning what is due; every output shows them
  // through date(). When off, `root` is returned as it is.
  document::Node apply(const document::Node& root, Withheld withheld) const;

  // `date` to the day, or to the month when redaction keeps no exact dates.
  ShownDate date(util::Date date) const;
  std::optional<ShownDate> date(const std::optional<util::Date>& date) const;
};

// One place in a record where a string may stand, and the "x-redact" annotation that reaches it.
struct RedactionPlace {
  std::string path;  // "/outcomes/*/referral/to": list items (and free keys) as *
  std::string kind;  // the annotation's value ("names"), "" when none reaches the place
};

// Every place in records of the schema `schema` where a string may stand, with its annotation.
std::vector<RedactionPlace> redaction_places(const document::Node& schema);

// The places above with no annotation, or one apply() does not know (it withholds what stands there).
// Empty for the built-in schema: a new string field must say whether a redacted output may show it.
std::vector<std::string> unannotated_strings(const document::Node& schema);

// What a document shows in place of withheld text, and of a withheld name.
inline constexpr std::string_view k_withheld = "[withheld]";
inline constexpr std::string_view k_name_withheld = "[name withheld]";

}  // namespace wellbeing::records
