#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace wellbeing::document {

// Where a value starts in its source file: 1-based line and column (columns count characters, not
// bytes). A default Mark (0, 0) means "not from a file".
struct Mark {
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const Mark&, const Mark&) = default;
};

// The JSON data model, which the YAML 1.2 core schema maps onto.
enum class Kind : std::uint8_t { null, boolean, integer, floating, string, sequence, mapping };

// "null", "boolean", "integer", "number", "string", "array" or "object": the JSON Schema names.
std::string_view to_string(Kind kind);

struct Entry;

// An immutable, typed node of a parsed document that remembers where it came from. Copies are cheap:
// strings and children are shared. Alias nodes share the anchored subtree.
class Node {
 public:
  Node() = default;  // null, not from a file
  // A copy shares the original's payload and keeps it alive, wherever the original lives.
  Node(const Node& other)
      : m_kind(other.m_kind), m_mark(other.m_mark), m_value(other.m_value), m_payload(owned(other.m_payload)) {}
  Node& operator=(const Node& other) {
    if (this != &other) {
      m_kind = other.m_kind;
      m_mark = other.m_mark;
      m_value = other.m_value;
      m_payload = owned(other.m_payload);
    }
    return *this;
  }
  Node(Node&&) noexcept = default;
  Node& operator=(Node&&) noexcept = default;
  ~Node() = default;

  static Node make_null(Mark mark = {});
  static Node make_bool(bool value, Mark mark = {}, std::string text = {});
  static Node make_integer(std::int64_t value, Mark mark = {}, std::string text = {});
  static Node make_float(double value, Mark mark = {}, std::string text = {});
  static Node make_string(std::string value, Mark mark = {});
  static Node make_sequence(std::vector<Node> items, Mark mark = {});
  static Node make_mapping(std::vector<Entry> entries, Mark mark = {});
  // The same, moving the items or entries out of `moved` (which keeps them, moved from), into one allocation.
  static Node make_sequence_from(std::span<Node> moved, Mark mark = {});
  static Node make_mapping_from(std::span<Entry> moved, Mark mark = {});

  Kind kind() const { return m_kind; }
  Mark mark() const { return m_mark; }

  bool is_null() const { return m_kind == Kind::null; }
  bool is_bool() const { return m_kind == Kind::boolean; }
  bool is_integer() const { return m_kind == Kind::integer; }
  bool is_number() const { return m_kind == Kind::integer || m_kind == Kind::floating; }
  bool is_string() const { return m_kind == Kind::string; }
  bool is_sequence() const { return m_kind == Kind::sequence; }
  bool is_mapping() const { return m_kind == Kind::mapping; }
  bool is_scalar() const { return !is_sequence() && !is_mapping(); }

  // Accessors: each requires the matching kind (as_number accepts integers and floats); another kind gives
  // false, 0 or "".
  bool as_bool() const { return m_kind == Kind::boolean && m_value != 0; }
  std::int64_t as_integer() const { return m_kind == Kind::integer ? static_cast<std::int64_t>(m_value) : 0; }
  double as_number() const;
  const std::string& as_string() const;

  // A scalar as written in the source ("0x1F", "true", "café"); for numbers built in code, the value
  // formatted. Empty for sequences and mappings.
  std::string text() const;

  // Children of a sequence, or entries of a mapping in source order; empty for other kinds.
  std::span<const Node> items() const;
  std::span<const Entry> entries() const;
  std::size_t size() const;

  // The value under `key` in a mapping, or nullptr (also for other kinds). Never inserts.
  const Node* find(std::string_view key) const;
  const Entry* find_entry(std::string_view key) const;

  // The node at a JSON pointer ("/outcomes/0/status"), or nullptr.
  const Node* at_pointer(std::string_view pointer) const;

  // Equality as JSON sees it: numbers by value (1 == 1.0), mappings regardless of key order, marks ignored.
  bool equals(const Node& other) const;

  // Compact JSON text of this node (for messages and tests). Strings are escaped.
  std::string to_json() const;

 private:
  friend class NodeArena;

  // A scalar of `kind` at `mark`, keeping its source text (when given) for messages and round trips.
  static Node make_scalar(Kind kind, Mark mark, std::string text);

  // `payload`, owning what it points to: a node of a parsed tree points into its document's arena
  // without owning it (see NodeArena), and a copy of it owns the arena.
  static std::shared_ptr<const void> owned(const std::shared_ptr<const void>& payload) {
    return payload && payload.use_count() == 0 ? owning(payload.get()) : payload;
  }
  static std::shared_ptr<const void> owning(const void* payload);

  // Kept small (40 bytes), as a record has thousands of nodes: the kind, one word for a boolean, integer
  // or float, and one shared payload whose type the kind decides.
  Kind m_kind = Kind::null;
  Mark m_mark;
  // A boolean (0 or 1), an integer's two's complement or a float's bits; for a collection, its size.
  std::uint64_t m_value = 0;
  // Scalars: a std::string, the value of a string or the source text of any other scalar (none when built
  // in code); sequences: an array of m_value Nodes; mappings: an array of m_value Entries (none when empty).
  std::shared_ptr<const void> m_payload;
};

// One key: value pair of a mapping. Keys are strings; key_mark is where the key starts.
struct Entry {
  std::string key;
  Mark key_mark;
  Node value;
};

// The node as a JSON value (non-finite numbers become null), for every JSON the library writes.
nlohmann::ordered_json to_json_value(const Node& node);

// Escapes a JSON pointer token ("a/b" -> "a~1b", "m~n" -> "m~0n").
std::string escape_pointer_token(std::string_view token);

// The unescaped tokens of a JSON pointer ("/a~1b/0" -> {"a/b", "0"}); "" gives none.
std::vector<std::string> split_pointer(std::string_view pointer);

// Appends a token to a pointer: append_pointer("/a", "b") == "/a/b".
std::string append_pointer(std::string_view pointer, std::string_view token);
std::string append_pointer(std::string_view pointer, std::size_t index);

}  // namespace wellbeing::document
