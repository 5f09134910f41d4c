#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/util/date.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::records {

// How a folder's wellbeing.yaml changes one rule: `WB007: { severity: info, reason: "…" }`, or the short
// form `WB029: warning`, which is refused (rules::check_config_rules) when it lowers the rule or turns it off.
struct RuleSetting {
  std::optional<Severity> severity;  // nullopt: off
  std::string reason;                // as written; empty when none was
  bool short_form = false;           // written as a bare severity, with no room for a reason
  std::uint32_t line = 0, column = 0;  // where the rule's key is in the file (1-based)
};

// The settings of a records folder (`wellbeing.yaml`, schema wellbeing-config/v1). Defaults apply when
// there is no file or a setting is left out.
struct Config {
  std::string path;  // the file it came from; empty for the defaults
  std::string provider_name;
  std::string provider_type;
  int first_review_min_weeks = 6;
  int first_review_max_weeks = 8;
  int review_interval_months = 12;
  int due_soon_days = 28;
  // Rule id -> how this folder changes it (the rules not listed keep their defaults).
  std::map<std::string, RuleSetting> rules;
  bool redact_by_default = false;
  std::vector<std::string> redaction_keep;
  std::string records_folder = "records";  // relative to the settings file's folder
  std::vector<std::string> records_exclude;  // shell patterns, relative to the settings file's folder
};

// What a check of a record applies: the folder's settings and the date the rules take as today.
struct CheckOptions {
  Config config;                     // the folder's settings (defaults when it has none)
  util::Date as_of = util::today();  // "today" for the rules that depend on the date
};

// The file name of a folder's settings.
inline constexpr std::string_view k_config_file_name = "wellbeing.yaml";

// Reads and validates (against the built-in config schema) a settings file. Fails with its diagnostics.
// It cannot know the rule ids: commands load settings with validation::load_settings_for, which checks those too.
util::Expected<Config, Diagnostics> load_config(const std::filesystem::path& file);

// The same for settings read from elsewhere (a file as a git commit holds it): `text`, shown as `path`.
util::Expected<Config, Diagnostics> read_config(std::string text, std::string path);

// The settings file that governs `path` (a record file or a folder): the nearest wellbeing.yaml in its
// folder or any folder above it, stopping at the top of a git repository. nullopt when there is none.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& path);

}  // namespace wellbeing::records
