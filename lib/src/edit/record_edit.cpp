#include "wellbeing/edit/record_edit.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>

#include "wellbeing/edit/entry_fields.hpp"
#include "wellbeing/edit/scalar.hpp"
#include "wellbeing/edit/style.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::edit {

using document::Entry;
using document::Mark;
using document::Node;
using document::SourceText;

namespace {

constexpr std::array<KindInfo, 12> k_kinds{{
    {ItemKind::conversation, "conversation", "conversation", "conversations", "conversation", "c", "date", true},
    {ItemKind::outcome, "outcome", "outcome", "outcomes", "outcome", "o", "opened", false},
    {ItemKind::action, "action", "action", "actions", "action", "a", "", false},
    {ItemKind::progress, "progress", "progress note", "progress", "progress_note", "n", "date", true},
    {ItemKind::strength, "strength", "strength", "strengths", "strength", "s", "", false},
    {ItemKind::review, "review", "review", "reviews", "review", "rv", "date", true},
    {ItemKind::review_request, "review-request", "review request", "review_requests", "review_request", "rr", "date",
     true},
    {ItemKind::measure, "measure", "measure", "measures", "measure", "m", "date", true},
    {ItemKind::safeguarding, "safeguarding", "safeguarding flag", "safeguarding", "safeguarding_flag", "sg", "date",
     true},
    {ItemKind::sharing, "sharing", "sharing entry", "sharing", "sharing_entry", "sh", "date", true},
    {ItemKind::evidence, "evidence", "evidence", "evidence", "evidence_item", "e", "date", true},
    {ItemKind::area, "area", "area", "", "area", "", "updated", false},
}};

// The record schema gives the order of keys.
const Node& schema_root() { return schema::record_schema().root; }

Node order_like(const Node& value, const Node* schema_node, int depth) {
  schema_node = schema::follow_refs(schema_root(), schema_node);
  if (depth > 20 || !schema_node) {
    return value;
  }
  if (value.is_sequence()) {
    const Node* items = schema_node->find("items");
    std::vector<Node> out;
    for (const Node& item : value.items()) {
      out.push_back(order_like(item, items, depth + 1));
    }
    return Node::make_sequence(std::move(out), value.mark());
  }
  if (!value.is_mapping()) {
    return value;
  }
  const Node* properties = schema_node->find("properties");
  std::vector<Entry> entries(value.entries().begin(), value.entries().end());
  auto rank = [&](const std::string& key) -> std::size_t {
    if (key == "id") {
      return 0;
    }
    std::size_t index = 1;
    for (const Entry& property : properties ? properties->entries() : std::span<const Entry>()) {
      if (property.key == key) {
        return index;
      }
      ++index;
    }
    return index + 1;
  };
  std::stable_sort(entries.begin(), entries.end(),
                   [&](const Entry& a, const Entry& b) { return rank(a.key) < rank(b.key); });
  for (Entry& entry : entries) {
    entry.value = order_like(entry.value, properties ? properties->find(entry.key) : nullptr, depth + 1);
  }
  return Node::make_mapping(std::move(entries), value.mark());
}

Node with_entry(const Node& mapping, std::string_view key, const Node& value, bool replace_existing = true) {
  std::vector<Entry> entries(mapping.entries().begin(), mapping.entries().end());
  for (Entry& entry : entries) {
    if (entry.key == key) {
      if (replace_existing) {
        entry.value = value;
      }
      return Node::make_mapping(std::move(entries), mapping.mark());
    }
  }
  entries.push_back(Entry{std::string(key), {}, value});
  return Node::make_mapping(std::move(entries), mapping.mark());
}

bool is_flow(const SourceText& source, const Node& node) {
  const std::size_t at = source.offset(node.mark());
  return at < source.text().size() && (source.text()[at] == '[' || source.text()[at] == '{');
}

// Rebuilds `node` with `change` applied at the end of `path` (mapping keys and sequence indices). The
// change gets the node found there (nullptr when the key is absent) and returns its replacement.
Node rebuild(const Node& node, std::span<const std::string> path, const std::function<Node(const Node*)>& change) {
  if (path.empty()) {
    return change(&node);
  }
  const std::string& token = path.front();
  if (node.is_sequence()) {
    std::size_t index = 0;
    std::from_chars(token.data(), token.data() + token.size(), index);
    std::vector<Node> items(node.items().begin(), node.items().end());
    if (index < items.size()) {
      items[index] = rebuild(items[index], path.subspan(1), change);
    }
    return Node::make_sequence(std::move(items), node.mark());
  }
  std::vector<Entry> entries(node.entries().begin(), node.entries().end());
  for (Entry& entry : entries) {
    if (entry.key == token) {
      entry.value = rebuild(entry.value, path.subspan(1), change);
      return Node::make_mapping(std::move(entries), node.mark());
    }
  }
  if (path.size() == 1) {
    entries.push_back(Entry{token, {}, change(nullptr)});
  }
  return Node::make_mapping(std::move(entries), node.mark());
}

std::uint32_t dash_line(const SourceText& source, const Node& item, std::size_t dash_column) {
  std::uint32_t line = item.mark().line;
  while (line > 1) {
    const std::string_view text = source.line(line);
    if (text.size() > dash_column && text[dash_column] == '-' && source.indent(line) == dash_column) {
      break;
    }
    --line;
  }
  return line;
}

// The start of the comment lines directly above `line` (down to, not past, `floor`), where an item's
// own heading comments begin.
std::size_t with_leading_comments(const SourceText& source, std::uint32_t line, std::uint32_t floor) {
  while (line > floor + 1 && source.is_comment(line - 1)) {
    --line;
  }
  return source.line_start(line);
}

// The offset just past the last non-space character before `at` (where text can be appended to the
// content of a flow collection whose closing bracket is at `at`).
std::size_t before_closer(std::string_view text, std::size_t closer) {
  std::size_t at = closer;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t' || text[at - 1] == '\n' || text[at - 1] == '\r')) {
    --at;
  }
  return at;
}

