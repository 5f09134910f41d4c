#include "wellbeing/util/escape.hpp"

#include <cctype>
#include <cstdint>
#include <utility>

#include <fmt/format.h>

namespace wellbeing::util {

namespace {

// Characters that can start or close Markdown markup anywhere in a line (GFM and pandoc's extensions:
// emphasis, code, links, raw HTML, tables, headings, strikeout, math, citations, entities, superscript,
// attributes).
constexpr std::string_view k_markdown_special = "\\`*_[]<>|#~$@&^{}!";

// The code point of a character at `i` that terminal_safe escapes and that takes more than one byte (a C1
// control, U+061C, U+200E, U+200F, U+2028, U+2029, U+202A-U+202E or U+2066-U+2069), and its length; {0, 0}
// for any other character.
std::pair<std::uint32_t, std::size_t> unsafe_multibyte_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
  if (byte(0) == 0xC2 && byte(1) >= 0x80 && byte(1) <= 0x9F) {
    return {byte(1), 2};
  }
  if (byte(0) == 0xD8 && byte(1) == 0x9C) {
    return {0x061C, 2};
  }
  if (byte(0) != 0xE2 || (byte(1) & 0xC0u) != 0x80 || (byte(2) & 0xC0u) != 0x80) {
    return {0, 0};
  }
  const std::uint32_t code = 0x2000 | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
  const bool unsafe =
      code == 0x200E || code == 0x200F || (code >= 0x2028 && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
  return unsafe ? std::pair{code, std::size_t{3}} : std::pair{0u, std::size_t{0}};
}

}  // namespace

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

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

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      out += "\\n";
    } else if (byte == '\r') {
      out += "\\r";
    } else if (byte == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(byte));
    } else if (const auto [code, length] = unsafe_multibyte_at(text, i); length != 0) {
      out += fmt::format("\\u{:04X}", code);
      i += length - 1;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace wellbeing::util
