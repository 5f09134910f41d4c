// Rules about the practice the record shows: WB033, WB034, WB035, WB036, WB037.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

#include "checks.hpp"

namespace wellbeing::rules::detail {

namespace {

std::string lowered(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The name an attendee is written with, lower case: "julie" for "Julie (daughter)", "the person" for "The person".
std::string leading_name(std::string_view attendee) {
  if (const std::size_t bracket = attendee.find('('); bracket != std::string_view::npos) {
    attendee = attendee.substr(0, bracket);
  }
  while (!attendee.empty() && (attendee.back() == ' ' || attendee.back() == ',')) {
    attendee.remove_suffix(1);
  }
  while (!attendee.empty() && attendee.front() == ' ') {
    attendee.remove_prefix(1);
  }
  return lowered(attendee);
}

// Does `name` ("maureen smith") begin with the word or words `word` ("maureen")?
bool begins_with_name(std::string_view name, std::string_view word) {
  return !word.empty() && name.starts_with(word) && (name.size() == word.size() || name[word.size()] == ' ');
}

// Is this attendee the person, or someone who represents them (a representative who is not a professional)?
bool person_or_representative(std::string_view attendee, const records::Person& person) {
  const std::string name = leading_name(attendee);
  if (name == "the person" || name == "person" || (!person.id.empty() && name == person.id) ||
      begins_with_name(name, lowered(person.known_as))) {
    return true;
  }
  return std::any_of(person.representatives.begin(), person.representatives.end(),
                     [&](const records::Representative& r) {
                       // A professional involved in their care does not represent them (WB013).
                       return r.role != "professional" && begins_with_name(name, lowered(r.name));
                     });
}

bool active(const records::Outcome& outcome) { return outcome.status == "open" || outcome.status == "in_progress"; }

// A conversation that the person took part in (not one about them with others, nor time spent watching).
bool with_the_person(const records::Conversation& conversation) {
  return conversation.approach != "consultation" && conversation.approach != "observation";
}

}  // namespace

Findings wb033_conversation_since_review(const Context& context) {
  // The grace period: after a review, until halfway to the next one; after support started with no review
  // yet, the earliest week of the first review, so that the first review has a conversation to look at.
  Findings out;
  const records::Record& record = context.record;
  const records::Person& person = record.person;
  const util::Date as_of = context.options.as_of;
  const records::Review* latest = record.latest_review();
  const records::Item* item = nullptr;
  std::string_view relative;
  std::string since_what;
  util::Date since{};
  util::Date due{};
  if (latest && latest->date) {
    since = *latest->date;
    const util::Date next = latest->next_review_due
                                ? *latest->next_review_due
                                : util::add_months(since, context.options.config.review_interval_months);
    due = util::add_days(since, std::max(0, util::days_between(since, next)) / 2);
    item = latest;
    relative = "/date";
    since_what = fmt::format("since review {} on {}", latest->id, show(since));
  } else if (person.support_started) {
    since = *person.support_started;
    due = util::add_days(since, 7 * context.options.config.first_review_min_weeks);
    item = &person;
    relative = "/support_started";
    since_what = fmt::format("since support started on {}", show(since));
  } else {
    return out;
  }
  if (as_of <= due) {
    return out;
  }
  auto in_period = [&](const std::optional<util::Date>& date) { return date && *date >= since && *date <= as_of; };
  const std::string why = cannot_take_part(person);
  if (why.empty()) {
    const bool talked =
        std::any_of(record.conversations.begin(), record.conversations.end(),
                    [&](const records::Conversation& c) { return with_the_person(c) && in_period(c.date); });
    if (!talked) {
      out.push_back(at(*item, relative,
                       fmt::format("no wellbeing conversation with the person {} ({} ago): talk with them about "
                                   "their wellbeing, and record it under conversations",
                                   since_what, count(util::days_between(since, as_of), "day", "days"))));
    }
    return out;
  }
  const bool heard = std::any_of(record.conversations.begin(), record.conversations.end(),
                                 [&](const records::Conversation& c) { return in_period(c.date); }) ||
                     std::any_of(record.evidence.begin(), record.evidence.end(),
                                 [&](const records::Evidence& e) { return in_period(e.date) || in_period(e.until); });
  if (!heard) {
    out.push_back(at(*item, relative,
                     fmt::format("no conversation, consultation or evidence {} ({} ago), though the person cannot "
                                 "take part at present ({}): record how their wellbeing is understood now",
                                 since_what, count(util::days_between(since, as_of), "day", "days"), why)));
  }
  return out;
}

Findings wb034_review_attended(const Context& context) {
  Findings out;
  const records::Person& person = context.record.person;
  for (const auto& review : context.record.reviews) {
    if (!review.absent_reason.empty() || review.attendees.empty()) {
      continue;  // a reason is recorded, or the schema reports the empty list
    }
    const bool attended = std::any_of(review.attendees.begin(), review.attendees.end(),
                                      [&](std::string_view a) { return person_or_representative(a, person); });
    if (!attended) {
      out.push_back(at(review, "/attendees",
                       fmt::format("neither the person nor a representative took part in review {} ({}): record "
                                   "who did, or why not and how their views were heard (absent_reason)",
                                   review.id, fmt::join(review.attendees, ", "))));
    }
  }
  return out;
}

Findings wb035_not_met_followed_up(const Context& context) {
  // An outcome the service said it cannot meet is WB009's, which asks for both a referral and a review
  // request; this rule asks an outcome the service tried and did not meet for at least one of them.
  Findings out;
  for (const auto& outcome : context.record.outcomes) {
    if (outcome.status != "not_met" || !outcome.service_can_meet) {
      continue;
    }
    if (!outcome.has_referral && outcome.review_request.empty()) {
      out.push_back(at(outcome, "/status",
                       fmt::format("outcome {} is not_met with no referral and no review request: help the person "
                                   "reach someone better placed to meet it (referral), or ask for a review of their "
                                   "support (review_request)",
                                   outcome.id)));
    }
  }
  return out;
}

Findings wb036_formats_used(const Context& context) {
  Findings out;
  const records::Record& record = context.record;
  if (record.conversations.empty()) {
    return out;  // no conversation at all is WB033's
  }
  const std::vector<std::string_view>& formats = record.person.communication_formats;
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const bool used = std::any_of(record.conversations.begin(), record.conversations.end(),
                                  [&](const records::Conversation& c) { return c.accessible_format == formats[i]; });
    if (!used) {
      out.push_back(at(record.person, fmt::format("/communication/formats/{}", i),
                       fmt::format("the person needs {}, but no conversation used it (accessible_format): ask in the "
                                   "way they can take part",
                                   formats[i])));
    }
  }
  return out;
}

Findings wb037_safeguarding_in_outcomes(const Context& context) {
  Findings out;
  const records::Record& record = context.record;
  for (const auto& flag : record.safeguarding) {
    if (flag.status != "open" || flag.id.empty()) {
      continue;
    }
    auto touches = [&](std::string_view area) {
      return area == "protection" || std::find(flag.areas.begin(), flag.areas.end(), area) != flag.areas.end();
    };
    for (const auto& outcome : record.outcomes) {
      const bool pending = active(outcome) || std::any_of(outcome.actions.begin(), outcome.actions.end(),
                                                          [](const records::Action& a) { return !a.done; });
      const auto area = std::find_if(outcome.areas.begin(), outcome.areas.end(), touches);
      if (!pending || area == outcome.areas.end() ||
          std::find(outcome.safeguarding.begin(), outcome.safeguarding.end(), flag.id) != outcome.safeguarding.end()) {
        continue;
      }
      out.push_back(at(outcome, "",
                       fmt::format("outcome {} is about {}, which the open safeguarding flag {} touches, but says "
                                   "nothing of it: say how protection comes first in it, and list {} under its "
                                   "safeguarding",
                                   outcome.id, *area, flag.id, flag.id)));
    }
  }
  return out;
}

}  // namespace wellbeing::rules::detail
