#include "wellbeing/validation/settings.hpp"

#include "wellbeing/rules/rule.hpp"

namespace wellbeing::validation {

namespace fs = std::filesystem;

namespace {

// Settings that passed the config schema, refused too when they change a rule as a folder may not.
util::Expected<records::Config, Diagnostics> checked(util::Expected<records::Config, Diagnostics> config) {
  if (!config) {
    return config;
  }
  Diagnostics problems = rules::check_config_rules(*config);
  if (!problems.empty()) {
    return util::unexpected(std::move(problems));
  }
  return config;
}

}  // namespace

util::Expected<records::Config, Diagnostics> load_settings(const fs::path& file) {
  // Messages name the file as a person would type it from here, as they name records.
  std::error_code ec;
  const fs::path shown = fs::relative(file, ec);
  return checked(records::load_config(ec || shown.empty() ? file.lexically_normal() : shown));
}

util::Expected<records::Config, Diagnostics> read_settings(std::string text, std::string path) {
  return checked(records::read_config(std::move(text), std::move(path)));
}

util::Expected<records::Config, Diagnostics> load_settings_for(const fs::path& path) {
  const auto found = records::find_config(path == "-" ? fs::path(".") : path);
  if (!found) {
    return records::Config{};
  }
  return load_settings(*found);
}

}  // namespace wellbeing::validation