struct Builder {
  const SourceText& source;
  const Style& style;
  std::vector<TextEdit> edits;

  void insert(std::size_t offset, std::string text) {
    // A file without a final line ending gets one before what goes after its last line.
    if (offset == source.text().size() && !source.text().empty() && source.text().back() != '\n' &&
        !text.starts_with(style.newline)) {
      text = style.newline + text;
    }
    edits.push_back(TextEdit{offset, 0, std::move(text)});
  }
};

std::optional<util::Date> date_of(const Node& item, std::string_view key) {
  const Node* value = key.empty() ? nullptr : item.find(key);
  return value && value->is_string() ? util::parse_date(value->as_string()) : std::nullopt;
}

// Where in `list` (a sequence of items) a new item with `date` goes: after the last item dated on or
// before it; before the first item when every dated item is later; at the end otherwise.
std::size_t dated_index(const Node& list, std::string_view key, std::optional<util::Date> date) {
  if (!date) {
    return list.size();
  }
  bool any_later = false;
  std::optional<std::size_t> after;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (auto d = date_of(list.items()[i], key)) {
      if (*d <= *date) {
        after = i;
      } else {
        any_later = true;
      }
    }
  }
  if (after) {
    return *after + 1;
  }
  return any_later ? 0 : list.size();
}

// The order of the record's top-level keys, from the schema.
std::vector<std::string> top_level_order() {
  std::vector<std::string> keys;
  if (const Node* properties = schema_root().find("properties")) {
    for (const Entry& entry : properties->entries()) {
      keys.push_back(entry.key);
    }
  }
  return keys;
}

util::Expected<std::size_t, util::Failure> plain_scalar_end(const SourceText& source, std::size_t start, bool flow) {
  const std::string_view text = source.text();
  std::size_t at = start;
  while (at < text.size() && text[at] != '\n' && text[at] != '\r') {
    if (text[at] == '#' && at > start && (text[at - 1] == ' ' || text[at - 1] == '\t')) {
      break;
    }
    if (flow && (text[at] == ',' || text[at] == ']' || text[at] == '}')) {
      break;
    }
    ++at;
  }
  while (at > start && (text[at - 1] == ' ' || text[at - 1] == '\t')) {
    --at;
  }
  return at;
}

