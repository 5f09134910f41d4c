#pragma once

#include <cstddef>
#include <string>

#include "wellbeing/document/node.hpp"
#include "wellbeing/document/source.hpp"

namespace wellbeing::edit {

// How a YAML file is laid out, so that inserted text looks as if the same person typed it.
struct Style {
  std::string newline = "\n";        // "\n" or "\r\n", whichever the file uses (the first line ending)
  std::size_t indent = 2;            // spaces per nesting level of block mappings
  bool indented_sequences = true;    // "key:\n  - item" (true) or "key:\n- item" (false)
  std::size_t dash_gap = 2;          // columns from "-" to the item's first key ("- id" is 2, "-   id" is 4)
  bool final_newline = true;         // the file ends with a line ending (or is empty)
  bool blank_between_sections = true;  // top-level sections are separated by a blank line
};

// Reads the layout of `text` (whose parsed root is `root`): line endings, indentation step, sequence
// style and spacing, final newline. Defaults (two spaces, indented "- ") where the file does not say.
Style detect_style(const document::SourceText& source, const document::Node& root);

}  // namespace wellbeing::edit
