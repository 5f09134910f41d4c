#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/records/config.hpp"
#include "wellbeing/records/redaction.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::summary {

// Outcome statuses in the order summaries show them (the schema's order).
inline constexpr std::array<std::string_view, 5> k_outcome_statuses{"open", "in_progress", "met", "not_met",
                                                                    "withdrawn"};
// Who can act on an outcome, strengths first (the schema's order).
inline constexpr std::array<std::string_view, 5> k_actors{"self", "network", "community", "service", "other_agency"};
// The four ONS4 questions, in the order they are asked. For anxious_yesterday lower is better.
inline constexpr std::array<std::string_view, 4> k_ons4_questions{"life_satisfaction", "worthwhile", "happy_yesterday",
                                                                  "anxious_yesterday"};

// The index of `status` in k_outcome_statuses (of `actor` in k_actors), or nullopt.
std::optional<std::size_t> status_index(std::string_view status);
std::optional<std::size_t> actor_index(std::string_view actor);

// Summaries redact with the records' one redaction (what `redaction.keep` keeps, how a date is shown).
using records::Redaction;

// The records a summary counts, chosen on the command line. Empty lists choose everything.
struct Filter {
  std::vector<std::string> areas;     // area ids: outcomes naming any of them; the areas shown
  std::vector<std::string> statuses;  // outcome statuses
  std::vector<std::string> people;    // person ids

  bool wants_area(std::string_view area) const;
  bool wants_status(std::string_view status) const;
  bool wants_person(std::string_view person) const;
  // Whether an outcome with this status naming these areas is counted.
  bool wants_outcome(std::string_view status, const std::vector<std::string_view>& areas) const;
};

// The area ids `given` names (ids such as "health", or the letters a to i), each once, in the order given;
// or, for the first unknown one, "unknown area 'x' (did you mean 'y'?); the areas are …".
util::Expected<std::vector<std::string>, util::Failure> parse_areas(const std::vector<std::string>& given);

// The outcome statuses `given` names, each once; or "unknown outcome status 'x' …; the statuses are …".
util::Expected<std::vector<std::string>, util::Failure> parse_statuses(const std::vector<std::string>& given);

// A span of days, both ends included.
struct Period {
  util::Date from;
  util::Date to;

  bool contains(util::Date date) const { return from <= date && date <= to; }
};

struct Options {
  records::Config config;  // review intervals (and the config's path, for display)
  util::Date as_of;        // taken as today: overdue, due soon, waiting times
  int within_days = 28;    // a review due within this many days of as_of is "due soon"
  Period period;           // for outcomes met and conversations held
  Filter filter;
  Redaction redaction;
  std::size_t said_width = 60;  // the person's words are shortened to this many characters (0: kept whole)
};

// Options for `config` and `as_of`: due soon from the config, and the period the twelve months up to as_of
// (from the day after as_of minus 12 months, to as_of).
Options default_options(const records::Config& config, util::Date as_of);

// A date as a summary shows it: "2026-11-22", or "2026-11" when redaction keeps no exact dates; "" for none.
std::string show_date(const std::optional<util::Date>& date, const Redaction& redaction);

// `text` on one line (tabs, line breaks and runs of spaces become one space) and at most `width`
// characters (UTF-8 code points), cut at a word boundary where there is one, ending with "…" when cut.
// A width of 0 means no limit.
std::string shorten(std::string_view text, std::size_t width);

}  // namespace wellbeing::summary
