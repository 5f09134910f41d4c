#pragma once
// The keys a person can give for each kind of entry (`wellbeing add KIND --flag value`), and how an entry
// is built from those values or from a YAML fragment.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/document/node.hpp"
#include "wellbeing/edit/record_edit.hpp"
#include "wellbeing/util/expected.hpp"

namespace wellbeing::edit {

// How a field's value is read: text as given; a date as YYYY-MM-DD text (checked by the caller); a
// whole number; a number; true/yes or false/no; a list of texts (the option repeated).
enum class FieldType { text, date, integer, number, boolean, list };

// One field of an entry: its option, the key it sets ("ons4.happy_yesterday" for a nested key), its type
// and a one-line help.
struct Field {
  std::string_view flag;
  std::string_view key;
  FieldType type;
  std::string_view help;
};

// What `add KIND --help` says the kind is: "A review requested from the local authority".
std::string_view kind_help(ItemKind kind);

// The fields of `kind`, in the order `add KIND --help` lists them.
std::span<const Field> kind_fields(ItemKind kind);

// Whether every entry of `kind` needs `field` given: the record schema requires its key and complete_fields
// does not fill it in, even when every other field is given (an outcome's status is "open" unless said).
// No field of an area is: they change an area that is there already.
bool is_required(ItemKind kind, const Field& field);

// The fields of `kind` that `entry` (its keys as complete_fields gives them) lacks and the record schema
// requires (schema_requires with `entry`), in the order of kind_fields(); empty for an area.
std::vector<Field> missing_fields(ItemKind kind, const document::Node& entry);

// Option values as given, by flag ("--area" -> {"health", "control"}); flags not given may be absent or empty.
using FieldValues = std::map<std::string, std::vector<std::string>, std::less<>>;

// Whether any field was given a value.
bool has_values(const FieldValues& values);

// `fields` with every field of `kind` that has a value set from it (a nested key inside its mapping).
// Fails with a message naming the option: "--happy x: give a whole number", "--by can be given only
// once", "--service-can-meet maybe: give true or false". Dates are set as given: check them first.
util::Expected<document::Node, util::Failure> fields_from_values(ItemKind kind, const FieldValues& values,
                                                               document::Node fields);

// An entry's keys from a YAML fragment (`--from FILE`), where `display` names the file in messages:
// empty text gives an empty mapping; fails on a YAML error ("FILE:2:3: …") or anything but a mapping.
util::Expected<document::Node, util::Failure> fields_from_yaml(std::string text, const std::string& display);

// `mapping` with `value` at the key path `path` ({"referral", "to"}), creating mappings on the way and
// replacing a value already there.
document::Node set_path(const document::Node& mapping, std::span<const std::string> path, const document::Node& value);

// A dotted key as its path: "ons4.happy_yesterday" -> {"ons4", "happy_yesterday"}.
std::vector<std::string> split_key(std::string_view key);

// `node` without what was left blank: null values, empty text, and lists or mappings left empty.
document::Node strip_blank(const document::Node& node);

}  // namespace wellbeing::edit
