// Rules about dates and reviews: WB006, WB007, WB008, WB027, WB029, WB031, WB032.
#include <fmt/format.h>

#include "checks.hpp"

namespace wellbeing::rules::detail {

namespace {

struct DatedValue {
  const records::Item* item;
  std::string_view relative;  // "/date"
  std::string_view field;     // "date"
  std::string label;          // "review rv-1"
  std::optional<util::Date> date;
};

// Every date in the record that says when something happened (not a plan: due, next_review_due and
// support_started may lie ahead).
std::vector<DatedValue> happened_dates(const records::Record& record) {
  std::vector<DatedValue> out;
  auto add = [&](const records::Item& item, std::string_view relative, std::string_view field, std::string label,
                 const std::optional<util::Date>& date) {
    if (date) {
      out.push_back({&item, relative, field, std::move(label), date});
    }
  };
  const records::Person& person = record.person;
  add(person, "/capacity/date", "date", "capacity", person.capacity_date);
  for (const auto& area : record.areas) {
    add(area, "/updated", "updated", fmt::format("the area {}", area.id), area.updated);
  }
  for (const auto& e : record.evidence) {
    add(e, "/date", "date", fmt::format("evidence {}", e.id), e.date);
    add(e, "/until", "until", fmt::format("evidence {}", e.id), e.until);
  }
  for (const auto& o : record.outcomes) {
    const std::string label = fmt::format("outcome {}", o.id);
    add(o, "/opened", "opened", label, o.opened);
    add(o, "/met_on", "met_on", label, o.met_on);
    add(o, "/referral/date", "referral date", label, o.referral_date);
    add(o, "/risk_to_others/agreed_on", "agreed_on", label, o.risk_agreed_on);
    for (const auto& a : o.actions) {
      add(a, "/done", "done", fmt::format("action {}", a.id), a.done);
    }
    for (const auto& n : o.progress) {
      add(n, "/date", "date", fmt::format("progress note {}", n.id), n.date);
    }
  }
  for (const auto& c : record.conversations) {
    add(c, "/date", "date", fmt::format("conversation {}", c.id), c.date);
  }
  for (const auto& m : record.measures) {
    add(m, "/date", "date", fmt::format("measure {}", m.id), m.date);
  }
  for (const auto& r : record.reviews) {
    add(r, "/date", "date", fmt::format("review {}", r.id), r.date);
  }
  for (const auto& r : record.review_requests) {
    add(r, "/date", "date", fmt::format("review request {}", r.id), r.date);
  }
  for (const auto& s : record.safeguarding) {
    add(s, "/date", "date", fmt::format("safeguarding flag {}", s.id), s.date);
    add(s, "/closed_on", "closed_on", fmt::format("safeguarding flag {}", s.id), s.closed_on);
  }
  for (const auto& s : record.sharing) {
    add(s, "/date", "date", fmt::format("sharing {}", s.id), s.date);
  }
  return out;
}

// When the review after the latest one falls due, and where that is written.
struct NextReview {
  const records::Review* latest = nullptr;
  util::Date due;
  std::string_view relative;  // "/next_review_due", or "/date" when it is worked out from the interval
};

std::optional<NextReview> next_review(const Context& context) {
  const records::Review* latest = context.record.latest_review();
  if (!latest || !latest->date) {
    return std::nullopt;
  }
  if (latest->next_review_due) {
    return NextReview{latest, *latest->next_review_due, "/next_review_due"};
  }
  return NextReview{latest, util::add_months(*latest->date, context.options.config.review_interval_months), "/date"};
}

}  // namespace

Findings wb006_no_future_dates(const Context& context) {
  Findings out;
  const util::Date as_of = context.options.as_of;
  for (const DatedValue& value : happened_dates(context.record)) {
    if (*value.date > as_of) {
      out.push_back(
          at(*value.item, value.relative,
             fmt::format("{}: {} {} is after today ({})", value.label, value.field, show(*value.date), show(as_of))));
    }
  }
  return out;
}

Findings wb007_review_overdue(const Context& context) {
  Findings out;
  const auto next = next_review(context);
  if (next && next->due < context.options.as_of) {
    out.push_back(
        at(*next->latest, next->relative,
           fmt::format("the review after {} ({}) was due on {}, {} ago", next->latest->id, show(*next->latest->date),
                       show(next->due), count(util::days_between(next->due, context.options.as_of), "day", "days"))));
  }
  return out;
}

Findings wb008_first_review_overdue(const Context& context) {
  Findings out;
  const records::Person& person = context.record.person;
  const auto due_by = first_review_due_by(context);
  if (context.record.reviews.empty() && due_by && *due_by < context.options.as_of) {
    out.push_back(at(person, "/support_started",
                     fmt::format("no review yet: the first was due by {}, {} after support started on {}",
                                 show(*due_by), count(context.options.config.first_review_max_weeks, "week", "weeks"),
                                 show(*person.support_started))));
  }
  return out;
}

Findings wb027_dates_in_order(const Context& context) {
  Findings out;
  auto check = [&](const records::Item& item, std::string_view relative, std::string_view label,
                   std::string_view later_field, const std::optional<util::Date>& later, std::string_view earlier_field,
                   const std::optional<util::Date>& earlier, bool allow_same) {
    if (later && earlier && (*later < *earlier || (!allow_same && *later == *earlier))) {
      out.push_back(at(item, relative,
                       fmt::format("{}: {} ({}) is {} {} ({})", label, later_field, show(*later),
                                   allow_same ? "before" : "not after", earlier_field, show(*earlier))));
    }
  };
  for (const auto& e : context.record.evidence) {
    check(e, "/until", fmt::format("evidence {}", e.id), "until", e.until, "date", e.date, true);
  }
  for (const auto& o : context.record.outcomes) {
    check(o, "/met_on", fmt::format("outcome {}", o.id), "met_on", o.met_on, "opened", o.opened, true);
  }
  for (const auto& s : context.record.safeguarding) {
    check(s, "/closed_on", fmt::format("safeguarding flag {}", s.id), "closed_on", s.closed_on, "date", s.date, true);
  }
  for (const auto& r : context.record.reviews) {
    check(r, "/next_review_due", fmt::format("review {}", r.id), "next_review_due", r.next_review_due, "date", r.date,
          false);
  }
  return out;
}

Findings wb029_review_due_soon(const Context& context) {
  Findings out;
  const util::Date as_of = context.options.as_of;
  const int notice = context.options.config.due_soon_days;
  if (const auto next = next_review(context)) {
    const int days = util::days_between(as_of, next->due);
    if (days >= 0 && days <= notice) {
      out.push_back(at(*next->latest, next->relative,
                       fmt::format("the next review is due on {}, {}: prepare it with the person", show(next->due),
                                   days == 0 ? std::string("today") : "in " + count(days, "day", "days"))));
    }
    return out;
  }
  const records::Person& person = context.record.person;
  if (!context.record.reviews.empty() || !person.support_started) {
    return out;
  }
  const util::Date from = util::add_days(*person.support_started, 7 * context.options.config.first_review_min_weeks);
  const util::Date to = util::add_days(*person.support_started, 7 * context.options.config.first_review_max_weeks);
  if (as_of <= to && util::days_between(as_of, from) <= notice) {
    out.push_back(
        at(person, "/support_started",
           fmt::format("the first review is due between {} and {}: prepare it with the person", show(from), show(to))));
  }
  return out;
}

Findings wb031_capacity_current(const Context& context) {
  Findings out;
  const records::Person& person = context.record.person;
  const int months = context.options.config.review_interval_months;
  if (person.can_take_part == "not_at_present" && person.capacity_date &&
      util::add_months(*person.capacity_date, months) < context.options.as_of) {
    out.push_back(at(person, "/capacity/date",
                     fmt::format("the person was found unable to take part on {}, more than {} ago: look at it again",
                                 show(*person.capacity_date), count(months, "month", "months"))));
  }
  return out;
}

Findings wb032_review_interval(const Context& context) {
  Findings out;
  const int months = context.options.config.review_interval_months;
  for (const auto& review : context.record.reviews) {
    if (review.date && review.next_review_due && *review.next_review_due > util::add_months(*review.date, months)) {
      out.push_back(at(review, "/next_review_due",
                       fmt::format("review {} sets the next review for {}, more than {} after it", review.id,
                                   show(*review.next_review_due), count(months, "month", "months"))));
    }
  }
  return out;
}

}  // namespace wellbeing::rules::detail
