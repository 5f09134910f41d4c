#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/document/node.hpp"

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

// The text of a YAML file with its line table: converts the parser's marks (1-based line, column in
// characters) into byte offsets, and answers questions about lines. A UTF-8 byte order mark at the start
// is kept in the text and skipped by the offsets, as the parser skips it.
class SourceText {
 public:
  explicit SourceText(std::string_view text);

  std::string_view text() const { return m_text; }
  std::size_t line_count() const { return m_line_starts.size(); }

  // Byte offset of a mark; marks past the end give the text's size.
  std::size_t offset(document::Mark mark) const;
  // The 1-based line holding `offset`.
  std::uint32_t line_of(std::size_t offset) const;

  // Offsets of the first byte of a 1-based line, of its line ending ("\r\n" or "\n"), and of the next
  // line (the text's size for the last line).
  std::size_t line_start(std::uint32_t line) const;
  std::size_t line_end(std::uint32_t line) const;
  std::size_t next_line_start(std::uint32_t line) const;
  std::string_view line(std::uint32_t line) const;

  // Leading spaces of a line; whether it is blank (spaces only) or a comment (spaces then '#').
  std::size_t indent(std::uint32_t line) const;
  bool is_blank(std::uint32_t line) const;
  bool is_comment(std::uint32_t line) const;

 private:
  std::string_view m_text;
  std::size_t m_bom = 0;
  std::vector<std::size_t> m_line_starts;
};

// Reads the layout of `text` (whose parsed root is `root`): line endings, indentation step, sequence
// style and spacing, final newline. Defaults (two spaces, indented "- ") where the file does not say.
Style detect_style(const SourceText& source, const document::Node& root);

// The offset just past the bracket that closes the flow collection ('[' or '{') starting at `open`,
// skipping quoted text and comments; npos when it is never closed.
std::size_t find_flow_end(std::string_view text, std::size_t open);

// The end of a block node that starts on `first_line` and whose lines are indented more than `column`
// spaces (0-based): the offset just past the line ending of its last non-blank line, or the text's size
// when that line has none. Comment lines indented more than `column` belong to the block; trailing blank
// lines and shallower comments do not. With `dash_lines`, lines at exactly `column` that start with "- "
// belong too (a sequence written without indentation under its key).
std::size_t block_end(const SourceText& source, std::uint32_t first_line, std::size_t column, bool dash_lines = false);

}  // namespace wellbeing::edit
