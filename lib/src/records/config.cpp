#include "wellbeing/records/config.hpp"

#include "wellbeing/document/parser.hpp"
#include "wellbeing/schema/builtin.hpp"

namespace wellbeing::records {

namespace fs = std::filesystem;

namespace {

std::optional<Severity> severity_from(std::string_view text) {
  if (text == "error") {
    return Severity::error;
  }
  if (text == "warning") {
    return Severity::warning;
  }
  return Severity::info;
}

int integer_or(const document::Node* node, std::string_view key, int fallback) {
  const document::Node* value = node ? node->find(key) : nullptr;
  return value && value->is_integer() ? static_cast<int>(value->as_integer()) : fallback;
}

// The settings in a parsed settings file, once it is checked against the config schema.
util::Expected<Config, Diagnostics> config_of(document::ParseResult parsed);

}  // namespace

util::Expected<Config, Diagnostics> load_config(const fs::path& file) {
  return config_of(document::parse_file(file, file.generic_string()));
}

util::Expected<Config, Diagnostics> read_config(std::string text, std::string path) {
  return config_of(document::parse(std::move(text), std::move(path)));
}

namespace {

util::Expected<Config, Diagnostics> config_of(document::ParseResult parsed) {
  if (!parsed) {
    return util::unexpected(std::move(parsed.error()));
  }
  Diagnostics problems = schema::config_validator().validate(*parsed);
  if (has_errors(problems)) {
    return util::unexpected(std::move(problems));
  }
  const document::Node& root = parsed->root;
  Config config;
  config.path = parsed->path;
  if (const document::Node* provider = root.find("provider")) {
    if (const auto* name = provider->find("name")) {
      config.provider_name = name->as_string();
    }
    if (const auto* type = provider->find("type")) {
      config.provider_type = type->as_string();
    }
  }
  if (const document::Node* reviews = root.find("reviews")) {
    const document::Node* first = reviews->find("first_review_weeks");
    config.first_review_min_weeks = integer_or(first, "min", config.first_review_min_weeks);
    config.first_review_max_weeks = integer_or(first, "max", config.first_review_max_weeks);
    config.review_interval_months = integer_or(reviews, "interval_months", config.review_interval_months);
    config.due_soon_days = integer_or(reviews, "due_soon_days", config.due_soon_days);
  }
  if (const document::Node* rules = root.find("rules")) {
    for (const auto& entry : rules->entries()) {
      RuleSetting setting;
      setting.line = entry.key_mark.line;
      setting.column = entry.key_mark.column;
      const document::Node* severity = &entry.value;
      if (entry.value.is_mapping()) {
        severity = entry.value.find("severity");
        if (const document::Node* reason = entry.value.find("reason"); reason && reason->is_string()) {
          setting.reason = reason->as_string();
        }
      } else {
        setting.short_form = true;
      }
      const std::string value = severity && severity->is_string() ? severity->as_string() : std::string("off");
      setting.severity = value == "off" ? std::nullopt : severity_from(value);
      config.rules[entry.key] = std::move(setting);
    }
  }
  if (const document::Node* redaction = root.find("redaction")) {
    if (const auto* flag = redaction->find("default"); flag && flag->is_bool()) {
      config.redact_by_default = flag->as_bool();
    }
    if (const auto* keep = redaction->find("keep")) {
      for (const auto& item : keep->items()) {
        config.redaction_keep.push_back(item.as_string());
      }
    }
  }
  if (const document::Node* records = root.find("records")) {
    if (const auto* folder = records->find("folder"); folder && folder->is_string()) {
      config.records_folder = folder->as_string();
    }
    if (const auto* exclude = records->find("exclude")) {
      for (const auto& item : exclude->items()) {
        config.records_exclude.push_back(item.as_string());
      }
    }
  }
  return config;
}

}  // namespace

std::optional<fs::path> find_config(const fs::path& path) {
  std::error_code ec;
  fs::path folder = fs::absolute(path, ec);
  if (ec) {
    return std::nullopt;
  }
  if (!fs::is_directory(folder, ec)) {
    folder = folder.parent_path();
  }
  while (true) {
    const fs::path candidate = folder / k_config_file_name;
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
    if (fs::exists(folder / ".git", ec) || folder == folder.parent_path()) {
      return std::nullopt;
    }
    folder = folder.parent_path();
  }
}

}  // namespace wellbeing::records
