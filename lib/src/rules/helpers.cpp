// What the rules' check functions share.
#include <fmt/format.h>

#include "checks.hpp"

namespace wellbeing::rules::detail {

Finding at(const records::Item& item, std::string_view relative, std::string message) {
  Finding finding{std::move(message), item.pointer + std::string(relative), item.mark};
  const document::Node* node = item.node ? item.node->at_pointer(relative) : nullptr;
  if (node && node->mark().line > 0) {
    finding.mark = node->mark();
  }
  return finding;
}

void for_each_item(const records::Record& record, const std::function<void(const records::Item&)>& visit) {
  visit(record.person);
  for (const auto& representative : record.person.representatives) {
    visit(representative);
  }
  for (const auto& area : record.areas) {
    if (area.present) {
      visit(area);
    }
  }
  auto all = [&](const auto& list) {
    for (const auto& item : list) {
      visit(item);
    }
  };
  all(record.evidence);
  all(record.strengths);
  for (const auto& outcome : record.outcomes) {
    visit(outcome);
    all(outcome.actions);
    all(outcome.progress);
  }
  all(record.conversations);
  all(record.measures);
  all(record.reviews);
  all(record.review_requests);
  all(record.safeguarding);
  all(record.sharing);
}

std::string count(long n, std::string_view singular, std::string_view plural) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

std::string cannot_take_part(const records::Person& person) {
  if (person.can_take_part == "not_at_present") {
    return "capacity: not_at_present";
  }
  if (person.voice == "represented" || person.voice == "observation" || person.voice == "earlier_views") {
    return fmt::format("voice: {}", person.voice);
  }
  return {};
}

std::optional<util::Date> first_review_due_by(const Context& context) {
  const auto& started = context.record.person.support_started;
  if (!started) {
    return std::nullopt;
  }
  return util::add_days(*started, 7 * context.options.config.first_review_max_weeks);
}

}  // namespace wellbeing::rules::detail
