#include "wellbeing/document/node.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "arena.hpp"
#include "wellbeing/util/json.hpp"

namespace wellbeing::document {

namespace {

const std::string k_empty;

static_assert(sizeof(Node) <= 40, "a record has thousands of nodes: keep Node small");

// A collection's children in one allocation with their shared count; none for an empty collection.
template <typename T>
std::shared_ptr<const void> moved_array(std::span<T> moved) {
  if (moved.empty()) {
    return nullptr;
  }
  std::shared_ptr<T[]> array = std::make_shared<T[]>(moved.size());
  std::move(moved.begin(), moved.end(), array.get());
  return array;
}

std::string format_float(double value) {
  if (std::isnan(value)) {
    return ".nan";
  }
  if (std::isinf(value)) {
    return value > 0 ? ".inf" : "-.inf";
  }
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{:.1f}", value);
  }
  return fmt::format("{}", value);
}

}  // namespace

std::string_view to_string(Kind kind) {
  switch (kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return "boolean";
    case Kind::integer:
      return "integer";
    case Kind::floating:
      return "number";
    case Kind::string:
      return "string";
    case Kind::sequence:
      return "array";
    case Kind::mapping:
      return "object";
  }
  return "null";
}

std::shared_ptr<const void> Node::owning(const void* payload) {
  return NodeArena::own(payload);
}

Node Node::make_null(Mark mark) {
  Node node;
  node.m_mark = mark;
  return node;
}

Node Node::make_scalar(Kind kind, Mark mark, std::string text) {
  Node node;
  node.m_kind = kind;
  node.m_mark = mark;
  if (!text.empty()) {
    node.m_payload = std::make_shared<const std::string>(std::move(text));
  }
  return node;
}

Node Node::make_bool(bool value, Mark mark, std::string text) {
  Node node = make_scalar(Kind::boolean, mark, std::move(text));
  node.m_value = value ? 1 : 0;
  return node;
}

Node Node::make_integer(std::int64_t value, Mark mark, std::string text) {
  Node node = make_scalar(Kind::integer, mark, std::move(text));
  node.m_value = static_cast<std::uint64_t>(value);
  return node;
}

Node Node::make_float(double value, Mark mark, std::string text) {
  Node node = make_scalar(Kind::floating, mark, std::move(text));
  node.m_value = std::bit_cast<std::uint64_t>(value);
  return node;
}

Node Node::make_string(std::string value, Mark mark) {
  Node node;
  node.m_kind = Kind::string;
  node.m_mark = mark;
  node.m_payload = std::make_shared<const std::string>(std::move(value));
  return node;
}

Node Node::make_sequence(std::vector<Node> items, Mark mark) {
  return make_sequence_from(items, mark);
}

Node Node::make_mapping(std::vector<Entry> entries, Mark mark) {
  return make_mapping_from(entries, mark);
}

Node Node::make_sequence_from(std::span<Node> moved, Mark mark) {
  Node node;
  node.m_kind = Kind::sequence;
  node.m_mark = mark;
  node.m_value = moved.size();
  node.m_payload = moved_array(moved);
  return node;
}

Node Node::make_mapping_from(std::span<Entry> moved, Mark mark) {
  Node node;
  node.m_kind = Kind::mapping;
  node.m_mark = mark;
  node.m_value = moved.size();
  node.m_payload = moved_array(moved);
  return node;
}

double Node::as_number() const {
  switch (m_kind) {
    case Kind::integer:
      return static_cast<double>(as_integer());
    case Kind::floating:
      return std::bit_cast<double>(m_value);
    default:
      return 0.0;
  }
}

const std::string& Node::as_string() const {
  return m_kind == Kind::string && m_payload ? *static_cast<const std::string*>(m_payload.get()) : k_empty;
}

std::string Node::text() const {
  if (is_scalar() && m_payload) {
    return *static_cast<const std::string*>(m_payload.get());
  }
  switch (m_kind) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return as_bool() ? "true" : "false";
    case Kind::integer:
      return fmt::format("{}", as_integer());
    case Kind::floating:
      return format_float(as_number());
    default:
      return {};
  }
}

