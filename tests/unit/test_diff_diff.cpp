#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "wellbeing/diff/canonical.hpp"
#include "wellbeing/diff/diff.hpp"
#include "wellbeing/diff/render.hpp"
#include "wellbeing/document/parser.hpp"

using wellbeing::diff::Change;
using wellbeing::diff::ChangeKind;
using wellbeing::document::Node;

namespace {

Node yaml(const std::string& text) {
  auto result = wellbeing::document::parse(text, "t.yaml");
  if (!result) {
    FAIL("unexpected parse error: " << result.error().front().message);
  }
  return result->root;
}

std::vector<Change> changes(const std::string& old_text, const std::string& new_text) {
  return wellbeing::diff::diff_documents(yaml(old_text), yaml(new_text));
}

// Each change as a line "kind path: label".
std::string summary(const std::vector<Change>& list) {
  std::string out;
  for (const Change& change : list) {
    out += std::string(to_string(change.kind)) + " " + change.path + ": " + change.label + "\n";
  }
  return out;
}

std::string lines(const std::vector<std::string>& list) {
  std::string out;
  for (const std::string& line : list) {
    out += line + "\n";
  }
  return out;
}

const std::string k_outcomes = R"(outcomes:
  - id: o-2
    said: Talk to my sister more often.
    status: open
  - id: o-3
    said: Back to the allotment on Saturdays
    status: open
    actions:
      - { id: a-1, who: self, what: Buy seeds. }
)";

}  // namespace

TEST_SUITE("diff_documents") {
  TEST_CASE("equal documents have no changes, whatever the layout, comments or quoting") {
    CHECK(changes("a: 1\nb: [x, y]\n", "# comment\nb:\n  - x\n  - 'y'\na: 1\n").empty());
  }

  TEST_CASE("list items are matched by id, so reordering alone is no change") {
    const std::string reordered = R"(outcomes:
  - id: o-3
    status: open
    said: Back to the allotment on Saturdays
    actions: [{ id: a-1, who: self, what: Buy seeds. }]
  - id: o-2
    said: Talk to my sister more often.
    status: open
)";
    CHECK(changes(k_outcomes, reordered).empty());
  }

  TEST_CASE("an edit is found by id even when the item moved") {
    std::string edited = k_outcomes;
    edited.replace(edited.find("status: open\n    actions"), 12, "status: met");
    // move o-3 first
    const auto o3 = edited.find("  - id: o-3");
    edited = "outcomes:\n" + edited.substr(o3) + edited.substr(10, o3 - 10);
    const auto list = changes(k_outcomes, edited);
    REQUIRE(list.size() == 1);
    CHECK(list[0].path == "/outcomes/o-3/status");
    CHECK(list[0].kind == ChangeKind::changed);
    CHECK(list[0].old_value->as_string() == "open");
    CHECK(list[0].new_value->as_string() == "met");
    CHECK(list[0].label == "Outcome o-3 \"Back to the allotment on Saturdays\": status open → met");
    CHECK(list[0].section == "Outcomes");
  }

  TEST_CASE("added and removed items, nested items, and fields set or removed, in the schema's order") {
    const std::string edited = R"(outcomes:
  - id: o-3
    said: Back to the allotment on Saturdays
    status: open
    met_on: 2026-10-04
    actions:
      - { id: a-2, who: network, name: Olu, what: Drive her there. }
conversations:
  - { id: c-2, date: 2026-10-01, summary: Talked about the allotment. }
)";
    CHECK(
        summary(changes(k_outcomes, edited)) ==
        lines({
            "added /outcomes/o-3/actions/a-2: Outcome o-3 \"Back to the allotment on Saturdays\", action a-2 \"Drive "
            "her there.\" added",
            "removed /outcomes/o-3/actions/a-1: Outcome o-3 \"Back to the allotment on Saturdays\", action a-1 "
            "\"Buy seeds.\" removed",
            "added /outcomes/o-3/met_on: Outcome o-3 \"Back to the allotment on Saturdays\": met on set to 2026-10-04",
            "removed /outcomes/o-2: Outcome o-2 \"Talk to my sister more often.\" removed",
            "added /conversations/c-2: Conversation 2026-10-01 added",
        }));
  }

  TEST_CASE("an area's importance names who said it") {
    const auto list = changes("areas:\n  relationships:\n    importance: { level: medium, said_by: person }\n",
                              "areas:\n  relationships:\n    importance: { level: high, said_by: person }\n");
    CHECK(summary(list) == lines({"changed /areas/relationships/importance/level: Area "
                                  "relationships: importance medium → high (said by the person)"}));
  }

  TEST_CASE("lists of plain values are collections: order ignored, values added and removed") {
    CHECK(changes("person:\n  important_to_me: [a, b]\n", "person:\n  important_to_me: [b, a]\n").empty());
    CHECK(summary(changes("person:\n  important_to_me: [a, b]\n", "person:\n  important_to_me: [b, c]\n")) ==
          lines({
              "removed /person/important_to_me/0: Person: important to me \"a\" removed",
              "added /person/important_to_me/1: Person: important to me \"c\" added",
          }));
  }

  TEST_CASE("items sharing a date are told apart by id") {
    const auto list = changes("conversations:\n  - { id: c-1, date: 2026-10-01, summary: x }\n",
                              "conversations:\n  - { id: c-1, date: 2026-10-01, summary: x }\n"
                              "  - { id: c-2, date: 2026-10-01, summary: y }\n");
    REQUIRE(list.size() == 1);
    CHECK(list[0].label == "Conversation 2026-10-01 (c-2) added");
    CHECK(list[0].item);
  }

  TEST_CASE("a type change is one change, with both values") {
    const auto list =
        changes("areas:\n  health:\n    concerns: none raised\n", "areas:\n  health:\n    concerns: [Stairs.]\n");
    REQUIRE(list.size() == 1);
    CHECK(list[0].kind == ChangeKind::changed);
    CHECK(list[0].label == "Area health: concerns \"none raised\" → [\"Stairs.\"]");
  }

  TEST_CASE("a new record is every part of it added") {
    const auto list = changes("", "schema: wellbeing/v1\nperson: { id: p-1 }\noutcomes: [{ id: o-1, said: x }]\n");
    CHECK(summary(list) == lines({
                               "added /schema: Format set to wellbeing/v1",
                               "added /person: Person added",
                               "added /outcomes/o-1: Outcome o-1 \"x\" added",
                           }));
  }

  TEST_CASE("keys the schema does not know are compared by name") {
    CHECK(summary(changes("extra_notes: one\n", "extra_notes: two\n")) ==
          lines({"changed /extra_notes: Extra notes one → two"}));
  }

  TEST_CASE("identities with a slash are escaped in paths") {
    const auto list = changes("outcomes: [{ id: o/1, status: open }]\n", "outcomes: [{ id: o/1, status: met }]\n");
    REQUIRE(list.size() == 1);
    CHECK(list[0].path == "/outcomes/o~11/status");
  }
}

