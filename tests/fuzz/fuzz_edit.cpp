// The text editor behind `add`: an entry placed into a record's text at known offsets. The input is a
// record, the kind's name, the entry's fields (YAML) and the outcome or area it is for, separated by NUL
// bytes. Properties: placing never crashes; a placed entry is the old text with the edits applied, parses
// again, and holds the item where the change says it is.
#include "fuzz.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/edit/record_edit.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wellbeing;
  using fuzz::require;
  const std::vector<std::string> parts = fuzz::split_parts(fuzz::as_text(data, size), 4);
  const edit::KindInfo* kind = edit::find_kind(parts[1]);
  if (kind == nullptr) {
    return 0;
  }
  auto record = document::parse(parts[0], "fuzz.yaml");
  auto fields = document::parse(parts[2], "fields.yaml");
  if (!record || !fields || !fields->root.is_mapping()) {
    return 0;
  }
  edit::Addition addition;
  addition.kind = kind->kind;
  addition.fields = edit::complete_fields(kind->kind, fields->root, *util::parse_date("2026-06-01"));
  (kind->kind == edit::ItemKind::area ? addition.area : addition.outcome) = parts[3];

  auto change = edit::add_to_record(parts[0], *record, addition);
  if (!change) {
    require(!change.error().message.empty(), "a refusal says why");
    return 0;
  }
  require(edit::apply_edits(parts[0], change->edits) == change->text, "the new text is the old one with the edits");
  auto again = document::parse(change->text, "fuzz.yaml");
  require(again.has_value(), "the new text parses");
  require(again->root.at_pointer(change->pointer) != nullptr, "the entry is where the change says");
  return 0;
}
