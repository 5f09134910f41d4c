// The texts `new` and `init` write are valid from the first save.
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/schema/embedded.hpp"
#include "wellbeing/schema/validator.hpp"
#include "wellbeing/write/templates.hpp"

using namespace wellbeing;

TEST_SUITE("write::templates") {
  TEST_CASE("a new record has the schema line, the person and all nine areas, and no errors") {
    write::NewRecord record;
    record.id = "p-0042";
    record.known_as = "yes";  // a name YAML would read as a boolean must be quoted
    record.voice = "supported";
    record.support_started = util::parse_date("2026-09-01");
    record.schema_path = "../schemas/wellbeing-record.schema.json";
    const std::string text = write::new_record_text(record);
    CHECK(text.starts_with("# yaml-language-server: $schema=../schemas/wellbeing-record.schema.json\n"));
    auto parsed = document::parse(text, "p-0042.yaml");
    REQUIRE(parsed.has_value());
    CHECK(parsed->root.at_pointer("/person/known_as")->as_string() == "yes");
    CHECK(parsed->root.at_pointer("/person/voice")->as_string() == "supported");
    CHECK(parsed->root.find("areas")->size() == 9);
    for (const auto& area : parsed->root.find("areas")->entries()) {
      CHECK(area.value.find("status")->as_string() == "not_yet_explored");
    }
    records::CheckOptions options;
    options.as_of = *util::parse_date("2026-10-01");
    for (const Diagnostic& d : validation::check_record(*parsed, options)) {
      CHECK_MESSAGE(d.severity != Severity::error, d.message);
    }
  }

  TEST_CASE("a new folder's settings are valid against the config schema") {
    write::FolderSettings settings{"Larkfield: Community #1", "home_care"};
    const std::string text = write::config_text(settings);
    auto parsed = document::parse(text, "wellbeing.yaml");
    REQUIRE(parsed.has_value());
    CHECK(parsed->root.at_pointer("/provider/name")->as_string() == "Larkfield: Community #1");
    auto schema_document =
        document::parse(std::string(schema::embedded_schema(schema::k_config_schema)), "config.schema.json");
    REQUIRE(schema_document.has_value());
    auto validator = schema::Validator::compile(*schema_document);
    REQUIRE(validator.has_value());
    CHECK(validator->validate(*parsed).empty());
  }
}
