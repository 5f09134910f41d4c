#include "wellbeing/edit/scalar.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "wellbeing/util/escape.hpp"

namespace wellbeing::edit {

using document::Node;

namespace {

constexpr std::size_t k_flow_line_limit = 100;

bool is_digits(std::string_view text, std::string_view allowed) {
  return !text.empty() && text.find_first_not_of(allowed) == std::string_view::npos;
}

// What YAML 1.2's core schema (and, for safety with other tools, YAML 1.1) would read as something other
// than a string. Errs on the side of "yes": quoting a string is always harmless.
bool looks_typed(std::string_view text) {
  static constexpr std::array<std::string_view, 28> k_words{
      "~",    "null", "Null", "NULL", "true", "True", "TRUE",  "false", "False", "FALSE",
      "yes",  "Yes",  "YES",  "no",   "No",   "NO",   "on",    "On",    "ON",    "off",
      "Off",  "OFF",  "y",    "Y",    "n",    "N",    ".inf",  ".nan"};
  if (std::find(k_words.begin(), k_words.end(), text) != k_words.end()) {
    return true;
  }
  std::string_view body = text;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF" || body == ".nan" || body == ".NaN" || body == ".NAN") {
    return true;
  }
  if (body.starts_with("0x") || body.starts_with("0o")) {
    return true;
  }
  // A calendar date (2026-10-01) stays a string in YAML 1.2 and is how records write dates.
  if (text.size() == 10 && is_digits(text.substr(0, 4), "0123456789") && text[4] == '-' &&
      is_digits(text.substr(5, 2), "0123456789") && text[7] == '-' && is_digits(text.substr(8, 2), "0123456789")) {
    return false;
  }
  // Numbers as YAML 1.2 reads them, and as YAML 1.1 also does (1_000, 1:30).
  std::string digits;
  for (char c : body) {
    if (c != '_') {
      digits += c;
    }
  }
  std::size_t i = 0;
  std::size_t mantissa = 0;
  while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') {
    ++i;
    ++mantissa;
  }
  if (mantissa > 0 && i < digits.size() && digits[i] == ':') {
    return digits.find_first_not_of("0123456789:") == std::string::npos;
  }
  if (i < digits.size() && digits[i] == '.') {
    ++i;
    while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') {
      ++i;
      ++mantissa;
    }
  }
  if (mantissa == 0) {
    return false;
  }
  if (i < digits.size() && (digits[i] == 'e' || digits[i] == 'E')) {
    ++i;
    if (i < digits.size() && (digits[i] == '-' || digits[i] == '+')) {
      ++i;
    }
    const std::size_t exponent = i;
    while (i < digits.size() && digits[i] >= '0' && digits[i] <= '9') {
      ++i;
    }
    return i == digits.size() && i > exponent;
  }
  return i == digits.size();
}

std::string scalar(const Node& node, Context context) {
  if (node.is_string()) {
    return quote_scalar(node.as_string(), context);
  }
  if (node.is_null()) {
    return "null";
  }
  return node.text();
}

// A string that reads well as a literal block scalar: it has line breaks, and nothing a literal block
// cannot hold exactly (carriage returns, control characters, a first line starting with a space).
bool suits_literal(std::string_view value) {
  if (value.find('\n') == std::string_view::npos || value.starts_with(' ') || value.starts_with('\n')) {
    return false;
  }
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7F;
  });
}

std::string literal(std::string_view value, std::size_t column, const Style& style) {
  std::size_t trailing = 0;
  while (trailing < value.size() && value[value.size() - 1 - trailing] == '\n') {
    ++trailing;
  }
  std::string out = trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+";
  out += style.newline;
  std::string_view body = value.substr(0, value.size() - std::min<std::size_t>(trailing, 1));
  std::size_t start = 0;
  while (start <= body.size()) {
    const std::size_t end = std::min(body.find('\n', start), body.size());
    const std::string_view line = body.substr(start, end - start);
    if (!line.empty()) {
      out += std::string(column, ' ');
      out += line;
    }
    out += style.newline;
    start = end + 1;
  }
  return out;
}

bool is_simple_scalar(const Node& node) {
  return node.is_scalar() && !(node.is_string() && node.as_string().find('\n') != std::string::npos);
}

