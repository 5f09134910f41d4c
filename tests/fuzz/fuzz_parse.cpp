// YAML text → located document. Properties: parsing never crashes; a failure has diagnostics, each at a
// place inside the text; a document's marks are inside the text; its JSON parses back to the same tree.
#include <cmath>

#include "fuzz.hpp"
#include "wellbeing/diff/canonical.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/document/source.hpp"

namespace {

using wellbeing::document::Node;
using wellbeing::document::SourceText;
using wellbeing::fuzz::require;

// Checks every node's mark; true when the tree holds a number JSON cannot write (it becomes null).
bool check_marks(const Node& node, const SourceText& source) {
  require(node.mark().line >= 1 && node.mark().line <= source.line_count(), "a node's line is in the text");
  bool non_finite = node.kind() == wellbeing::document::Kind::floating && !std::isfinite(node.as_number());
  for (const Node& item : node.items()) {
    non_finite = check_marks(item, source) || non_finite;
  }
  for (const auto& entry : node.entries()) {
    require(entry.key_mark.line >= 1 && entry.key_mark.line <= source.line_count(), "a key's line is in the text");
    non_finite = check_marks(entry.value, source) || non_finite;
  }
  return non_finite;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(wellbeing::fuzz::as_text(data, size));
  auto parsed = wellbeing::document::parse(text, "fuzz.yaml");
  const SourceText source(text);
  if (!parsed) {
    require(!parsed.error().empty(), "a failed parse says why");
    for (const auto& diagnostic : parsed.error()) {
      require(diagnostic.location.line >= 1 && diagnostic.location.line <= source.line_count(),
              "a parse error's line is in the text");
    }
    return 0;
  }
  if (check_marks(parsed->root, source)) {
    return 0;
  }
  auto again = wellbeing::document::parse(parsed->root.to_json(), "fuzz.json");
  require(again.has_value(), "a document's JSON parses");
  require(again->root.equals(parsed->root), "a document's JSON parses back to the same tree");
  (void)wellbeing::diff::canonical_text(parsed->root);
  return 0;
}