// Replaces the value of `entry` (in a mapping whose keys are at `key_column`, flow or block) by `value`.
util::Expected<TextEdit, util::Failure> replace_value(const SourceText& source, const Style& style, const Entry& entry,
                                                      const Node& value, std::size_t key_column, bool in_flow) {
  const std::string_view text = source.text();
  const Node& old = entry.value;
  const std::size_t start = source.offset(old.mark());
  const char first = start < text.size() ? text[start] : '\0';
  auto cannot = [&](std::string_view why) {
    return util::unexpected(fmt::format("cannot change `{}` on line {} in place: {}; edit it by hand", entry.key,
                                        entry.key_mark.line, why));
  };
  const bool multiline = value.is_string() && value.as_string().find('\n') != std::string::npos;
  auto one_line = [&]() -> std::string {
    if (value.is_scalar()) {
      return value.is_string() ? quote_scalar(value.as_string(), in_flow ? Context::flow : Context::block)
                               : render_flow(value);
    }
    return render_flow(value);
  };

  if (old.is_scalar() && (first == '|' || first == '>') && !in_flow) {
    const std::size_t end = source.block_end(old.mark().line, key_column);
    if (multiline) {
      std::string rendered = render_entry(entry.key, value, key_column, style);
      rendered = rendered.substr(rendered.find(':') + 2);
      return TextEdit{start, end - start, rendered};
    }
    return TextEdit{start, end - start, one_line() + style.newline};
  }
  if (old.is_scalar() || (old.is_null() && old.mark().line == entry.key_mark.line)) {
    std::size_t end = 0;
    if (first == '"' || first == '\'') {
      end = util::quoted_scalar_end(text, start);
      if (end == std::string_view::npos) {
        return cannot("its quotes are not closed");
      }
    } else if (old.is_null() && first != '~' && first != 'n' && first != 'N') {
      end = start;  // "key:" with nothing after it
    } else {
      end = *plain_scalar_end(source, start, in_flow);
    }
    if (source.line_of(end) != source.line_of(start) && !in_flow) {
      return cannot("its value runs over several lines");
    }
    if (multiline) {
      if (in_flow) {
        return TextEdit{start, end - start, one_line()};
      }
      // A literal block needs the rest of the line to itself.
      const std::uint32_t line = source.line_of(start);
      if (source.line_end(line) != end) {
        return cannot("a comment follows it on the same line");
      }
      std::string rendered = render_entry(entry.key, value, key_column, style);
      rendered = rendered.substr(rendered.find(':') + 2);
      return TextEdit{start, source.next_line_start(line) - start, rendered};
    }
    const std::string prefix = (end == start && start > 0 && text[start - 1] == ':') ? " " : "";
    return TextEdit{start, end - start, prefix + one_line()};
  }
  if (first == '[' || first == '{') {
    const std::size_t end = util::flow_collection_end(text, start);
    if (end == std::string_view::npos) {
      return cannot("its brackets are not closed");
    }
    if (multiline) {
      return cannot("the new text has line breaks");
    }
    return TextEdit{start, end - start, one_line()};
  }
  // A block list or mapping under "key:".
  const std::uint32_t key_line = entry.key_mark.line;
  const bool dash_lines = old.is_sequence() && old.mark().column - 1 == key_column;
  const std::size_t end = source.block_end(key_line, key_column, dash_lines);
  if (value.is_sequence() || value.is_mapping()) {
    std::string rendered;
    if (value.is_sequence()) {
      for (const Node& item : value.items()) {
        rendered += render_sequence_item(item, old.mark().column - 1, style);
      }
    } else {
      rendered = render_block_mapping(value, old.mark().column - 1, style);
    }
    if (value.size() == 0) {
      return cannot("an empty list or mapping cannot replace it");
    }
    const std::size_t from = source.next_line_start(key_line);
    return TextEdit{from, end - from, rendered};
  }
  // A scalar replacing a block list: it goes after the colon, which must end its line.
  const std::string_view key_text = source.line(key_line);
  const std::size_t colon = key_text.rfind(':');
  if (colon == std::string_view::npos || key_text.find_first_not_of(" \t", colon + 1) != std::string_view::npos) {
    return cannot("its line holds a comment");
  }
  if (multiline) {
    return cannot("the new text has line breaks");
  }
  const std::size_t from = source.line_start(key_line) + colon + 1;
  std::size_t to = end;
  if (to > from && text[to - 1] == '\n') {
    --to;
    if (to > from && text[to - 1] == '\r') {
      --to;
    }
  }
  return TextEdit{from, to - from, " " + one_line()};
}

}  // namespace

std::span<const KindInfo> kinds() { return k_kinds; }

const KindInfo& kind_info(ItemKind kind) {
  return *std::find_if(k_kinds.begin(), k_kinds.end(), [&](const KindInfo& info) { return info.kind == kind; });
}

std::string with_article(const KindInfo& info) {
  if (info.kind == ItemKind::evidence) {  // a mass noun
    return std::string(info.title);
  }
  const bool vowel = std::string_view("aeiou").find(info.title.front()) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", info.title);
}

const KindInfo* find_kind(std::string_view name) {
  for (const KindInfo& info : k_kinds) {
    std::string dashed(name);
    std::replace(dashed.begin(), dashed.end(), '_', '-');
    if (info.name == dashed) {
      return &info;
    }
  }
  return nullptr;
}

Node order_fields(ItemKind kind, const Node& fields) {
  const Node* definition = schema_root().at_pointer(fmt::format("/definitions/{}", kind_info(kind).definition));
  return order_like(fields, definition, 0);
}

const Node* schema_property(ItemKind kind, std::string_view key) {
  const Node* node = schema_root().at_pointer(fmt::format("/definitions/{}", kind_info(kind).definition));
  for (const std::string& part : split_key(key)) {
    const Node* resolved = schema::follow_refs(schema_root(), node);
    const Node* properties = resolved ? resolved->find("properties") : nullptr;
    node = properties ? properties->find(part) : nullptr;
  }
  return node;
}

bool schema_requires(ItemKind kind, std::string_view key, const Node* present) {
  const Node* node = schema_root().at_pointer(fmt::format("/definitions/{}", kind_info(kind).definition));
  const Node* given = present;
  const std::vector<std::string> parts = split_key(key);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const Node* resolved = schema::follow_refs(schema_root(), node);
    if (!resolved) {
      return false;
    }
    bool required = false;
    if (const Node* list = resolved->find("required"); list && list->is_sequence()) {
      for (const Node& item : list->items()) {
        required = required || (item.is_string() && item.as_string() == parts[i]);
      }
    }
    const Node* here = given && given->is_mapping() ? given->find(parts[i]) : nullptr;
    if (!required && (i + 1 == parts.size() || !here)) {
      return false;
    }
    given = here;
    const Node* properties = resolved->find("properties");
    node = properties ? properties->find(parts[i]) : nullptr;
  }
  return true;
}

