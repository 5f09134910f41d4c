// The summary renderers (terminal table, Markdown, JSON) over one person built from a record in memory; the
// CSV rows have their own tests, and the command's full output its golden cases.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/summary/render.hpp"
#include "wellbeing/util/text.hpp"

using namespace wellbeing;

namespace {

// A person whose words hold what could break each format: a pipe and markup for Markdown, a line break
// and an escape sequence for the terminal, quotes and a backslash for JSON.
const std::string k_record = R"(
schema: wellbeing/v1
person:
  id: p-0902
  known_as: "Bea | *Bold*"
  support_started: 2026-01-05
  voice: direct
areas:
  dignity:
    status: explored
    said: "Knock first.\nAlways. \e[31mRed\e[0m and \"quoted\" \\ done"
    importance: { level: high, said_by: person }
    concerns: none raised
    updated: 2026-10-01
outcomes:
  - id: o-1
    kind: keep
    areas: [dignity]
    what: Staff knock and wait before coming in
    status: in_progress
    opened: 2026-02-01
)";

struct Fixture {
  summary::Options options;
  summary::SummarisedFile file;
};

Fixture fixture() {
  Fixture f;
  f.options = summary::default_options(records::Config{}, *util::parse_date("2026-11-22"));
  auto parsed = document::parse(k_record, "p-0902.yaml");
  REQUIRE(parsed.has_value());
  f.file.path = "records/p-0902.yaml";
  f.file.person_id = "p-0902";
  f.file.person = summary::summarise_person(parsed->root, {}, f.file.path, f.options);
  return f;
}

}  // namespace

TEST_SUITE("summary render") {
  TEST_CASE("the table: plain terminal text, no trailing spaces, colour only when asked") {
    const Fixture f = fixture();
    const std::string table = summary::render_person_table(*f.file.person, f.options, false);
    CHECK(table.find("Bea | *Bold*") != std::string::npos);
    CHECK(table.find('\x1b') == std::string::npos);  // the record's escape sequence is not passed through
    CHECK(table.find("Knock first.") != std::string::npos);
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) {
      CHECK_MESSAGE((line.empty() || line.back() != ' '), "trailing space in: ", line);
    }
    CHECK(summary::render_person_table(*f.file.person, f.options, true).find("\x1b[1m") != std::string::npos);
  }

  TEST_CASE("Markdown: free text escaped, so a pipe or a star cannot break a table or start emphasis") {
    const Fixture f = fixture();
    const std::string markdown = summary::render_person_markdown(*f.file.person, f.options);
    CHECK(markdown.find("Bea \\| \\*Bold\\*") != std::string::npos);
    CHECK(markdown.find("Bea | *Bold*") == std::string::npos);
    CHECK(markdown.find('\x1b') == std::string::npos);
    CHECK(markdown.find("Knock first.\nAlways.") == std::string::npos);  // one line per cell
  }

  TEST_CASE("JSON: the person's words exactly, with the version and the file") {
    const Fixture f = fixture();
    const auto json = nlohmann::json::parse(summary::render_person_json(f.file, f.options));
    CHECK(json["version"].is_number_integer());
    CHECK(json["file"] == "records/p-0902.yaml");
    const std::string dump = json.dump();
    CHECK(dump.find("Bea | *Bold*") != std::string::npos);
    CHECK(dump.find("\\\"quoted\\\"") != std::string::npos);
    // Through render_person, each format comes from the one renderer for it.
    summary::RenderOptions style;
    style.format = summary::Format::json;
    CHECK(summary::render_person(f.file, f.options, style) == summary::render_person_json(f.file, f.options));
    style.format = summary::Format::markdown;
    CHECK(summary::render_person(f.file, f.options, style) ==
          summary::render_person_markdown(*f.file.person, f.options));
  }

  TEST_CASE("a file left out renders as nothing in the table and Markdown, and as a null person in JSON") {
    Fixture f = fixture();
    f.file.person.reset();
    summary::RenderOptions style;
    CHECK(summary::render_person(f.file, f.options, style).empty());
    style.format = summary::Format::markdown;
    CHECK(summary::render_person(f.file, f.options, style).empty());
    const auto json = nlohmann::json::parse(summary::render_person_json(f.file, f.options));
    CHECK(json["person"].is_null());
  }
}
