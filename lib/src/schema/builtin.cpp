#include "wellbeing/schema/builtin.hpp"

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "uri.hpp"
#include "wellbeing/schema/embedded.hpp"

namespace wellbeing::schema {

namespace {

// A JSON value as a node (with no marks: it is not read from a file the user can open).
document::Node from_json_value(const nlohmann::ordered_json& value) {
  using document::Node;
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::boolean:
      return Node::make_bool(value.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
      return Node::make_integer(value.get<std::int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return Node::make_integer(static_cast<std::int64_t>(value.get<std::uint64_t>()));
    case nlohmann::ordered_json::value_t::number_float:
      return Node::make_float(value.get<double>());
    case nlohmann::ordered_json::value_t::string:
      return Node::make_string(value.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
      std::vector<Node> items;
      items.reserve(value.size());
      for (const auto& item : value) {
        items.push_back(from_json_value(item));
      }
      return Node::make_sequence(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
      std::vector<document::Entry> entries;
      entries.reserve(value.size());
      for (const auto& [key, item] : value.items()) {
        entries.push_back(document::Entry{key, {}, from_json_value(item)});
      }
      return Node::make_mapping(std::move(entries));
    }
    default:
      return Node::make_null();
  }
}

// The embedded schemas are JSON, read with the JSON parser: a third of the time of the YAML one at every start.
// They are part of the build and tested (tests/unit/test_schema_builtin.cpp reads them with the YAML parser
// too, which also refuses duplicate keys), so failing here is a broken build, not bad input.
document::Document parse_embedded(std::string_view name) {
  const std::string_view text = embedded_schema(name);
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(text, nullptr, false);
  if (json.is_discarded()) {
    throw std::logic_error(fmt::format("the built-in schema {} is not JSON", name));
  }
  return document::Document{std::string(name), std::make_shared<const std::string>(text), from_json_value(json)};
}

Validator compile_embedded(const document::Document& schema) {
  auto compiled = Validator::compile(schema);
  if (!compiled) {
    throw std::logic_error(fmt::format("the built-in schema {} does not compile: {}", schema.path,
                                       compiled.error().front().message));
  }
  return std::move(compiled).value();
}

}  // namespace

const document::Document& record_schema() {
  static const document::Document schema = parse_embedded(k_record_schema);
  return schema;
}

const document::Document& config_schema() {
  static const document::Document schema = parse_embedded(k_config_schema);
  return schema;
}

const Validator& record_validator() {
  static const Validator validator = compile_embedded(record_schema());
  return validator;
}

const Validator& config_validator() {
  static const Validator validator = compile_embedded(config_schema());
  return validator;
}

const document::Node* resolve_ref(const document::Node& root, std::string_view ref) {
  if (!ref.starts_with('#')) {
    return nullptr;
  }
  return root.at_pointer(detail::percent_decode(ref.substr(1)));
}

const document::Node* follow_refs(const document::Node& root, const document::Node* schema) {
  std::vector<const document::Node*> seen;
  while (schema) {
    const document::Node* ref = schema->is_mapping() ? schema->find("$ref") : nullptr;
    if (!ref || !ref->is_string()) {
      return schema;
    }
    for (const document::Node* earlier : seen) {
      if (earlier == schema) {
        return nullptr;
      }
    }
    seen.push_back(schema);
    schema = resolve_ref(root, ref->as_string());
  }
  return nullptr;
}

}  // namespace wellbeing::schema
