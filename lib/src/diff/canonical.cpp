#include "wellbeing/diff/canonical.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

#include "wellbeing/diff/diff.hpp"

namespace wellbeing::diff {

using document::Node;

namespace {

bool lower_equals(std::string_view text, std::string_view word) {
  return text.size() == word.size() && std::equal(text.begin(), text.end(), word.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// Would a reader (or YAML) take this text for a number, a boolean or nothing?
bool looks_like_other_type(std::string_view text) {
  for (std::string_view word : {"null", "~", "true", "false", ".inf", "-.inf", "+.inf", ".nan"}) {
    if (lower_equals(text, word)) {
      return true;
    }
  }
  std::string_view rest = text;
  if (!rest.empty() && (rest.front() == '-' || rest.front() == '+')) {
    rest.remove_prefix(1);
  }
  if (rest.starts_with("0x") || rest.starts_with("0o")) {
    return true;
  }
  if (rest.empty() || !(std::isdigit(static_cast<unsigned char>(rest.front())) || rest.front() == '.')) {
    return false;
  }
  bool digit = false;
  for (char c : rest) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+' && c != '_') {
      return false;
    }
  }
  // Dates (2026-10-01) are text and read as such.
  const bool date_like = rest.size() == 10 && rest[4] == '-' && rest[7] == '-';
  return digit && !date_like;
}

std::string join_path(std::string_view prefix, std::string_view token) {
  std::string out(prefix);
  if (!out.empty()) {
    out += '/';
  }
  out += document::escape_pointer_token(token);
  return out;
}

void lines_of(const Node& value, const SchemaNode* schema, const std::string& path, std::vector<std::string>& out) {
  const auto line = [&](const std::string& text) { out.push_back(path.empty() ? text : path + ": " + text); };
  if (value.is_mapping()) {
    if (value.size() == 0) {
      line("{}");
      return;
    }
    std::vector<const document::Entry*> entries;
    for (const auto& entry : value.entries()) {
      entries.push_back(&entry);
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const document::Entry* a, const document::Entry* b) {
      const std::size_t rank_a = schema ? schema->property_rank(a->key) : 0;
      const std::size_t rank_b = schema ? schema->property_rank(b->key) : 0;
      return rank_a != rank_b ? rank_a < rank_b : a->key < b->key;
    });
    for (const document::Entry* entry : entries) {
      lines_of(entry->value, schema ? schema->property(entry->key) : nullptr, join_path(path, entry->key), out);
    }
    return;
  }
  if (value.is_sequence()) {
    if (value.size() == 0) {
      line("[]");
      return;
    }
    const SchemaNode* item_schema = schema ? schema->items : nullptr;
    std::vector<std::size_t> order(value.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::string> ids(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
      ids[i] = item_identity(value.items()[i], schema);
    }
    const bool values_only =
        std::all_of(value.items().begin(), value.items().end(), [](const Node& item) { return item.is_scalar(); });
    if ((!schema || schema->identity.empty()) && values_only) {
      // A collection of values, whose order is no part of its content: sorted, without positions.
      std::vector<std::string> values;
      for (const Node& item : value.items()) {
        values.push_back(canonical_scalar(item));
      }
      std::sort(values.begin(), values.end());
      for (const std::string& text : values) {
        out.push_back(path + "[]: " + text);
      }
      return;
    }
    if (schema && !schema->identity.empty()) {
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (ids[a].empty() != ids[b].empty()) {
          return !ids[a].empty();
        }
        return natural_less(ids[a], ids[b]);
      });
    }
    for (std::size_t i : order) {
      const std::string token = ids[i].empty() ? std::to_string(i) : ids[i];
      lines_of(value.items()[i], item_schema, join_path(path, token), out);
    }
    return;
  }
  line(canonical_scalar(value));
}

}  // namespace

std::string canonical_scalar(const Node& value) {
  switch (value.kind()) {
    case document::Kind::null:
      return "null";
    case document::Kind::boolean:
      return value.as_bool() ? "true" : "false";
    case document::Kind::integer:
    case document::Kind::floating:
      return value.text();
    case document::Kind::string: {
      const std::string& text = value.as_string();
      const bool risky = text.empty() || std::isspace(static_cast<unsigned char>(text.front())) ||
                         std::isspace(static_cast<unsigned char>(text.back())) || text.front() == '"' ||
                         std::any_of(text.begin(), text.end(),
                                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }) ||
                         looks_like_other_type(text);
      return risky ? value.to_json() : text;
    }
    default:
      return value.to_json();
  }
}

std::vector<std::string> canonical_lines(const Node& value, const SchemaNode* schema, std::string_view prefix) {
  std::vector<std::string> out;
  lines_of(value, schema, std::string(prefix), out);
  return out;
}

std::string canonical_text(const Node& root, const SchemaNode& schema) {
  if (root.is_null()) {
    return {};
  }
  std::string out;
  for (const std::string& line : canonical_lines(root, &schema, "")) {
    out += line;
    out += '\n';
  }
  return out;
}

}  // namespace wellbeing::diff