Node complete_fields(ItemKind kind, const Node& fields, util::Date date) {
  const KindInfo& info = kind_info(kind);
  Node out = fields.is_mapping() ? fields : Node::make_mapping({});
  if (!info.date_key.empty() && !out.find(info.date_key)) {
    out = with_entry(out, info.date_key, Node::make_string(util::format_date(date)));
  }
  auto default_to = [&](std::string_view key, std::string_view value) {
    if (!out.find(key)) {
      out = with_entry(out, key, Node::make_string(std::string(value)));
    }
  };
  switch (kind) {
    case ItemKind::outcome:
    case ItemKind::safeguarding:
      default_to("status", "open");
      break;
    case ItemKind::review_request:
      default_to("status", "pending");
      break;
    case ItemKind::measure:
      if (out.find("ons4")) {
        default_to("instrument", "ONS4");
      }
      break;
    case ItemKind::area:
      if (out.find("said") || out.find("importance")) {
        default_to("status", "explored");
      }
      break;
    default:
      break;
  }
  return order_fields(kind, out);
}

std::string Change::map_pointer(std::string_view old_pointer) const {
  if (list_pointer.empty()) {
    return std::string(old_pointer);
  }
  const std::string prefix = list_pointer + "/";
  if (!old_pointer.starts_with(prefix)) {
    return std::string(old_pointer);
  }
  const std::string_view rest = old_pointer.substr(prefix.size());
  const std::size_t slash = rest.find('/');
  const std::string_view token = rest.substr(0, slash);
  std::size_t number = 0;
  const auto [ptr, error] = std::from_chars(token.data(), token.data() + token.size(), number);
  if (error != std::errc() || ptr != token.data() + token.size() || number < index) {
    return std::string(old_pointer);
  }
  return prefix + std::to_string(number + 1) + std::string(slash == std::string_view::npos ? "" : rest.substr(slash));
}

std::vector<std::string> all_ids(const Node& root) {
  std::vector<std::string> ids;
  std::function<void(const Node&, int)> walk = [&](const Node& node, int depth) {
    if (depth > 100) {
      return;
    }
    for (const Entry& entry : node.entries()) {
      if (entry.key == "id" && entry.value.is_string()) {
        ids.push_back(entry.value.as_string());
      }
      walk(entry.value, depth + 1);
    }
    for (const Node& item : node.items()) {
      walk(item, depth + 1);
    }
  };
  walk(root, 0);
  return ids;
}

std::string next_id(const Node& root, std::string_view prefix) {
  std::uint64_t highest = 0;
  const std::string head = std::string(prefix) + "-";
  for (const std::string& id : all_ids(root)) {
    if (!id.starts_with(head)) {
      continue;
    }
    const std::string_view digits = std::string_view(id).substr(head.size());
    std::uint64_t number = 0;
    const auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (error == std::errc() && ptr == digits.data() + digits.size() && !digits.empty()) {
      highest = std::max(highest, number);
    }
  }
  return fmt::format("{}{}", head, highest + 1);
}

std::string apply_edits(std::string_view text, const std::vector<TextEdit>& edits) {
  std::string out;
  std::size_t at = 0;
  for (const TextEdit& edit : edits) {
    out.append(text.substr(at, edit.offset - at));
    out += edit.text;
    at = edit.offset + edit.length;
  }
  out.append(text.substr(std::min(at, text.size())));
  return out;
}

