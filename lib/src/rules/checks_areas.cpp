// Rules about the nine areas of wellbeing: WB001, WB002, WB003, WB021, WB022, WB028.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "checks.hpp"

namespace wellbeing::rules::detail {

using records::Area;

namespace {

const records::Representative* find_representative(const records::Person& person, std::string_view id) {
  for (const auto& representative : person.representatives) {
    if (representative.id == id) {
      return &representative;
    }
  }
  return nullptr;
}

std::string lower_trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '.')) {
    text.remove_suffix(1);
  }
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
  return out;
}

// Words people write for "no worries" instead of the agreed "none raised".
bool says_nothing(std::string_view text) {
  static constexpr std::array<std::string_view, 10> k_words{"none", "no", "nothing",     "n/a",        "na",
                                                            "nil",  "-",  "no concerns", "no worries", "no issues"};
  const std::string word = lower_trimmed(text);
  return word.empty() || std::find(k_words.begin(), k_words.end(), word) != k_words.end();
}

}  // namespace

Findings wb001_all_areas(const Context& context) {
  Findings out;
  const document::Node* areas = context.root.find("areas");
  if (!areas) {
    if (context.root.is_mapping()) {
      out.push_back(
          {"the record has no areas: list all nine areas of wellbeing, each with its status", "", context.root.mark()});
    }
    return out;
  }
  if (!areas->is_mapping()) {
    return out;  // the schema says what is wrong with it
  }
  for (const Area& area : context.record.areas) {
    if (!areas->find(area.info->id)) {
      out.push_back({fmt::format("the area {} ({}) is missing: list it, with status: not_yet_explored if it has "
                                 "not been talked about yet",
                                 area.info->id, area.info->title),
                     "/areas", areas->mark()});
    }
  }
  return out;
}

Findings wb002_importance_source(const Context& context) {
  Findings out;
  for (const Area& area : context.record.areas) {
    if (!area.present) {
      continue;
    }
    if (!area.importance) {
      if (area.status == "explored") {
        out.push_back(at(area, "",
                         fmt::format("the area {} is explored but does not say how important it is to "
                                     "the person (importance)",
                                     area.id)));
      }
      continue;
    }
    const records::Importance& importance = *area.importance;
    const bool cannot_take_part = context.record.person.can_take_part == "not_at_present";
    if (importance.level == "not_said" && importance.said_by.empty()) {
      continue;  // honestly not said: nobody has given a level
    }
    if (importance.said_by == "judgement") {
      if (!cannot_take_part) {
        out.push_back(at(area, "/importance/said_by",
                         fmt::format("the importance of {} is a judgement, but the person is not recorded as unable "
                                     "to take part at present (capacity: can_take_part: not_at_present): ask them",
                                     area.id)));
      } else if (importance.judged_by.empty() || importance.from.empty()) {
        out.push_back(at(
            area, "/importance",
            fmt::format("the importance of {} is a judgement but does not say {}", area.id,
                        importance.judged_by.empty() ? "who made it (judged_by)" : "the entries it rests on (from)")));
      }
      continue;
    }
    if (importance.said_by == "person" && cannot_take_part && importance.how.empty()) {
      out.push_back(at(area, "/importance/said_by",
                       fmt::format("the importance of {} is given as the person's own, but they cannot take part at "
                                   "present: say how they communicated it (how), or record it as a judgement from "
                                   "consultation and evidence (said_by: judgement)",
                                   area.id)));
      continue;
    }
    if (importance.said_by.empty()) {
      out.push_back(at(area, "/importance",
                       fmt::format("the importance of {} does not say whose view it is (said_by: person, "
                                   "representative or judgement; or level: not_said)",
                                   area.id)));
    } else if (importance.said_by == "representative") {
      std::vector<std::string> missing;
      if (importance.representative.empty()) {
        missing.emplace_back("who (representative)");
      }
      if (importance.reason.empty()) {
        missing.emplace_back("why the person could not say (reason)");
      }
      if (!missing.empty()) {
        out.push_back(at(area, "/importance",
                         fmt::format("the importance of {} is a representative's view but does not say {}", area.id,
                                     fmt::join(missing, " or "))));
      } else if (const auto* representative = find_representative(context.record.person, importance.representative);
                 representative && representative->role == "professional") {
        out.push_back(at(area, "/importance/representative",
                         fmt::format("the importance of {} is given by {} ({}), a professional: importance comes from "
                                     "the person, or from family, a friend, a carer, an advocate, an attorney or a "
                                     "deputy",
                                     area.id, representative->id, representative->name)));
      }
    } else if (importance.said_by != "person") {
      out.push_back(at(area, "/importance/said_by",
                       fmt::format("the importance of {} is given by '{}': it must be the person's own view, or a "
                                   "named representative's with a reason, never staff's",
                                   area.id, importance.said_by)));
    }
  }
  return out;
}

