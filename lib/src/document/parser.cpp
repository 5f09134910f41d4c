#include "wellbeing/document/parser.hpp"
#include "wellbeing/document/source.hpp"

#include "arena.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "wellbeing/util/file.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::document {

namespace {

constexpr std::string_view k_core_tag = "tag:yaml.org,2002:";

// Thrown from the event handler to stop parsing at the first error that makes going on pointless.
struct Abort {
  Diagnostic diagnostic;
};

bool is_decimal_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_digits_in_base(std::string_view text, int base) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [base](char c) {
           if (base == 8) {
             return c >= '0' && c <= '7';
           }
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

// YAML 1.2 core schema float: [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
bool is_core_float(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    ++i;
  }
  std::size_t integer_digits = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    ++i;
    ++integer_digits;
  }
  std::size_t fraction_digits = 0;
  bool dot = false;
  if (i < text.size() && text[i] == '.') {
    dot = true;
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++i;
      ++fraction_digits;
    }
  }
  if (integer_digits == 0 && (!dot || fraction_digits == 0)) {
    return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
      ++i;
    }
    if (i == text.size()) {
      return false;
    }
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      ++i;
    }
  }
  return i == text.size();
}

std::optional<double> special_float(std::string_view text) {
  std::string_view body = text;
  double sign = 1.0;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) {
    sign = body.front() == '-' ? -1.0 : 1.0;
    body.remove_prefix(1);
  }
  if (body == ".inf" || body == ".Inf" || body == ".INF") {
    return sign * std::numeric_limits<double>::infinity();
  }
  if (text == ".nan" || text == ".NaN" || text == ".NAN") {
    return std::numeric_limits<double>::quiet_NaN();
  }
  return std::nullopt;
}

bool is_null_text(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::optional<bool> bool_text(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE") {
    return true;
  }
  if (text == "false" || text == "False" || text == "FALSE") {
    return false;
  }
  return std::nullopt;
}

std::optional<Node> integer_node(std::string_view text, Mark mark) {
  std::string_view digits = text;
  bool negative = false;
  int base = 10;
  if (digits.starts_with("0o")) {
    digits.remove_prefix(2);
    base = 8;
    if (!is_digits_in_base(digits, 8)) {
      return std::nullopt;
    }
  } else if (digits.starts_with("0x")) {
    digits.remove_prefix(2);
    base = 16;
    if (!is_digits_in_base(digits, 16)) {
      return std::nullopt;
    }
  } else {
    if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) {
      negative = digits.front() == '-';
      digits.remove_prefix(1);
    }
    if (!is_decimal_digits(digits)) {
      return std::nullopt;
    }
  }
  std::uint64_t magnitude = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
  const std::uint64_t limit =
      negative ? std::uint64_t{1} << 63 : static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (error == std::errc() && end == digits.data() + digits.size() && magnitude <= limit) {
    const std::int64_t value = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
    return Node::make_integer(value, mark, std::string(text));
  }
  // Too large for 64 bits: keep it as a number, with the text as written.
  double value = 0;
  for (char c : digits) {
    const int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    value = value * base + digit;
  }
  return Node::make_float(negative ? -value : value, mark, std::string(text));
}

std::optional<Node> float_node(std::string_view text, Mark mark) {
  if (auto special = special_float(text)) {
    return Node::make_float(*special, mark, std::string(text));
  }
  if (!is_core_float(text)) {
    return std::nullopt;
  }
  // strtod accepts everything the core pattern allows ("1.", ".5", "1e5").
  const std::string copy(text);
  const double value = std::strtod(copy.c_str(), nullptr);
  return Node::make_float(value, mark, std::string(text));
}

// True when the YAML 1.2 core schema can only read this plain scalar as a string: every null, boolean,
// integer and float is empty, a word for null or a boolean, or starts with a digit, a sign, a dot or `~`.
// Most scalars in a record (keys, ids, words) are decided here without trying to read a number.
bool plain_is_string(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  const char first = text.front();
  if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.' || first == '~') {
    return false;
  }
  return !is_null_text(text) && !bool_text(text);
}