namespace {

using Fail = util::Unexpected<std::string>;

// Finishes a change: applies the edits, reads the result back, and insists that it equals `expected`
// (the old record plus the addition), so that no edit can alter anything else.
util::Expected<Change, util::Failure> finish(std::string_view text, const document::Document& parsed,
                                             std::vector<TextEdit> edits, const Node& expected, Change change) {
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
  for (std::size_t i = 1; i < edits.size(); ++i) {
    if (edits[i - 1].offset + edits[i - 1].length > edits[i].offset) {
      return Fail{"the changes overlap in the file; edit it by hand"};
    }
  }
  if (edits.empty()) {
    return Fail{"nothing to change: the record already says this"};
  }
  change.text = apply_edits(text, edits);
  auto reparsed = document::parse(change.text, parsed.path);
  if (!reparsed) {
    return Fail{
        fmt::format("the file is written in a way this change cannot be fitted into safely ({}); "
                    "nothing was changed",
                    reparsed.error().front().message)};
  }
  if (!reparsed->root.equals(expected)) {
    return Fail{
        "the file is written in a way this change cannot be fitted into without altering other values; "
        "nothing was changed"};
  }
  const TextEdit& first = edits.front();
  std::size_t at = first.offset;
  for (char c : first.text) {
    if (c != '\n' && c != '\r') {
      break;
    }
    ++at;
  }
  change.line = SourceText(change.text).line_of(at);
  change.edits = std::move(edits);
  return change;
}

struct AreaFields {
  Node fields;                  // keys to set in the area
  std::vector<Entry> appended;  // items to add at the end of the area's lists (views, concerns)
};

// What to change in an area. In a wellbeing/v1 record (or v1 area: `said` and no `views`) the fields as
// given. In wellbeing/v2, `said` (with `by`, `from`) becomes a view dated `updated`, and each worry under
// `concerns` a concern raised that day; both are added after the area's earlier ones, never in their place.
util::Expected<AreaFields, util::Failure> as_v2_area(const Node& root, const Node* area, const Node& given) {
  const Node* schema = root.find("schema");
  const bool v1_record = schema && schema->is_string() && schema->as_string() == "wellbeing/v1";
  const bool has_views = area && area->find("views");
  const bool v1_area = area && area->find("said") && !has_views;
  AreaFields out;
  if ((v1_record && !has_views) || v1_area) {
    if (given.find("from")) {
      return Fail{
          "--heard-in needs a wellbeing/v2 record (write `schema: wellbeing/v2`, and the area's said as its first "
          "view, first)"};
    }
    const Node* said = area ? area->find("said") : nullptr;
    const Node* new_said = given.find("said");
    if (said && new_said && !said->equals(*new_said)) {
      return Fail{
          "this wellbeing/v1 record keeps one view per area, so the new words would replace what the person "
          "said before; turn it into wellbeing/v2 first with `wellbeing migrate FILE`, to keep every view "
          "(nothing was changed)"};
    }
    const Node* concerns = area ? area->find("concerns") : nullptr;
    const Node* new_concerns = given.find("concerns");
    if (concerns && concerns->is_sequence() && new_concerns && !concerns->equals(*new_concerns)) {
      return Fail{
          "this wellbeing/v1 record would lose the concerns it lists; turn it into wellbeing/v2 first with "
          "`wellbeing migrate FILE`, to keep every concern with its dates (nothing was changed)"};
    }
    out.fields = given;
    return out;
  }
  const Node* updated = given.find("updated");
  const Node date = updated ? *updated : Node::make_string("");
  std::vector<Entry> set;
  Node view = Node::make_mapping({});
  // A list given whole (as the editor template shows it): the items the area has are kept, each in place
  // (removing or rewriting one is refused), and the new ones are added at the end.
  auto keep_and_add = [&](std::string_view key, const Node& list) -> util::Expected<void, util::Failure> {
    const Node* old = area ? area->find(key) : nullptr;
    const auto old_items = old && old->is_sequence() ? old->items() : std::span<const Node>();
    std::vector<Node> added;
    for (const Node& item : list.items()) {
      if (std::none_of(old_items.begin(), old_items.end(), [&](const Node& o) { return o.equals(item); })) {
        added.push_back(item);
      }
    }
    for (const Node& o : old_items) {
      if (std::none_of(list.items().begin(), list.items().end(), [&](const Node& i) { return i.equals(o); })) {
        return Fail{
            fmt::format("an earlier entry under {} was removed or changed; {} are kept as they were "
                        "written (add a new one instead; nothing was changed)",
                        key, key)};
      }
    }
    if (added.empty()) {
      return {};
    }
    if (!old_items.empty()) {
      out.appended.push_back(Entry{std::string(key), {}, Node::make_sequence(std::move(added))});
    } else {
      set.push_back(Entry{std::string(key), {}, Node::make_sequence(std::move(added))});
    }
    return {};
  };
  for (const Entry& entry : given.entries()) {
    const bool whole_list =
        entry.value.is_sequence() && !entry.value.items().empty() && entry.value.items().front().is_mapping();
    if ((entry.key == "views" || entry.key == "concerns") && whole_list) {
      if (auto kept = keep_and_add(entry.key, entry.value); !kept) {
        return Fail{kept.error().message};
      }
      continue;
    }
    if (entry.key == "said") {
      view = with_entry(view, "said", entry.value);
    } else if (entry.key == "from") {
      view = with_entry(view, "from",
                        entry.value.is_sequence() && entry.value.size() == 1 ? entry.value.items()[0] : entry.value);
    } else if (entry.key == "concerns" && entry.value.is_sequence()) {
      std::vector<Node> concerns;
      const Node* old = area ? area->find("concerns") : nullptr;
      for (const Node& worry : entry.value.items()) {
        const bool known = old && std::any_of(old->items().begin(), old->items().end(), [&](const Node& c) {
                             const Node* words = c.is_mapping() ? c.find("text") : &c;
                             return words && words->equals(worry);
                           });
        if (!known) {
          concerns.push_back(Node::make_mapping({Entry{"text", {}, worry}, Entry{"raised", {}, date}}));
        }
      }
      if (concerns.empty()) {
        continue;
      }
      if (old && old->is_sequence() && old->size() > 0) {
        out.appended.push_back(Entry{"concerns", {}, Node::make_sequence(std::move(concerns))});
      } else {
        set.push_back(Entry{"concerns", {}, Node::make_sequence(std::move(concerns))});
      }
    } else if (entry.key == "concerns" && area && area->find("concerns") && area->find("concerns")->is_sequence() &&
               area->find("concerns")->size() > 0) {
      return Fail{
          "the area lists concerns already: to record that one is no longer a worry, add `resolved: DATE` "
          "to it by hand (concerns are kept, never removed)"};
    } else {
      set.push_back(entry);
    }
  }
  if (view.find("said")) {
    Node dated = Node::make_mapping({Entry{"date", {}, date}});
    for (const Entry& entry : view.entries()) {
      dated = with_entry(dated, entry.key, entry.value);
    }
    const Node* views = area ? area->find("views") : nullptr;
    if (views && views->is_sequence() && views->size() > 0) {
      out.appended.push_back(Entry{"views", {}, Node::make_sequence({dated})});
    } else {
      set.push_back(Entry{"views", {}, Node::make_sequence({dated})});
    }
  } else if (view.find("from")) {
    return Fail{"--heard-in says where a view was heard: give the view with --said"};
  }
  out.fields = Node::make_mapping(std::move(set));
  return out;
}

// Inserts `item` into the non-empty list held by `list_entry` at `index` (its end when index == size), in
// the list's own style: flow or block, and block items in flow style when their neighbour is.
util::Expected<void, util::Failure> insert_in_list(std::string_view text, const SourceText& source, const Style& style,
                                                   const Entry& list_entry_ref, std::size_t index, const Node& item,
                                                   Builder& builder) {
  const Entry* list_entry = &list_entry_ref;
  const std::string& list_key = list_entry->key;
  const Node& list = list_entry->value;
  if (list.size() == 0 && !is_flow(source, list)) {
    return Fail{fmt::format("the list `{}` on line {} is empty; edit it by hand", list_key, list_entry->key_mark.line)};
  }
  if (is_flow(source, list)) {
    const std::size_t end = util::flow_collection_end(text, source.offset(list.mark()));
    if (end == std::string_view::npos) {
      return Fail{fmt::format("the list `{}` on line {} is never closed", list_key, list_entry->key_mark.line)};
    }
    if (index < list.size()) {
      // Before the entry it precedes, on that entry's line.
      builder.insert(source.offset(list.items()[index].mark()), render_flow(item) + ", ");
    } else {
      builder.insert(before_closer(text, end - 1), (list.size() ? ", " : "") + render_flow(item));
    }
  } else {
    const std::size_t dash = list.mark().column - 1;
    const Node& neighbour = list.items()[index == list.size() ? index - 1 : index];
    const bool flow_items =
        is_flow(source, neighbour) &&
        source.line_of(util::flow_collection_end(text, source.offset(neighbour.mark())) - 1) == neighbour.mark().line;
    const std::string rendered = render_sequence_item(item, dash, style, flow_items);
    if (index == list.size()) {
      builder.insert(source.block_end(dash_line(source, neighbour, dash), dash), rendered);
    } else {
      builder.insert(with_leading_comments(source, dash_line(source, neighbour, dash), list_entry->key_mark.line),
                     rendered);
    }
  }
  return {};
}

util::Expected<Change, util::Failure> update_area(std::string_view text, const document::Document& parsed,
                                                  const Addition& addition, const SourceText& source,
                                                  const Style& style) {
  const Node& root = parsed.root;
  const records::AreaInfo* area_info = records::find_area(addition.area);
  if (!area_info) {
    return Fail{
        fmt::format("`{}` is not an area of wellbeing (the areas: dignity, health, protection, control, "
                    "participation, social_economic, relationships, accommodation, contribution)",
                    addition.area)};
  }
  const std::string area_id(area_info->id);
  const Entry* areas_entry = root.find_entry("areas");
  if (!areas_entry || !areas_entry->value.is_mapping()) {
    return Fail{"the record has no `areas` mapping to change"};
  }
  const Node& areas = areas_entry->value;
  const Entry* area_entry = areas.find_entry(area_id);
  const Node* old_area = area_entry && area_entry->value.is_mapping() ? &area_entry->value : nullptr;
  Builder builder{source, style, {}};
  // In wellbeing/v2 what the person said is a new view and each worry a new concern, added to the lists
  // the area has (`appended`): the earlier ones are kept as they are.
  std::vector<Entry> appended;
  auto v2_fields = as_v2_area(root, old_area, addition.fields);
  if (!v2_fields) {
    return Fail{v2_fields.error().message};
  }
  const Node fields = order_fields(ItemKind::area, v2_fields->fields);
  appended = std::move(v2_fields->appended);
  if (!area_entry) {
    if (is_flow(source, areas)) {
      const std::size_t end = util::flow_collection_end(text, source.offset(areas.mark()));
      if (end == std::string_view::npos) {
        return Fail{"the `areas` mapping is never closed"};
      }
      builder.insert(before_closer(text, end - 1),
                     fmt::format("{}{}: {}", areas.size() ? ", " : "", area_id, render_flow(fields)));
    } else {
      const std::size_t column = areas.entries().empty() ? areas_entry->key_mark.column - 1 + style.indent
                                                         : areas.entries().front().key_mark.column - 1;
      const std::size_t end = source.block_end(areas_entry->key_mark.line, areas_entry->key_mark.column - 1);
      builder.insert(end, render_entry(area_id, fields, column, style));
    }
  } else {
    const Node& area = area_entry->value;
    if (!area.is_mapping()) {
      return Fail{fmt::format("the area `{}` on line {} is not a mapping of keys; edit it by hand", area_id,
                              area_entry->key_mark.line)};
    }
    const bool flow = is_flow(source, area);
    const std::size_t column = flow ? 0 : area.mark().column - 1;
    for (const Entry& add : appended) {
      const Entry* list = area.find_entry(add.key);
      for (const Node& item : add.value.items()) {
        if (auto inserted = insert_in_list(text, source, style, *list, list->value.size(), item, builder); !inserted) {
          return Fail{inserted.error().message};
        }
      }
    }
    std::vector<Entry> missing;
    for (const Entry& field : fields.entries()) {
      if (const Entry* existing = area.find_entry(field.key)) {
        if (existing->value.equals(field.value)) {
          continue;
        }
        auto edit = replace_value(source, style, *existing, field.value, column, flow);
        if (!edit) {
          return Fail{edit.error().message};
        }
        builder.edits.push_back(std::move(edit).value());
      } else {
        missing.push_back(field);
      }
    }
    if (!missing.empty()) {
      const Node extra = Node::make_mapping(missing);
      if (flow) {
        const std::size_t end = util::flow_collection_end(text, source.offset(area.mark()));
        if (end == std::string_view::npos) {
          return Fail{fmt::format("the area `{}` is never closed", area_id)};
        }
        std::string added;
        for (const Entry& entry : missing) {
          added +=
              fmt::format("{}{}: {}", area.size() || !added.empty() ? ", " : "", entry.key, render_flow(entry.value));
        }
        builder.insert(before_closer(text, end - 1), added);
      } else {
        const std::size_t end = source.block_end(area_entry->key_mark.line, area_entry->key_mark.column - 1);
        builder.insert(end, render_block_mapping(extra, column, style));
      }
    }
  }
  const std::vector<std::string> path{"areas"};
  const Node expected = rebuild(root, path, [&](const Node* node) {
    Node area = node->find(area_id) ? *node->find(area_id) : Node::make_mapping({});
    for (const Entry& field : fields.entries()) {
      area = with_entry(area, field.key, field.value);
    }
    for (const Entry& add : appended) {
      std::vector<Node> items(area.find(add.key)->items().begin(), area.find(add.key)->items().end());
      items.insert(items.end(), add.value.items().begin(), add.value.items().end());
      area = with_entry(area, add.key, Node::make_sequence(std::move(items)));
    }
    return with_entry(*node, area_id, area);
  });
  Change change;
  change.pointer = "/areas/" + area_id;
  Node item = fields;
  for (const Entry& add : appended) {
    item = with_entry(item, add.key, add.value);
  }
  change.item = order_fields(ItemKind::area, item);
  return finish(text, parsed, std::move(builder.edits), expected, std::move(change));
}

}  // namespace

