// validation::load_settings_for: the one way every command reads a folder's wellbeing.yaml.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "temp_folder.hpp"
#include "wellbeing/rules/changes.hpp"
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
    CHECK(d.message == "rules: WB240 is not a rule (did you mean WB040?)");
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
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB015: error\n  WB024: { severity: off, reason: The council chases its own requests. }\n");
    fs::create_directories(folder.path / "records");
    const auto settings = validation::load_settings_for(folder.path / "records");
    REQUIRE(settings);
    CHECK(settings->provider_name == "Test provider");
    CHECK(settings->rules.at("WB015").severity == Severity::error);
    CHECK_FALSE(settings->rules.at("WB024").severity.has_value());
    CHECK(settings->rules.at("WB024").reason == "The council chases its own requests.");
  }

  TEST_CASE("turning a rule off or down in the short form is refused, at its key, saying a reason is needed") {
    const test::TempFolder folder;
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB007: info\n  WB017: off\n  WB029: warning\n");
    const auto settings = validation::load_settings_for(folder.path);
    REQUIRE_FALSE(settings);
    REQUIRE(settings.error().size() == 2);  // WB029: warning is stricter than its default, and needs no reason
    CHECK(settings.error()[0].message ==
          "rules: WB007 is set to info (its default is warning) with no reason: write WB007: { severity: info, "
          "reason: \"...\" }");
    CHECK(settings.error()[0].location.line == 4);
    CHECK(settings.error()[0].location.column == 3);
    CHECK(settings.error()[1].message ==
          "rules: WB017 is turned off (its default is info) with no reason: write WB017: { severity: off, reason: "
          "\"...\" }");
    CHECK(settings.error()[1].location.line == 5);
  }

  TEST_CASE("a rule turned down with a reason is read, and listed as a change with it") {
    const test::TempFolder folder;
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB007: { severity: info, reason: The council runs reviews. }\n"
                                            "  WB029: warning\n  WB015: warning\n");
    const auto settings = validation::load_settings_for(folder.path);
    REQUIRE(settings);
    const auto changes = rules::rule_changes(*settings);
    REQUIRE(changes.size() == 2);  // WB015: warning is its default, no change
    CHECK(changes[0].text() == "WB007 set to info instead of warning: The council runs reviews.");
    CHECK(changes[0].location.line == 4);
    CHECK(changes[1].text() == "WB029 set to warning instead of info");
  }

  TEST_CASE("a reason of blanks is no reason") {
    const test::TempFolder folder;
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB007: { severity: off, reason: \"  \" }\n");
    const auto settings = validation::load_settings_for(folder.path);
    REQUIRE_FALSE(settings);
    CHECK(settings.error().front().message == "rules: WB007 is turned off with an empty reason: say why this folder changes it");
  }

  TEST_CASE("the rules that protect people cannot be turned off or down for a folder, even with a reason") {
    for (const char* id : {"WB010", "WB011", "WB025", "WB037"}) {
      CAPTURE(id);
      const test::TempFolder folder;
      folder.write("wellbeing.yaml",
                   k_head + "rules:\n  " + id + ": { severity: off, reason: Our own risk panel handles it. }\n");
      const auto settings = validation::load_settings_for(folder.path);
      REQUIRE_FALSE(settings);
      CHECK(settings.error().front().message.find(std::string("rules: ") + id + " protects people (") == 0);
      CHECK(settings.error().front().location.line == 4);
    }
    const test::TempFolder folder;
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB025: info\n");
    const auto down = validation::load_settings_for(folder.path);
    REQUIRE_FALSE(down);
    CHECK(down.error().front().message ==
          "rules: WB025 protects people (an outcome with a risk to others goes ahead only once the mitigation is "
          "agreed) and cannot be set below warning for the whole folder; silence it on one entry with suppress and a "
          "reason instead");
    folder.write("wellbeing.yaml", k_head + "rules:\n  WB025: error\n");  // stricter is allowed
    CHECK(validation::load_settings_for(folder.path));
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