// Resolves a plain scalar by the YAML 1.2 core schema.
Node resolve_plain(const std::string& text, Mark mark, NodeArena& arena) {
  if (plain_is_string(text)) {
    return arena.string(text, mark);
  }
  if (is_null_text(text)) {
    return Node::make_null(mark);
  }
  if (auto value = bool_text(text)) {
    return Node::make_bool(*value, mark, text);
  }
  if (auto node = integer_node(text, mark)) {
    return *node;
  }
  if (auto node = float_node(text, mark)) {
    return *node;
  }
  return arena.string(text, mark);
}

// Keys already in a mapping, each with its entry's index: searched in turn while there are few, as in the
// mappings of a record, and through a hash index once there are more.
class KeyTable {
 public:
  std::optional<std::size_t> find(const std::string& key) const {
    if (!m_index.empty()) {
      const auto found = m_index.find(key);
      return found == m_index.end() ? std::nullopt : std::optional<std::size_t>(found->second);
    }
    for (const auto& [known, entry] : m_keys) {
      if (known == key) {
        return entry;
      }
    }
    return std::nullopt;
  }

  void add(std::string key, std::size_t entry) {
    if (m_index.empty() && m_keys.size() >= k_searched_keys) {
      for (auto& [known, index] : m_keys) {
        m_index.emplace(std::move(known), index);
      }
      m_keys.clear();
    }
    if (!m_index.empty()) {
      m_index.emplace(std::move(key), entry);
    } else {
      m_keys.emplace_back(std::move(key), entry);
    }
  }

  static constexpr std::size_t k_searched_keys = 32;

 private:
  std::vector<std::pair<std::string, std::size_t>> m_keys;
  std::unordered_map<std::string, std::size_t> m_index;
};

// A collection still open. Its items or entries are gathered on the builder's shared stacks, from `first`,
// so that each collection's array is allocated once, at its final size, when it closes.
struct Frame {
  bool is_mapping = false;
  Mark mark;
  YAML::anchor_t anchor = 0;
  std::size_t node_count = 1;  // this node and everything under it, aliases expanded
  std::size_t first = 0;
  // Duplicate keys (TreeBuilder::place): the keys' texts are searched among the entries while there are
  // few, and indexed here once there are more; keys that are not strings also by their value.
  KeyTable texts;
  KeyTable values;
  // The key that waits for its value: its text (the entry's name), where it is, and, for a key that is not a
  // string, its value (to compare keys by value).
  bool has_key = false;
  std::string key_text;
  Mark key_mark;
  std::optional<Node> key_value;
  std::size_t key_offset = 0;  // byte offset of the key, to place an empty value after it

  // A key was read: the next value placed is its value.
  void take_key(std::string text, Mark at, std::size_t offset, std::optional<Node> value) {
    has_key = true;
    key_text = std::move(text);
    key_mark = at;
    key_offset = offset;
    key_value = std::move(value);
  }
};

