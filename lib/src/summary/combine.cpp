#include "wellbeing/summary/combine.hpp"

#include <fmt/format.h>

#include <cmath>

#include "render_words.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/summary/options.hpp"

namespace wellbeing::summary {

namespace {

namespace fs = std::filesystem;

std::vector<Figure> make_figures() {
  std::vector<Figure> out{
      {"people", "People counted", "/files/counted", false, {}},
      {"files", "Record files", "/files/total", false, {}},
      {"files_left_out", "Files left out (not valid)", "/files/left_out", false, {}},
      {"reviews.overdue", "Reviews overdue", "/reviews/overdue", true, {}},
      {"reviews.due_soon", "Reviews due soon", "/reviews/due_soon", true, {}},
      {"reviews.unknown", "Reviews with no date to go by", "/reviews/unknown", true, {}},
      {"outcomes", "Outcomes", "/outcomes/total", false, {}},
  };
  for (std::string_view status : k_outcome_statuses) {
    out.push_back({fmt::format("outcomes.{}", status), fmt::format("Outcomes {}", detail::status_words(status)),
                   fmt::format("/outcomes/by_status/{}", status), false, {}});
  }
  for (const records::AreaInfo& area : records::k_areas) {
    out.push_back({fmt::format("areas.{}", area.id), fmt::format("Outcomes naming: {}", area.title), "/outcomes/by_area",
                   false, std::string(area.id)});
  }
  out.push_back({"outcomes.overdue_actions", "Overdue actions", "/outcomes/overdue_actions", false, {}});
  out.push_back({"met_in_period", "Outcomes met in the period", "/met_in_period/count", false, {}});
  for (std::string_view actor : k_actors) {
    out.push_back({fmt::format("who_acted.{}", actor), fmt::format("Met outcomes acted on by {}", detail::actor_words(actor)),
                   fmt::format("/met_in_period/who_acted/{}", actor), false, {}});
  }
  out.push_back({"review_requests_pending", "Review requests pending", "/review_requests_pending", true, {}});
  out.push_back({"safeguarding.open", "Open safeguarding flags", "/safeguarding/open", false, {}});
  out.push_back({"safeguarding.people", "People with an open safeguarding flag", "/safeguarding/people", false, {}});
  out.push_back({"no_conversation_in_period", "People with no conversation in the period", "/no_conversation_in_period",
                 true, {}});
  return out;
}

std::string where(const fs::path& file, const document::Node& node) {
  return fmt::format("{}:{}:{}", file.string(), node.mark().line, node.mark().column);
}

std::optional<std::string> text_at(const document::Node& root, std::string_view pointer) {
  const document::Node* node = root.at_pointer(pointer);
  return node && node->is_string() ? std::optional<std::string>(node->as_string()) : std::nullopt;
}

}  // namespace

const std::vector<Figure>& combined_figures() {
  static const std::vector<Figure> k_figures = make_figures();
  return k_figures;
}

util::Expected<SharedSummary, util::Failure> read_shared_summary(const fs::path& file) {
  const std::string name = file.string();
  auto parsed = document::parse_file(file, name);
  if (!parsed) {
    const Diagnostic& first = parsed.error().front();
    if (first.location.line == 0) {
      return util::unexpected(fmt::format("{}: {}", name, first.message));
    }
    return util::unexpected(fmt::format("{}:{}:{}: {}", name, first.location.line, first.location.column, first.message));
  }
  const document::Node& root = parsed->root;
  const document::Node* version = root.is_mapping() ? root.find("version") : nullptr;
  if (!version || !root.find("kind")) {
    return util::unexpected(fmt::format(
        "{} is not a summary written by `wellbeing summary --format json --redact` (it has no \"version\" and \"kind\")",
        name));
  }
  if (!version->is_integer() || version->as_integer() != k_summary_json_version) {
    return util::unexpected(fmt::format("{}: summary format version {} is not one this wellbeing reads (it reads version {})",
                                        where(file, *version), version->text(), k_summary_json_version));
  }
  if (text_at(root, "/kind") != "folder") {
    return util::unexpected(fmt::format("{}: this is one person's summary; combine folder summaries (`wellbeing "
                                        "summary DIR --format json --redact`)",
                                        where(file, *root.find("kind"))));
  }
  const document::Node* redacted = root.find("redacted");
  if (!redacted || !redacted->is_bool() || !redacted->as_bool()) {
    return util::unexpected(fmt::format("{} is not redacted: --combine takes only redacted summaries, which carry no "
                                        "person's details (make it with `wellbeing summary DIR --format json --redact`)",
                                        name));
  }
  for (const char* filter : {"/filters/areas", "/filters/statuses", "/filters/people"}) {
    const document::Node* list = root.at_pointer(filter);
    if (list && list->is_sequence() && list->size() > 0) {
      return util::unexpected(fmt::format("{}: the summary counts only some outcomes or people ({}); combine whole "
                                          "folders' summaries",
                                          where(file, *list), filter + 9));
    }
  }
  SharedSummary out;
  out.file = name;
  out.provider = text_at(root, "/provider").value_or(file.filename().string());
  out.as_of = text_at(root, "/as_of").value_or("");
  out.from = text_at(root, "/period/from").value_or("");
  out.to = text_at(root, "/period/to").value_or("");
  for (const Figure& figure : combined_figures()) {
    const document::Node* node = root.at_pointer(figure.pointer);
    if (node && !figure.area.empty() && node->is_sequence()) {
      const document::Node* found = nullptr;
      for (const document::Node& item : node->items()) {
        if (item.is_mapping() && item.find("area") && item.find("area")->is_string() &&
            item.find("area")->as_string() == figure.area) {
          found = item.find("total");
        }
      }
      node = found;
    }
    if (node && figure.length && node->is_sequence()) {
      out.figures.push_back(node->size());
    } else if (node && !figure.length && node->is_integer() && node->as_integer() >= 0) {
      out.figures.push_back(static_cast<std::size_t>(node->as_integer()));
    } else {
      const std::string what = figure.length ? "a list" : "a count";
      const std::string pointer = figure.area.empty() ? figure.pointer : fmt::format("{} ({})", figure.pointer, figure.area);
      return util::unexpected(node ? fmt::format("{}: expected {} at {}", where(file, *node), what, pointer)
                                   : fmt::format("{}: expected {} at {}", name, what, pointer));
    }
  }
  for (std::size_t q = 0; q < k_ons4_questions.size(); ++q) {
    const std::string at = fmt::format("/ons4/{}", k_ons4_questions[q]);
    const document::Node* people = root.at_pointer(at + "/people");
    const document::Node* average = root.at_pointer(at + "/average_change");
    if (!people || !people->is_integer() || people->as_integer() < 0 || !average ||
        !(average->is_number() || average->is_null())) {
      return util::unexpected(fmt::format("{}: expected {{\"people\": n, \"average_change\": n|null}} at {}", name, at));
    }
    out.ons4[q].people = static_cast<std::size_t>(people->as_integer());
    out.ons4[q].average = average->is_null() ? 0.0 : average->as_number();
  }
  return out;
}

CombinedSummary combine(std::vector<SharedSummary> providers) {
  CombinedSummary out;
  out.total.provider = "Total";
  out.total.figures.assign(combined_figures().size(), 0);
  std::array<double, 4> weighted{};
  for (const SharedSummary& provider : providers) {
    for (std::size_t i = 0; i < provider.figures.size() && i < out.total.figures.size(); ++i) {
      out.total.figures[i] += provider.figures[i];
    }
    for (std::size_t q = 0; q < weighted.size(); ++q) {
      out.total.ons4[q].people += provider.ons4[q].people;
      weighted[q] += provider.ons4[q].average * static_cast<double>(provider.ons4[q].people);
    }
    const SharedSummary& first = providers.front();
    out.same_period = out.same_period && provider.as_of == first.as_of && provider.from == first.from &&
                      provider.to == first.to;
  }
  for (std::size_t q = 0; q < weighted.size(); ++q) {
    const std::size_t people = out.total.ons4[q].people;
    out.total.ons4[q].average = people > 0 ? weighted[q] / static_cast<double>(people) : 0.0;
  }
  if (!providers.empty() && out.same_period) {
    out.total.as_of = providers.front().as_of;
    out.total.from = providers.front().from;
    out.total.to = providers.front().to;
  }
  out.providers = std::move(providers);
  return out;
}

}  // namespace wellbeing::summary
