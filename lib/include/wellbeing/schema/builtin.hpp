#pragma once

#include <string_view>

#include "wellbeing/document/node.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/schema/validator.hpp"

namespace wellbeing::schema {

// The embedded record schema (wellbeing-record.schema.json), parsed once on first use; thread-safe.
// Everything that reads the record schema (the validator, the diff's labels, the editor) reads this one.
const document::Document& record_schema();

// The embedded folder-settings schema (wellbeing-config.schema.json), parsed once on first use; thread-safe.
const document::Document& config_schema();

// The two schemas above compiled once on first use; thread-safe, and validate() may run on many threads.
const Validator& record_validator();
const Validator& config_validator();

// The schema that the local reference `ref` ("#/definitions/area", percent-encoded as draft-07 allows)
// names inside `root`; nullptr when it is not a local reference or names nothing.
const document::Node* resolve_ref(const document::Node& root, std::string_view ref);

// Follows `schema`'s chain of "$ref"s inside `root` to the schema that does the work (in draft-07 a
// "$ref" replaces the schema holding it): `schema` itself when it has none; nullptr for a null `schema`,
// a reference that names nothing, or a chain that comes back on itself.
const document::Node* follow_refs(const document::Node& root, const document::Node* schema);

}  // namespace wellbeing::schema
