#include "wellbeing/merge/merge.hpp"
#include "wellbeing/util/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "wellbeing/diff/diff.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/document/source.hpp"
#include "wellbeing/history/repository.hpp"

namespace wellbeing::merge {

using document::Node;
using document::SourceText;

namespace {

struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
};

// Where a node sits in its side's text.
struct Place {
  const Node* node = nullptr;
  bool entry = false;  // a mapping value (else a sequence item, or the root)
  bool flow = false;   // inside a flow collection
  std::size_t key_offset = 0;
  std::uint32_t line = 0;      // the key's line, or the dash's line
  std::size_t column = 0;      // 0-based column of the key, or of the dash
  bool first_on_line = false;  // the key (or dash) is the first thing on its line
};

// One replacement in ours' text. Conflicts keep the value's span; they become whole-line marker blocks.
struct Edit {
  Span span;
  std::string text;  // what clean edits put there; for conflicts, theirs' text of the span
  bool conflict = false;
  std::size_t order = 0;  // insertion order, to keep inserts at one offset in sequence
};

class Unmergeable : public std::exception {};

bool is_block_collection(const SourceText& text, const Node& node) {
  if (!node.is_mapping() && !node.is_sequence()) {
    return false;
  }
  const std::size_t at = text.offset(node.mark());
  return at >= text.text().size() || (text.text()[at] != '[' && text.text()[at] != '{');
}

bool is_flow_collection(const SourceText& text, const Node& node) {
  return (node.is_mapping() || node.is_sequence()) && !is_block_collection(text, node);
}

class Side {
 public:
  Side(std::string_view text, Node root) : m_text(text), m_root(std::move(root)) {}
  const SourceText& text() const { return m_text; }
  const Node& root() const { return m_root; }

  Place root_place() const {
    Place place;
    place.node = &m_root;
    return place;
  }

  Place entry_place(const Place& parent, const document::Entry& entry) const {
    Place place;
    place.node = &entry.value;
    place.entry = true;
    place.flow = is_flow_collection(m_text, *parent.node) || parent.flow;
    place.key_offset = m_text.offset(entry.key_mark);
    place.line = entry.key_mark.line;
    place.column = entry.key_mark.column - 1;
    place.first_on_line = m_text.indent(place.line) == place.column;
    return place;
  }

  Place item_place(const Place& parent, const Node& item) const {
    Place place;
    place.node = &item;
    place.flow = is_flow_collection(m_text, *parent.node) || parent.flow;
    if (!place.flow) {
      // The dash is before the item's first token on the same line.
      std::size_t at = m_text.offset(item.mark());
      const std::size_t line_start = m_text.line_start(item.mark().line);
      while (at > line_start && m_text.text()[at - 1] == ' ') {
        --at;
      }
      if (at > line_start && m_text.text()[at - 1] == '-') {
        --at;
        place.line = item.mark().line;
        place.column = at - line_start;
        place.first_on_line = m_text.indent(place.line) == place.column;
      } else {
        place.flow = true;  // not a "- " item we can find: treat as not editable by lines
      }
    }
    return place;
  }

  // The whole lines of an entry or item written on its own lines ("key: …" or "- …" to the end of its block).
  std::optional<Span> block_span(const Place& place) const {
    if (place.flow || !place.first_on_line || place.line == 0) {
      return std::nullopt;
    }
    const bool dashes = place.entry && place.node->is_sequence();
    const std::uint32_t last = m_text.block_last_line(place.line, place.column, dashes);
    return Span{m_text.line_start(place.line), m_text.next_line_start(last)};
  }

  // The text of a value: for a block entry, from just after "key:" to the end of the value (so a value
  // on the next lines and a value on the same line are both covered); for a flow entry or an item, from
  // the value's first character.
  std::optional<Span> value_span(const Place& place) const {
    const std::string_view text = m_text.text();
    const Node& node = *place.node;
    std::size_t start = text.size();
    if (place.entry && !place.flow) {
      start = after_colon(place.key_offset);
      if (start == std::string_view::npos) {
        return std::nullopt;
      }
    } else {
      start = m_text.offset(node.mark());
    }
    const std::size_t value_at = m_text.offset(node.mark());
    std::size_t end = value_at;
    if (node.is_null() && (value_at >= text.size() || text.compare(value_at, 1, "~") != 0) &&
        (value_at >= text.size() || text.compare(value_at, 4, "null") != 0)) {
      end = start;  // written as nothing
    } else if (is_block_collection(m_text, node)) {
      if (place.flow) {
        return std::nullopt;
      }
      // An entry's block value, or an item's: to the end of the lines indented under the key or dash.
      const bool dashes = place.entry && node.is_sequence();
      const std::uint32_t last = m_text.block_last_line(place.line, place.column, dashes);
      end = m_text.line_end(std::max(last, m_text.line_of(value_at)));
    } else {
      end = scalar_end(value_at, place);
      if (end == std::string_view::npos) {
        return std::nullopt;
      }
    }
    return Span{start, std::max(start, end)};
  }

