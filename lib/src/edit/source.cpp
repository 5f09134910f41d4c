#include "wellbeing/edit/source.hpp"

#include <algorithm>
#include <optional>

namespace wellbeing::edit {

using document::Mark;
using document::Node;

SourceText::SourceText(std::string_view text) : m_text(text) {
  if (m_text.starts_with("\xEF\xBB\xBF")) {
    m_bom = 3;
  }
  m_line_starts.push_back(m_bom);
  for (std::size_t i = m_bom; i < m_text.size(); ++i) {
    if (m_text[i] == '\n' && i + 1 < m_text.size()) {
      m_line_starts.push_back(i + 1);
    }
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
  return line(line_number).find_first_not_of(" \t") == std::string_view::npos;
}

bool SourceText::is_comment(std::uint32_t line_number) const {
  const std::string_view text = line(line_number);
  const std::size_t first = text.find_first_not_of(" \t");
  return first != std::string_view::npos && text[first] == '#';
}

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
  const std::size_t newline = text.find('\n');
  if (newline != std::string_view::npos && newline > 0 && text[newline - 1] == '\r') {
    style.newline = "\r\n";
  }
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

std::size_t find_flow_end(std::string_view text, std::size_t open) {
  std::size_t depth = 0;
  for (std::size_t i = open; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') {
          ++i;
        }
      }
    } else if (c == '\'') {
      for (++i; i < text.size(); ++i) {
        if (text[i] == '\'') {
          if (i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;
          } else {
            break;
          }
        }
      }
    } else if (c == '#' && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') {
        ++i;
      }
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (depth == 0) {
        return std::string_view::npos;
      }
      if (--depth == 0) {
        return i + 1;
      }
    }
  }
  return std::string_view::npos;
}

std::size_t block_end(const SourceText& source, std::uint32_t first_line, std::size_t column, bool dash_lines) {
  std::uint32_t last = first_line;
  for (std::uint32_t line = first_line + 1; line <= source.line_count(); ++line) {
    if (source.is_blank(line)) {
      continue;
    }
    const std::size_t indent = source.indent(line);
    const std::string_view text = source.line(line);
    const bool dash = dash_lines && indent == column && text.size() > indent && text[indent] == '-' &&
                      (text.size() == indent + 1 || text[indent + 1] == ' ');
    if (indent <= column && !dash) {
      break;
    }
    last = line;
  }
  return source.next_line_start(last);
}

}  // namespace wellbeing::edit
