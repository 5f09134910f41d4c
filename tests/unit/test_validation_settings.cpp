// validation::load_settings_for: the one way every command reads a folder's wellbeing.yaml.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "temp_folder.hpp"
#include "wellbeing/validation/settings.hpp"

namespace fs = std::filesystem;
using namespace wellbeing;

namespace {

const std::string k_head = "schema: wellbeing-config/v1\nprovider: { name: Test provider, type: home_care }\n";

}  // namespace

TEST_SUITE("validation::load_settings_for") {
  TEST_CASE("a rule id that is not a rule fails, located at its key") {
    const test::TempFolder folder;
    const fs::path settings_file = folder.write("wellbeing.yaml", k_head + "rules:\n  WB240: off\n");
    const auto settings = validation::load_settings_for(folder.path / "records" / "p-0001.yaml");
    REQUIRE_FALSE(settings);
    REQUIRE(settings.error().size() == 1);
    const Diagnostic& d = settings.error().front();
    CHECK(d.message == "rules: WB240 is not a rule (did you mean WB010?)");
    CHECK(d.severity == Severity::error);
    CHECK(d.location.line == 4);
    CHECK(d.location.column == 3);
    CHECK(fs::equivalent(d.location.file, settings_file));
  }

  TEST_CASE("settings the config schema refuses fail with the schema's findings") {
    const test::TempFolder folder;
    folder.write("wellbeing.yaml", k_head + "reviews: { interval_months: soon }\n");
    const auto settings = validation::load_settings_for(folder.path);
    REQUIRE_FALSE(settings);
    CHECK(settings.error().front().location.line == 3);
  }

  TEST_CASE("valid settings are read, with their severities") {
    const test::TempFolder folder;
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB015: error\n  WB024: off\n");
    fs::create_directories(folder.path / "records");
    const auto settings = validation::load_settings_for(folder.path / "records");
    REQUIRE(settings);
    CHECK(settings->provider_name == "Test provider");
    CHECK(settings->rule_severity.at("WB015") == Severity::error);
    CHECK_FALSE(settings->rule_severity.at("WB024").has_value());
  }

  TEST_CASE("a folder without settings has the defaults") {
    const test::TempFolder folder;
    fs::create_directories(folder.path / ".git");  // the search stops at the top of a repository
    const auto settings = validation::load_settings_for(folder.path / "records" / "p-0001.yaml");
    REQUIRE(settings);
    CHECK(settings->path.empty());
    CHECK(settings->review_interval_months == 12);
  }
}