std::span<const Node> Node::items() const {
  if (m_kind != Kind::sequence || !m_payload) {
    return {};
  }
  return {static_cast<const Node*>(m_payload.get()), static_cast<std::size_t>(m_value)};
}

std::span<const Entry> Node::entries() const {
  if (m_kind != Kind::mapping || !m_payload) {
    return {};
  }
  return {static_cast<const Entry*>(m_payload.get()), static_cast<std::size_t>(m_value)};
}

std::size_t Node::size() const {
  if (m_kind == Kind::sequence) {
    return items().size();
  }
  if (m_kind == Kind::mapping) {
    return entries().size();
  }
  return 0;
}

const Entry* Node::find_entry(std::string_view key) const {
  for (const Entry& entry : entries()) {
    if (entry.key == key) {
      return &entry;
    }
  }
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  const Entry* entry = find_entry(key);
  return entry ? &entry->value : nullptr;
}

const Node* Node::at_pointer(std::string_view pointer) const {
  if (!pointer.empty() && pointer.front() != '/') {
    return nullptr;
  }
  const Node* current = this;
  for (const std::string& token : split_pointer(pointer)) {
    if (current->is_mapping()) {
      current = current->find(token);
    } else if (current->is_sequence()) {
      if (token.empty() || token.size() > 9 ||
          !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          (token.size() > 1 && token[0] == '0')) {
        return nullptr;
      }
      const std::size_t index = std::stoul(token);
      current = index < current->items().size() ? &current->items()[index] : nullptr;
    } else {
      return nullptr;
    }
    if (!current) {
      return nullptr;
    }
  }
  return current;
}

bool Node::equals(const Node& other) const {
  if (is_number() && other.is_number()) {
    if (is_integer() && other.is_integer()) {
      return as_integer() == other.as_integer();
    }
    // The same written value is the same value: `.nan` equals `.nan`, though NaN compares unequal to itself.
    const double a = as_number();
    const double b = other.as_number();
    return a == b || (std::isnan(a) && std::isnan(b));
  }
  if (m_kind != other.m_kind) {
    return false;
  }
  switch (m_kind) {
    case Kind::null:
      return true;
    case Kind::boolean:
      return as_bool() == other.as_bool();
    case Kind::string:
      return as_string() == other.as_string();
    case Kind::sequence: {
      const auto a = items();
      const auto b = other.items();
      return a.size() == b.size() &&
             std::equal(a.begin(), a.end(), b.begin(), [](const Node& x, const Node& y) { return x.equals(y); });
    }
    case Kind::mapping: {
      if (size() != other.size()) {
        return false;
      }
      return std::all_of(entries().begin(), entries().end(), [&](const Entry& entry) {
        const Node* value = other.find(entry.key);
        return value && entry.value.equals(*value);
      });
    }
    default:
      return false;
  }
}

nlohmann::ordered_json to_json_value(const Node& node) {
  switch (node.kind()) {
    case Kind::null:
      return nullptr;
    case Kind::boolean:
      return node.as_bool();
    case Kind::integer:
      return node.as_integer();
    case Kind::floating:
      return std::isfinite(node.as_number()) ? nlohmann::ordered_json(node.as_number()) : nlohmann::ordered_json();
    case Kind::string:
      return node.as_string();
    case Kind::sequence: {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const Node& item : node.items()) {
        out.push_back(to_json_value(item));
      }
      return out;
    }
    case Kind::mapping: {
      nlohmann::ordered_json out = nlohmann::ordered_json::object();
      for (const Entry& entry : node.entries()) {
        out[entry.key] = to_json_value(entry.value);
      }
      return out;
    }
  }
  return nullptr;
}

std::string Node::to_json() const {
  return util::json_text(to_json_value(*this));
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) {
    return tokens;
  }
  if (pointer.front() == '/') {
    pointer.remove_prefix(1);
  }
  while (true) {
    const std::size_t slash = pointer.find('/');
    const std::string_view raw = pointer.substr(0, slash);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) {
      return tokens;
    }
    pointer.remove_prefix(slash + 1);
  }
}

std::string append_pointer(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  out += escape_pointer_token(token);
  return out;
}

std::string append_pointer(std::string_view pointer, std::size_t index) {
  return fmt::format("{}/{}", pointer, index);
}

}  // namespace wellbeing::document
