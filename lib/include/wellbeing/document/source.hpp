#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/document/node.hpp"

namespace wellbeing::document {

// The text of a YAML file with its line table, shared by the parser and by everything that edits a file
// at known offsets: converts between byte offsets and marks (1-based line, column in characters) and
// answers questions about lines. A text that ends with a line ending has an empty last line after it. A
// UTF-8 byte order mark at the start is kept in the text and skipped by the offsets, as the parser skips it.
class SourceText {
 public:
  explicit SourceText(std::string_view text);

  std::string_view text() const { return m_text; }
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(m_line_starts.size()); }
  // The file's line ending: "\r\n" when its first line ends so, else "\n".
  const std::string& newline() const { return m_newline; }

  // Byte offset of a mark; marks past the end give the text's size.
  std::size_t offset(Mark mark) const;
  // The mark of a byte offset (an offset inside a UTF-8 sequence counts as that character).
  Mark mark_at(std::size_t offset) const;
  // The 1-based line holding `offset`.
  std::uint32_t line_of(std::size_t offset) const;
  // The 1-based column, in characters, of `offset` on the line that starts at `line_start`.
  std::uint32_t column_at(std::size_t line_start, std::size_t offset) const {
    return static_cast<std::uint32_t>((m_ascii ? offset - line_start : column_chars(line_start, offset)) + 1);
  }

  // Offsets of the first byte of a 1-based line, of its line ending ("\r\n" or "\n"), and of the next
  // line (the text's size for the last line).
  std::size_t line_start(std::uint32_t line) const;
  std::size_t line_end(std::uint32_t line) const;
  std::size_t next_line_start(std::uint32_t line) const;
  std::string_view line(std::uint32_t line) const;

  // Leading spaces of a line; whether it is blank (spaces, tabs and carriage returns only) or a comment
  // (spaces then '#').
  std::size_t indent(std::uint32_t line) const;
  bool is_blank(std::uint32_t line) const;
  bool is_comment(std::uint32_t line) const;

  // The comments of lines first..last, in order, each from its '#' to the end of its line: whole-line
  // comments, and those after content (a '#' after a space or tab, outside quotes). Quotes are followed
  // from line to line, and the lines of a block scalar (`|`, `>`) hold none.
  std::vector<std::string_view> comments(std::uint32_t first, std::uint32_t last) const;

  // The last line of the block that follows line `first`: later lines indented more than `column` spaces
  // (0-based), comment lines among them included, trailing blank lines not; with `dash_lines`, also lines
  // at exactly `column` that start with "- " (a sequence written without indentation under its key).
  // `first` when nothing follows.
  std::uint32_t block_last_line(std::uint32_t first, std::size_t column, bool dash_lines = false) const;
  // Just past the line ending of block_last_line (the text's size when that line has none).
  std::size_t block_end(std::uint32_t first, std::size_t column, bool dash_lines = false) const {
    return next_line_start(block_last_line(first, column, dash_lines));
  }

 private:
  std::string_view m_text;
  std::size_t m_bom = 0;
  std::vector<std::size_t> m_line_starts;
  std::string m_newline = "\n";
  bool m_ascii = false;  // every byte is a character, so columns need no counting

  std::size_t column_chars(std::size_t line_start, std::size_t offset) const;
};

}  // namespace wellbeing::document
