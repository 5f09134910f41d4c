#include <limits>
#include <string>

#include <fmt/format.h>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"

using wellbeing::Diagnostics;
using wellbeing::document::Document;
using wellbeing::document::Kind;
using wellbeing::document::Mark;
using wellbeing::document::Node;
using wellbeing::document::parse;
using wellbeing::document::ParseOptions;

namespace wellbeing::document {
doctest::String toString(const Mark& mark) {
  return (std::to_string(mark.line) + ":" + std::to_string(mark.column)).c_str();
}
}  // namespace wellbeing::document

namespace {

Node parse_ok(const std::string& text) {
  auto result = parse(text, "t.yaml");
  if (!result) {
    FAIL("unexpected parse error: " << result.error().front().message);
  }
  return result->root;
}

// The errors of text that must not parse, each as "line:col: message".
std::vector<std::string> parse_errors(const std::string& text, const ParseOptions& options = {}) {
  auto result = parse(text, "t.yaml", options);
  REQUIRE_FALSE(result.has_value());
  std::vector<std::string> out;
  for (const auto& d : result.error()) {
    CHECK(d.rule == "yaml");
    CHECK(d.location.file == "t.yaml");
    out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + ": " + d.message);
  }
  return out;
}

// The value of `key: <scalar>` as parsed.
Node scalar(const std::string& scalar_text) {
  const Node root = parse_ok("v: " + scalar_text + "\n");
  const Node* value = root.find("v");
  REQUIRE(value != nullptr);
  return *value;
}

}  // namespace