struct AnchorInfo {
  std::string name;
  bool open = true;
  Node node;
  std::size_t node_count = 1;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& source, const std::string& path, const ParseOptions& options)
      : m_source(source), m_text(source), m_path(path), m_options(options) {
    m_stack.reserve(16);
    m_items.reserve(64);
    m_entries.reserve(64);
  }

  Mark to_mark(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) {
      return {};
    }
    const auto line = static_cast<std::uint32_t>(mark.line + 1);
    if (line > m_text.line_count()) {
      return {line, static_cast<std::uint32_t>(mark.column + 1)};
    }
    // yaml-cpp counts bytes; people count characters.
    const std::size_t start = m_text.line_start(line);
    const std::size_t end = std::min(m_source.size(), start + static_cast<std::size_t>(std::max(0, mark.column)));
    return {line, m_text.column_at(start, end)};
  }

  Location location(Mark mark) const { return {m_path, mark.line, mark.column}; }

  Diagnostic error(Mark mark, std::string message) const {
    return Diagnostic{Severity::error, "yaml", std::move(message), location(mark), {}, {}};
  }

  const Diagnostics& errors() const { return m_errors; }
  bool has_root() const { return m_root.has_value(); }
  Node root() const { return *m_root; }
  std::size_t documents() const { return m_documents; }
  Mark second_document_mark() const { return m_second_document; }

  // Where the innermost collection still open starts (for "never closed" errors), if any.
  std::optional<Frame> innermost_open() const {
    if (m_stack.empty()) {
      return std::nullopt;
    }
    return m_stack.back();
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    ++m_documents;
    if (m_documents == 2) {
      m_second_document = to_mark(mark);
    }
  }
  void OnDocumentEnd() override {}

  void OnAnchor(const YAML::Mark& /*mark*/, const std::string& name) override { m_pending_anchor_name = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_last_offset = static_cast<std::size_t>(std::max(0, mark.pos));
    Mark where = to_mark(mark);
    // An empty value's mark points at the next token, which may be lines away: place it after its key.
    if (!explicit_null_at(mark) && !m_stack.empty() && m_stack.back().is_mapping && m_stack.back().has_key) {
      where = after_key(m_stack.back());
    }
    check_empty_flow_entry(mark, where);
    add(Node::make_null(where), anchor, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    m_last_offset = static_cast<std::size_t>(std::max(0, mark.pos));
    const auto found = m_anchors.find(anchor);
    if (found == m_anchors.end()) {
      throw Abort{error(to_mark(mark), "alias refers to an unknown anchor")};
    }
    if (found->second.open) {
      throw Abort{error(to_mark(mark),
                        fmt::format("alias '*{}' refers to a node that contains it (a cycle)", found->second.name))};
    }
    add(found->second.node, 0, found->second.node_count);
  }

  void OnScalar(const YAML::Mark& yaml_mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    m_last_offset = static_cast<std::size_t>(std::max(0, yaml_mark.pos));
    const Mark mark = to_mark(yaml_mark);
    if (tag == "!") {
      check_quote_closed(yaml_mark, mark);
    }
    // (an anchor or a tag may stand before a double-quoted scalar, so its bytes decide, not its first character)
    if (!util::is_ascii(value) && (std::memchr(value.data(), 0x85, value.size()) != nullptr ||
                                   std::memchr(value.data(), 0xA0, value.size()) != nullptr)) {
      scalar(tag, anchor, encode_lone_escapes(value), mark);
      return;
    }
    scalar(tag, anchor, value, mark);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    start_collection(false, to_mark(mark), tag, anchor, "seq");
  }
  void OnSequenceEnd() override { end_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    start_collection(true, to_mark(mark), tag, anchor, "map");
  }
  void OnMapEnd() override { end_collection(); }

 private:
  // yaml-cpp 0.7 decodes the escapes \N and \_ of a double-quoted scalar to the lone bytes 0x85 and 0xA0
  // instead of U+0085 and U+00A0 in UTF-8. The file is UTF-8 (check_bytes) and every other escape is
  // encoded, so in any scalar a byte that does not continue a character can only be one of those two: it
  // becomes the character it stands for. Valid text comes back as it was.
  static std::string encode_lone_escapes(const std::string& value) {
    std::string out;
    out.reserve(value.size() + 8);
    std::size_t done = 0;
    while (auto invalid = util::find_invalid_utf8(std::string_view(value).substr(done))) {
      out.append(value, done, *invalid);
      out += '\xC2';
      out += value[done + *invalid];
      done += *invalid + 1;
    }
    out.append(value, done);
    return out;
  }

  // yaml-cpp takes a quoted scalar left open to the end of the file as if it were closed, which would
  // swallow the rest of the file into one value. Refuse instead.
  void check_quote_closed(const YAML::Mark& yaml_mark, Mark mark) const {
    if (yaml_mark.pos < 0 || static_cast<std::size_t>(yaml_mark.pos) >= m_source.size()) {
      return;
    }
    const auto start = static_cast<std::size_t>(yaml_mark.pos);
    const char quote = m_source[start];
    if ((quote != '"' && quote != '\'') || util::quoted_scalar_end(m_source, start) != std::string_view::npos) {
      return;
    }
    throw Abort{error(mark, fmt::format("this quoted text is never closed (missing {})", quote))};
  }

  // yaml-cpp reads an entry missing between two commas of a flow collection (`[a,, b]`, `{a: 1,, }`) or
  // before a leading comma as null; YAML and JSON have no empty entry there. A value left empty after its
  // key (`{a: , b: 1}`) is null and stays allowed: only a null where an item or a key belongs is refused.
  void check_empty_flow_entry(const YAML::Mark& yaml_mark, Mark where) {
    if (yaml_mark.pos < 0 || static_cast<std::size_t>(yaml_mark.pos) >= m_source.size() ||
        m_source[static_cast<std::size_t>(yaml_mark.pos)] != ',' || m_stack.empty()) {
      return;
    }
    const Frame& frame = m_stack.back();
    if (frame.is_mapping && frame.has_key) {
      return;
    }
    m_errors.push_back(error(where, "a comma with no entry before it (a doubled or leading comma); remove it, or "
                                    "write null for an empty entry"));
  }

  bool explicit_null_at(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= m_source.size()) {
      return false;
    }
    const std::string_view rest = std::string_view(m_source).substr(static_cast<std::size_t>(mark.pos));
    return rest.starts_with("~") || rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL");
  }

  // The position just after a key's colon, for values written as nothing.
  Mark after_key(const Frame& frame) const {
    const Mark key_mark = frame.key_mark;
    std::size_t offset = frame.key_offset;
    const std::size_t line_end = std::min(m_source.find('\n', offset), m_source.size());
    const char quote = offset < m_source.size() ? m_source[offset] : '\0';
    if (quote == '"' || quote == '\'') {
      const std::size_t closing = util::quoted_scalar_end(m_source, offset);
      offset = closing == std::string_view::npos ? line_end : closing;
    }
    while (offset < line_end) {
      if (m_source[offset] == ':' &&
          (offset + 1 >= m_source.size() || m_source[offset + 1] == ' ' || m_source[offset + 1] == '\t' ||
           m_source[offset + 1] == '\n' || m_source[offset + 1] == '\r' || m_source[offset + 1] == ',' ||
           m_source[offset + 1] == '}')) {
        return m_text.mark_at(offset + 1);
      }
      ++offset;
    }
    return key_mark;
  }

  Node resolve(const std::string& tag, const std::string& value, Mark mark) {
    if (tag == "?") {
      return resolve_plain(value, mark, *m_arena);
    }
    if (tag == "!" || tag.empty()) {
      return m_arena->string(value, mark);
    }
    if (tag.starts_with(k_core_tag)) {
      const std::string_view type = std::string_view(tag).substr(k_core_tag.size());
      std::optional<Node> node;
      if (type == "str") {
        node = m_arena->string(value, mark);
      } else if (type == "null" && is_null_text(value)) {
        node = Node::make_null(mark);
      } else if (type == "bool") {
        if (auto flag = bool_text(value)) {
          node = Node::make_bool(*flag, mark, value);
        }
      } else if (type == "int") {
        node = integer_node(value, mark);
      } else if (type == "float") {
        node = integer_node(value, mark);
        if (node) {
          node = Node::make_float(node->as_number(), mark, value);
        } else {
          node = float_node(value, mark);
        }
      } else {
        m_errors.push_back(error(mark, fmt::format("unsupported tag '!!{}'", type)));
        return m_arena->string(value, mark);
      }
      if (!node) {
        m_errors.push_back(error(mark, fmt::format("'{}' is not a valid !!{}", value, type)));
        return m_arena->string(value, mark);
      }
      return std::move(*node);
    }
    m_errors.push_back(error(mark, fmt::format("unsupported tag '{}'", tag)));
    return m_arena->string(value, mark);
  }

  void start_collection(bool is_mapping, Mark mark, const std::string& tag, YAML::anchor_t anchor,
                        std::string_view core_type) {
    const bool core = tag.size() == k_core_tag.size() + core_type.size() && tag.starts_with(k_core_tag) &&
                      tag.ends_with(core_type);
    if (tag != "?" && tag != "!" && !core) {
      m_errors.push_back(error(mark, fmt::format("unsupported tag '{}'", tag)));
    }
    if (m_stack.size() >= m_options.max_depth) {
      throw Abort{error(mark, fmt::format("nesting is deeper than {} levels", m_options.max_depth))};
    }
    if (!m_stack.empty() && m_stack.back().is_mapping && !m_stack.back().has_key) {
      throw Abort{error(mark, "a mapping key must be a plain value, not a list or mapping")};
    }
    Frame& frame = m_stack.emplace_back();
    frame.is_mapping = is_mapping;
    frame.mark = mark;
    frame.anchor = anchor;
    frame.first = is_mapping ? m_entries.size() : m_items.size();
    if (anchor != 0) {
      m_anchors[anchor] = AnchorInfo{take_anchor_name(), true, {}, 1};
    }
    count_nodes(1, mark);
  }

  void end_collection() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    Node node = frame.is_mapping ? take_from(m_entries, frame.first, frame.mark, &NodeArena::mapping)
                                 : take_from(m_items, frame.first, frame.mark, &NodeArena::sequence);
    if (frame.anchor != 0) {
      AnchorInfo& info = m_anchors[frame.anchor];
      info.open = false;
      info.node = node;
      info.node_count = frame.node_count;
    }
    place(std::move(node), frame.node_count);
  }

  // A scalar's value, as its node or as the key its mapping waits for.
  void scalar(const std::string& tag, YAML::anchor_t anchor, const std::string& value, Mark mark) {
    if (anchor == 0 && (tag == "!" || (tag == "?" && plain_is_string(value))) && take_string_key(value, mark)) {
      return;
    }
    add(resolve(tag, value, mark), anchor, 1);
  }

  // A string scalar where the innermost mapping expects a key becomes that key without a node of its own
  // (place() does the same for other keys). False, doing nothing, anywhere else.
  bool take_string_key(const std::string& text, Mark mark) {
    if (m_stack.empty() || !m_stack.back().is_mapping || m_stack.back().has_key) {
      return false;
    }
    count_nodes(1, mark);
    Frame& frame = m_stack.back();
    frame.node_count += 1;
    frame.take_key(text, mark, m_last_offset, std::nullopt);
    return true;
  }

  // The collection of the elements of `stack` from `first` on, moved into an array of their own.
  template <typename T>
  Node take_from(std::vector<T>& stack, std::size_t first, Mark mark, Node (NodeArena::*make)(std::span<T>, Mark)) {
    Node node = ((*m_arena).*make)(std::span<T>(stack).subspan(first), mark);
    stack.erase(stack.begin() + static_cast<std::ptrdiff_t>(first), stack.end());
    return node;
  }

  void add(Node node, YAML::anchor_t anchor, std::size_t node_count) {
    if (anchor != 0) {
      m_anchors[anchor] = AnchorInfo{take_anchor_name(), false, node, node_count};
    }
    count_nodes(node_count, node.mark());
    place(std::move(node), node_count);
  }

  std::string take_anchor_name() {
    std::string name = std::move(m_pending_anchor_name);
    m_pending_anchor_name.clear();
    return name;
  }

  void count_nodes(std::size_t count, Mark mark) {
    m_node_count += count;
    if (m_node_count > m_options.max_nodes) {
      throw Abort{error(mark, fmt::format("the document expands to more than {} values (through aliases, or "
                                          "sheer size); refusing to go on",
                                          m_options.max_nodes))};
    }
  }

  // Every node of the tree goes through here, and is kept so that the tree does not own its own arena.
  void place(Node node, std::size_t node_count) {
    node = m_arena->inner(std::move(node));
    if (m_stack.empty()) {
      if (m_documents <= 1) {
        m_root = std::move(node);
      }
      return;
    }
    Frame& parent = m_stack.back();
    parent.node_count += node_count;
    if (!parent.is_mapping) {
      m_items.push_back(std::move(node));
      return;
    }
    if (!parent.has_key) {
      if (!node.is_scalar()) {
        throw Abort{error(node.mark(), "a mapping key must be a plain value, not a list or mapping")};
      }
      const Mark mark = node.mark();
      if (node.is_string()) {
        parent.take_key(node.as_string(), mark, m_last_offset, std::nullopt);
      } else {
        std::string text = node.is_null() ? std::string() : node.text();  // before the node moves
        parent.take_key(std::move(text), mark, m_last_offset, std::move(node));
      }
      return;
    }
    parent.has_key = false;
    std::string key_text = std::move(parent.key_text);
    const Mark key_mark = parent.key_mark;
    const std::optional<Node> key_value = std::move(parent.key_value);
    parent.key_value.reset();
    // A key is a duplicate when its text is one already there, since the tree names entries by their text
    // (so the integer 1 and the string "1" cannot both be keys), and when its value is.
    const std::span<const Entry> entries(m_entries.data() + parent.first, m_entries.size() - parent.first);
    std::optional<std::size_t> first = find_text(parent, entries, key_text);
    std::string value_identity = key_value ? key_identity(*key_value) : std::string();
    if (!first && !value_identity.empty()) {
      first = parent.values.find(value_identity);
    }
    if (first) {
      const Entry& existing = entries[*first];
      m_errors.push_back(error(key_mark, fmt::format("duplicate key `{}` (first defined on line {}, column {})",
                                                       key_text, existing.key_mark.line, existing.key_mark.column)));
      return;
    }
    const std::size_t index = entries.size();
    if (!value_identity.empty()) {
      parent.values.add(std::move(value_identity), index);
    }
    if (index >= KeyTable::k_searched_keys) {
      if (index == KeyTable::k_searched_keys) {
        for (std::size_t i = 0; i < index; ++i) {
          parent.texts.add(entries[i].key, i);
        }
      }
      parent.texts.add(key_text, index);
    }
    m_entries.push_back(Entry{std::move(key_text), key_mark, std::move(node)});
  }

  // The entry of `frame` whose key is `text`, if any.
  static std::optional<std::size_t> find_text(const Frame& frame, std::span<const Entry> entries,
                                              const std::string& text) {
    if (entries.size() > KeyTable::k_searched_keys) {
      return frame.texts.find(text);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].key == text) {
        return i;
      }
    }
    return std::nullopt;
  }

  // What makes two keys that are not strings the same: their value after YAML 1.2 core resolution, so `1`,
  // `0x1` and `0o1` are one integer key (and `1.0`, `1.00` one float).
  static std::string key_identity(const Node& key) {
    if (key.is_integer()) {
      return fmt::format("i:{}", key.as_integer());
    }
    if (key.is_number()) {
      return fmt::format("f:{}", key.as_number());
    }
    if (key.is_bool()) {
      return key.as_bool() ? "b:true" : "b:false";
    }
    return "n:";
  }

  // First, so that it goes last: everything below may point into it.
  const std::shared_ptr<NodeArena> m_arena = NodeArena::create();
  const std::string& m_source;
  const SourceText m_text;
  const std::string& m_path;
  const ParseOptions& m_options;
  std::vector<Frame> m_stack;
  // The items and entries of the collections still open, innermost last (Frame::first).
  std::vector<Node> m_items;
  std::vector<Entry> m_entries;
  std::unordered_map<YAML::anchor_t, AnchorInfo> m_anchors;
  std::string m_pending_anchor_name;
  std::optional<Node> m_root;
  std::size_t m_last_offset = 0;  // byte offset of the latest scalar or alias event
  std::size_t m_node_count = 0;
  std::size_t m_documents = 0;
  Mark m_second_document;
  Diagnostics m_errors;
};

