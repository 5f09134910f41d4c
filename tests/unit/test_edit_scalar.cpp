// Rendering values as YAML text that reads back as the same values.
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/edit/scalar.hpp"
#include "wellbeing/edit/style.hpp"

using namespace wellbeing;
using document::Node;
using edit::Context;

namespace {

const std::vector<std::string> k_tricky{
    "yes", "no", "No", "on", "off", "y", "null", "~", "true", "False", "1.0", "42", "-7", "0x1F", "0o17", "1e5",
    ".inf", "-.inf", ".nan", "1_000", "1:30", "", " leading space", "trailing space ", "- dash", "-", "? query",
    ": colon", "key: value", "tea # not a comment", "#hash", "[brackets]", "{braces}", "a, b", "'single'",
    "\"double\"", "&anchor", "*alias", "!tag", "|pipe", ">fold", "%percent", "@at", "`tick", "ends with colon:",
    "tab\there", "line one\nline two", "trailing newline\n", "two newlines\n\n", "\nleading newline",
    "control \x01 char", "back\\slash", "café, naïve", "2026-10-01", "e-1", "o-3", "p-0007", "Plain words. Fine.",
    "carriage\rreturn", "  indented\nfirst line",
};

}  // namespace

TEST_SUITE("edit::scalar") {
  TEST_CASE("needs_quotes: what YAML would type or misread is quoted, plain words are not") {
    for (const char* typed : {"yes", "no", "null", "~", "true", "1.0", "42", "-7", "0x1F", "1e5", ".inf", "1_000",
                              "1:30", ""}) {
      CHECK_MESSAGE(edit::needs_quotes(typed, Context::block), typed);
    }
    for (const char* misread : {"- dash", ": colon", "a: b", "tea #2", "#hash", "[x]", "{x}", "'q'", "\"q\"", "&a",
                                "*a", "!t", "|p", ">f", "%p", "@a", "`t", "ends:", " lead", "trail ", "a\nb"}) {
      CHECK_MESSAGE(edit::needs_quotes(misread, Context::block), misread);
    }
    for (const char* plain : {"Get back to the allotment on Saturdays", "2026-10-01", "e-1", "o-3",
                              "Priya (support worker)", "a, b", "x[1]", "café", "tea#2", "ratio 1:2"}) {
      CHECK_MESSAGE(!edit::needs_quotes(plain, Context::block), plain);
    }
    CHECK(edit::needs_quotes("a, b", Context::flow));
    CHECK(edit::needs_quotes("x[1]", Context::flow));
    CHECK(edit::quote_scalar("say \"hi\"\n\\", Context::block) == "\"say \\\"hi\\\"\\n\\\\\"");
  }

  TEST_CASE("every tricky string reads back as itself, in block and flow form and as a list item") {
    edit::Style style;
    for (const std::string& value : k_tricky) {
      CAPTURE(value);
      const Node node = Node::make_string(value);
      const std::string block = edit::render_entry("k", node, 0, style);
      auto parsed = document::parse(block, "t.yaml");
      REQUIRE_MESSAGE(parsed.has_value(), block);
      REQUIRE(parsed->root.find("k") != nullptr);
      CHECK_MESSAGE(parsed->root.find("k")->equals(node), block);

      const std::string flow = "k: " + edit::render_flow(Node::make_sequence({node, node})) + "\n";
      auto flow_parsed = document::parse(flow, "t.yaml");
      REQUIRE_MESSAGE(flow_parsed.has_value(), flow);
      CHECK_MESSAGE(flow_parsed->root.at_pointer("/k/1")->equals(node), flow);

      const std::string item = "k:\n" + edit::render_sequence_item(node, 2, style);
      auto item_parsed = document::parse(item, "t.yaml");
      REQUIRE_MESSAGE(item_parsed.has_value(), item);
      CHECK_MESSAGE(item_parsed->root.at_pointer("/k/0")->equals(node), item);
    }
  }

  TEST_CASE("text over several lines becomes a literal block with the right chomping") {
    edit::Style style;
    CHECK(edit::render_entry("said", Node::make_string("one\ntwo"), 4, style) == "    said: |-\n      one\n      two\n");
    CHECK(edit::render_entry("said", Node::make_string("one\n\ntwo\n"), 0, style) == "said: |\n  one\n\n  two\n");
    style.newline = "\r\n";
    style.indent = 4;
    CHECK(edit::render_entry("said", Node::make_string("one\ntwo"), 0, style) == "said: |-\r\n    one\r\n    two\r\n");
  }

  TEST_CASE("short lists of words and small mappings are written in flow form") {
    edit::Style style;
    const Node areas = Node::make_sequence({Node::make_string("health"), Node::make_string("control")});
    CHECK(edit::render_entry("areas", areas, 2, style) == "  areas: [health, control]\n");
    const Node quotes = Node::make_sequence({Node::make_string("It's fine."), Node::make_string("yes")});
    CHECK(edit::render_entry("quotes", quotes, 2, style) == "  quotes:\n    - It's fine.\n    - \"yes\"\n");
    style.indented_sequences = false;
    CHECK(edit::render_entry("quotes", quotes, 2, style) == "  quotes:\n  - It's fine.\n  - \"yes\"\n");
  }
}

TEST_SUITE("edit::detect_style") {
  TEST_CASE("reads line endings, indentation, sequence style and final newline") {
    auto check = [](const std::string& text) {
      auto parsed = document::parse(text, "t.yaml");
      REQUIRE(parsed.has_value());
      return edit::detect_style(document::SourceText(text), parsed->root);
    };
    const auto two = check("a:\n  b: 1\nc:\n  - x: 1\n    y: 2\n");
    CHECK(two.newline == "\n");
    CHECK(two.indent == 2);
    CHECK(two.indented_sequences);
    CHECK(two.dash_gap == 2);
    CHECK(two.final_newline);
    const auto four = check("a:\r\n    b: 1\r\nc:\r\n-   x: 1\r\n    y: 2");
    CHECK(four.newline == "\r\n");
    CHECK(four.indent == 4);
    CHECK_FALSE(four.indented_sequences);
    CHECK(four.dash_gap == 4);
    CHECK_FALSE(four.final_newline);
    CHECK(check("a: 1\n\nb: 2\n").blank_between_sections);
    CHECK_FALSE(check("a: 1\nb: 2\nc: 3\n").blank_between_sections);
  }
}
