#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wellbeing::diff {

// What the diff, the canonical view and the merge need to know about one place in the record format:
// its title, how list items are identified, and the order of its properties. Read from the embedded
// record schema ($ref, oneOf/anyOf/allOf resolved).
struct SchemaNode {
  std::string title;       // "Outcome", "Status"; empty when the schema gives none
  std::string identity;    // for an array: the item key named by `x-identity` ("id"), else empty
  bool bare = false;       // enum, const or format (a date): values are shown without quotes
  bool keyed = false;      // a mapping whose properties all share one item definition (the `areas`)
  std::string item_title;  // for a keyed mapping: the title of that definition ("Area")
  std::vector<std::pair<std::string, const SchemaNode*>> properties;  // in schema order
  const SchemaNode* items = nullptr;                                  // for arrays

  // The schema of property `key`, or nullptr.
  const SchemaNode* property(std::string_view key) const;
  // Where `key` comes in the schema's property order (properties() size when it is not a property).
  std::size_t property_rank(std::string_view key) const;
};

// The record schema's root, built once from the embedded schema (thread-safe). Never fails: a schema that
// cannot be read gives an empty node, and callers then fall back to key names and positions.
const SchemaNode& record_schema();

// The schema of the value an identity path ("/outcomes/o-3/actions/a-1") names, or nullptr.
const SchemaNode* schema_at(std::string_view path, const SchemaNode& root = record_schema());

// `key` as a label: "said_by" -> "said by".
std::string key_label(std::string_view key);

// A title as it reads inside a sentence: "Status" -> "status", "ONS4 answers" stays as it is.
std::string lower_title(std::string_view title);

// Orders identities naturally: "o-2" before "o-10".
bool natural_less(std::string_view a, std::string_view b);

}  // namespace wellbeing::diff
