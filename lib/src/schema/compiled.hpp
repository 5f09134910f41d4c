#pragma once

// The compiled form of a draft-07 schema, shared by the compiler (compiler.cpp) and the evaluator
// (validator.cpp). Built once, then only read, so several threads may validate with it at once.

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "regex.hpp"
#include "wellbeing/document/node.hpp"
#include "wellbeing/schema/validator.hpp"

namespace wellbeing::schema {

namespace detail {

// JSON Schema's seven type names as bits; `integer` is a subset of `number`.
enum TypeBits : std::uint8_t {
  k_null = 1 << 0,
  k_boolean = 1 << 1,
  k_integer = 1 << 2,
  k_number = 1 << 3,
  k_string = 1 << 4,
  k_array = 1 << 5,
  k_object = 1 << 6,
};

enum class Format : std::uint8_t { none, date, date_time, time, email, uri, regex };

struct Schema;

struct NamedSchema {
  std::string name;
  const Schema* schema = nullptr;
};

struct PatternSchema {
  const Regex* regex = nullptr;
  const Schema* schema = nullptr;
};

struct KeyDependency {
  std::string key;
  std::vector<std::string> required;
};

// One schema object (or boolean schema). Pointers refer to other schemas of the same CompiledSchema.
// A keyword that is absent leaves its member empty, null or unset.
struct Schema {
  // Where the schema was written, for compile diagnostics.
  std::size_t document = 0;
  std::string pointer;
  document::Mark mark;

  bool is_boolean = false;
  bool boolean_value = true;

  // "$ref": when set, every other keyword of this object is ignored (draft-07).
  const Schema* ref = nullptr;
  std::string ref_text;

  std::uint8_t types = 0;  // 0: no "type" keyword
  bool has_enum = false;
  std::vector<document::Node> enum_values;
  std::optional<document::Node> const_value;

  std::optional<document::Node> multiple_of;
  std::optional<document::Node> maximum;
  std::optional<document::Node> minimum;
  std::optional<document::Node> exclusive_maximum;
  std::optional<document::Node> exclusive_minimum;

  std::optional<std::uint64_t> max_length;
  std::optional<std::uint64_t> min_length;
  const Regex* pattern = nullptr;
  Format format = Format::none;

  const Schema* items = nullptr;  // "items" as one schema for every item
  bool has_tuple_items = false;   // "items" as an array
  std::vector<const Schema*> tuple_items;
  const Schema* additional_items = nullptr;
  const Schema* contains = nullptr;
  std::optional<std::uint64_t> max_items;
  std::optional<std::uint64_t> min_items;
  bool unique_items = false;

  std::vector<NamedSchema> properties;         // in schema order (for "did you mean")
  std::vector<std::size_t> properties_sorted;  // indexes into `properties`, sorted by name
  std::vector<PatternSchema> pattern_properties;
  const Schema* additional_properties = nullptr;
  const Schema* property_names = nullptr;
  std::vector<std::string> required;
  std::vector<KeyDependency> key_dependencies;
  std::vector<NamedSchema> schema_dependencies;
  std::optional<std::uint64_t> max_properties;
  std::optional<std::uint64_t> min_properties;

  std::vector<const Schema*> all_of;
  std::vector<const Schema*> any_of;
  std::vector<const Schema*> one_of;
  const Schema* not_schema = nullptr;
  const Schema* if_schema = nullptr;
  const Schema* then_schema = nullptr;
  const Schema* else_schema = nullptr;

  // The schema for property `name` from "properties", or nullptr.
  const Schema* property(std::string_view name) const;
};

}  // namespace detail

struct CompiledSchema {
  std::deque<detail::Schema> schemas;  // a deque keeps addresses stable as it grows
  std::deque<detail::Regex> regexes;
  const detail::Schema* root = nullptr;
  bool assert_formats = true;
};

}  // namespace wellbeing::schema
