// The built-in schemas, parsed and compiled once, and the one resolver of local "$ref"s.
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "wellbeing/document/parser.hpp"
#include "wellbeing/schema/builtin.hpp"

using namespace wellbeing;
using document::Node;

namespace {

Node parse_node(const std::string& text) {
  auto parsed = document::parse(text, "schema.json");
  REQUIRE(parsed.has_value());
  return parsed->root;
}

}  // namespace

TEST_SUITE("schema::builtin") {
  TEST_CASE("each built-in schema is parsed once and shared") {
    CHECK(&schema::record_schema() == &schema::record_schema());
    CHECK(schema::record_schema().path == "wellbeing-record.schema.json");
    CHECK(schema::config_schema().path == "wellbeing-config.schema.json");
    CHECK(schema::record_schema().root.find("definitions") != nullptr);
    CHECK(&schema::record_validator() == &schema::record_validator());
  }

  TEST_CASE("the built-in schemas, read by the JSON parser at start, are what the YAML parser reads") {
    // The YAML parser also refuses duplicate keys, which a JSON parser would let the last one win.
    for (const document::Document* builtin : {&schema::record_schema(), &schema::config_schema()}) {
      CAPTURE(builtin->path);
      auto as_yaml = document::parse(*builtin->source, builtin->path);
      REQUIRE(as_yaml.has_value());
      CHECK(as_yaml->root.equals(builtin->root));
      CHECK(as_yaml->root.to_json() == builtin->root.to_json());  // the same key order, too
    }
  }

  TEST_CASE("the record validator can be used from several threads at once") {
    auto record = document::parse("schema: wellbeing/v1\n", "p-0001.yaml");
    REQUIRE(record.has_value());
    const std::size_t alone = schema::record_validator().validate(*record).size();
    REQUIRE(alone > 0);
    std::vector<std::size_t> counts(4);
    {
      std::vector<std::jthread> threads;
      for (std::size_t t = 0; t < counts.size(); ++t) {
        threads.emplace_back([&, t] { counts[t] = schema::record_validator().validate(*record).size(); });
      }
    }
    CHECK(counts == std::vector<std::size_t>(4, alone));
  }

  TEST_CASE("resolve_ref finds local references, decoding pointer and percent escapes") {
    const Node root = parse_node(R"({"definitions": {"a/b": {"title": "slash"}, "c d": {"title": "space"},
                                     "e~f": {"title": "tilde"}, "list": [{"title": "first"}]}})");
    CHECK(schema::resolve_ref(root, "#/definitions/a~1b")->find("title")->as_string() == "slash");
    CHECK(schema::resolve_ref(root, "#/definitions/c%20d")->find("title")->as_string() == "space");
    CHECK(schema::resolve_ref(root, "#/definitions/e~0f")->find("title")->as_string() == "tilde");
    CHECK(schema::resolve_ref(root, "#/definitions/list/0")->find("title")->as_string() == "first");
    CHECK(schema::resolve_ref(root, "#") == &root);
    CHECK(schema::resolve_ref(root, "#/definitions/missing") == nullptr);
    CHECK(schema::resolve_ref(root, "other.json#/definitions/a~1b") == nullptr);
  }

  TEST_CASE("follow_refs goes to the schema that does the work, and refuses a loop") {
    const Node root = parse_node(R"({"definitions": {
        "start": {"$ref": "#/definitions/middle"}, "middle": {"$ref": "#/definitions/end"},
        "end": {"type": "string"}, "gone": {"$ref": "#/definitions/nowhere"},
        "ping": {"$ref": "#/definitions/pong"}, "pong": {"$ref": "#/definitions/ping"}}})");
    const Node* end = root.at_pointer("/definitions/end");
    CHECK(schema::follow_refs(root, root.at_pointer("/definitions/start")) == end);
    CHECK(schema::follow_refs(root, end) == end);
    CHECK(schema::follow_refs(root, root.at_pointer("/definitions/gone")) == nullptr);
    CHECK(schema::follow_refs(root, root.at_pointer("/definitions/ping")) == nullptr);
    CHECK(schema::follow_refs(root, nullptr) == nullptr);
  }

  TEST_CASE("the record schema's references all resolve") {
    const Node& root = schema::record_schema().root;
    const Node* person = schema::follow_refs(root, root.at_pointer("/properties/person"));
    REQUIRE(person != nullptr);
    CHECK(person == root.at_pointer("/definitions/person"));
  }
}