util::Expected<Change, util::Failure> add_to_record(std::string_view text, const document::Document& parsed,
                                                    const Addition& addition) {
  const Node& root = parsed.root;
  const KindInfo& info = kind_info(addition.kind);
  if (!root.is_mapping()) {
    return Fail{"the file is not a record (its top level is not a mapping of keys)"};
  }
  if (!addition.fields.is_mapping()) {
    return Fail{fmt::format("what to add must be a mapping of keys, not {}", to_string(addition.fields.kind()))};
  }
  const SourceText source(text);
  const Style style = detect_style(source, root);
  if (addition.kind == ItemKind::area) {
    return update_area(text, parsed, addition, source, style);
  }

  // The mapping that holds the list: the record itself, or an outcome for actions and progress notes.
  const Node* parent = &root;
  std::vector<std::string> parent_path;
  std::string parent_pointer;
  std::size_t outcome_dash = 0;
  if (addition.kind == ItemKind::action || addition.kind == ItemKind::progress) {
    const Node* outcomes = root.find("outcomes");
    std::vector<std::string> known;
    parent = nullptr;
    std::size_t index = 0;
    for (const Node& outcome : outcomes ? outcomes->items() : std::span<const Node>()) {
      const Node* id = outcome.find("id");
      if (id && id->is_string()) {
        known.push_back(id->as_string());
        if (id->as_string() == addition.outcome && outcome.is_mapping()) {
          parent = &outcome;
          parent_path = {"outcomes", std::to_string(index)};
          parent_pointer = fmt::format("/outcomes/{}", index);
          outcome_dash = outcomes->mark().column - 1;
        }
      }
      ++index;
    }
    if (addition.outcome.empty()) {
      return Fail{fmt::format("say which outcome the {} is for (--outcome o-N)", info.title)};
    }
    if (!parent) {
      return Fail{fmt::format("no outcome `{}` in this record{}", addition.outcome,
                              known.empty() ? std::string(" (it has no outcomes)")
                                            : fmt::format(" (its outcomes: {})", fmt::join(known, ", ")))};
    }
  }

  // The item, with its id first.
  std::string id;
  if (const Node* given = addition.fields.find("id")) {
    id = given->is_string() ? given->as_string() : given->text();
    const auto ids = all_ids(root);
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
      return Fail{
          fmt::format("the id `{}` is already used in this record; leave the id out to get the next free one", id)};
    }
  } else {
    id = next_id(root, info.id_prefix);
  }
  const Node item = order_fields(addition.kind, with_entry(addition.fields, "id", Node::make_string(id)));

  Builder builder{source, style, {}};
  const std::string list_key(info.list_key);
  const Entry* list_entry = parent->find_entry(list_key);
  std::size_t index = 0;
  if (list_entry && list_entry->value.is_sequence()) {
    const Node& list = list_entry->value;
    index = info.date_ordered ? dated_index(list, info.date_key, date_of(item, info.date_key)) : list.size();
    if (auto inserted = insert_in_list(text, source, style, *list_entry, index, item, builder); !inserted) {
      return Fail{inserted.error().message};
    }
  } else if (list_entry && list_entry->value.is_null()) {
    const std::size_t start = source.offset(list_entry->value.mark());
    const char first = start < text.size() ? text[start] : '\0';
    if (first == '~' || first == 'n' || first == 'N' || is_flow(source, *parent)) {
      return Fail{fmt::format("`{}` on line {} is written as null; make it an empty list (`{}: []`) or remove it",
                              list_key, list_entry->key_mark.line, list_key)};
    }
    const std::size_t key_column = list_entry->key_mark.column - 1;
    const std::size_t dash = key_column + (style.indented_sequences ? style.indent : 0);
    builder.insert(source.next_line_start(list_entry->key_mark.line), render_sequence_item(item, dash, style));
  } else if (list_entry) {
    return Fail{fmt::format("`{}` on line {} is not a list", list_key, list_entry->key_mark.line)};
  } else {
    const Node new_list = Node::make_sequence({item});
    if (is_flow(source, *parent)) {
      const std::size_t end = util::flow_collection_end(text, source.offset(parent->mark()));
      if (end == std::string_view::npos) {
        return Fail{"the mapping to add to is never closed"};
      }
      builder.insert(before_closer(text, end - 1),
                     fmt::format("{}{}: {}", parent->size() ? ", " : "", list_key, render_flow(new_list)));
    } else if (parent == &root) {
      const std::vector<std::string> order = top_level_order();
      auto rank = [&](std::string_view key) {
        return static_cast<std::size_t>(std::find(order.begin(), order.end(), key) - order.begin());
      };
      const std::size_t column = root.mark().column - 1;
      const std::string block = render_entry(list_key, new_list, column, style);
      const Entry* next = nullptr;
      for (const Entry& entry : root.entries()) {
        if (rank(entry.key) > rank(list_key) && rank(entry.key) < order.size()) {
          next = &entry;
          break;
        }
      }
      if (next) {
        const std::size_t at = with_leading_comments(source, next->key_mark.line, 0);
        builder.insert(at, block + (style.blank_between_sections ? style.newline : ""));
      } else {
        const bool ends_blank = text.ends_with("\n\n") || text.ends_with("\r\n\r\n");
        const bool blank = style.blank_between_sections && !text.empty() && !ends_blank;
        std::string prefix;
        if (!text.empty() && text.back() != '\n') {
          prefix = style.newline;
        }
        builder.insert(text.size(), prefix + (blank ? style.newline : "") + block);
      }
    } else {
      const std::size_t column = parent->mark().column - 1;
      const std::size_t end = source.block_end(dash_line(source, *parent, outcome_dash), outcome_dash);
      builder.insert(end, render_entry(list_key, new_list, column, style));
    }
  }

  const Node expected = rebuild(root, parent_path, [&](const Node* node) {
    const Node* list = node->find(list_key);
    std::vector<Node> items;
    if (list && list->is_sequence()) {
      items.assign(list->items().begin(), list->items().end());
    }
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(std::min(index, items.size())), item);
    return with_entry(*node, list_key, Node::make_sequence(std::move(items)));
  });
  Change change;
  change.id = id;
  change.item = item;
  change.list_pointer = parent_pointer + "/" + list_key;
  change.index = index;
  change.pointer = fmt::format("{}/{}", change.list_pointer, index);
  return finish(text, parsed, std::move(builder.edits), expected, std::move(change));
}

}  // namespace wellbeing::edit
