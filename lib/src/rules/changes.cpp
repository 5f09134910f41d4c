#include "wellbeing/rules/changes.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <span>

#include "checks.hpp"
#include "wellbeing/rules/rule.hpp"

namespace wellbeing::rules {

std::string RuleChange::text() const {
  const std::string what =
      to ? fmt::format("{} set to {} instead of {}", id, to_string(*to), to_string(from)) : id + " turned off";
  return reason.empty() ? what : fmt::format("{}: {}", what, reason);
}

std::vector<RuleChange> rule_changes(const records::Config& config) {
  std::vector<RuleChange> out;
  for (const auto& [id, setting] : config.rules) {  // a std::map: in id order
    const Rule* rule = find_rule(id);
    if (!rule || setting.severity == rule->severity) {
      continue;
    }
    out.push_back(RuleChange{id, rule->severity, setting.severity, setting.reason,
                             Location{config.path, setting.line, setting.column}});
  }
  return out;
}

std::string SuppressionInForce::text() const { return fmt::format("{} suppressed on {}: {}", rule, where, reason); }

namespace {

// What a reader calls the entry at `item`.
std::string entry_name(const records::Record& record, const records::Item& item) {
  if (&item == &record.person) {
    return "the person";
  }
  if (item.pointer.starts_with("/areas/")) {
    return fmt::format("the area {}", item.id);
  }
  return std::string(item.id.empty() ? std::string_view(item.pointer) : item.id);
}

}  // namespace

std::vector<SuppressionInForce> suppressions_in_force(const records::Record& record) {
  std::vector<SuppressionInForce> out;
  detail::for_each_item(record, [&](const records::Item& item) {
    const document::Node* list = item.node ? item.node->find("suppress") : nullptr;
    std::size_t index = 0;
    for (const document::Node& entry : list ? list->items() : std::span<const document::Node>()) {
      const std::string pointer = fmt::format("{}/suppress/{}", item.pointer, index++);
      const document::Node* rule = entry.find("rule");
      const document::Node* reason = entry.find("reason");
      if (!rule || !rule->is_string() || !find_rule(rule->as_string())) {
        continue;  // WB030's, or the schema's
      }
      out.push_back(SuppressionInForce{rule->as_string(), entry_name(record, item),
                                       reason && reason->is_string() ? reason->as_string() : std::string(), pointer,
                                       entry.mark()});
    }
  });
  return out;
}

Diagnostics change_notes(const records::Config& config) {
  Diagnostics out;
  for (const RuleChange& change : rule_changes(config)) {
    out.push_back(Diagnostic{Severity::info,
                             "settings",
                             fmt::format("changed by the provider for this folder: {}", change.text()),
                             change.location,
                             document::append_pointer("/rules", change.id),
                             {}});
  }
  sort_diagnostics(out);  // as the file lists them
  return out;
}

Diagnostics suppression_notes(const records::Record& record, std::string_view file) {
  Diagnostics out;
  for (SuppressionInForce& s : suppressions_in_force(record)) {
    out.push_back(Diagnostic{Severity::info,
                             "suppress",
                             s.text(),
                             Location{std::string(file), s.mark.line, s.mark.column},
                             std::move(s.pointer),
                             {}});
  }
  return out;
}

std::string changes_sentence(const std::vector<RuleChange>& changes,
                             const std::vector<SuppressionInForce>& suppressions) {
  std::vector<std::string> parts;
  if (!changes.empty()) {
    std::vector<std::string> texts;
    for (const RuleChange& change : changes) {
      texts.push_back(change.text());
    }
    parts.push_back(fmt::format("{} changed by the provider ({})",
                                detail::count(static_cast<long>(changes.size()), "rule", "rules"),
                                fmt::join(texts, "; ")));
  }
  if (!suppressions.empty()) {
    std::vector<std::string> texts;
    for (const SuppressionInForce& s : suppressions) {
      texts.push_back(s.text());
    }
    parts.push_back(fmt::format("{} ({})",
                                detail::count(static_cast<long>(suppressions.size()), "suppression", "suppressions"),
                                fmt::join(texts, "; ")));
  }
  return fmt::format("{}", fmt::join(parts, " and "));
}

}  // namespace wellbeing::rules
