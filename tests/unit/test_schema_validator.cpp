#include <doctest/doctest.h>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "temp_folder.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/schema/validator.hpp"

using wellbeing::Diagnostics;
using wellbeing::document::Document;
using wellbeing::schema::CompileOptions;
using wellbeing::schema::Validator;
using wellbeing::test::TempFolder;

namespace {

Document parse_text(const std::string& text, const std::string& path) {
  auto result = wellbeing::document::parse(text, path);
  if (!result) {
    FAIL("unexpected parse error: " << result.error().front().message);
  }
  return *result;
}

Validator compile(const std::string& schema, const CompileOptions& options = {}) {
  auto result = Validator::compile(parse_text(schema, "s.json"), options);
  if (!result) {
    FAIL("unexpected compile error: " << result.error().front().message);
  }
  return *result;
}

std::string format_diagnostics(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) {
    out += fmt::format("{}:{}:{} {} {}: {}\n", d.location.file, d.location.line, d.location.column, d.pointer,
                       d.keyword, d.message);
  }
  return out;
}

// Every problem with `yaml` (parsed as r.yaml), one per line: "line:col pointer keyword: message".
std::string problems(const Validator& validator, const std::string& yaml) {
  const Document document = parse_text(yaml, "r.yaml");
  const Diagnostics diagnostics = validator.validate(document);
  CHECK(validator.is_valid(document.root) == diagnostics.empty());
  std::string out;
  for (const auto& d : diagnostics) {
    CHECK(d.rule == "schema");
    CHECK(d.severity == wellbeing::Severity::error);
    CHECK(d.location.file == "r.yaml");
    out += fmt::format("{}:{} {} {}: {}\n", d.location.line, d.location.column, d.pointer, d.keyword, d.message);
  }
  return out;
}

// The compile errors of a schema that must not compile.
std::string compile_errors(const std::string& schema, const CompileOptions& options = {}) {
  auto result = Validator::compile(parse_text(schema, "s.json"), options);
  REQUIRE_FALSE(result.has_value());
  for (const auto& d : result.error()) {
    CHECK(d.rule == "schema");
  }
  return format_diagnostics(result.error());
}

// A small record schema in the shape of the real one.
const std::string k_record_schema = R"({
  "type": "object",
  "additionalProperties": false,
  "required": ["person", "outcomes"],
  "properties": {
    "person": {"type": "string"},
    "score": {"type": "number"},
    "life_satisfaction": {"type": "integer", "minimum": 0, "maximum": 10},
    "date": {"type": "string", "format": "date"},
    "tags": {"type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true,
             "items": {"type": "string", "minLength": 1}},
    "outcomes": {
      "type": "array",
      "items": {
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "status", "said"],
        "properties": {
          "id": {"type": "string", "pattern": "^o-[0-9]+$"},
          "status": {"enum": ["open", "in_progress", "met", "not_met", "withdrawn"]},
          "said": {"type": "string", "minLength": 1, "maxLength": 20}
        }
      }
    }
  }
})";

}  // namespace