bool prefers_flow_list(const Node& list, std::size_t used) {
  if (list.size() == 0) {
    return true;
  }
  const bool simple = std::all_of(list.items().begin(), list.items().end(), [](const Node& item) {
    return is_simple_scalar(item) && !(item.is_string() && needs_quotes(item.as_string(), Context::flow)) &&
           !(item.is_string() && item.as_string().find(' ') != std::string::npos);
  });
  return simple && used + render_flow(list).size() <= k_flow_line_limit;
}

bool prefers_flow_mapping(const Node& mapping, std::size_t used) {
  const bool simple = std::all_of(mapping.entries().begin(), mapping.entries().end(),
                                  [](const document::Entry& entry) { return is_simple_scalar(entry.value); });
  return simple && used + render_flow(mapping).size() <= k_flow_line_limit;
}

}  // namespace

bool needs_quotes(std::string_view value, Context context) {
  if (value.empty() || looks_typed(value)) {
    return true;
  }
  static constexpr std::string_view k_indicators = "-?:,[]{}#&*!|>'\"%@`";
  if (k_indicators.find(value.front()) != std::string_view::npos || value.front() == ' ' || value.back() == ' ' ||
      value.back() == ':') {
    return true;
  }
  if (value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos) {
    return true;
  }
  if (std::any_of(value.begin(), value.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
      })) {
    return true;
  }
  return context == Context::flow && value.find_first_of(",[]{}") != std::string_view::npos;
}

std::string quote_scalar(std::string_view value, Context context) {
  return needs_quotes(value, context) ? util::yaml_double_quoted(value) : std::string(value);
}

std::string render_flow(const Node& node) {
  if (node.is_sequence()) {
    std::string out = "[";
    bool first = true;
    for (const Node& item : node.items()) {
      out += first ? "" : ", ";
      first = false;
      out += render_flow(item);
    }
    return out + "]";
  }
  if (node.is_mapping()) {
    if (node.size() == 0) {
      return "{}";
    }
    std::string out = "{ ";
    bool first = true;
    for (const auto& entry : node.entries()) {
      out += first ? "" : ", ";
      first = false;
      out += quote_scalar(entry.key, Context::flow) + ": " + render_flow(entry.value);
    }
    return out + " }";
  }
  return scalar(node, Context::flow);
}

std::string render_entry(std::string_view key, const Node& value, std::size_t column, const Style& style) {
  std::string out(column, ' ');
  out += quote_scalar(key, Context::block);
  out += ':';
  if (value.is_string() && suits_literal(value.as_string())) {
    return out + " " + literal(value.as_string(), column + style.indent, style);
  }
  if (value.is_scalar()) {
    return out + " " + scalar(value, Context::block) + style.newline;
  }
  if (value.is_sequence()) {
    if (prefers_flow_list(value, out.size() + 1)) {
      return out + " " + render_flow(value) + style.newline;
    }
    out += style.newline;
    const std::size_t dash = column + (style.indented_sequences ? style.indent : 0);
    for (const Node& item : value.items()) {
      out += render_sequence_item(item, dash, style);
    }
    return out;
  }
  if (value.size() == 0 || prefers_flow_mapping(value, out.size() + 1)) {
    return out + " " + render_flow(value) + style.newline;
  }
  return out + style.newline + render_block_mapping(value, column + style.indent, style);
}

std::string render_block_mapping(const Node& mapping, std::size_t column, const Style& style) {
  std::string out;
  for (const auto& entry : mapping.entries()) {
    out += render_entry(entry.key, entry.value, column, style);
  }
  return out;
}

std::string render_sequence_item(const Node& item, std::size_t dash_column, const Style& style, bool flow) {
  const std::size_t gap = std::max<std::size_t>(style.dash_gap, 2);
  std::string out(dash_column, ' ');
  out += '-';
  out += std::string(gap - 1, ' ');
  if (flow || item.is_sequence() || (item.is_mapping() && item.size() == 0)) {
    return out + render_flow(item) + style.newline;
  }
  if (item.is_mapping()) {
    // The first key shares the dash's line; the rest line up under it.
    const std::string block = render_block_mapping(item, dash_column + gap, style);
    return out + block.substr(dash_column + gap);
  }
  if (item.is_string() && suits_literal(item.as_string())) {
    return out + literal(item.as_string(), dash_column + gap, style);
  }
  return out + scalar(item, Context::block) + style.newline;
}

}  // namespace wellbeing::edit
