#include "wellbeing/util/escape.hpp"

#include <cctype>

#include <fmt/format.h>

namespace wellbeing::util {

namespace {

// Characters that can start or close Markdown markup anywhere in a line (GFM and pandoc's extensions:
// emphasis, code, links, raw HTML, tables, headings, strikeout, math, citations, entities, superscript,
// attributes).
constexpr std::string_view k_markdown_special = "\\`*_[]<>|#~$@&^{}!";

}  // namespace

std::string escape_markdown(std::string_view text) {
  // One line, without surrounding spaces: line breaks and tabs would split a table row or start a block.
  std::string line;
  line.reserve(text.size());
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    line += byte < 0x20 || byte == 0x7f ? ' ' : c;
  }
  const std::size_t first = line.find_first_not_of(' ');
  if (first == std::string::npos) {
    return {};
  }
  line = line.substr(first, line.find_last_not_of(' ') - first + 1);

  // At the start, "-", "+", "=", ":" and "12." or "12)" would begin a list, a heading underline or a
  // definition.
  std::size_t escape_at = std::string::npos;
  if (std::string_view("-+=:").find(line[0]) != std::string_view::npos) {
    escape_at = 0;
  } else if (std::isdigit(static_cast<unsigned char>(line[0]))) {
    std::size_t i = 0;
    while (i < line.size() && i < 10 && std::isdigit(static_cast<unsigned char>(line[i]))) {
      ++i;
    }
    if (i < line.size() && (line[i] == '.' || line[i] == ')')) {
      escape_at = i;
    }
  }

  std::string out;
  out.reserve(line.size() + line.size() / 4);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (i == escape_at || k_markdown_special.find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string yaml_double_quoted(std::string_view value) {
  std::string out = "\"";
  for (const char c : value) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace wellbeing::util