Findings wb003_concerns_recorded(const Context& context) {
  Findings out;
  for (const Area& area : context.record.areas) {
    if (!area.present || area.status != "explored") {
      continue;
    }
    const document::Node* concerns = area.node ? area.node->find("concerns") : nullptr;
    if (!concerns || concerns->is_null() || (concerns->is_sequence() && concerns->size() == 0)) {
      out.push_back(at(area, concerns ? "/concerns" : "",
                       fmt::format("the area {} is explored but records no concerns: write the person's worries, or "
                                   "none raised if they said they have none",
                                   area.id)));
    } else if (concerns->is_string() && !area.concerns_none_raised && says_nothing(concerns->as_string())) {
      out.push_back(at(area, "/concerns",
                       fmt::format("the area {} says '{}' for concerns: write none raised, so that a reader knows the "
                                   "person was asked and said they have no worries",
                                   area.id, concerns->as_string())));
    }
  }
  return out;
}

Findings wb021_areas_explored(const Context& context) {
  Findings out;
  const util::Date as_of = context.options.as_of;
  const std::optional<util::Date> due_by = first_review_due_by(context);
  std::optional<util::Date> first_review;
  for (const auto& review : context.record.reviews) {
    if (review.date && *review.date <= as_of && (!first_review || *review.date < *first_review)) {
      first_review = review.date;
    }
  }
  std::string since;
  if (due_by && *due_by < as_of) {
    since = fmt::format("the first review was due by {}", show(*due_by));
  } else if (first_review) {
    since = fmt::format("the first review was held on {}", show(*first_review));
  } else {
    return out;
  }
  for (const Area& area : context.record.areas) {
    if (area.present && area.status == "not_yet_explored") {
      out.push_back(at(area, "/status", fmt::format("the area {} is still not explored, though {}", area.id, since)));
    }
  }
  return out;
}

Findings wb022_areas_current(const Context& context) {
  Findings out;
  const int months = context.options.config.review_interval_months;
  for (const Area& area : context.record.areas) {
    if (area.present && area.status == "explored" && area.updated &&
        util::add_months(*area.updated, months) < context.options.as_of) {
      out.push_back(at(area, "/updated",
                       fmt::format("the area {} was last updated on {}, more than {} ago", area.id, show(*area.updated),
                                   count(months, "month", "months"))));
    }
  }
  return out;
}

Findings wb028_own_importance(const Context& context) {
  Findings out;
  const records::Person& person = context.record.person;
  if ((person.voice != "direct" && person.voice != "supported") || person.can_take_part == "not_at_present") {
    return out;
  }
  for (const Area& area : context.record.areas) {
    if (area.present && area.importance && area.importance->said_by == "representative") {
      out.push_back(at(area, "/importance/said_by",
                       fmt::format("the importance of {} is a representative's, but the person speaks for "
                                   "themselves (voice: {}): ask them",
                                   area.id, person.voice)));
    }
  }
  return out;
}

// The date of the conversation or evidence entry `id` in `record`, if it has one.
std::optional<util::Date> source_date(const records::Record& record, std::string_view id) {
  if (const auto* c = records::find_by_id(record.conversations, id)) {
    return c->date;
  }
  if (const auto* e = records::find_by_id(record.evidence, id)) {
    return e->date;
  }
  return std::nullopt;
}

// A finding for each source in `from` dated after `date`: words cannot come from what happened later.
void later_sources(const records::Record& record, const std::vector<std::string_view>& from, util::Date date,
                   std::string_view what, const std::string& pointer, const records::Mark& mark, Findings& out) {
  for (std::string_view id : from) {
    const std::optional<util::Date> when = source_date(record, id);
    if (when && date < *when) {
      out.push_back({fmt::format("{} on {} cites {} of {}, after it: give the conversation or evidence it came "
                                 "from, on or before its date",
                                 what, util::format_date(date), id, util::format_date(*when)),
                     pointer, mark});
    }
  }
}

Findings wb040_views_have_a_source(const Context& context) {
  Findings out;
  if (context.record.is_v1()) {
    return out;  // a v1 area's one `said` has no place for its source: migrate first
  }
  for (const Area& area : context.record.areas) {
    if (!area.present || area.status != "explored" || !area.has_views) {
      continue;
    }
    for (const records::View& view : area.views) {
      if (view.from.empty()) {
        out.push_back({fmt::format("a view of {}{} does not say which conversation or evidence it came from "
                                   "(from: c-N or e-N)",
                                   area.id, view.date ? fmt::format(" on {}", util::format_date(*view.date)) : ""),
                       view.pointer, view.mark});
      } else if (view.date) {
        later_sources(context.record, view.from, *view.date, fmt::format("a view of {}", area.id), view.pointer,
                      view.mark, out);
      }
    }
    for (const records::Concern& concern : area.all_concerns) {
      if (concern.raised) {
        later_sources(context.record, concern.from, *concern.raised, fmt::format("a concern in {} raised", area.id),
                      concern.pointer, concern.mark, out);
      }
    }
    const bool view_has_source = !area.views.empty() && !area.views.back().from.empty();
    if (area.importance && area.importance->level != "not_said" && area.importance->from.empty() && !view_has_source) {
      out.push_back(at(area, "/importance",
                       fmt::format("the importance of {} is not tied to any conversation or evidence: give its from, "
                                   "or the current view's",
                                   area.id)));
    }
  }
  return out;
}

}  // namespace wellbeing::rules::detail