TEST_SUITE("Parser") {
  TEST_CASE("a node copied out of a parsed tree keeps its value after the document is gone") {
    Node text;
    Node item;
    Node list;
    Node assigned = Node::make_string("before");
    {
      auto parsed = parse("a: &x [one, a string longer than sixteen bytes]\nb: *x\nc: another long string value\n", "t.yaml");
      REQUIRE(parsed);
      text = *parsed->root.find("c");
      item = Node(parsed->root.find("b")->items()[1]);
      list = *parsed->root.find("a");
      assigned = parsed->root.find("b")->items()[0];
    }
    // (under the address sanitizer, a copy that did not keep the tree alive reads freed memory here)
    CHECK(text.as_string() == "another long string value");
    CHECK(item.as_string() == "a string longer than sixteen bytes");
    REQUIRE(list.items().size() == 2);
    CHECK(list.items()[1].as_string() == "a string longer than sixteen bytes");
    CHECK(assigned.as_string() == "one");
    CHECK(text.mark() == Mark{3, 4});
  }

  TEST_CASE("a tree with aliases and tagged values is freed with its document") {
    // (under the leak sanitizer, a tree that owned its own arena would be reported as leaked)
    {
      auto parsed = parse("a: &x {k: !!str a string longer than sixteen, n: !!int 7}\nb: *x\nc: [*x, *x]\n", "t.yaml");
      REQUIRE(parsed);
      REQUIRE(parsed->root.find("c")->items().size() == 2);
      CHECK(parsed->root.find("c")->items()[1].find("k")->as_string() == "a string longer than sixteen");
    }
    CHECK(parse("s: &s !!str tagged text, longer than sixteen\nt: *s\n", "t.yaml"));
  }

  TEST_CASE("scalars are typed by the YAML 1.2 core schema") {
    struct Row {
      const char* text;
      Kind kind;
    };
    const Row rows[] = {
        {"~", Kind::null},           {"null", Kind::null},        {"Null", Kind::null},
        {"NULL", Kind::null},        {"", Kind::null},            {"true", Kind::boolean},
        {"True", Kind::boolean},     {"FALSE", Kind::boolean},    {"yes", Kind::string},
        {"no", Kind::string},        {"on", Kind::string},        {"off", Kind::string},
        {"y", Kind::string},         {"'true'", Kind::string},    {"\"42\"", Kind::string},
        {"'null'", Kind::string},    {"42", Kind::integer},       {"-7", Kind::integer},
        {"+7", Kind::integer},       {"010", Kind::integer},      {"0o17", Kind::integer},
        {"0x1F", Kind::integer},     {"1.5", Kind::floating},     {"1e3", Kind::floating},
        {"-.5", Kind::floating},     {".inf", Kind::floating},    {"-.Inf", Kind::floating},
        {".nan", Kind::floating},    {"2026-10-01", Kind::string}, {"0b101", Kind::string},
        {"1_000", Kind::string},     {"0o19", Kind::string},      {"12:30", Kind::string},
        {"!!str 42", Kind::string},  {"!!int \"42\"", Kind::integer}, {"!!float 1", Kind::floating},
    };
    for (const Row& row : rows) {
      CAPTURE(row.text);
      CHECK(scalar(row.text).kind() == row.kind);
    }
  }

  TEST_CASE("integers take their value from decimal, octal and hex forms") {
    CHECK(scalar("010").as_integer() == 10);
    CHECK(scalar("0o17").as_integer() == 15);
    CHECK(scalar("0x1F").as_integer() == 31);
    CHECK(scalar("-9223372036854775808").as_integer() == INT64_MIN);
    const Node big = scalar("123456789012345678901234567890");
    CHECK(big.kind() == Kind::floating);
    CHECK(big.text() == "123456789012345678901234567890");
    CHECK(scalar("1e3").as_number() == doctest::Approx(1000.0));
  }

  TEST_CASE("quoted and block scalars are strings with their text") {
    const Node root = parse_ok("a: 'it''s'\nb: \"tab\\there\"\nc: |\n  line one\n  line two\nd: >\n  folded\n  text\n");
    CHECK(root.find("a")->as_string() == "it's");
    CHECK(root.find("b")->as_string() == "tab\there");
    CHECK(root.find("c")->as_string() == "line one\nline two\n");
    CHECK(root.find("c")->is_string());
    CHECK(root.find("d")->as_string() == "folded text\n");
  }

  TEST_CASE("keys and values carry 1-based lines and columns") {
    const Node root = parse_ok("person:\n  id: p-0001\n  known_as: Maya\nlist:\n  - one\n  - {k: v}\n");
    const auto& person_entry = *root.find_entry("person");
    CHECK(person_entry.key_mark == Mark{1, 1});
    const auto& id_entry = *person_entry.value.find_entry("id");
    CHECK(id_entry.key_mark == Mark{2, 3});
    CHECK(id_entry.value.mark() == Mark{2, 7});
    const Node& list = *root.find("list");
    CHECK(list.items()[0].mark() == Mark{5, 5});
    CHECK(list.items()[1].mark() == Mark{6, 5});
    CHECK(list.items()[1].find_entry("k")->key_mark == Mark{6, 6});
  }

  TEST_CASE("columns count characters, not bytes") {
    const Node root = parse_ok("name: Zoë\nwhere: café yes\nx: [é, ü]\n");
    CHECK(root.find("x")->items()[1].mark() == Mark{3, 8});
  }

  TEST_CASE("an empty value is placed just after its key, not at the next token") {
    const Node root = parse_ok("said:\n\nnext: 1\n'quoted key':\nlast: 2\n");
    CHECK(root.find("said")->is_null());
    CHECK(root.find("said")->mark() == Mark{1, 6});
    CHECK(root.find("quoted key")->mark() == Mark{4, 14});
    const Node explicit_null = parse_ok("a: ~\n");
    CHECK(explicit_null.find("a")->mark() == Mark{1, 4});
  }

  TEST_CASE("aliases expand to the anchored value, keeping the anchor's marks") {
    const Node root = parse_ok("base: &b\n  level: high\ncopy: *b\n");
    const Node& copy = *root.find("copy");
    REQUIRE(copy.is_mapping());
    CHECK(copy.find("level")->as_string() == "high");
    CHECK(copy.find("level")->mark() == Mark{2, 10});
    CHECK(copy.equals(*root.find("base")));
  }

  TEST_CASE("duplicate keys are compared after YAML 1.2 core resolution") {
    CHECK(parse_errors("1: a\n0x1: b\n") ==
          std::vector<std::string>{"2:1: duplicate key `0x1` (first defined on line 1, column 1)"});
    CHECK(parse_errors("{0o10: a, 8: b}\n") ==
          std::vector<std::string>{"1:11: duplicate key `8` (first defined on line 1, column 2)"});
    CHECK(parse_errors("true: a\nTrue: b\n") ==
          std::vector<std::string>{"2:1: duplicate key `True` (first defined on line 1, column 1)"});
    CHECK(parse_errors("1.5: a\n1.50: b\n") ==
          std::vector<std::string>{"2:1: duplicate key `1.50` (first defined on line 1, column 1)"});
    // Different values are different keys.
    CHECK(parse_ok("1: a\n2: b\n0x3: c\n").size() == 3);
  }

  TEST_CASE("the escapes \\N and \\_ of double-quoted text give their characters in UTF-8") {
    CHECK(scalar("\"a\\Nb\"").as_string() == "a\xC2\x85" "b");
    CHECK(scalar("\"a\\_b\"").as_string() == "a\xC2\xA0" "b");
    CHECK(scalar("\"Zoë\\N\\_à…\\x85\"").as_string() == "Zoë\xC2\x85\xC2\xA0à…\xC2\x85");
    // Characters whose UTF-8 holds the same bytes, written as themselves, are kept as they are.
    CHECK(scalar("\"Å à\"").as_string() == "Å à");
    CHECK(scalar("'a\\Nb'").as_string() == "a\\Nb");
    CHECK(parse_ok("\"k\\_\": 1\n").find("k\xC2\xA0") != nullptr);
    // An anchor or a tag before the opening quote changes nothing, for values and for keys.
    CHECK(scalar("&x \"p\\Nq\"").as_string() == "p\xC2\x85q");
    CHECK(scalar("!!str \"p\\Nq\"").as_string() == "p\xC2\x85q");
    CHECK(scalar("! \"p\\_q\"").as_string() == "p\xC2\xA0q");
    const Node flow = parse_ok("{\"a\\N\": &k \"b\\_\"}\n");
    REQUIRE(flow.find("a\xC2\x85") != nullptr);
    CHECK(flow.find("a\xC2\x85")->as_string() == "b\xC2\xA0");
    // ...so a key written twice, once anchored or tagged, is still one key.
    CHECK(parse_errors("{\"a\\N\": 1, &k \"a\\N\": 2}\n") ==
          std::vector<std::string>{"1:12: duplicate key `a\xC2\x85` (first defined on line 1, column 2)"});
    CHECK(parse_errors("\"x\\N\": 1\n!!str \"x\\N\": 2\n") ==
          std::vector<std::string>{"2:1: duplicate key `x\xC2\x85` (first defined on line 1, column 1)"});
  }

  TEST_CASE("a key that reads as another key's text is a duplicate, whatever its type") {
    // Entries are named by their text, so the integer 1 and the string "1" would be two entries with one name,
    // and a JSON copy of the record would keep only one of them.
    CHECK(parse_errors("1: a\n'1': b\n") ==
          std::vector<std::string>{"2:1: duplicate key `1` (first defined on line 1, column 1)"});
    CHECK(parse_errors("'1': a\n1: b\n") ==
          std::vector<std::string>{"2:1: duplicate key `1` (first defined on line 1, column 1)"});
    CHECK(parse_errors("{true: a, \"true\": b}\n") ==
          std::vector<std::string>{"1:11: duplicate key `true` (first defined on line 1, column 2)"});
    CHECK(parse_errors("~: a\n'': b\n") ==
          std::vector<std::string>{"2:1: duplicate key `` (first defined on line 1, column 1)"});
    CHECK(parse_errors("1.5: a\n'1.5': b\n") ==
          std::vector<std::string>{"2:1: duplicate key `1.5` (first defined on line 1, column 1)"});
    const Node root = parse_ok("1: a\n'0x1': b\n");
    CHECK(root.size() == 2);
    CHECK(root.find("0x1")->as_string() == "b");
  }

  TEST_CASE("duplicate keys are found alike in small mappings and in ones too large to search key by key") {
    for (const int keys : {3, 31, 32, 33, 40}) {
      CAPTURE(keys);
      std::string text = "1: first\n";
      for (int i = 1; i < keys; ++i) {
        text += fmt::format("key_{}: value\n", i);
      }
      const auto line = std::to_string(keys + 1);
      CHECK(parse_errors(text + "0x1: again\n") ==
            std::vector<std::string>{line + ":1: duplicate key `0x1` (first defined on line 1, column 1)"});
      CHECK(parse_errors(text + "key_2: again\n") ==
            std::vector<std::string>{line + ":1: duplicate key `key_2` (first defined on line 3, column 1)"});
      // The first key, the last, and those on either side of the switch to an index, by text and by value.
      for (const int repeated : {0, keys - 1, 30, 31, 32, 33}) {
        if (repeated >= keys || repeated == 0) {
          continue;
        }
        CAPTURE(repeated);
        CHECK(parse_errors(text + fmt::format("key_{}: again\n", repeated)) ==
              std::vector<std::string>{fmt::format("{}:1: duplicate key `key_{}` (first defined on line {}, column 1)",
                                                   line, repeated, repeated + 1)});
      }
      CHECK(parse_errors(text + "'1': a string\n") ==
            std::vector<std::string>{line + ":1: duplicate key `1` (first defined on line 1, column 1)"});
      CHECK(parse_ok(text + "'01': a string\n").size() == static_cast<std::size_t>(keys + 1));
    }
  }

  TEST_CASE("keys that are not strings are compared by value past the switch to an index") {
    for (const int keys : {31, 32, 33, 40, 70}) {
      CAPTURE(keys);
      std::string text;
      for (int i = 1; i <= keys; ++i) {
        text += fmt::format("{}: value\n", i);
      }
      const auto line = std::to_string(keys + 1);
      for (const int repeated : {1, 31, 32, 33, keys}) {
        if (repeated > keys) {
          continue;
        }
        CAPTURE(repeated);
        CHECK(parse_errors(text + fmt::format("0x{:x}: again\n", repeated)) ==
              std::vector<std::string>{fmt::format("{}:1: duplicate key `0x{:x}` (first defined on line {}, column 1)",
                                                   line, repeated, repeated)});
        CHECK(parse_errors(text + fmt::format("'{}': again\n", repeated)) ==
              std::vector<std::string>{fmt::format("{}:1: duplicate key `{}` (first defined on line {}, column 1)",
                                                   line, repeated, repeated)});
      }
      CHECK(parse_ok(text + fmt::format("0x{:x}: new\n", keys + 1)).size() == static_cast<std::size_t>(keys + 1));
    }
  }

  TEST_CASE("a doubled or leading comma in a flow collection is an error at the comma") {
    const std::string message =
        "a comma with no entry before it (a doubled or leading comma); remove it, or write null for an empty entry";
    CHECK(parse_errors("[a,, b]\n") == std::vector<std::string>{"1:4: " + message});
    CHECK(parse_errors("k: [a, , b]\n") == std::vector<std::string>{"1:8: " + message});
    CHECK(parse_errors("[, a]\n") == std::vector<std::string>{"1:2: " + message});
    CHECK(parse_errors("{\"type\": \"object\",, }\n") == std::vector<std::string>{"1:19: " + message});
    CHECK(parse_errors("{a: 1, , b: 2}\n") == std::vector<std::string>{"1:8: " + message});
    CHECK(parse_errors("[a, {b: 1},, c]\n") == std::vector<std::string>{"1:12: " + message});
    // A trailing comma, and a value left empty after its key, are YAML.
    CHECK(parse_ok("[a, b, ]\n").size() == 2);
    CHECK(parse_ok("{a: , b: 1}\n").find("a")->is_null());
    CHECK(parse_ok("[a: , b]\n").size() == 2);
  }

  TEST_CASE("a duplicate key is an error naming both lines, and every duplicate is reported") {
    CHECK(parse_errors("status: open\nsaid: x\nstatus: met\nb: {c: 1, c: 2}\n") ==
          std::vector<std::string>{"3:1: duplicate key `status` (first defined on line 1, column 1)",
                                   "4:11: duplicate key `c` (first defined on line 4, column 5)"});
  }

  TEST_CASE("a cyclic alias is an error") {
    CHECK(parse_errors("a: &x\n  b: *x\n") ==
          std::vector<std::string>{"2:6: alias '*x' refers to a node that contains it (a cycle)"});
  }

  TEST_CASE("an undefined alias is an error") {
    const auto errors = parse_errors("a: *nowhere\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("1:4: invalid YAML"));
  }

  TEST_CASE("an alias bomb stops at the node budget") {
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    const char* names = "abcdefghij";
    for (int i = 1; i < 10; ++i) {
      text += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", names[i],
                          names[i - 1]);
    }
    const auto errors = parse_errors(text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find("expands to more than 1000000 values") != std::string::npos);
  }

  TEST_CASE("nesting deeper than the limit is an error, with no crash however deep") {
    ParseOptions options;
    options.max_depth = 5;
    CHECK(parse_errors("a: [[[[[1]]]]]\n", options) == std::vector<std::string>{"1:8: nesting is deeper than 5 levels"});
    const auto errors = parse_errors(std::string(100000, '[') + std::string(100000, ']'));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("1:101: nesting is deeper than 100 levels"));
    const std::string deep_block = [] {
      std::string text;
      for (int i = 0; i < 300; ++i) {
        text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
      }
      return text;
    }();
    CHECK(parse_errors(deep_block).front().find("nesting is deeper than 100 levels") != std::string::npos);
  }

  TEST_CASE("a UTF-8 byte order mark and CRLF line endings are accepted") {
    const Node root = parse_ok("\xEF\xBB\xBFid: p-0001\r\nsaid: |\r\n  two\r\n  lines\r\nn: 3\r\n");
    CHECK(root.find("id")->as_string() == "p-0001");
    CHECK(root.find("id")->mark() == Mark{1, 5});
    CHECK(root.find("said")->as_string() == "two\nlines\n");
    CHECK(root.find("n")->as_integer() == 3);
    CHECK(root.find_entry("n")->key_mark == Mark{5, 1});
  }

  TEST_CASE("invalid UTF-8 is an error at its position") {
    CHECK(parse_errors("a: ok\nb: caf\xE9\n") ==
          std::vector<std::string>{"2:7: invalid UTF-8 (byte 0xE9); save the file as UTF-8"});
    CHECK(parse_errors("a: \xED\xA0\x80\n") ==
          std::vector<std::string>{"1:4: invalid UTF-8 (byte 0xED); save the file as UTF-8"});
    CHECK(parse_errors(std::string("\xFF\xFE" "a", 3)) == std::vector<std::string>{"1:1: the file is UTF-16; save it as UTF-8"});
  }

  TEST_CASE("NUL bytes and control characters are errors at their position") {
    CHECK(parse_errors(std::string("a: x\nb: y\0z\n", 12)) == std::vector<std::string>{"2:5: NUL byte in the file"});
    CHECK(parse_errors("a: \x07\n") == std::vector<std::string>{"1:4: control character U+0007 is not allowed"});
  }

  TEST_CASE("a file with CR-only line endings is refused, not read as one line") {
    CHECK(parse_errors("id: p-0001\rstatus: open\r") ==
          std::vector<std::string>{"1:11: a carriage return without a line feed (old Mac line endings); save the file "
                                   "with LF or CRLF line endings"});
    CHECK(parse_errors("# note\r") ==
          std::vector<std::string>{"1:7: a carriage return without a line feed (old Mac line endings); save the file "
                                   "with LF or CRLF line endings"});
  }

  TEST_CASE("merge-conflict markers are named as an unresolved merge, not a syntax error") {
    const std::string conflicted =
        "id: p-0001\n"
        "outcomes:\n"
        "<<<<<<< HEAD\n"
        "  - said: walk to the shop\n"
        "=======\n"
        "  - said: walk to the park\n"
        ">>>>>>> other\n";
    CHECK(parse_errors(conflicted) ==
          std::vector<std::string>{"3:1: unresolved merge conflict at line 3; resolve it (or run `git mergetool`)"});
    // diff3 style, with CRLF line endings.
    CHECK(parse_errors("a: 1\r\n<<<<<<< ours\r\nb: 2\r\n||||||| base\r\n=======\r\nb: 3\r\n>>>>>>> theirs\r\n") ==
          std::vector<std::string>{"2:1: unresolved merge conflict at line 2; resolve it (or run `git mergetool`)"});
    // Text that only looks like one marker, inside a block scalar, is read as text.
    CHECK(parse_ok("said: |\n  =======\n").find("said")->as_string() == "=======\n");
  }

  TEST_CASE("syntax errors from yaml-cpp become located errors") {
    CHECK(parse_errors("a: [1, 2\nb: 3\n") == std::vector<std::string>{"1:4: this '[' is never closed (missing ']')"});
    CHECK(parse_errors("a: \"open\nb: 1\n") ==
          std::vector<std::string>{"1:4: this quoted text is never closed (missing \")"});
    const auto errors = parse_errors("a:\n  - b\n - c\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("3:2: invalid YAML"));
  }

  TEST_CASE("unknown tags and complex keys are errors") {
    CHECK(parse_errors("a: !custom x\n") == std::vector<std::string>{"1:4: unsupported tag '!custom'"});
    CHECK(parse_errors("a: !!int nope\n") == std::vector<std::string>{"1:4: 'nope' is not a valid !!int"});
    CHECK(parse_errors("? [a, b]\n: c\n") ==
          std::vector<std::string>{"1:3: a mapping key must be a plain value, not a list or mapping"});
  }

  TEST_CASE("multi-document, empty and comment-only files have documented results") {
    CHECK(parse_errors("a: 1\n---\nb: 2\n") ==
          std::vector<std::string>{"2:1: the file holds more than one YAML document; a record is one document"});
    const Node empty = parse_ok("");
    CHECK(empty.is_null());
    CHECK(empty.mark() == Mark{1, 1});
    CHECK(parse_ok("# only a comment\n\n").is_null());
    CHECK(parse_ok("---\na: 1\n...\n").find("a")->as_integer() == 1);
  }

  TEST_CASE("JSON input parses as YAML") {
    const Node root = parse_ok(R"({"a": [1, 2.5, "x", true, null], "b": {"c": "\u00e9"}})");
    CHECK(root.find("a")->size() == 5);
    CHECK(root.find("a")->items()[1].kind() == Kind::floating);
    CHECK(root.find("a")->items()[4].is_null());
    CHECK(root.find("b")->find("c")->as_string() == "é");
  }

  TEST_CASE("files over the size limit are refused before parsing") {
    ParseOptions options;
    options.max_bytes = 10;
    CHECK(parse_errors("a: 123456789\n", options) ==
          std::vector<std::string>{"0:0: the file is 13 bytes, more than the limit of 10 bytes"});
  }
}

