// The editor's template: guidance, the nine areas, every key; problems shown as comments and taken out again.
#include <string>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/edit/template.hpp"
#include "wellbeing/records/record.hpp"

using namespace wellbeing;
using document::Node;
using edit::ItemKind;

namespace {

Node yaml(const std::string& text) {
  auto parsed = document::parse(text, "fragment.yaml");
  REQUIRE(parsed.has_value());
  return parsed->root;
}

}  // namespace

TEST_SUITE("edit::entry_template") {
  TEST_CASE("the template for an area holds the nine areas, the prompts and the area's keys") {
    const std::string text = edit::entry_template(ItemKind::area, "records/p-0103.yaml",
                                                  yaml("status: explored\nsaid: Walking is good\n"));
    CHECK(text.starts_with("# Adding an area to records/p-0103.yaml.\n"));
    for (const records::AreaInfo& area : records::k_areas) {
      CHECK_MESSAGE(text.find(std::string("#   ") + std::string(area.id)) != std::string::npos, area.id);
    }
    CHECK(text.find("# Powerful questions") != std::string::npos);
    CHECK(text.find("#   Tell me about a time when things were going well for you?\n") != std::string::npos);
    CHECK(text.find("approach everyday needs no technique") != std::string::npos);
    CHECK(text.find("\nsaid: Walking is good\n") != std::string::npos);
    CHECK(text.find("\nimportance:\n  level:") != std::string::npos);
    CHECK(text.find("\nconcerns:\n  -\n") != std::string::npos);
  }

  TEST_CASE("a safeguarding template says where the account belongs and names no areas") {
    const std::string text = edit::entry_template(ItemKind::safeguarding, "p.yaml", yaml("{}"));
    CHECK(text.find("restricted safeguarding system") != std::string::npos);
    CHECK(text.find("The nine areas") == std::string::npos);
  }

  TEST_CASE("the template reopened with errors carries them as comments, and they come out again") {
    const std::string text = edit::entry_template(ItemKind::strength, "p.yaml", yaml("level: self\n"));
    const std::string reopened = edit::with_problems(text, {"level: must be one of self, network, community"});
    CHECK(reopened.starts_with("#! This entry cannot be added yet: correct it and save again, or empty the file "
                               "to cancel.\n#! error: level: must be one of self, network, community\n"));
    CHECK(reopened.ends_with(text));
    CHECK(edit::without_problems(reopened) == text);
    CHECK(edit::only_comments(edit::with_problems("", {"anything"})));
    CHECK_FALSE(edit::only_comments(text));
  }

  TEST_CASE("an edited template is read back as the entry, or as problems naming its keys") {
    auto record = document::parse("schema: wellbeing/v1\nperson: { id: p-0103, voice: direct }\n", "p.yaml");
    REQUIRE(record.has_value());
    records::CheckOptions check;
    check.as_of = *util::parse_date("2026-10-01");
    const Diagnostics old = validation::check_record(*record, check);
    edit::Addition base;
    base.kind = ItemKind::strength;

    const auto good = edit::read_edited("level: self\ntext: Knits\nareas:\n  -\n", "t.yaml", *record, old, base, check);
    CHECK(good.problems.empty());
    CHECK(good.fields.find("areas") == nullptr);  // left blank, so left out

    const auto bad = edit::read_edited("level: sometimes\ntext: Knits\n", "t.yaml", *record, old, base, check);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].starts_with("level: "));

    const auto list = edit::read_edited("- level\n", "t.yaml", *record, old, base, check);
    REQUIRE(list.problems.size() == 1);
    CHECK(list.problems[0] == "write the entry as key: value lines");
  }
}
