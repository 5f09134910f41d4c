#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "wellbeing/document/node.hpp"
#include "wellbeing/edit/style.hpp"

namespace wellbeing::edit {

// How new values are written as YAML text: when a scalar needs quotes, and the flow and block forms of
// new entries, all in the file's style and all reading back as the same values.

// Where a scalar is written: in block context (after "key: " or "- ") or inside [ ] or { }.
enum class Context { block, flow };

// Whether `value` must be quoted to read back as the same string: empty text, text that YAML would type
// as null, a boolean (including YAML 1.1's yes/no/on/off, for other tools), or a number; text starting
// with an indicator (- ? : , [ ] { } # & * ! | > ' " % @ `) or a space; text holding ": ", " #", a tab,
// a line break or a control character; and in flow context any of , [ ] { }.
bool needs_quotes(std::string_view value, Context context);

// `value` as one line of YAML: plain when safe, else double-quoted with escapes.
std::string quote_scalar(std::string_view value, Context context);

// A node as one line of flow YAML: "[a, b]", "{ k: v, k2: [x] }", scalars as above.
std::string render_flow(const document::Node& node);

// The lines of a block mapping whose keys start at `column` (0-based spaces), each ending with
// style.newline. Short lists of simple values and small mappings of scalars are written in flow form
// ("areas: [health, control]"); text with line breaks becomes a literal block scalar ("|-").
std::string render_block_mapping(const document::Node& mapping, std::size_t column, const Style& style);

// One sequence item: "- " at `dash_column`, then the item (a mapping's keys line up at dash_column +
// style.dash_gap), every line ending with style.newline. With `flow`, the item is one "- { … }" line.
std::string render_sequence_item(const document::Node& item, std::size_t dash_column, const Style& style,
                                 bool flow = false);

// "key: value" for one mapping entry at `column`, in the same forms as render_block_mapping.
std::string render_entry(std::string_view key, const document::Node& value, std::size_t column, const Style& style);

}  // namespace wellbeing::edit