TEST_SUITE("Node") {
  TEST_CASE("equality is JSON equality") {
    CHECK(scalar("1").equals(scalar("1.0")));
    CHECK_FALSE(scalar("1").equals(scalar("'1'")));
    CHECK(parse_ok("{a: 1, b: 2}").equals(parse_ok("{b: 2, a: 1}")));
    CHECK_FALSE(parse_ok("[1, 2]").equals(parse_ok("[2, 1]")));
  }

  TEST_CASE("a value that is not a number equals itself, as written values do") {
    CHECK(scalar(".nan").equals(scalar(".NaN")));
    CHECK(parse_ok("[.nan]").equals(parse_ok("[.NAN]")));
    CHECK_FALSE(scalar(".nan").equals(scalar("1")));
  }

  TEST_CASE("an accessor of another kind gives false, 0 or nothing") {
    const Node list = parse_ok("[1, 2]");
    const Node map = parse_ok("{a: 1}");
    const Node text = scalar("words");
    const Node number = scalar("7");
    const Node real = scalar("2.5");
    const Node flag = scalar("true");
    for (const Node* node : {&list, &map}) {
      CHECK(node->text().empty());
      CHECK(node->as_string().empty());
      CHECK_FALSE(node->as_bool());
      CHECK(node->as_integer() == 0);
      CHECK(node->as_number() == 0.0);
    }
    CHECK(text.items().empty());
    CHECK(text.entries().empty());
    CHECK(text.size() == 0);
    CHECK(list.entries().empty());
    CHECK(map.items().empty());
    CHECK(number.as_string().empty());
    CHECK_FALSE(number.as_bool());
    CHECK(real.as_integer() == 0);
    CHECK(real.as_number() == 2.5);
    CHECK(number.as_number() == 7.0);
    CHECK(flag.as_integer() == 0);
    CHECK(flag.as_bool());
    CHECK(flag.text() == "true");
    CHECK(scalar("-9223372036854775808").as_integer() == std::numeric_limits<std::int64_t>::min());
    CHECK(Node::make_float(-0.0).text() == "-0.0");
    CHECK(Node::make_integer(-5).text() == "-5");
    CHECK(Node().text() == "null");
  }

  TEST_CASE("a JSON pointer finds values and never inserts") {
    const Node root = parse_ok("outcomes:\n  - id: o-1\n    status: open\n'a/b': {'m~n': 1}\n");
    CHECK(root.at_pointer("/outcomes/0/status")->as_string() == "open");
    CHECK(root.at_pointer("/a~1b/m~0n")->as_integer() == 1);
    CHECK(root.at_pointer("/outcomes/1") == nullptr);
    CHECK(root.at_pointer("/outcomes/01") == nullptr);
    CHECK(root.at_pointer("/missing/x") == nullptr);
    CHECK(root.at_pointer("") == &root);
    CHECK(root.find("missing") == nullptr);
    CHECK(root.size() == 2);
  }
}

TEST_SUITE("Parser") {
  TEST_CASE("a mapping with many keys parses in linear time, duplicates still found") {
    std::string text;
    for (int i = 0; i < 50000; ++i) {
      text += "key_" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    }
    const Node root = parse_ok(text);
    CHECK(root.size() == 50000);
    text += "key_123: again\n";
    CHECK(parse_errors(text) ==
          std::vector<std::string>{"50001:1: duplicate key `key_123` (first defined on line 124, column 1)"});
  }
}

TEST_SUITE("Parser") {
  TEST_CASE("yaml-cpp's own recursion limit becomes a located error") {
    ParseOptions options;
    options.max_depth = 1'000'000;  // let yaml-cpp's DeepRecursion fire first
    const auto errors = parse_errors("a: " + std::string(3000, '[') + std::string(3000, ']') + "\n", options);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("1:"));
    CHECK(errors[0].find("invalid YAML") != std::string::npos);
  }
}
