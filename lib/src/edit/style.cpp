#include "wellbeing/edit/style.hpp"

#include <algorithm>
#include <optional>

namespace wellbeing::edit {

using document::Mark;
using document::Node;
using document::SourceText;

namespace {

bool is_flow_start(const SourceText& source, const Node& node) {
  const std::size_t at = source.offset(node.mark());
  return at < source.text().size() && (source.text()[at] == '[' || source.text()[at] == '{');
}

struct Found {
  std::optional<std::size_t> indent, dash_gap;
  std::optional<bool> indented_sequences;
};

void survey(const SourceText& source, const Node& node, Found& found, int depth) {
  if (depth > 50 || (found.indent && found.dash_gap && found.indented_sequences)) {
    return;
  }
  if (node.is_mapping() && !is_flow_start(source, node)) {
    for (const auto& entry : node.entries()) {
      const Node& value = entry.value;
      if (value.is_mapping() && !is_flow_start(source, value) && !value.entries().empty() && !found.indent) {
        const Mark child = value.entries().front().key_mark;
        if (child.line > entry.key_mark.line && child.column > entry.key_mark.column) {
          found.indent = child.column - entry.key_mark.column;
        }
      }
      if (value.is_sequence() && !is_flow_start(source, value) && value.size() > 0 && !found.indented_sequences &&
          value.mark().line > entry.key_mark.line) {
        found.indented_sequences = value.mark().column > entry.key_mark.column;
      }
      survey(source, value, found, depth + 1);
    }
  } else if (node.is_sequence() && !is_flow_start(source, node)) {
    for (const Node& item : node.items()) {
      if (item.is_mapping() && !is_flow_start(source, item) && item.mark().line == node.mark().line &&
          !found.dash_gap && item.mark().column > node.mark().column) {
        found.dash_gap = item.mark().column - node.mark().column;
      }
      survey(source, item, found, depth + 1);
    }
  }
}

}  // namespace

Style detect_style(const SourceText& source, const Node& root) {
  Style style;
  const std::string_view text = source.text();
  style.newline = source.newline();
  style.final_newline = text.empty() || text.back() == '\n';

  Found found;
  survey(source, root, found, 0);
  style.indent = found.indent.value_or(2);
  style.indented_sequences = found.indented_sequences.value_or(true);
  style.dash_gap = found.dash_gap.value_or(2);

  // Blank lines between top-level sections: look above each key after the first, past its comments.
  int blank = 0;
  int tight = 0;
  if (root.is_mapping()) {
    bool first = true;
    for (const auto& entry : root.entries()) {
      if (first) {
        first = false;
        continue;
      }
      std::uint32_t line = entry.key_mark.line;
      while (line > 1 && source.is_comment(line - 1)) {
        --line;
      }
      if (line > 1) {
        (source.is_blank(line - 1) ? blank : tight) += 1;
      }
    }
  }
  style.blank_between_sections = blank >= tight;
  return style;
}

}  // namespace wellbeing::edit
