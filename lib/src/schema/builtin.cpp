#include "wellbeing/schema/builtin.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "uri.hpp"
#include "wellbeing/schema/embedded.hpp"

namespace wellbeing::schema {

namespace {

// The embedded schemas are part of the build and tested, so failing here is a broken build, not bad input.
document::Document parse_embedded(std::string_view name) {
  auto parsed = document::parse(std::string(embedded_schema(name)), std::string(name));
  if (!parsed) {
    throw std::logic_error(fmt::format("the built-in schema {} does not parse: {}", name,
                                       parsed.error().front().message));
  }
  return std::move(parsed).value();
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