TEST_SUITE("Validator") {
  TEST_CASE("a valid record has no problems") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes:\n"
                   "  - id: o-1\n"
                   "    status: open\n"
                   "    said: walk to the shop\n") == "");
  }

  TEST_CASE("a value outside an enum lists the allowed values") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes:\n"
                   "  - id: o-1\n"
                   "    status: compleet\n"
                   "    said: walk to the shop\n") ==
          "4:13 /outcomes/0/status enum: `status` must be one of: open, in_progress, met, not_met, withdrawn; "
          "got `compleet`\n");
  }

  TEST_CASE("a misspelt enum value gets a suggestion") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes:\n"
                   "  - id: o-1\n"
                   "    status: in_progres\n"
                   "    said: walk to the shop\n") ==
          "4:13 /outcomes/0/status enum: `status` must be one of: open, in_progress, met, not_met, withdrawn; "
          "got `in_progres` (did you mean `in_progress`?)\n");
  }

  TEST_CASE("a value of another kind than every allowed value says what it is") {
    const Validator validator =
        compile(R"({"properties": {"level": {"enum": [1, 2, 3]}, "schema": {"const": "wellbeing/v1"}}})");
    CHECK(problems(validator, "level: '2'\nschema: 1\n") ==
          "1:8 /level enum: `level` must be one of: 1, 2, 3; got the string `2`\n"
          "2:9 /schema const: `schema` must be `wellbeing/v1`; got the number 1\n");
    CHECK(problems(validator, "level: 4\nschema: wellbeing/v2\n") ==
          "1:8 /level enum: `level` must be one of: 1, 2, 3; got 4\n"
          "2:9 /schema const: `schema` must be `wellbeing/v1`; got `wellbeing/v2`\n");
  }

  TEST_CASE("an unknown key is reported at the key, with the closest allowed key") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes:\n"
                   "  - id: o-1\n"
                   "    said: walk to the shop\n"
                   "    staus: open\n") ==
          "3:5 /outcomes/0 required: missing required key `status`\n"
          "5:5 /outcomes/0/staus additionalProperties: unknown key `staus` (did you mean `status`?)\n");
  }

  TEST_CASE("an unknown key with no close match gets no suggestion") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes: []\n"
                   "favourite_colour: blue\n") ==
          "3:1 /favourite_colour additionalProperties: unknown key `favourite_colour`\n");
  }

  TEST_CASE("a missing required key is reported at the object that lacks it") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes:\n"
                   "  - id: o-1\n"
                   "    status: open\n") == "3:5 /outcomes/0 required: missing required key `said`\n");
    CHECK(problems(validator, "\n\nperson: p-0001\n") == "3:1  required: missing required key `outcomes`\n");
  }

  TEST_CASE("a value of the wrong type says what was expected and what was found") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes: []\n"
                   "score: high\n") == "3:8 /score type: `score` must be a number; got the string `high`\n");
    CHECK(problems(validator,
                   "person:\n"
                   "outcomes: {}\n") ==
          "1:8 /person type: `person` must be a string; got an empty value\n"
          "2:11 /outcomes type: `outcomes` must be a list; got a mapping\n");
    CHECK(problems(validator, "- a\n") == "1:1  type: the document must be a mapping; got a list\n");
  }

  TEST_CASE("an integer accepts a number with no fractional part") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator, "person: p\noutcomes: []\nlife_satisfaction: 7.0\n") == "");
    CHECK(problems(validator, "person: p\noutcomes: []\nlife_satisfaction: 7.5\n") ==
          "3:20 /life_satisfaction type: `life_satisfaction` must be a whole number; got the number 7.5\n");
  }

  TEST_CASE("numbers, lengths and item counts outside their bounds") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes: []\n"
                   "life_satisfaction: 11\n"
                   "tags: [a, b, c, d, e]\n") ==
          "3:20 /life_satisfaction maximum: `life_satisfaction` must be at most 10; got 11\n"
          "4:7 /tags maxItems: expected 1 to 3 items; got 5\n");
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes: []\n"
                   "life_satisfaction: -1\n"
                   "tags: []\n") ==
          "3:20 /life_satisfaction minimum: `life_satisfaction` must be at least 0; got -1\n"
          "4:7 /tags minItems: expected 1 to 3 items; got 0\n");
    CHECK(problems(validator,
                   "person: p-0001\n"
                   "outcomes:\n"
                   "  - id: o-1\n"
                   "    status: open\n"
                   "    said: I want to walk to the shop by myself\n"
                   "tags: ['', b]\n") ==
          "5:11 /outcomes/0/said maxLength: `said` must be at most 20 characters long; got 36\n"
          "6:8 /tags/0 minLength: `tags` item 1 must not be empty\n");
  }

  TEST_CASE("string lengths count characters, not bytes") {
    const Validator validator = compile(R"({"properties": {"name": {"maxLength": 4}}})");
    CHECK(problems(validator, "name: café\n") == "");
    CHECK(problems(validator, "name: cafés\n") ==
          "1:7 /name maxLength: `name` must be at most 4 characters long; got 5\n");
  }

  TEST_CASE("repeated list items name both places") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator, "person: p-0001\noutcomes: []\ntags: [a, b, a]\n") ==
          "3:14 /tags/2 uniqueItems: `tags` item 3 repeats item 1; items must be unique\n");
  }

  TEST_CASE("a date must be a real calendar date") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator, "person: p-0001\noutcomes: []\ndate: 2026-13-01\n") ==
          "3:7 /date format: `date` must be a date (YYYY-MM-DD); got `2026-13-01`\n");
    CHECK(problems(validator, "person: p-0001\noutcomes: []\ndate: 2025-02-29\n") ==
          "3:7 /date format: `date` must be a date (YYYY-MM-DD); got `2025-02-29`\n");
    CHECK(problems(validator, "person: p-0001\noutcomes: []\ndate: 2024-02-29\n") == "");
  }

  TEST_CASE("a failed date format is not also reported as a failed date pattern") {
    const Validator validator = compile(
        R"({"properties": {"date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}}})");
    CHECK(problems(validator, "date: 14/03/2026\n") ==
          "1:7 /date format: `date` must be a date (YYYY-MM-DD); got `14/03/2026`\n");
  }

  TEST_CASE("formats are not asserted when the options say so") {
    CompileOptions options;
    options.assert_formats = false;
    const Validator validator = compile(k_record_schema, options);
    CHECK(problems(validator, "person: p-0001\noutcomes: []\ndate: 2026-13-01\n") == "");
  }

  TEST_CASE("oneOf reports the alternative that came closest") {
    const Validator validator = compile(R"({"properties": {"measure": {"oneOf": [
      {"type": "object", "additionalProperties": false, "required": ["instrument", "ons4"],
       "properties": {"instrument": {"const": "ONS4"}, "ons4": {"type": "integer", "maximum": 10}}},
      {"type": "object", "additionalProperties": false, "required": ["instrument", "score"],
       "properties": {"instrument": {"const": "WEMWBS"}, "score": {"type": "integer"}}}
    ]}}})");
    CHECK(problems(validator,
                   "measure:\n"
                   "  instrument: WEMWBS\n"
                   "  score: high\n") ==
          "3:10 /measure/score type: `score` must be a whole number; got the string `high`\n");
    CHECK(problems(validator,
                   "measure:\n"
                   "  instrument: ONS4\n"
                   "  ons4: 11\n") == "3:9 /measure/ons4 maximum: `ons4` must be at most 10; got 11\n");
  }

  TEST_CASE("anyOf with alternatives of different kinds names them all") {
    const Validator validator = compile(
        R"({"properties": {"concerns": {"anyOf": [{"type": "array", "minItems": 1}, {"const": "none raised"}]}}})");
    CHECK(problems(validator, "concerns: none\n") ==
          "1:11 /concerns anyOf: `concerns` must be a list or `none raised`; got the string `none`\n");
    CHECK(problems(validator, "concerns: []\n") == "1:11 /concerns minItems: expected at least 1 item; got 0\n");
    CHECK(problems(validator, "concerns: none raised\n") == "");
  }

  TEST_CASE("oneOf of alternative keys asks for exactly one of them") {
    const Validator validator =
        compile(R"({"properties": {"contact": {"oneOf": [{"required": ["phone"]}, {"required": ["email"]}]}}})");
    CHECK(problems(validator, "contact: {}\n") == "1:10 /contact oneOf: missing required key `phone` or `email`\n");
    CHECK(problems(validator, "contact: {phone: '1', email: a@b.org}\n") ==
          "1:10 /contact oneOf: give only one of `phone` and `email`, not both\n");
    CHECK(problems(validator, "contact: {email: a@b.org}\n") == "");
  }

  TEST_CASE("oneOf matching several alternatives says which") {
    const Validator validator = compile(R"({"properties": {"n": {"oneOf": [{"type": "integer"}, {"minimum": 0}]}}})");
    CHECK(
        problems(validator, "n: 5\n") ==
        "1:4 /n oneOf: `n` must match exactly one of the 2 alternatives in `oneOf`; it matches alternatives 1 and 2\n");
    CHECK(problems(validator, "n: -5\n") == "");
  }

  TEST_CASE("not and false schemas say what is not allowed") {
    const Validator validator = compile(R"({"properties": {
      "status": {"not": {"const": "closed"}},
      "kind": {"not": {"enum": ["a", "b"]}},
      "note": {"not": {"type": "string"}},
      "score": false,
      "item": {"not": {"required": ["items"]}}
    }})");
    CHECK(problems(validator,
                   "status: closed\n"
                   "kind: a\n"
                   "note: x\n"
                   "score: 3\n"
                   "item:\n"
                   "  items: [1]\n") ==
          "1:9 /status not: `status` must not be `closed`\n"
          "2:7 /kind not: `kind` must not be one of: a, b\n"
          "3:7 /note not: `note` must not be a string\n"
          "4:1 /score false: key `score` is not allowed here\n"
          "6:3 /item/items not: key `items` is not allowed here\n");
  }

  TEST_CASE("if/then/else reports the errors of the branch that applies") {
    const Validator validator = compile(R"({
      "if": {"properties": {"status": {"const": "met"}}, "required": ["status"]},
      "then": {"required": ["met_on"]},
      "else": {"properties": {"met_on": false}}
    })");
    CHECK(problems(validator, "status: met\n") == "1:1  required: missing required key `met_on`\n");
    CHECK(problems(validator, "status: open\nmet_on: 2026-01-01\n") ==
          "2:1 /met_on false: key `met_on` is not allowed here\n");
  }

  TEST_CASE("property names are checked at the key") {
    const Validator validator = compile(R"({"propertyNames": {"pattern": "^[a-z_]+$"}})");
    CHECK(problems(validator, "good: 1\nBad: 2\n") ==
          "2:1 /Bad pattern: key `Bad` must match the pattern `^[a-z_]+$`; got `Bad`\n");
  }

  TEST_CASE("dependencies name the key that needs another") {
    const Validator validator = compile(R"({"dependencies": {"representative": ["reason"]}})");
    CHECK(problems(validator, "said_by: representative\nrepresentative: Sam\n") ==
          "1:1  dependencies: missing key `reason`, which is needed when `representative` is given\n");
  }

  TEST_CASE("every problem in a file is reported, in file order") {
    const Validator validator = compile(k_record_schema);
    CHECK(problems(validator,
                   "person: 7\n"
                   "outcomes:\n"
                   "  - id: x-1\n"
                   "    status: done\n"
                   "    said: ''\n"
                   "    extra: yes\n"
                   "  - 42\n") ==
          "1:9 /person type: `person` must be a string; got the number 7\n"
          "3:9 /outcomes/0/id pattern: `id` must match the pattern `^o-[0-9]+$`; got `x-1`\n"
          "4:13 /outcomes/0/status enum: `status` must be one of: open, in_progress, met, not_met, withdrawn; got "
          "`done`\n"
          "5:11 /outcomes/0/said minLength: `said` must not be empty\n"
          "6:5 /outcomes/0/extra additionalProperties: unknown key `extra`\n"
          "7:5 /outcomes/1 type: `outcomes` item 2 must be a mapping; got the number 42\n");
  }

  TEST_CASE("a pathological pattern gives up quickly with a diagnostic") {
    const Validator validator =
        compile(R"({"properties": {"name": {"pattern": "^(a+)+$"}, "n": {"not": {"pattern": "^(a|aa)+$"}}}})");
    const auto start = std::chrono::steady_clock::now();
    CHECK(problems(validator, "name: " + std::string(40, 'a') + "!\n") ==
          "1:7 /name pattern: could not check `name` against the pattern `^(a+)+$`: the pattern needs too much "
          "backtracking for this value\n");
    // Inside "not" the answer is unknown too: the value is not taken as valid.
    CHECK(problems(validator, "n: " + std::string(5000, 'a') + "!\n") ==
          "1:4 /n pattern: could not check `n` against the pattern `^(a|aa)+$`: the pattern needs too much "
          "backtracking for this value\n");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  }

  TEST_CASE("a long value matches a sensible pattern") {
    const Validator validator = compile(R"({"properties": {"said": {"pattern": "^(?:[a-z]+ )*[a-z]+$"}}})");
    std::string said;
    for (int i = 0; i < 20000; ++i) {
      said += "walk ";
    }
    said += "home";
    CHECK(problems(validator, "said: " + said + "\n") == "");
  }

  TEST_CASE("patterns follow ECMA-262 where it differs from PCRE") {
    const Validator validator =
        compile(R"({"properties": {"a": {"pattern": "^abc$"}, "u": {"pattern": "^\\u00e9$"}}})");
    CHECK(problems(validator, "a: \"abc\\n\"\n") ==
          "1:4 /a pattern: `a` must match the pattern `^abc$`; got `abc\n`\n");
    CHECK(problems(validator, "u: é\n") == "");
  }

  TEST_CASE("PCRE-only pattern syntax is refused, since editors use JavaScript patterns") {
    CHECK(compile_errors(R"({"pattern": "^a\\Z"})") ==
          "s.json:1:13 /pattern pattern: invalid regular expression `^a\\Z` in `pattern`: `\\Z` is not part of "
          "JavaScript regular expressions, which editors use\n");
    CHECK(compile_errors(R"({"patternProperties": {"(?i)^x": true}})") ==
          "s.json:1:24 /patternProperties/(?i)^x patternProperties: invalid regular expression `(?i)^x` in "
          "`patternProperties`: `(?i` is not part of JavaScript regular expressions, which editors use\n");
    const Validator validator = compile(R"({"properties": {"p": {"pattern": "^[(?i)]+(?:x|y)(?=z)z(?<n>q)$"}}})");
    CHECK(problems(validator, "p: (?xzq\n") == "");
    const Validator regex_format = compile(R"({"format": "regex"})");
    CHECK(problems(regex_format, "'^\\S\\Z'\n") ==
          "1:1  format: the document must be a regular expression; got `^\\S\\Z` (`\\Z` is not part of JavaScript "
          "regular expressions, which editors use)\n");
  }

  TEST_CASE("$ref finds a schema file beside the root schema") {
    const TempFolder folder;
    folder.write("common.schema.json", R"({"definitions": {"date": {"type": "string", "format": "date"}}})");
    const std::string root = R"({"properties": {"date": {"$ref": "common.schema.json#/definitions/date"}}})";
    CompileOptions options;
    options.base_directory = folder.path;
    auto compiled = Validator::compile(parse_text(root, (folder.path / "root.schema.json").string()), options);
    REQUIRE_MESSAGE(compiled.has_value(), format_diagnostics(compiled.error()));
    CHECK(problems(*compiled, "date: 2026-02-30\n") ==
          "1:7 /date format: `date` must be a date (YYYY-MM-DD); got `2026-02-30`\n");

    // Also from a schema whose $id is a URN, which has no folder of its own.
    const Validator with_urn = compile(
        R"({"$id": "urn:example:root", "properties": {"date": {"$ref": "common.schema.json#/definitions/date"}}})",
        options);
    CHECK(problems(with_urn, "date: 2026-02-30\n") ==
          "1:7 /date format: `date` must be a date (YYYY-MM-DD); got `2026-02-30`\n");
  }

  TEST_CASE("a URI folder serves remote references, and a relative $id changes the base once") {
    const TempFolder folder;
    std::filesystem::create_directories(folder.path / "folder");
    folder.write("folder/integer.json", R"({"type": "integer"})");
    CompileOptions options;
    options.uri_folders["http://localhost:1234/"] = folder.path;
    // The $ref target sits under an unknown keyword, so only the $ref reaches it.
    const Validator validator = compile(R"({"$id": "http://localhost:1234/",
      "x-parts": {"list": {"$id": "folder/", "items": {"$ref": "integer.json"}}},
      "allOf": [{"$ref": "#/x-parts/list"}]})",
                                        options);
    CHECK(problems(validator, "[1, 2]\n") == "");
    CHECK(problems(validator, "[1, two]\n") == "1:5 /1 type: item 2 must be a whole number; got the string `two`\n");
  }

  TEST_CASE("$ref to the draft-07 meta-schema uses the embedded copy") {
    const Validator validator = compile(R"({"$ref": "http://json-schema.org/draft-07/schema#"})");
    CHECK(problems(validator, "type: string\nminLength: 1\n") == "");
    CHECK(problems(validator, "minLength: -1\n") ==
          "1:12 /minLength minimum: `minLength` must be at least 0; got -1\n");
  }

  TEST_CASE("recursive schemas are compiled once and follow the data") {
    const Validator validator = compile(R"({
      "definitions": {"node": {"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#/definitions/node"}}, "name": {"type": "string"}}}},
      "$ref": "#/definitions/node"
    })");
    CHECK(problems(validator, "name: a\nchildren:\n  - name: b\n    children:\n      - name: 3\n") ==
          "5:15 /children/0/children/0/name type: `name` must be a string; got the number 3\n");
  }

  TEST_CASE("an unresolvable $ref fails to compile, naming the reference") {
    CHECK(compile_errors("{\n"
                         "  \"properties\": {\n"
                         "    \"date\": {\"$ref\": \"#/definitions/missing\"}\n"
                         "  }\n"
                         "}\n") ==
          "s.json:3:22 /properties/date/$ref $ref: cannot resolve `$ref` `#/definitions/missing`: there is nothing at "
          "`/definitions/missing` in `s.json`\n");
    CHECK(compile_errors(R"({"$ref": "http://example.org/other.json"})") ==
          "s.json:1:10 /$ref $ref: cannot resolve `$ref` `http://example.org/other.json`: no schema is known as "
          "`http://example.org/other.json`\n");
    const TempFolder folder;
    CompileOptions options;
    options.base_directory = folder.path;
    CHECK(compile_errors(R"({"$ref": "nothere.json"})", options) ==
          fmt::format("s.json:1:10 /$ref $ref: cannot resolve `$ref` `nothere.json`: there is no file `{}`\n",
                      (folder.path / "nothere.json").string()));
  }

  TEST_CASE("a $ref reads only files in the schema's own folder, and never shows one outside") {
    const TempFolder folder;
    // A valid schema outside the schema's folder: followed, it would compile and its text would show.
    const std::filesystem::path outside = folder.write("secret.json", R"({"const": "secret-marker"})");
    folder.write("schemas/inside/part.json", R"({"type": "integer"})");
    std::filesystem::create_symlink(outside, folder.path / "schemas" / "link.json");
    CompileOptions options;
    options.base_directory = folder.path / "schemas";
    const auto refused = [&](const std::string& reference) {
      return fmt::format("s.json:1:10 /$ref $ref: cannot resolve `$ref` `{}`: it points outside the schema's "
                         "folder; a schema may refer only to files in its own folder (and below) and to the "
                         "built-in schemas\n",
                         reference);
    };
    for (const std::string& reference :
         {outside.string(), std::string("../secret.json"), std::string("inside/../../secret.json"),
          std::string("%2e%2e/secret.json"), "file://" + outside.string(), std::string("link.json")}) {
      CAPTURE(reference);
      CHECK(compile_errors(fmt::format(R"({{"$ref": "{}"}})", reference), options) == refused(reference));
    }
    // Without a folder of its own (a schema compiled from text), a schema reads no file at all.
    CHECK(compile_errors(fmt::format(R"({{"$ref": "file://{}"}})", outside.string())) ==
          refused("file://" + outside.string()));
    // Inside the folder, `..` that stays inside is fine.
    const Validator inside = compile(R"({"$ref": "inside/../inside/part.json"})", options);
    CHECK(problems(inside, "3\n") == "");
  }

  TEST_CASE("a $ref that loops without reading the data fails to compile") {
    CHECK(compile_errors(R"({"$ref": "#"})") ==
          "s.json:1:10 /$ref $ref: `$ref` `#` leads back to `#` without going deeper into the data, an endless loop\n");
    CHECK(compile_errors(R"({"definitions": {"a": {"allOf": [{"$ref": "#/definitions/a"}]}}})") ==
          "s.json:1:43 /definitions/a/allOf/0/$ref $ref: `$ref` `#/definitions/a` leads back to `#/definitions/a` "
          "without going deeper into the data, an endless loop\n");
  }

  TEST_CASE("a schema with keywords of the wrong kind fails to compile") {
    CHECK(compile_errors(R"({"type": "strin", "minLength": -1, "pattern": "(", "items": 3})") ==
          "s.json:1:10 /type type: unknown type `strin` in `type` (the types are: null, boolean, integer, number, "
          "string, array, object) (did you mean `string`?)\n"
          "s.json:1:32 /minLength minLength: `minLength` must be a whole number, 0 or more; got the number -1\n"
          "s.json:1:47 /pattern pattern: invalid regular expression `(` in `pattern`: missing closing parenthesis at "
          "character 2\n"
          "s.json:1:61 /items items: `items` must hold a schema (a mapping, or true or false); got the number 3\n");
  }

  TEST_CASE("unknown keywords are annotations") {
    const Validator validator = compile(R"({"type": "array", "x-identity": "id", "items": {"title": "Item"}})");
    CHECK(problems(validator, "[1, 2]\n") == "");
  }

  TEST_CASE("validation from several threads at once gives the same answers") {
    const Validator validator = compile(k_record_schema);
    const Document document = parse_text("person: 7\noutcomes:\n  - id: x\n    status: done\n    said: ''\n", "r.yaml");
    const Diagnostics expected = validator.validate(document);
    REQUIRE(expected.size() == 4);
    std::vector<int> agreed(4, 0);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < agreed.size(); ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 50; ++i) {
          agreed[t] += validator.validate(document) == expected && !validator.is_valid(document.root) ? 1 : 0;
        }
      });
    }
    for (auto& thread : threads) {
      thread.join();
    }
    CHECK(agreed == std::vector<int>(4, 50));
  }
}