 private:
  std::size_t after_colon(std::size_t key_offset) const {
    const std::string_view text = m_text.text();
    std::size_t at = key_offset;
    if (at < text.size() && (text[at] == '"' || text[at] == '\'')) {
      at = util::quoted_scalar_end(text, at);
      if (at == std::string_view::npos) {
        return at;
      }
    }
    for (; at < text.size() && text[at] != '\n'; ++at) {
      if (text[at] == ':' && (at + 1 >= text.size() || text[at + 1] == ' ' || text[at + 1] == '\t' ||
                              text[at + 1] == '\n' || text[at + 1] == '\r')) {
        return at + 1;
      }
    }
    return std::string_view::npos;
  }

  // Just past the end of a scalar (or flow collection) starting at `at`, not counting a comment after it.
  std::size_t scalar_end(std::size_t at, const Place& place) const {
    const std::string_view text = m_text.text();
    if (at >= text.size()) {
      return text.size();
    }
    const char c = text[at];
    if (c == '"' || c == '\'') {
      return util::quoted_scalar_end(text, at);
    }
    if (c == '[' || c == '{') {
      return util::flow_collection_end(text, at);
    }
    const std::uint32_t line = m_text.line_of(at);
    const std::size_t parent_column = place.line ? place.column : 0;
    if (c == '|' || c == '>' || c == '&' || c == '!' || c == '*') {
      if (place.flow) {
        return std::string_view::npos;
      }
      return m_text.line_end(std::max(line, m_text.block_last_line(line, parent_column, false)));
    }
    // A plain scalar: to a comment or the end of the line (or, in flow, a separator), then any
    // continuation lines indented under it.
    std::size_t end = at;
    const std::size_t line_end = m_text.line_end(line);
    while (end < line_end) {
      const char d = text[end];
      if (d == '#' && end > at && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        break;
      }
      if (place.flow && (d == ',' || d == ']' || d == '}')) {
        break;
      }
      ++end;
    }
    while (end > at && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
      --end;
    }
    if (!place.flow) {
      const std::uint32_t last = m_text.block_last_line(line, parent_column, false);
      if (last > line && !m_text.is_comment(last)) {
        end = m_text.line_end(last);
      }
    }
    return end;
  }

  SourceText m_text;
  Node m_root;
};

// Shifts every line after the first by `delta` columns (lines without enough leading spaces keep theirs).
std::string reindent(std::string_view text, long delta, bool skip_first) {
  std::string out;
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!(first && skip_first) && !line.empty() && line != "\r") {
      if (delta > 0) {
        out.append(static_cast<std::size_t>(delta), ' ');
      } else if (delta < 0) {
        std::size_t remove = 0;
        while (remove < static_cast<std::size_t>(-delta) && remove < line.size() && line[remove] == ' ') {
          ++remove;
        }
        line.remove_prefix(remove);
      }
    }
    out += line;
    if (end == std::string_view::npos) {
      break;
    }
    out += '\n';
    start = end + 1;
    first = false;
  }
  return out;
}

