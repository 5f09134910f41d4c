#pragma once

#include <filesystem>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::validation {

// Reads a folder's settings file and checks it as every command must: against the config schema, then
// its `rules:` against the rules there are (an id that is not a rule is an error at its key). Fails with
// every problem found, located in the file as it is shown: relative to the current folder.
util::Expected<records::Config, Diagnostics> load_settings(const std::filesystem::path& file);

// The same for settings read from elsewhere (a file as a git commit holds it): `text`, shown as `path`.
util::Expected<records::Config, Diagnostics> read_settings(std::string text, std::string path);

// The settings that govern `path` (a record, a folder, or "-" for standard input: the current folder): the
// nearest wellbeing.yaml (records::find_config) loaded by load_settings; the defaults when there is none.
util::Expected<records::Config, Diagnostics> load_settings_for(const std::filesystem::path& path);

}  // namespace wellbeing::validation