// Byte-level checks yaml-cpp does not make: encoding, NUL and control characters.
std::optional<Diagnostic> check_bytes(const std::string& text, const std::string& path) {
  auto at_offset = [&](std::size_t offset, std::string message) {
    const Mark mark = SourceText(text).mark_at(offset);
    return Diagnostic{Severity::error, "yaml", std::move(message), Location{path, mark.line, mark.column}, {}, {}};
  };
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
    return at_offset(0, "the file is UTF-16; save it as UTF-8");
  }
  if (auto invalid = util::find_invalid_utf8(text)) {
    return at_offset(*invalid, fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                           static_cast<unsigned>(static_cast<unsigned char>(text[*invalid]))));
  }
  for (std::size_t i = util::find_control(text); i != std::string::npos; i = util::find_control(text, i + 1)) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) {
      return at_offset(i, "NUL byte in the file");
    }
    if (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) {
      return at_offset(i, "a carriage return without a line feed (old Mac line endings); save the file with LF or "
                          "CRLF line endings");
    }
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      return at_offset(i, fmt::format("control character U+{:04X} is not allowed", static_cast<unsigned>(c)));
    }
  }
  return std::nullopt;
}

// Lines git leaves where a merge could not be resolved: "<<<<<<< ours", "=======", ">>>>>>> theirs" (and
// "||||||| base" in diff3 style). Read as YAML they give a syntax error that hides the real problem.
std::optional<Diagnostic> check_conflict_markers(std::string_view text, const std::string& path) {
  const auto is_marker = [](std::string_view line, std::string_view marker) {
    return line.starts_with(marker) && (line.size() == marker.size() || line[marker.size()] == ' ' ||
                                        line[marker.size()] == '\r');
  };
  std::uint32_t line_number = 0;
  std::uint32_t opened = 0;
  bool divided = false;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    ++line_number;
    if (is_marker(line, "<<<<<<<")) {
      opened = opened == 0 ? line_number : opened;
    } else if (opened != 0 && is_marker(line, "=======")) {
      divided = true;
    } else if (opened != 0 && divided && is_marker(line, ">>>>>>>")) {
      return Diagnostic{Severity::error, "yaml",
                        fmt::format("unresolved merge conflict at line {}; resolve it (or run `git mergetool`)", opened),
                        Location{path, opened, 1}, {}, {}};
    }
    start = end + 1;
  }
  return std::nullopt;
}