// Line endings as ours writes them.
std::string with_newlines(std::string_view text, const std::string& newline) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    }
    if (text[i] == '\n') {
      out += newline;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Nothing, or an empty list or mapping: leaving it out changes nothing.
bool empty_like(const Node& node) {
  return node.is_null() || ((node.is_sequence() || node.is_mapping()) && node.size() == 0);
}

const diff::SchemaNode* child_schema(const diff::SchemaNode* schema, std::string_view key) {
  return schema ? schema->property(key) : nullptr;
}

std::string date_of(const Node& item) {
  const Node* date = item.is_mapping() ? item.find("date") : nullptr;
  return date && date->is_string() ? date->as_string() : std::string();
}

// Does any string value in `node` equal `word`? (How many times.)
std::size_t count_mentions(const Node& node, const std::string& word) {
  if (node.is_string()) {
    return node.as_string() == word ? 1 : 0;
  }
  std::size_t count = 0;
  for (const Node& item : node.items()) {
    count += count_mentions(item, word);
  }
  for (const auto& entry : node.entries()) {
    count += count_mentions(entry.value, word);
  }
  return count;
}

class Merger {
 public:
  Merger(const Side* base, const Side& ours, const Side& theirs, const diff::SchemaNode& schema)
      : m_base(base), m_ours(ours), m_theirs(theirs), m_schema(schema) {}

  void run() { merge(m_base ? &m_base->root() : nullptr, m_ours.root_place(), m_theirs.root_place(), &m_schema, ""); }

  const std::vector<std::string>& notes() const { return m_notes; }
  std::vector<Conflict> conflicts() const { return m_conflicts; }

 private:
  bool same(const Node* a, const Node* b, const diff::SchemaNode* schema) const {
    if (!a || !b) {
      return !a && !b;
    }
    static const diff::SchemaNode k_none;
    return diff::diff_documents(*a, *b, schema ? *schema : k_none).empty();
  }

  void edit(Span span, std::string text) { m_edits.push_back(Edit{span, std::move(text), false, m_edits.size()}); }

  void conflict(Span span, std::string theirs_text, const std::string& path, std::string label) {
    m_edits.push_back(Edit{span, std::move(theirs_text), true, m_edits.size()});
    m_conflicts.push_back(Conflict{path, std::move(label)});
  }

  std::string describe(const std::string& path) const {
    // The diff's words for this place: a change from base (or ours) to theirs at exactly this path.
    const Node& from = m_base ? m_base->root() : m_ours.root();
    for (const diff::Change& change : diff::diff_documents(from, m_theirs.root(), m_schema)) {
      if (change.path == path || change.path.starts_with(path + "/")) {
        return change.label;
      }
    }
    return path;
  }

  // theirs' text for a span of theirs, made to fit at `column_delta` in ours with ours' line endings.
  std::string theirs_text(Span span, long column_delta, bool skip_first) const {
    const std::string_view raw = m_theirs.text().text().substr(span.start, span.end - span.start);
    return with_newlines(reindent(raw, column_delta, skip_first), m_ours.text().newline());
  }

  // Ours left this value as it was and theirs changed it: put theirs' value text in its place.
  void take_theirs(const Place& a, const Place& b, const std::string& path) {
    const auto ours_span = m_ours.value_span(a);
    const auto text = fitted_value(a, b);
    if (!ours_span || !text) {
      unmergeable_region(a, b, path);
      return;
    }
    edit(*ours_span, *text);
  }

  // Theirs' text of the value at `b`, made to fit where ours has the value at `a`: re-indented, with ours'
  // line endings, the space after a block key's colon added or dropped, and plain text that a flow
  // collection would split quoted. nullopt when it cannot fit (lines into a flow collection).
  std::optional<std::string> fitted_value(const Place& a, const Place& b) const {
    const auto their_span = m_theirs.value_span(b);
    if (!their_span) {
      return std::nullopt;
    }
    std::string text = theirs_text(*their_span, static_cast<long>(a.column) - static_cast<long>(b.column), true);
    if (a.flow && text.find('\n') != std::string::npos) {
      return std::nullopt;
    }
    const bool ours_after_colon = a.entry && !a.flow;
    const bool theirs_after_colon = b.entry && !b.flow;
    if (theirs_after_colon && !ours_after_colon) {
      if (text.empty() || text.front() != ' ') {
        return std::nullopt;
      }
      text.erase(0, 1);
    } else if (ours_after_colon && !theirs_after_colon) {
      text = " " + text;
    }
    if (a.flow && !b.flow && b.node->is_string()) {
      const std::string_view plain = std::string_view(text).substr(
          text.find_first_not_of(' ') == std::string::npos ? 0 : text.find_first_not_of(' '));
      const bool quoted = plain.starts_with('"') || plain.starts_with('\'');
      if (!quoted && (plain.find_first_of(",[]{}") != std::string_view::npos ||
                      plain.find(": ") != std::string_view::npos || plain.find(" #") != std::string_view::npos)) {
        text = text.substr(0, text.size() - plain.size()) + b.node->to_json();
      }
    }
    return text;
  }

  // Both sides changed this value differently.
  void clash(const Place& a, const Place& b, const std::string& path) {
    const auto ours_span = m_ours.value_span(a);
    const auto text = fitted_value(a, b);
    if (!ours_span || !text) {
      unmergeable_region(a, b, path);
      return;
    }
    conflict(*ours_span, *text, path, conflict_label(a, b, path));
  }

  std::string conflict_label(const Place& a, const Place& b, const std::string& path) const {
    const diff::SchemaNode* schema = diff::schema_at(path, m_schema);
    return fmt::format("{}: ours {}, theirs {}", describe_place(path), diff::brief_value(*a.node, schema),
                       diff::brief_value(*b.node, schema));
  }

  std::string describe_place(const std::string& path) const {
    const std::string label = describe(path);
    // "Outcome o-3 "…": status open → met" -> "Outcome o-3 "…": status"
    const std::size_t arrow = label.rfind(" → ");
    if (arrow != std::string::npos) {
      const std::size_t space = label.rfind(' ', arrow - 1);
      return space == std::string::npos ? label : label.substr(0, space);
    }
    return label;
  }

  // A region that cannot be edited by lines (flow style where block is needed): the whole of ours'
  // lines against the whole of theirs'.
  void unmergeable_region(const Place& a, const Place& b, const std::string& path) {
    const Place* ours_place = &a;
    const Place* their_place = &b;
    auto ours_span = m_ours.block_span(*ours_place);
    auto their_span = m_theirs.block_span(*their_place);
    if (!ours_span || !their_span) {
      throw Unmergeable();
    }
    const long delta = static_cast<long>(a.column) - static_cast<long>(b.column);
    conflict(*ours_span, theirs_text(*their_span, delta, false), path,
             fmt::format("{}: changed on both sides", describe_place(path)));
  }

  void merge(const Node* o, const Place& a, const Place& b, const diff::SchemaNode* schema, const std::string& path) {
    const Node& an = *a.node;
    const Node& bn = *b.node;
    if (same(&an, &bn, schema)) {
      return;
    }
    if (o && same(o, &bn, schema)) {
      return;  // theirs left it as it was
    }
    const bool ours_unchanged = o && same(o, &an, schema);
    const bool flow_involved = is_flow_collection(m_ours.text(), an) || is_flow_collection(m_theirs.text(), bn);
    if (ours_unchanged && (flow_involved || an.kind() != bn.kind() || an.is_scalar())) {
      take_theirs(a, b, path);
      return;
    }
    if (an.is_mapping() && bn.is_mapping() && (!o || o->is_mapping())) {
      merge_mapping(o, a, b, schema, path);
      return;
    }
    if (an.is_sequence() && bn.is_sequence() && (!o || o->is_sequence())) {
      if (schema && !schema->identity.empty()) {
        merge_identity_list(o, a, b, schema, path);
        return;
      }
      const auto scalars = [](const Node& n) {
        return std::all_of(n.items().begin(), n.items().end(), [](const Node& i) { return i.is_scalar(); });
      };
      if (scalars(an) && scalars(bn) && (!o || scalars(*o))) {
        merge_values(o, a, b, path);
        return;
      }
    }
    if (ours_unchanged) {
      take_theirs(a, b, path);
      return;
    }
    clash(a, b, path);
  }

  // Where to put an entry theirs added: after the nearest key before it (in theirs) that ours has.
  // Where in ours an entry of theirs belongs: after the nearest key before it (in theirs) that ours has,
  // else before the nearest key after it. nullopt for an empty or flow mapping.
  std::optional<std::size_t> entry_position(const Place& a_map, const Place& b_map,
                                            const document::Entry& added) const {
    const Node& an = *a_map.node;
    if (an.size() == 0 || is_flow_collection(m_ours.text(), an)) {
      return std::nullopt;
    }
    const auto b_entries = b_map.node->entries();
    const auto here =
        std::find_if(b_entries.begin(), b_entries.end(), [&](const document::Entry& e) { return &e == &added; });
    for (auto it = here; it != b_entries.begin();) {
      --it;
      if (const document::Entry* mine = an.find_entry(it->key)) {
        const Place place = m_ours.entry_place(a_map, *mine);
        const bool dashes = mine->value.is_sequence() && is_block_collection(m_ours.text(), mine->value);
        return m_ours.text().block_end(place.line, place.column, dashes);
      }
    }
    for (auto it = here + 1; it < b_entries.end(); ++it) {
      if (const document::Entry* mine = an.find_entry(it->key)) {
        const Place place = m_ours.entry_place(a_map, *mine);
        return place.first_on_line ? std::optional<std::size_t>(m_ours.text().line_start(place.line)) : std::nullopt;
      }
    }
    return std::nullopt;
  }

  void insert_entry(const Place& a_map, const Place& b_map, const document::Entry& added, const std::string& path) {
    const Place b_entry = m_theirs.entry_place(b_map, added);
    const auto their_span = m_theirs.block_span(b_entry);
    const auto at = entry_position(a_map, b_map, added);
    if (!their_span || !at) {
      unmergeable_region(a_map, b_map, path);
      return;
    }
    std::string text = theirs_text(
        *their_span, static_cast<long>(children_column(m_ours, a_map)) - static_cast<long>(b_entry.column), false);
    insert_at(*at, std::move(text));
  }

  void insert_at(std::size_t at, std::string text) {
    const std::string_view ours = m_ours.text().text();
    if (at == ours.size() && !ours.empty() && ours.back() != '\n') {
      text = m_ours.text().newline() + text;
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) {
        text.pop_back();
      }
    }
    edit(Span{at, at}, std::move(text));
  }

  void remove_block(const Place& a, const Place& b_parent_or_self, const std::string& path) {
    const auto span = m_ours.block_span(a);
    if (!span) {
      unmergeable_region(a, b_parent_or_self, path);
      return;
    }
    edit(*span, "");
  }

  void merge_mapping(const Node* o, const Place& a, const Place& b, const diff::SchemaNode* schema,
                     const std::string& path) {
    const Node& an = *a.node;
    const Node& bn = *b.node;
    std::vector<std::string> keys;
    for (const auto& entry : an.entries()) {
      keys.push_back(entry.key);
    }
    for (const auto& entry : bn.entries()) {
      if (!an.find(entry.key)) {
        keys.push_back(entry.key);
      }
    }
    for (const std::string& key : keys) {
      const diff::SchemaNode* child = child_schema(schema, key);
      const std::string child_path = document::append_pointer(path, key);
      const Node* on = o ? o->find(key) : nullptr;
      const document::Entry* ae = an.find_entry(key);
      const document::Entry* be = bn.find_entry(key);
      if (ae && be) {
        merge(on, m_ours.entry_place(a, *ae), m_theirs.entry_place(b, *be), child, child_path);
      } else if (!ae && be) {
        // An empty list or mapping left out is no change (as the diff sees it).
        if (!on || empty_like(*on)) {
          insert_entry(a, b, *be, child_path);
        } else if (!same(on, &be->value, child)) {
          const Place bp = m_theirs.entry_place(b, *be);
          removed_against_changed(nullptr, a, &bp, b, child_path, key, entry_position(a, b, *be));
        }
      } else if (ae && !be) {
        if (!on || (empty_like(*on) && !empty_like(ae->value))) {
          continue;  // ours added it (theirs left out what was empty)
        }
        const Place ap = m_ours.entry_place(a, *ae);
        if (same(on, &ae->value, child)) {
          remove_block(ap, b, child_path);
        } else {
          removed_against_changed(&ap, a, nullptr, b, child_path, key);
        }
      }
    }
  }

  // One side removed what the other changed: ours' lines (or none) against theirs' lines (or none).
  void removed_against_changed(const Place* ours_place, const Place& a_parent, const Place* their_place,
                               const Place& b_parent, const std::string& path, const std::string& what,
                               std::optional<std::size_t> position = std::nullopt) {
    std::optional<Span> ours_span;
    std::string theirs;
    if (ours_place) {
      ours_span = m_ours.block_span(*ours_place);
    }
    if (their_place) {
      const auto span = m_theirs.block_span(*their_place);
      if (!span) {
        unmergeable_region(a_parent, b_parent, path);
        return;
      }
      theirs = theirs_text(
          *span, static_cast<long>(children_column(m_ours, a_parent)) - static_cast<long>(their_place->column), false);
    }
    if (ours_place && !ours_span) {
      unmergeable_region(a_parent, b_parent, path);
      return;
    }
    if (!ours_span) {
      // Ours removed it: the conflict goes where theirs' version would be inserted.
      if (!position) {
        unmergeable_region(a_parent, b_parent, path);
        return;
      }
      ours_span = Span{*position, *position};
    }
    const std::string label = fmt::format("{}: {}", describe_place(path),
                                          ours_place ? fmt::format("ours changed {}, theirs removed it", what)
                                                     : fmt::format("ours removed {}, theirs changed it", what));
    m_edits.push_back(Edit{*ours_span, std::move(theirs), true, m_edits.size()});
    m_conflicts.push_back(Conflict{path, label});
  }

  // The column at which the children of a block collection start (its keys, or its dashes).
  static std::size_t children_column(const Side& side, const Place& parent) {
    const Node& node = *parent.node;
    if (node.is_mapping() && node.size() > 0) {
      return node.entries()[0].key_mark.column - 1;
    }
    if (node.is_sequence() && node.size() > 0) {
      const Place first = side.item_place(parent, node.items()[0]);
      if (!first.flow) {
        return first.column;
      }
    }
    return parent.line ? parent.column + 2 : 0;
  }

  struct Slot {
    const Node* node = nullptr;
    std::string id;
  };

  static std::vector<Slot> slots(const Node* list, const diff::SchemaNode* schema) {
    std::vector<Slot> out;
    if (list) {
      for (const Node& item : list->items()) {
        out.push_back(Slot{&item, diff::item_identity(item, schema)});
      }
    }
    return out;
  }

  // Ids are unique in the lists merged by id (checked first), so a map finds each at once.
  static std::map<std::string, const Slot*> by_id(const std::vector<Slot>& list) {
    std::map<std::string, const Slot*> out;
    for (const Slot& slot : list) {
      out.emplace(slot.id, &slot);
    }
    return out;
  }

  static const Slot* find_slot(const std::map<std::string, const Slot*>& index, const std::string& id) {
    const auto found = index.find(id);
    return found == index.end() ? nullptr : found->second;
  }

  static bool has_duplicates(const std::vector<Slot>& list) {
    std::set<std::string> seen;
    for (const Slot& slot : list) {
      if (slot.id.empty() || !seen.insert(slot.id).second) {
        return true;
      }
    }
    return false;
  }

  void merge_identity_list(const Node* o, const Place& a, const Place& b, const diff::SchemaNode* schema,
                           const std::string& path) {
    const diff::SchemaNode* item_schema = schema->items;
    const auto os = slots(o, schema);
    const auto as = slots(a.node, schema);
    const auto bs = slots(b.node, schema);
    if (has_duplicates(os) || has_duplicates(as) || has_duplicates(bs)) {
      if (o && same(o, a.node, schema)) {
        take_theirs(a, b, path);
      } else {
        clash(a, b, path);
      }
      return;
    }
    const auto os_index = by_id(os);
    const auto as_index = by_id(as);
    const auto bs_index = by_id(bs);
    std::vector<std::string> ids;  // every id in use, for new ones
    for (const auto* list : {&os, &as, &bs}) {
      for (const Slot& slot : *list) {
        ids.push_back(slot.id);
      }
    }
    for (const Slot& theirs : bs) {
      const std::string item_path = document::append_pointer(path, theirs.id);
      const Slot* ours = find_slot(as_index, theirs.id);
      const Slot* base = find_slot(os_index, theirs.id);
      const Place b_item = m_theirs.item_place(b, *theirs.node);
      if (ours) {
        const Place a_item = m_ours.item_place(a, *ours->node);
        if (!base && !same(ours->node, theirs.node, item_schema)) {
          // Both sides added an item under the same id: keep both, theirs under a new id.
          keep_both(a, b, as, a_item, b_item, theirs, schema, ids, item_path);
          continue;
        }
        merge(base ? base->node : nullptr, a_item, b_item, item_schema, item_path);
      } else if (!base) {
        insert_item(a, b, as, b_item, theirs, std::nullopt, item_path, schema);
      } else if (!same(base->node, theirs.node, item_schema)) {
        removed_against_changed(nullptr, a, &b_item, b, item_path, "it", item_position(a, b, as, theirs, schema));
      }
    }
    for (const Slot& ours : as) {
      if (find_slot(bs_index, ours.id)) {
        continue;
      }
      const Slot* base = find_slot(os_index, ours.id);
      if (!base) {
        continue;  // ours added it
      }
      const std::string item_path = document::append_pointer(path, ours.id);
      const Place a_item = m_ours.item_place(a, *ours.node);
      if (same(base->node, ours.node, item_schema)) {
        remove_block(a_item, b, item_path);
      } else {
        removed_against_changed(&a_item, a, nullptr, b, item_path, "it");
      }
    }
  }

  // Where in ours' block list an item of theirs belongs: by date among ours' items when they are in date order, else
  // after the nearest item before it in theirs that ours has, else at the end. nullopt when ours' list
  // is empty or not written one item per line.
  std::optional<std::size_t> item_position(const Place& a, const Place& b, const std::vector<Slot>& as,
                                           const Slot& theirs, const diff::SchemaNode* list_schema) const {
    if (as.empty() || is_flow_collection(m_ours.text(), *a.node)) {
      return std::nullopt;
    }
    std::vector<Place> ours_places;
    for (const Slot& slot : as) {
      ours_places.push_back(m_ours.item_place(a, *slot.node));
      if (!ours_places.back().first_on_line || ours_places.back().flow) {
        return std::nullopt;
      }
    }
    const std::string date = date_of(*theirs.node);
    std::optional<std::size_t> at;
    // Date order only where ours keeps its items in date order; else theirs' neighbours decide.
    bool in_date_order = !date.empty();
    for (std::size_t i = 0; in_date_order && i < as.size(); ++i) {
      in_date_order = !date_of(*as[i].node).empty() && (i == 0 || date_of(*as[i - 1].node) <= date_of(*as[i].node));
    }
    if (in_date_order) {
      for (std::size_t i = 0; i < as.size(); ++i) {
        if (date_of(*as[i].node) > date) {
          at = m_ours.text().line_start(ours_places[i].line);
          break;
        }
      }
    } else {
      // After the nearest item before it in theirs that ours has.
      const auto items = b.node->items();
      std::size_t index = 0;
      while (index < items.size() && &items[index] != theirs.node) {
        ++index;
      }
      for (std::size_t j = index; j-- > 0;) {
        const std::string id = diff::item_identity(items[j], list_schema);
        for (std::size_t i = 0; i < as.size(); ++i) {
          if (as[i].id == id) {
            at = m_ours.block_span(ours_places[i])->end;
            break;
          }
        }
        if (at) {
          break;
        }
      }
    }
    if (!at) {
      at = m_ours.block_span(ours_places.back())->end;
    }
    return at;
  }

  void keep_both(const Place& a, const Place& b, const std::vector<Slot>& as, const Place& a_item, const Place& b_item,
                 const Slot& theirs, const diff::SchemaNode* list_schema, std::vector<std::string>& ids,
                 const std::string& item_path) {
    const diff::SchemaNode* item_schema = list_schema->items;
    // Theirs' id must not be referred to elsewhere in theirs, or renaming it would break the reference.
    if (count_mentions(m_theirs.root(), theirs.id) > 1 || !item_schema || item_schema->title.empty()) {
      clash(a_item, b_item, item_path);
      return;
    }
    std::size_t digits = theirs.id.size();
    while (digits > 0 && std::isdigit(static_cast<unsigned char>(theirs.id[digits - 1]))) {
      --digits;
    }
    const std::string prefix = theirs.id.substr(0, digits);
    long highest = 0;
    for (const std::string& id : ids) {
      if (id.size() > prefix.size() && id.starts_with(prefix) &&
          std::all_of(id.begin() + static_cast<long>(prefix.size()), id.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
          id.size() - prefix.size() < 9) {
        highest = std::max(highest, std::stol(id.substr(prefix.size())));
      }
    }
    const std::string fresh = fmt::format("{}{}", prefix, highest + 1);
    ids.push_back(fresh);
    insert_item(a, b, as, b_item, theirs, fresh, item_path, list_schema);
    m_notes.push_back(fmt::format("both sides added {} {} with different content: theirs is kept as {}",
                                  diff::lower_title(item_schema->title), theirs.id, fresh));
  }

  // Inserts theirs' item into ours' list: by date among ours' items when it has one, else after the
  // item before it in theirs.
  void insert_item(const Place& a, const Place& b, const std::vector<Slot>& as, const Place& b_item, const Slot& theirs,
                   const std::optional<std::string>& new_id, const std::string& item_path,
                   const diff::SchemaNode* list_schema) {
    const auto their_span = m_theirs.block_span(b_item);
    if (as.empty() || is_flow_collection(m_ours.text(), *a.node) || !their_span) {
      unmergeable_region(a, b, item_path);
      return;
    }
    const auto at = item_position(a, b, as, theirs, list_schema);
    if (!at) {
      unmergeable_region(a, b, item_path);
      return;
    }
    const Place first = m_ours.item_place(a, *as.front().node);
    std::string block(m_theirs.text().text().substr(their_span->start, their_span->end - their_span->start));
    if (new_id) {
      const Node* id_node = theirs.node->find("id");
      if (!id_node) {
        unmergeable_region(a, b, item_path);
        return;
      }
      const std::size_t id_at = m_theirs.text().offset(id_node->mark()) - their_span->start;
      const std::string_view written = std::string_view(block).substr(id_at);
      const std::size_t length =
          written.starts_with('"') || written.starts_with('\'') ? util::quoted_scalar_end(written, 0) : theirs.id.size();
      block.replace(id_at, length, *new_id);
    }
    const long delta = static_cast<long>(first.column) - static_cast<long>(b_item.column);
    insert_at(*at, with_newlines(reindent(block, delta, false), m_ours.text().newline()));
  }

  // Lists of plain values, merged as collections: each value as often as ours has it, changed by what
  // theirs changed (a value both sides added is not doubled); ours' order, then theirs' additions.
  void merge_values(const Node* o, const Place& a, const Place& b, const std::string& path) {
    const auto count_in = [](const Node* list, const Node& value) {
      long n = 0;
      if (list) {
        for (const Node& item : list->items()) {
          n += item.equals(value) ? 1 : 0;
        }
      }
      return n;
    };
    const auto wanted = [&](const Node& value) {
      const long ca = count_in(a.node, value);
      const long cb = count_in(b.node, value);
      const long co = count_in(o, value);
      return ca == cb ? ca : std::max(0L, ca + cb - co);
    };
    std::vector<std::pair<const Node*, const Side*>> result;
    const auto have = [&](const Node& value) {
      return static_cast<long>(
          std::count_if(result.begin(), result.end(), [&](const auto& r) { return r.first->equals(value); }));
    };
    for (const Node& item : a.node->items()) {
      if (have(item) < wanted(item)) {
        result.emplace_back(&item, &m_ours);
      }
    }
    bool added = false;
    for (const Node& item : b.node->items()) {
      if (have(item) < wanted(item)) {
        result.emplace_back(&item, &m_theirs);
        added = true;
      }
    }
    if (result.size() == a.node->size() && !added) {
      return;  // nothing of theirs to take
    }
    // Each value as it is written, in ours' style for the list.
    std::vector<std::string> written;
    const bool into_flow = is_flow_collection(m_ours.text(), *a.node) || a.node->size() == 0;
    for (const auto& [node, side] : result) {
      const Place place = side->item_place(side == &m_ours ? a : b, *node);
      const auto span = side->value_span(place);
      if (!span) {
        unmergeable_region(a, b, path);
        return;
      }
      const std::string_view text = side->text().text().substr(span->start, span->end - span->start);
      if (text.find('\n') != std::string_view::npos || text.empty()) {
        unmergeable_region(a, b, path);
        return;
      }
      const bool plain = !text.starts_with('"') && !text.starts_with('\'');
      if (plain && into_flow && node->is_string() &&
          (text.find_first_of(",[]{}") != std::string_view::npos || text.find(": ") != std::string_view::npos ||
           text.find(" #") != std::string_view::npos)) {
        written.push_back(node->to_json());  // a flow list would split it, or end it, at these characters
      } else {
        written.emplace_back(text);
      }
    }
    const auto ours_span = m_ours.value_span(a);
    if (!ours_span) {
      unmergeable_region(a, b, path);
      return;
    }
    std::string text;
    if (into_flow) {
      text = a.entry && !a.flow ? " [" : "[";
      for (std::size_t i = 0; i < written.size(); ++i) {
        text += (i ? ", " : "") + written[i];
      }
      text += "]";
    } else {
      const Place first = m_ours.item_place(a, a.node->items()[0]);
      if (first.flow) {
        unmergeable_region(a, b, path);
        return;
      }
      for (const std::string& value : written) {
        text += m_ours.text().newline() + std::string(first.column, ' ') + "- " + value;
      }
    }
    edit(*ours_span, std::move(text));
  }

  const Side* m_base;
  const Side& m_ours;
  const Side& m_theirs;
  const diff::SchemaNode& m_schema;
  std::vector<Edit> m_edits;
  std::vector<Conflict> m_conflicts;
  std::vector<std::string> m_notes;

 public:
  const std::vector<Edit>& edits() const { return m_edits; }
};

// Applies the edits to ours' text. Conflicts grow to whole lines (with any edit that shares them) and
// become marker blocks: ours' lines (with the clean edits) against theirs' (with every edit).
std::string apply_edits(const SourceText& ours, std::vector<Edit> edits) {
  // By position; at one position, insertions before the replacement that starts there, and a replacement
  // before the smaller ones inside it.
  std::stable_sort(edits.begin(), edits.end(), [](const Edit& x, const Edit& y) {
    if (x.span.start != y.span.start) {
      return x.span.start < y.span.start;
    }
    const bool x_insert = x.span.end == x.span.start;
    const bool y_insert = y.span.end == y.span.start;
    if (x_insert != y_insert) {
      return x_insert;
    }
    return x.span.end != y.span.end ? x.span.end > y.span.end : x.order < y.order;  // outer before inner
  });
  struct Group {
    Span lines;
    std::vector<const Edit*> edits;
    bool conflict = false;
  };
  std::vector<Group> groups;
  const auto whole_lines = [&](Span span) {
    const std::uint32_t first = ours.line_of(span.start);
    const std::uint32_t last = span.end > span.start ? ours.line_of(span.end - 1) : first;
    return Span{ours.line_start(first), ours.next_line_start(last)};
  };
  for (const Edit& e : edits) {
    Span range = e.span;
    if (e.conflict && !(e.span.end == e.span.start && e.span.start == ours.line_start(ours.line_of(e.span.start)))) {
      range = whole_lines(e.span);
    }
    if (!groups.empty()) {
      Group& g = groups.back();
      const bool overlaps = range.start < g.lines.end && (range.end > range.start || range.start > g.lines.start);
      if (overlaps && !g.conflict && !e.conflict) {
        throw Unmergeable();  // two clean edits overlap: this should not happen, and is not guessed at
      }
      if (overlaps) {
        g.lines = whole_lines(Span{std::min(g.lines.start, range.start), std::max(g.lines.end, range.end)});
        g.edits.push_back(&e);
        g.conflict = true;
        continue;
      }
    }
    groups.push_back(Group{range, {&e}, e.conflict});
  }
  const std::string_view text = ours.text();
  const auto rewrite = [&](const Group& g, bool theirs) {
    std::string out;
    std::size_t at = g.lines.start;
    for (const Edit* e : g.edits) {
      if (e->span.start < at) {
        continue;  // inside an earlier edit of the group (a whole part in conflict), which covers it
      }
      out += text.substr(at, e->span.start - at);
      out += (e->conflict && !theirs) ? std::string(text.substr(e->span.start, e->span.end - e->span.start)) : e->text;
      at = std::max(at, e->span.end);
    }
    out += text.substr(at, g.lines.end - at);
    if (!out.empty() && out.back() != '\n') {
      out += ours.newline();
    }
    return out;
  };
  std::string out;
  std::size_t at = 0;
  for (const Group& g : groups) {
    if (g.lines.start < at) {
      throw Unmergeable();  // overlapping groups: not guessed at
    }
    out += text.substr(at, g.lines.start - at);
    if (g.conflict) {
      if (!out.empty() && out.back() != '\n') {
        out += ours.newline();
      }
      const std::string& nl = ours.newline();
      out += "<<<<<<< ours" + nl + rewrite(g, false) + "=======" + nl + rewrite(g, true) + ">>>>>>> theirs" + nl;
    } else {
      out += g.edits.front()->text;
    }
    at = g.lines.end;
  }
  out += text.substr(at);
  return out;
}

Result line_merge(std::string_view base, std::string_view ours, std::string_view theirs, std::string note) {
  Result result;
  result.semantic = false;
  auto merged = history::merge_text(base, ours, theirs);
  if (merged) {
    result.text = std::move(merged->text);
    result.line_conflicts = !merged->clean;
  } else {
    // Never lose either side: both, whole, between markers.
    result.text = fmt::format("<<<<<<< ours\n{}{}=======\n{}{}>>>>>>> theirs\n", ours,
                              ours.empty() || ours.back() == '\n' ? "" : "\n", theirs,
                              theirs.empty() || theirs.back() == '\n' ? "" : "\n");
    result.line_conflicts = true;
  }
  result.notes.push_back(std::move(note));
  return result;
}

}  // namespace

