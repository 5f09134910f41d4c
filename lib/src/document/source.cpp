#include "wellbeing/document/source.hpp"

#include <algorithm>

#include "wellbeing/util/text.hpp"

namespace wellbeing::document {

SourceText::SourceText(std::string_view text) : m_text(text), m_ascii(util::is_ascii(text)) {
  m_bom = m_text.size() - util::without_bom(m_text).size();
  m_line_starts.push_back(m_bom);
  for (std::size_t i = m_text.find('\n', m_bom); i != std::string_view::npos; i = m_text.find('\n', i + 1)) {
    m_line_starts.push_back(i + 1);
  }
  const std::size_t first_break = m_text.find('\n');
  if (first_break != std::string_view::npos && first_break > m_bom && m_text[first_break - 1] == '\r') {
    m_newline = "\r\n";
  }
}

std::size_t SourceText::offset(Mark mark) const {
  if (mark.line == 0) {
    return m_bom;
  }
  if (mark.line > m_line_starts.size()) {
    return m_text.size();
  }
  std::size_t at = m_line_starts[mark.line - 1];
  const std::size_t end = line_end(mark.line);
  // Columns count characters: step over whole UTF-8 sequences.
  for (std::uint32_t column = 1; column < mark.column && at < end; ++column) {
    ++at;
    while (at < end && (static_cast<unsigned char>(m_text[at]) & 0xC0) == 0x80) {
      ++at;
    }
  }
  return at;
}

Mark SourceText::mark_at(std::size_t offset) const {
  offset = std::clamp(offset, m_bom, m_text.size());
  const std::uint32_t line = line_of(offset);
  return {line, column_at(line_start(line), offset)};
}

std::size_t SourceText::column_chars(std::size_t line_start, std::size_t offset) const {
  return util::utf8_length(m_text.substr(line_start, offset - line_start));
}

std::uint32_t SourceText::line_of(std::size_t offset) const {
  const auto found = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
  return static_cast<std::uint32_t>(std::max<std::ptrdiff_t>(1, found - m_line_starts.begin()));
}

std::size_t SourceText::line_start(std::uint32_t line) const {
  return line >= 1 && line <= m_line_starts.size() ? m_line_starts[line - 1] : m_text.size();
}

std::size_t SourceText::next_line_start(std::uint32_t line) const {
  return line < m_line_starts.size() ? m_line_starts[line] : m_text.size();
}

std::size_t SourceText::line_end(std::uint32_t line) const {
  std::size_t end = next_line_start(line);
  if (end > line_start(line) && m_text[end - 1] == '\n') {
    --end;
    if (end > line_start(line) && m_text[end - 1] == '\r') {
      --end;
    }
  }
  return end;
}

std::string_view SourceText::line(std::uint32_t line) const {
  const std::size_t start = line_start(line);
  return m_text.substr(start, line_end(line) - start);
}

std::size_t SourceText::indent(std::uint32_t line_number) const {
  const std::string_view text = line(line_number);
  const std::size_t first = text.find_first_not_of(' ');
  return first == std::string_view::npos ? text.size() : first;
}

bool SourceText::is_blank(std::uint32_t line_number) const {
  return line(line_number).find_first_not_of(" \t\r") == std::string_view::npos;
}

bool SourceText::is_comment(std::uint32_t line_number) const {
  const std::string_view text = line(line_number);
  const std::size_t first = text.find_first_not_of(" \t");
  return first != std::string_view::npos && text[first] == '#';
}

std::uint32_t SourceText::block_last_line(std::uint32_t first, std::size_t column, bool dash_lines) const {
  std::uint32_t last = first;
  for (std::uint32_t line_number = first + 1; line_number <= line_count(); ++line_number) {
    if (is_blank(line_number)) {
      continue;
    }
    const std::size_t spaces = indent(line_number);
    const std::string_view text = line(line_number);
    const bool dash = dash_lines && spaces == column && text.size() > spaces && text[spaces] == '-' &&
                      (text.size() == spaces + 1 || text[spaces + 1] == ' ');
    if (spaces <= column && !dash) {
      break;
    }
    last = line_number;
  }
  return last;
}

namespace {

// Whether a quote at `at` opens a quoted scalar: only where a scalar can start, after nothing on the line
// or after an indicator (`- `, `: `, `? `, `[`, `{`, `,`). A quote inside a plain scalar is a character.
bool opens_scalar(std::string_view line, std::size_t at) {
  const std::size_t before = line.find_last_not_of(" \t", at == 0 ? 0 : at - 1);
  if (at == 0 || before == std::string_view::npos) {
    return true;
  }
  const char c = line[before];
  return c == '[' || c == '{' || c == ',' || ((c == '-' || c == ':' || c == '?') && before + 1 < at);
}

// Whether `content` (a line without its comment) ends with a block scalar header: `|` or `>`, then
// chomping and indentation indicators, after a space or at the start.
bool opens_block_scalar(std::string_view content) {
  const std::size_t end = content.find_last_not_of(" \t");
  if (end == std::string_view::npos) {
    return false;
  }
  std::size_t i = end + 1;
  while (i > 0 && (content[i - 1] == '+' || content[i - 1] == '-' || (content[i - 1] >= '1' && content[i - 1] <= '9'))) {
    --i;
  }
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>')) {
    return false;
  }
  return i == 1 || content[i - 2] == ' ' || content[i - 2] == '\t';
}

}  // namespace

std::vector<std::string_view> SourceText::comments(std::uint32_t first, std::uint32_t last) const {
  std::vector<std::string_view> found;
  char quote = 0;                    // the quote of a scalar still open at the end of the line before
  std::size_t block_parent = SIZE_MAX;  // the indent of the line that opened a block scalar, while in one
  for (std::uint32_t number = first; number <= last && number <= line_count(); ++number) {
    const std::string_view text = line(number);
    if (block_parent != SIZE_MAX) {
      if (is_blank(number) || indent(number) > block_parent) {
        continue;
      }
      block_parent = SIZE_MAX;
    }
    std::size_t comment = std::string_view::npos;
    for (std::size_t i = 0; i < text.size() && comment == std::string_view::npos; ++i) {
      const char c = text[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
      } else if (quote == '\'') {
        if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
        } else if (c == '\'') {
          quote = 0;
        }
      } else if ((c == '"' || c == '\'') && opens_scalar(text, i)) {
        quote = c;
      } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
        comment = i;
      }
    }
    if (comment != std::string_view::npos) {
      found.push_back(text.substr(comment));
    }
    if (quote == 0 && opens_block_scalar(text.substr(0, comment == std::string_view::npos ? text.size() : comment))) {
      block_parent = indent(number);
    }
  }
  return found;
}

}  // namespace wellbeing::document