// yaml-cpp's messages in words a person editing the file can act on.
std::string describe_yaml_error(const std::string& message) {
  static const std::pair<std::string_view, std::string_view> k_plain[] = {
      {"illegal tab when looking for indentation", "a tab is used for indentation; indent with spaces"},
      {"end of map not found", "this line's indentation does not line up with the lines above"},
      {"end of sequence not found", "this line's indentation does not line up with the list above"},
      {"illegal map value", "a ': ' is not allowed here (put text that contains ': ' in quotes)"},
      {"illegal block entry", "a '- ' list item is not allowed here (check the indentation)"},
      {"the referenced anchor is not defined", "this alias refers to an anchor that is not defined"},
      {"unknown escape character: ", "unknown escape in double-quoted text (write \\\\ for a backslash): \\"},
      {"invalid unicode: ", "invalid Unicode escape in double-quoted text: code "},
  };
  if (message.empty()) {
    return "invalid YAML";
  }
  for (const auto& [prefix, plain] : k_plain) {
    if (message.starts_with(prefix)) {
      return fmt::format("invalid YAML: {}{}", plain, std::string_view(message).substr(prefix.size()));
    }
  }
  return fmt::format("invalid YAML: {}", message);
}

}  // namespace

std::string Document::text() const {
  const std::string_view body = source ? std::string_view(*source) : std::string_view();
  return bom ? std::string(util::k_utf8_bom).append(body) : std::string(body);
}