Result merge_records(std::string_view base, std::string_view ours, std::string_view theirs,
                     const diff::SchemaNode& schema) {
  const std::string_view base_text = util::without_bom(base);
  const std::string_view ours_text = util::without_bom(ours);
  const std::string_view theirs_text = util::without_bom(theirs);
  auto base_doc = document::parse(std::string(base_text), "base");
  auto ours_doc = document::parse(std::string(ours_text), "ours");
  auto theirs_doc = document::parse(std::string(theirs_text), "theirs");
  if (!ours_doc || !theirs_doc || !base_doc) {
    const char* which = !ours_doc ? "ours" : !theirs_doc ? "theirs" : "the common ancestor";
    return line_merge(base, ours, theirs,
                      fmt::format("{} is not readable YAML, so the versions were merged line by line", which));
  }
  const bool mergeable_roots = ours_doc->root.is_mapping() && theirs_doc->root.is_mapping() &&
                               (base_doc->root.is_mapping() || base_doc->root.is_null());
  if (!mergeable_roots) {
    return line_merge(base, ours, theirs, "the versions are not mappings, so they were merged line by line");
  }
  try {
    const Side base_side(base_text, base_doc->root);
    const Side ours_side(ours_text, ours_doc->root);
    const Side theirs_side(theirs_text, theirs_doc->root);
    Merger merger(base_doc->root.is_null() ? nullptr : &base_side, ours_side, theirs_side, schema);
    merger.run();
    Result result;
    result.conflicts = merger.conflicts();
    result.notes = merger.notes();
    result.text = apply_edits(ours_side.text(), merger.edits());
    if (ours.starts_with(util::k_utf8_bom)) {
      result.text.insert(0, util::k_utf8_bom);
    }
    if (result.conflicts.empty() && !document::parse(std::string(util::without_bom(result.text)), "merged")) {
      return line_merge(base, ours, theirs,
                        "the merged record would not be readable YAML, so the versions were "
                        "merged line by line");
    }
    return result;
  } catch (const Unmergeable&) {
    return line_merge(base, ours, theirs,
                      "the layout could not be edited safely, so the versions were merged line by line");
  }
}

}  // namespace wellbeing::merge
