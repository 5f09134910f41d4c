// `wellbeing rules [ID]`: lists the rules of practice, or explains one.
#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "options.hpp"
#include "wellbeing/rules/rule.hpp"
#include "wellbeing/util/text.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::cli {

namespace {

enum class Format { text, json };

struct Options {
  std::string id;
  Format format = Format::text;
};

nlohmann::ordered_json rule_json(const rules::Rule& rule) {
  nlohmann::ordered_json item;
  item["id"] = rule.id;
  item["severity"] = to_string(rule.severity);
  item["title"] = rule.title;
  item["message"] = rule.message;
  item["reason"] = rule.reason;
  item["restates_schema"] = rule.restates_schema;
  item["protects"] = rule.protects;
  return item;
}

std::string list_text() {
  std::string out;
  for (const rules::Rule& rule : rules::all_rules()) {
    out += fmt::format("{}  {:<7}  {}{}\n", rule.id, to_string(rule.severity), rule.title,
                       rule.protects ? " (protects people)" : "");
  }
  out += "\nRun 'wellbeing rules ID' for why a rule exists and how to change or silence it. The rules that "
         "protect people\ncannot be turned off or down for a folder; any other needs a written reason to be.\n";
  return out;
}

std::string explain_text(const rules::Rule& rule) {
  std::string out = fmt::format("{}: {}\n\n", rule.id, rule.title);
  out += fmt::format("  severity: {} (by default)\n", to_string(rule.severity));
  out += util::wrap_words(rule.message, "            ", "  finding:  ");
  out += "\nWhy\n";
  out += util::wrap_words(rule.reason, "  ");
  if (rule.restates_schema) {
    out += util::wrap_words(
        "The record schema checks this too; where the schema has already reported the same value, only "
        "its message is shown.",
        "  ");
  }
  if (rule.protects) {
    out += fmt::format(
        "\nThis rule protects people: a folder's wellbeing.yaml cannot turn it off or below {}{}.\n"
        "Validate, summary and every report list every suppression of it.\n",
        to_string(rule.severity), rule.severity == Severity::error ? "" : " (it may make it stricter)");
  } else {
    out += fmt::format(
        "\nChange it for a whole folder, in wellbeing.yaml (error, warning, info, or off). Turning it off or\n"
        "below {1} needs a reason, which validate, summary and every report show:\n"
        "  rules:\n"
        "    {0}:\n"
        "      severity: off\n"
        "      reason: Why this rule does not fit this folder.\n",
        rule.id, to_string(rule.severity));
  }
  out += fmt::format(
      "\nSilence it on one entry of one record, with a reason someone else can check:\n"
      "  suppress:\n"
      "    - rule: {0}\n"
      "      reason: Why this rule does not fit here.\n",
      rule.id);
  return out;
}

int run(const Options& options) {
  if (options.id.empty()) {
    if (options.format == Format::json) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const rules::Rule& rule : rules::all_rules()) {
        list.push_back(rule_json(rule));
      }
      nlohmann::ordered_json root;
      root["version"] = util::k_json_version;
      root["rules"] = std::move(list);
      write_out(stdout, util::json_text(root, 2) + "\n");
    } else {
      write_out(stdout, list_text());
    }
    return k_exit_ok;
  }
  std::string id = options.id;
  for (char& c : id) {
    c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;  // "wb007" means WB007
  }
  const rules::Rule* rule = rules::find_rule(id);
  if (!rule) {
    std::vector<std::string_view> ids;
    for (const rules::Rule& r : rules::all_rules()) {
      ids.push_back(r.id);
    }
    const std::string suggestion = util::closest_match(id, ids);
    throw InputError(fmt::format("there is no rule {}{}; 'wellbeing rules' lists them", options.id,
                                 suggestion.empty() ? "" : fmt::format(" (did you mean {}?)", suggestion)));
  }
  write_out(stdout, options.format == Format::json ? util::json_text(rule_json(*rule), 2) + "\n" : explain_text(*rule));
  return k_exit_ok;
}

}  // namespace

Command register_rules(CLI::App& app, const GlobalOptions& /*global*/) {
  auto options = std::make_shared<Options>();
  CLI::App* sub = app.add_subcommand("rules", "List the rules of good practice that validate checks, or explain one");
  sub->add_option("id", options->id, "A rule to explain, such as WB007");
  add_format_option(*sub, options->format, {{"json", Format::json}, {"text", Format::text}},
                    "Output format: text or json");
  return Command{sub, [options] { return run(*options); }};
}

}  // namespace wellbeing::cli
