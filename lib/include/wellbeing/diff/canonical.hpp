#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diff/schema_info.hpp"
#include "wellbeing/document/node.hpp"

namespace wellbeing::diff {

// The canonical text view of a record, for git's textconv (`git log -p`, `--word-diff`): one value per
// line as `path: value`, where the path names list items by identity ("outcomes/o-3/status: met", the
// same path `wellbeing log --blame` takes). Keys follow the schema's order (unknown keys after, sorted),
// lists with an identity are sorted by it ("o-2" before "o-10"); lists of plain values are sorted by value
// and written `path[]: value` (their order is no part of their content); other lists keep their order
// and use positions. Text that could be misread (empty, spaces at either end, line breaks, words such as "true"
// or "12") is written as a JSON string. Two versions that differ only in layout, comments, quoting or the
// order of identified items have the same view. Never fails.
std::string canonical_text(const document::Node& root, const SchemaNode& schema = record_schema());

// The canonical lines of one value, each path starting with `prefix` ("" gives paths relative to the value;
// a scalar value with an empty prefix is the bare value).
std::vector<std::string> canonical_lines(const document::Node& value, const SchemaNode* schema,
                                         std::string_view prefix);

// A scalar as the canonical view writes it: plain when it cannot be misread, else a JSON string.
std::string canonical_scalar(const document::Node& value);

}  // namespace wellbeing::diff