TEST_SUITE("find_by_path") {
  TEST_CASE("list items are found by identity, plain lists by position") {
    const Node root = yaml(k_outcomes);
    const Node* status = wellbeing::diff::find_by_path(root, "outcomes/o-3/status");
    REQUIRE(status);
    CHECK(status->mark().line == 7);
    const Node* action = wellbeing::diff::find_by_path(root, "/outcomes/o-3/actions/a-1/what");
    REQUIRE(action);
    CHECK(action->as_string() == "Buy seeds.");
    CHECK(wellbeing::diff::find_by_path(root, "outcomes/1/status") == status);
    CHECK(wellbeing::diff::find_by_path(root, "outcomes/o-9/status") == nullptr);
    CHECK(wellbeing::diff::find_by_path(root, "outcomes/o-3/status/deeper") == nullptr);
  }
}

TEST_SUITE("canonical_text") {
  TEST_CASE("one value per line, schema order, items sorted by identity, plain lists sorted") {
    const std::string text = R"(# comment
outcomes:
  - id: o-10
    status: open
    said: "Ten"
  - id: o-2
    said: Two
    areas: [participation, health]
person: { known_as: Ivy, id: p-1 }
schema: wellbeing/v1
)";
    CHECK(wellbeing::diff::canonical_text(yaml(text)) == R"(schema: wellbeing/v1
person/id: p-1
person/known_as: Ivy
outcomes/o-2/id: o-2
outcomes/o-2/areas[]: health
outcomes/o-2/areas[]: participation
outcomes/o-2/said: Two
outcomes/o-10/id: o-10
outcomes/o-10/said: Ten
outcomes/o-10/status: open
)");
  }

  TEST_CASE("text that could be misread is written as a JSON string") {
    CHECK(wellbeing::diff::canonical_text(yaml("a: 'true'\nb: '12'\nc: ''\nd: \"two\\nlines\"\ne: 2026-10-01\n"
                                               "f: e-3\ng: 12\nh: ~\n")) ==
          "a: \"true\"\nb: \"12\"\nc: \"\"\nd: \"two\\nlines\"\ne: 2026-10-01\nf: e-3\ng: 12\nh: null\n");
  }
}

TEST_SUITE("render") {
  TEST_CASE("text groups changes by section, with item details") {
    const auto list =
        changes("conversations: []\n", "conversations:\n  - { id: c-2, date: 2026-10-01, summary: Hi }\n");
    CHECK(
        wellbeing::diff::render_text(list) ==
        "Conversations\n  + Conversation 2026-10-01 added\n      id: c-2\n      date: 2026-10-01\n      summary: Hi\n");
  }

  TEST_CASE("Markdown escapes what Markdown would read as formatting") {
    const auto list =
        changes("outcomes: [{ id: o-1, status: open }]\n", "outcomes: [{ id: o-1, status: in_progress }]\n");
    CHECK(wellbeing::diff::render_markdown(list) == "## Outcomes\n\n- Outcome o-1: status open → in\\_progress\n");
  }

  TEST_CASE("JSON has its version, and each change its path, kind, old, new and label") {
    const auto list = changes("a: .nan\n", "a: 1\n");
    CHECK(wellbeing::diff::render_json(list) ==
          "{\n  \"version\": 1,\n  \"changes\": [\n    {\n      \"path\": \"/a\",\n      \"kind\": \"changed\",\n"
          "      \"old\": null,\n      \"new\": 1,\n      \"label\": \"A .nan → 1\"\n    }\n  ]\n}");
  }
}
