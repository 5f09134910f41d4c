#pragma once
// The file a person writes an entry in (`wellbeing add KIND FILE --edit`): guidance as comments, then
// every key of the entry; read back, checked, and offered again with its errors as comments.

#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/node.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/edit/record_edit.hpp"
#include "wellbeing/validation/check.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::edit {

// The template for adding a `kind` entry to `file`: how to fill it in and cancel; the guidance the kind
// calls for (powerful questions and appreciative-enquiry prompts for conversations, areas, outcomes and
// reviews; the nine areas of wellbeing where they can be named); then each key with the schema's
// description as a comment, and its value from `prefill` where one is known.
std::string entry_template(ItemKind kind, std::string_view file, const document::Node& prefill);

// What the template starts from: `fields` completed for `date` (complete_fields) and, for an area, laid
// over what the record `root` already says about the area `area`; a measure names ONS4 unless told otherwise.
document::Node template_prefill(ItemKind kind, const document::Node& root, std::string_view area,
                                const document::Node& fields, util::Date date);

// What was read back from an edited template: the entry's fields, or what stops it being added.
struct EditedEntry {
  document::Node fields;              // blank keys left out
  std::vector<std::string> problems;  // in plain words ("said: must not be empty"); empty when it can be added
};

// Reads the edited template `text` (saved at `path`) as the fields of `base` and judges adding them to
// `record` (whose findings are `old_findings`) with accept_addition: YAML errors, anything but key: value
// lines, a refusal to place the entry, and each new error (named by its key within the entry) are problems.
EditedEntry read_edited(std::string_view text, const std::string& path, const document::Document& record,
                        const Diagnostics& old_findings, const Addition& base, const records::CheckOptions& check);

// `text` with `problems` above it as "#! error: …" comment lines, under a line saying to correct them or
// empty the file to cancel.
std::string with_problems(std::string_view text, const std::vector<std::string>& problems);

// `text` without the "#!" lines with_problems added.
std::string without_problems(std::string_view text);

// Whether `text` holds only comments and blank lines (a template emptied of its entry: cancel).
bool only_comments(std::string_view text);

}  // namespace wellbeing::edit
