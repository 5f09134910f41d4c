// Rules about ids, references and suppressions: WB004, WB005, WB020, WB030.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <unordered_map>

#include "checks.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::rules::detail {

namespace {

bool known_area(std::string_view id) {
  return std::any_of(records::k_areas.begin(), records::k_areas.end(),
                     [&](const records::AreaInfo& area) { return area.id == id; });
}

template <typename List>
std::set<std::string_view> ids_of(const List& list) {
  std::set<std::string_view> out;
  for (const auto& item : list) {
    if (!item.id.empty()) {
      out.insert(item.id);
    }
  }
  return out;
}

// The string items of the list under `key` in `item`, with their indexes (non-strings are the schema's).
template <typename Visit>
void each_string(const records::Item& item, std::string_view key, Visit visit) {
  const document::Node* list = item.node ? item.node->find(key) : nullptr;
  if (!list) {
    return;
  }
  if (list->is_string()) {
    visit(list->as_string(), std::string());
    return;
  }
  std::size_t index = 0;
  for (const document::Node& value : list->items()) {
    if (value.is_string()) {
      visit(value.as_string(), "/" + std::to_string(index));
    }
    ++index;
  }
}

// "p-0007" for "records/p-0007.yaml" when the name has the form of a person's id, else empty.
std::string id_from_file_name(std::string_view file) {
  if (const std::size_t slash = file.find_last_of("/\\"); slash != std::string_view::npos) {
    file.remove_prefix(slash + 1);
  }
  for (std::string_view extension : {".yaml", ".yml"}) {
    if (file.ends_with(extension)) {
      file.remove_suffix(extension.size());
      break;
    }
  }
  if (file.size() < 6 || !file.starts_with("p-")) {
    return {};
  }
  const bool digits = std::all_of(file.begin() + 2, file.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digits ? std::string(file) : std::string();
}

}  // namespace

Findings wb004_unique_ids(const Context& context) {
  Findings out;
  // Each id's first entry (the record outlives this check, so its ids can be looked at in place); a finding
  // is built only for an id used again.
  std::unordered_map<std::string_view, const records::Item*> first;
  for_each_item(context.record, [&](const records::Item& item) {
    // The person's id is not an entry's, and areas are keys (the parser refuses duplicate keys).
    if (item.id.empty() || &item == &context.record.person || item.pointer.starts_with("/areas/")) {
      return;
    }
    const auto [it, inserted] = first.emplace(item.id, &item);
    if (!inserted) {
      out.push_back(at(item, "/id",
                       fmt::format("the id {} is used again (first on line {}): give this entry the next free number",
                                   item.id, at(*it->second, "/id", "").mark.line)));
    }
  });
  return out;
}

Findings wb005_references(const Context& context) {
  Findings out;
  const records::Record& record = context.record;
  const auto evidence = ids_of(record.evidence);
  const auto representatives = ids_of(record.person.representatives);
  const auto review_requests = ids_of(record.review_requests);
  const auto flags = ids_of(record.safeguarding);
  const auto conversations = ids_of(record.conversations);

  for (const records::Area& area : record.areas) {
    if (!area.present) {
      continue;
    }
    each_string(area, "evidence", [&](const std::string& id, const std::string& index) {
      if (!evidence.contains(id)) {
        out.push_back(at(area, "/evidence" + index,
                         fmt::format("the area {} refers to evidence {}, which is not in the record", area.id, id)));
      }
    });
    // A view's and importance's `from`: the conversations and evidence they were heard in. (The pointer is
    // built only for a finding.)
    auto check_from = [&](const std::vector<std::string_view>& from, const std::string& pointer,
                          std::string_view suffix, document::Mark mark, std::string_view what) {
      for (const std::string_view id : from) {
        if (!conversations.contains(id) && !evidence.contains(id)) {
          out.push_back({fmt::format("{} of {} is from {}, which is not a conversation or evidence in the record", what,
                                     area.id, id),
                         pointer + std::string(suffix), mark});
        }
      }
    };
    for (const records::View& view : area.views) {
      check_from(view.from, view.pointer, "/from", view.mark, "a view");
      if (!view.representative.empty() && !representatives.contains(view.representative)) {
        out.push_back({fmt::format("a view of {} refers to representative {}, who is not in the record", area.id,
                                   view.representative),
                       view.pointer + "/representative", view.mark});
      }
    }
    if (area.importance) {
      check_from(area.importance->from, area.pointer, "/importance/from", area.mark, "the importance");
    }
    if (area.importance && !area.importance->representative.empty() &&
        !representatives.contains(area.importance->representative)) {
      out.push_back(at(area, "/importance/representative",
                       fmt::format("the importance of {} refers to representative {}, who is not in the record",
                                   area.id, area.importance->representative)));
    }
  }

  auto check_areas = [&](const records::Item& item, std::string_view what) {
    each_string(item, "areas", [&](const std::string& id, const std::string& index) {
      if (!known_area(id)) {
        const std::string suggestion = util::closest_match(
            id, std::vector<std::string_view>{"dignity", "health", "protection", "control", "participation",
                                              "social_economic", "relationships", "accommodation", "contribution"});
        out.push_back(at(item, "/areas" + index,
                         fmt::format("{} {} refers to the area {}, which is not one of the nine{}", what, item.id, id,
                                     suggestion.empty() ? "" : fmt::format(" (did you mean {}?)", suggestion))));
      }
    });
  };
  for (const auto& item : record.evidence) {
    check_areas(item, "evidence");
  }
  for (const auto& item : record.strengths) {
    check_areas(item, "strength");
  }
  for (const auto& outcome : record.outcomes) {
    check_areas(outcome, "outcome");
    if (!outcome.review_request.empty() && !review_requests.contains(outcome.review_request)) {
      out.push_back(at(outcome, "/review_request",
                       fmt::format("outcome {} refers to review request {}, which is not in the record", outcome.id,
                                   outcome.review_request)));
    }
    each_string(outcome, "safeguarding", [&](const std::string& id, const std::string& index) {
      if (!flags.contains(id)) {
        out.push_back(
            at(outcome, "/safeguarding" + index,
               fmt::format("outcome {} refers to safeguarding flag {}, which is not in the record", outcome.id, id)));
      }
    });
  }
  for (const auto& item : record.conversations) {
    check_areas(item, "conversation");
  }
  for (const auto& item : record.safeguarding) {
    check_areas(item, "safeguarding flag");
  }
  for (const auto& review : record.reviews) {
    if (!review.review_request.empty() && !review_requests.contains(review.review_request)) {
      out.push_back(at(review, "/review_request",
                       fmt::format("review {} refers to review request {}, which is not in the record", review.id,
                                   review.review_request)));
    }
  }
  return out;
}

Findings wb020_id_matches_file(const Context& context) {
  Findings out;
  const std::string expected = id_from_file_name(context.file);
  const records::Person& person = context.record.person;
  if (!expected.empty() && !person.id.empty() && person.id != expected) {
    out.push_back(at(person, "/id",
                     fmt::format("person.id is {} but the file is named {}: a record's file is named after its "
                                 "person's id",
                                 person.id, expected)));
  }
  return out;
}

Findings wb030_known_suppressions(const Context& context) {
  Findings out;
  std::vector<std::string_view> ids;
  for (const Rule& rule : all_rules()) {
    ids.push_back(rule.id);
  }
  for_each_item(context.record, [&](const records::Item& item) {
    const document::Node* list = item.node ? item.node->find("suppress") : nullptr;
    if (!list) {
      return;
    }
    std::size_t index = 0;
    for (const document::Node& entry : list->items()) {
      const std::string where = "/suppress/" + std::to_string(index++);
      const document::Node* rule = entry.find("rule");
      const document::Node* reason = entry.find("reason");
      if (!rule || !rule->is_string()) {
        continue;  // the schema's to report
      }
      const std::string& id = rule->as_string();
      if (!find_rule(id)) {
        const std::string suggestion = util::closest_match(id, ids);
        out.push_back(at(item, where + "/rule",
                         fmt::format("the suppression names {}, which is not a rule{}", id,
                                     suggestion.empty() ? "" : fmt::format(" (did you mean {}?)", suggestion))));
      } else if (!reason || !reason->is_string() || reason->as_string().find_first_not_of(" \t") == std::string::npos) {
        out.push_back(at(item, where,
                         fmt::format("the suppression of {} gives no reason: say why the rule does not fit here", id)));
      }
    }
  });
  return out;
}

}  // namespace wellbeing::rules::detail
