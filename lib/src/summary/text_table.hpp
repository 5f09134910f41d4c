#pragma once

// The terminal table the summary renderers share (internal to them): colour when asked for, and columns
// aligned by character count.

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/style.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::summary::detail {

struct Paint {
  bool color = false;
  std::string operator()(std::string_view code, std::string_view text) const {
    return util::style::paint(code, text, color);
  }
};
inline constexpr std::string_view k_bold = util::style::k_bold;
inline constexpr std::string_view k_red = util::style::k_bold_red;
inline constexpr std::string_view k_yellow = util::style::k_bold_yellow;

struct Cell {
  std::string text;
  std::string_view color = {};
};

// Columns aligned by character count, two spaces apart, no trailing spaces.
class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : m_header(std::move(header)) {}

  void add(std::vector<Cell> row) { m_rows.push_back(std::move(row)); }
  bool empty() const { return m_rows.empty(); }

  std::string render(const Paint& paint, std::string_view indent = "  ") const {
    std::vector<std::size_t> widths(m_header.size(), 0);
    for (std::size_t c = 0; c < m_header.size(); ++c) {
      widths[c] = util::utf8_length(m_header[c]);
    }
    for (const auto& row : m_rows) {
      for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
        widths[c] = std::max(widths[c], util::utf8_length(util::terminal_safe(row[c].text)));
      }
    }
    std::string out;
    auto line = [&](const std::vector<Cell>& cells) {
      std::string text(indent);
      for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
        const std::string cell = util::terminal_safe(cells[c].text);
        text += paint(cells[c].color, cell);
        if (c + 1 < cells.size()) {
          text += std::string(widths[c] - util::utf8_length(cell) + 2, ' ');
        }
      }
      while (!text.empty() && text.back() == ' ') {
        text.pop_back();
      }
      out += text + "\n";
    };
    std::vector<Cell> header;
    for (const std::string& title : m_header) {
      header.push_back({title, {}});
    }
    line(header);
    for (const auto& row : m_rows) {
      line(row);
    }
    return out;
  }

 private:
  std::vector<std::string> m_header;
  std::vector<std::vector<Cell>> m_rows;
};


// A Markdown pipe table of cells already escaped (util::escape_markdown).
class MdTable {
 public:
  explicit MdTable(std::vector<std::string> header) : m_header(std::move(header)) {}
  void add(std::vector<std::string> row) { m_rows.push_back(std::move(row)); }

  std::string render() const {
    auto line = [](const std::vector<std::string>& cells) {
      std::string text = "|";
      for (const std::string& cell : cells) {
        text += " " + cell + " |";
      }
      return text + "\n";
    };
    std::string out = line(m_header);
    out += "|";
    for (std::size_t i = 0; i < m_header.size(); ++i) {
      out += "---|";
    }
    out += "\n";
    for (const auto& row : m_rows) {
      out += line(row);
    }
    return out;
  }

 private:
  std::vector<std::string> m_header;
  std::vector<std::vector<std::string>> m_rows;
};

}  // namespace wellbeing::summary::detail
