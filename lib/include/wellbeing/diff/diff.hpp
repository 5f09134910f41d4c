#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diff/schema_info.hpp"
#include "wellbeing/document/node.hpp"

namespace wellbeing::diff {

enum class ChangeKind { added, removed, changed };

// "added", "removed" or "changed".
std::string_view to_string(ChangeKind kind);

// One semantic difference between two versions of a record.
//
// `path` is a JSON pointer in which list items are named by their identity (the key the schema declares with
// `x-identity`), not their position: "/outcomes/o-3/status" names the same value in both versions. Lists
// without an identity use positions (the old position for removed values, the new one otherwise).
struct Change {
  std::string path;
  ChangeKind kind = ChangeKind::changed;
  std::optional<document::Node> old_value;  // absent when added
  std::optional<document::Node> new_value;  // absent when removed
  std::string label;    // in the record's own words: `Outcome o-3 "Back to the allotment": status open → met`
  std::string section;  // the title of the top-level part it belongs to: "Outcomes"
  bool item = false;    // the change adds or removes a whole list item (an outcome, a conversation, an area)
};

// The differences between two record documents, in the order of the record format (sections in schema
// order, items in the new version's order, removed items after them). List items are matched by identity,
// so reordering alone is no change; lists of plain values are compared as collections (order ignored).
// Works on any YAML, with key names and positions where the schema says nothing. Never fails.
std::vector<Change> diff_documents(const document::Node& old_root, const document::Node& new_root,
                                   const SchemaNode& schema = record_schema());

// A value in a label: enum values, dates and numbers as they are, text in double quotes, lists as
// [a, b] and mappings as {key: value}.
std::string brief_value(const document::Node& value, const SchemaNode* schema);

// Splits an identity path ("outcomes/o-3/status" or "/outcomes/o-3/status") into unescaped segments.
std::vector<std::string> split_path(std::string_view path);

// The value an identity path names in `root` (list items by identity where the schema gives one, else by
// position), or nullptr when there is none.
const document::Node* find_by_path(const document::Node& root, std::string_view path,
                                   const SchemaNode& schema = record_schema());

// The identity of a list item under `schema` (an array's SchemaNode): its identity key's value as text,
// or empty when it has none.
std::string item_identity(const document::Node& item, const SchemaNode* schema);

}  // namespace wellbeing::diff
