#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/util/json.hpp"

using wellbeing::util::json_text;

TEST_SUITE("util::json") {
  TEST_CASE("json_text keeps UTF-8 as written and escapes the characters some readers break lines at") {
    CHECK(json_text(nlohmann::json("Zoë café")) == "\"Zoë café\"");
    CHECK(json_text(nlohmann::json("a\xC2\x85" "b")) == "\"a\\u0085b\"");
    CHECK(json_text(nlohmann::json("a\xE2\x80\xA8" "b\xE2\x80\xA9")) == "\"a\\u2028b\\u2029\"");
    // Other characters that share the separators' lead bytes stay as they are.
    CHECK(json_text(nlohmann::json("\xC2\xA0\xE2\x80\xA6")) == "\"\xC2\xA0\xE2\x80\xA6\"");
    CHECK(json_text(nlohmann::json("\xFF")) == "\"\xEF\xBF\xBD\"");
  }

  TEST_CASE("json_text indents as asked, ordered or not") {
    nlohmann::ordered_json ordered;
    ordered["b"] = 1;
    ordered["a"] = "x\xE2\x80\xA8";
    CHECK(json_text(ordered) == "{\"b\":1,\"a\":\"x\\u2028\"}");
    CHECK(json_text(nlohmann::json{{"k", 1}}, 2) == "{\n  \"k\": 1\n}");
  }

  TEST_CASE("a record's JSON reads back as the same tree when its text holds YAML's \\N, \\L and \\P") {
    // YAML readers take a raw U+0085, U+2028 or U+2029 for a line break inside a quoted scalar.
    const auto parsed = wellbeing::document::parse("said: \"one\\Ntwo\\Lthree\\Pfour\"\n", "r.yaml");
    REQUIRE(parsed.has_value());
    const std::string json = parsed->root.to_json();
    CHECK(json == "{\"said\":\"one\\u0085two\\u2028three\\u2029four\"}");
    const auto again = wellbeing::document::parse(json, "r.json");
    REQUIRE(again.has_value());
    CHECK(again->root.equals(parsed->root));
  }
}