ParseResult parse(std::string text, std::string path, const ParseOptions& options) {
  return parse(std::make_shared<const std::string>(std::move(text)), std::move(path), options);
}

ParseResult parse(std::shared_ptr<const std::string> text, std::string path, const ParseOptions& options) {
  if (text->size() > options.max_bytes) {
    return util::unexpected(Diagnostics{Diagnostic{
        Severity::error, "yaml",
        fmt::format("the file is {} bytes, more than the limit of {} bytes", text->size(), options.max_bytes),
        Location{path, 0, 0}, {}, {}}});
  }
  const bool bom = text->starts_with(util::k_utf8_bom);
  if (bom) {
    text = std::make_shared<const std::string>(text->substr(util::k_utf8_bom.size()));
  }
  if (auto problem = check_bytes(*text, path)) {
    return util::unexpected(Diagnostics{*problem});
  }
  if (auto conflict = check_conflict_markers(*text, path)) {
    return util::unexpected(Diagnostics{*conflict});
  }
  std::shared_ptr<const std::string> source = std::move(text);
  TreeBuilder builder(*source, path, options);
  Diagnostics errors;
  try {
    // Read in place: the text is not copied into the stream.
    util::ViewStream stream(*source);
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
      if (builder.documents() >= 2) {
        break;
      }
    }
  } catch (const Abort& abort) {
    errors = builder.errors();
    errors.push_back(abort.diagnostic);
    sort_diagnostics(errors);
    return util::unexpected(std::move(errors));
  } catch (const YAML::Exception& exception) {
    errors = builder.errors();
    Mark mark = builder.to_mark(exception.mark);
    std::string message = describe_yaml_error(exception.msg);
    // yaml-cpp reports an unclosed [ or { at the end of the file; point at the bracket instead.
    const auto open = builder.innermost_open();
    if (exception.msg.find("flow not found") != std::string::npos && open) {
      mark = open->mark;
      message = fmt::format("this {} is never closed (missing '{}')", open->is_mapping ? "'{'" : "'['",
                            open->is_mapping ? '}' : ']');
    }
    errors.push_back(Diagnostic{Severity::error, "yaml", std::move(message), Location{path, mark.line, mark.column}, {}, {}});
    sort_diagnostics(errors);
    return util::unexpected(std::move(errors));
  }
  errors = builder.errors();
  if (builder.documents() >= 2) {
    const Mark mark = builder.second_document_mark();
    errors.push_back(Diagnostic{Severity::error, "yaml",
                                "the file holds more than one YAML document; a record is one document",
                                Location{path, mark.line, mark.column}, {}, {}});
  }
  if (!errors.empty()) {
    sort_diagnostics(errors);
    return util::unexpected(std::move(errors));
  }
  Node root = builder.has_root() ? builder.root() : Node::make_null(Mark{1, 1});
  return Document{std::move(path), std::move(source), std::move(root), bom};
}

Diagnostic unreadable(const util::Failure& failure, const std::string& display_path) {
  return Diagnostic{Severity::error, "io", failure.message, Location{display_path, 0, 0}, {}, {}};
}

ParseResult parse_file(const std::filesystem::path& file, std::string display_path, const ParseOptions& options) {
  auto text = util::read_bounded(file, options.max_bytes);
  if (!text) {
    return util::unexpected(Diagnostics{unreadable(text.error(), display_path)});
  }
  return parse(std::move(text).value(), std::move(display_path), options);
}

}  // namespace wellbeing::document
