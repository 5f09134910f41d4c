#include "wellbeing/validation/settings.hpp"

#include "wellbeing/rules/rule.hpp"

namespace wellbeing::validation {

namespace fs = std::filesystem;

util::Expected<records::Config, Diagnostics> load_settings(const fs::path& file) {
  // Messages name the file as a person would type it from here, as they name records.
  std::error_code ec;
  const fs::path shown = fs::relative(file, ec);
  auto config = records::load_config(ec || shown.empty() ? file.lexically_normal() : shown);
  if (!config) {
    return config;
  }
  Diagnostics problems = rules::check_config_rules(*config);
  if (!problems.empty()) {
    return util::unexpected(std::move(problems));
  }
  return config;
}

util::Expected<records::Config, Diagnostics> load_settings_for(const fs::path& path) {
  const auto found = records::find_config(path == "-" ? fs::path(".") : path);
  if (!found) {
    return records::Config{};
  }
  return load_settings(*found);
}

}  // namespace wellbeing::validation
