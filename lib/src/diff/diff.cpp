#include "wellbeing/diff/diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "wellbeing/util/text.hpp"

namespace wellbeing::diff {

using document::Node;

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::removed:
      return "removed";
    case ChangeKind::changed:
      return "changed";
  }
  return "changed";
}

namespace {

const Node& empty_sequence() {
  static const Node node = Node::make_sequence({});
  return node;
}

const Node& empty_mapping() {
  static const Node node = Node::make_mapping({});
  return node;
}

std::string quoted(std::string_view text) { return Node::make_string(std::string(text)).to_json(); }

bool plain_word(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':' || c == '/';
  });
}

// Item names are for recognising the item, not for reading it: long words are cut at a word boundary.
std::string short_words(std::string_view text) {
  constexpr std::size_t k_limit = 60;
  std::string flat;
  for (char c : text) {
    flat += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (util::utf8_length(flat) <= k_limit) {
    return flat;
  }
  std::size_t bytes = 0;
  for (std::size_t chars = 0; bytes < flat.size() && chars < k_limit; ++chars) {
    const auto lead = static_cast<unsigned char>(flat[bytes]);
    bytes += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  }
  std::string cut = flat.substr(0, std::min(bytes, flat.size()));
  if (const std::size_t space = cut.rfind(' '); space != std::string::npos && space > k_limit / 2) {
    cut.resize(space);
  }
  while (!cut.empty() && (cut.back() == ' ' || cut.back() == ',' || cut.back() == '.')) {
    cut.pop_back();
  }
  return cut + "…";
}

std::string capitalised(std::string text) {
  if (!text.empty()) {
    text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  }
  return text;
}

std::string field_title(std::string_view key, const SchemaNode* schema) {
  return schema && !schema->title.empty() ? lower_title(schema->title) : key_label(key);
}

std::string section_title(std::string_view key, const SchemaNode* schema) {
  return schema && !schema->title.empty() ? schema->title : capitalised(key_label(key));
}

const Node* string_field(const Node& node, std::string_view key) {
  const Node* value = node.find(key);
  return value && value->is_string() && !value->as_string().empty() ? value : nullptr;
}

// "(said by the person)" for an area's importance.
std::string said_by_suffix(const Node& importance) {
  const Node* said_by = importance.find("said_by");
  if (!said_by || !said_by->is_string()) {
    return {};
  }
  if (said_by->as_string() == "person") {
    return " (said by the person)";
  }
  if (said_by->as_string() == "representative") {
    const Node* who = string_field(importance, "representative");
    return who ? fmt::format(" (said by their representative {})", who->as_string())
               : std::string(" (said by their representative)");
  }
  return fmt::format(" (said by {})", said_by->as_string());
}

// Where the differ is: the path so far and the words that name it.
struct Scope {
  std::string path;                 // identity pointer
  std::string section;              // title of the top-level part
  std::string item;                 // the innermost item with its parents: `Outcome o-2 "…", action a-4 "…"`
  bool at_item = false;             // this place is the item itself
  std::vector<std::string> fields;  // field labels below the item
  std::vector<std::string> keys;    // the keys of those fields
  std::string suffix;               // said after a changed value: "(said by the person)"
};

std::string describe_item(const Node& item, const SchemaNode* item_schema, const std::string& identity,
                          bool date_is_ambiguous) {
  const std::string title = item_schema && !item_schema->title.empty() ? item_schema->title : std::string("Item");
  if (item.is_mapping()) {
    for (const char* key : {"said", "text", "what", "name"}) {
      if (const Node* words = string_field(item, key)) {
        return identity.empty() ? fmt::format("{} \"{}\"", title, short_words(words->as_string()))
                                : fmt::format("{} {} \"{}\"", title, identity, short_words(words->as_string()));
      }
    }
    if (const Node* date = string_field(item, "date")) {
      return date_is_ambiguous || identity.empty()
                 ? fmt::format("{} {} ({})", title, date->as_string(), identity.empty() ? "no id" : identity)
                 : fmt::format("{} {}", title, date->as_string());
    }
  }
  if (!identity.empty()) {
    return fmt::format("{} {}", title, identity);
  }
  return fmt::format("{} {}", title, brief_value(item, item_schema));
}

std::string nest(const std::string& parent, const std::string& child) {
  return parent.empty() ? child : fmt::format("{}, {}", parent, lower_title(child));
}

class Differ {
 public:
  explicit Differ(std::vector<Change>& out) : m_out(out) {}

  void node(const Node* old, const Node* now, const SchemaNode* schema, const Scope& scope) {
    if (!old && !now) {
      return;
    }
    if (old && now && old->equals(*now)) {
      return;
    }
    if (scope.path.empty() && (!old || old->is_null()) && now && now->is_mapping()) {
      mapping(empty_mapping(), *now, schema, scope);  // a new record: every part of it added
      return;
    }
    if (scope.path.empty() && (!now || now->is_null()) && old && old->is_mapping()) {
      mapping(*old, empty_mapping(), schema, scope);
      return;
    }
    const bool identity_list = schema && !schema->identity.empty();
    const auto sequence_or_absent = [](const Node* n) { return !n || n->is_sequence(); };
    const auto mapping_or_absent = [](const Node* n) { return !n || n->is_mapping(); };
    if (identity_list && sequence_or_absent(old) && sequence_or_absent(now)) {
      list_by_identity(old ? *old : empty_sequence(), now ? *now : empty_sequence(), schema, scope);
      return;
    }
    if (schema && schema->keyed && mapping_or_absent(old) && mapping_or_absent(now)) {
      mapping(old ? *old : empty_mapping(), now ? *now : empty_mapping(), schema, scope);
      return;
    }
    if (old && now && old->is_mapping() && now->is_mapping()) {
      mapping(*old, *now, schema, scope);
      return;
    }
    if (old && now && old->is_sequence() && now->is_sequence()) {
      plain_list(*old, *now, schema, scope);
      return;
    }
    emit(old, now, schema, scope);
  }

 private:
  void mapping(const Node& old, const Node& now, const SchemaNode* schema, const Scope& scope) {
    std::vector<std::string> keys;
    const auto add_key = [&](const std::string& key) {
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        keys.push_back(key);
      }
    };
    if (schema) {
      for (const auto& [key, child] : schema->properties) {
        if (old.find(key) || now.find(key)) {
          add_key(key);
        }
      }
    }
    for (const auto& entry : now.entries()) {
      add_key(entry.key);
    }
    for (const auto& entry : old.entries()) {
      add_key(entry.key);
    }
    for (const std::string& key : keys) {
      const SchemaNode* child = schema ? schema->property(key) : nullptr;
      const Node* old_value = old.find(key);
      const Node* new_value = now.find(key);
      Scope inner = scope;
      inner.path = document::append_pointer(scope.path, key);
      if (schema && schema->keyed) {
        const std::string title = schema->item_title.empty() ? std::string("Item") : schema->item_title;
        inner.item = nest(scope.item, fmt::format("{} {}", title, key));
        inner.at_item = true;
        inner.fields.clear();
        inner.keys.clear();
      } else if (scope.path.empty()) {
        inner.section = section_title(key, child);
        const bool is_list_of_items = child && !child->identity.empty();
        const bool is_part =
            (child && !child->properties.empty() && !child->keyed) ||
            (!child && ((old_value && old_value->is_mapping()) || (new_value && new_value->is_mapping())));
        if (is_part) {
          inner.item = inner.section;
          inner.at_item = true;
        } else if (!is_list_of_items && !(child && child->keyed)) {
          inner.fields = {inner.section};
          inner.keys = {key};
        }
      } else {
        inner.at_item = false;
        inner.fields.push_back(field_title(key, child));
        inner.keys.push_back(key);
        if (key == "level" && !scope.keys.empty() && scope.keys.back() == "importance") {
          inner.suffix = said_by_suffix(now.find("said_by") ? now : old);
        }
      }
      node(old_value, new_value, child, inner);
    }
  }

  struct Slot {
    const Node* node = nullptr;
    std::size_t index = 0;
    std::string id;
    bool matched = false;
  };

  void list_by_identity(const Node& old, const Node& now, const SchemaNode* schema, const Scope& scope) {
    const SchemaNode* item_schema = schema->items;
    const auto slots = [&](const Node& list) {
      std::vector<Slot> out;
      for (std::size_t i = 0; i < list.items().size(); ++i) {
        out.push_back(Slot{&list.items()[i], i, item_identity(list.items()[i], schema), false});
      }
      return out;
    };
    std::vector<Slot> old_slots = slots(old);
    std::vector<Slot> new_slots = slots(now);

    // A date names an item only when no other item in either version shares it.
    std::map<std::string, std::set<std::string>> ids_by_date;
    for (const auto* list : {&old_slots, &new_slots}) {
      for (const Slot& slot : *list) {
        if (const Node* date = slot.node->is_mapping() ? string_field(*slot.node, "date") : nullptr) {
          ids_by_date[date->as_string()].insert(slot.id);
        }
      }
    }
    const auto ambiguous = [&](const Node& item) {
      const Node* date = item.is_mapping() ? string_field(item, "date") : nullptr;
      return date && ids_by_date[date->as_string()].size() > 1;
    };
    const auto item_scope = [&](const Slot& slot) {
      Scope inner = scope;
      inner.path = slot.id.empty() ? document::append_pointer(scope.path, slot.index)
                                   : document::append_pointer(scope.path, slot.id);
      inner.item = nest(scope.item, describe_item(*slot.node, item_schema, slot.id, ambiguous(*slot.node)));
      inner.at_item = true;
      inner.fields.clear();
      inner.keys.clear();
      return inner;
    };

    // The old items by id, each id's occurrences in order (the k-th new one pairs with the k-th old one).
    std::map<std::string, std::vector<Slot*>> old_by_id;
    for (auto it = old_slots.rbegin(); it != old_slots.rend(); ++it) {
      old_by_id[it->id].push_back(&*it);
    }
    for (Slot& slot : new_slots) {
      Slot* partner = nullptr;
      if (auto found = old_by_id.find(slot.id); found != old_by_id.end() && !found->second.empty()) {
        partner = found->second.back();
        found->second.pop_back();
      }
      if (partner) {
        partner->matched = true;
        node(partner->node, slot.node, item_schema, item_scope(slot));
      } else {
        node(nullptr, slot.node, item_schema, item_scope(slot));
      }
    }
    for (const Slot& slot : old_slots) {
      if (!slot.matched) {
        node(slot.node, nullptr, item_schema, item_scope(slot));
      }
    }
  }

  void plain_list(const Node& old, const Node& now, const SchemaNode* schema, const Scope& scope) {
    const SchemaNode* item_schema = schema ? schema->items : nullptr;
    const auto all_scalar = [](const Node& list) {
      return std::all_of(list.items().begin(), list.items().end(), [](const Node& n) { return n.is_scalar(); });
    };
    if (all_scalar(old) && all_scalar(now)) {
      // A collection of values: what was taken out, then what was put in; order does not matter.
      std::vector<bool> old_used(old.items().size(), false);
      std::vector<bool> new_used(now.items().size(), false);
      for (std::size_t i = 0; i < now.items().size(); ++i) {
        for (std::size_t j = 0; j < old.items().size(); ++j) {
          if (!old_used[j] && old.items()[j].equals(now.items()[i])) {
            old_used[j] = true;
            new_used[i] = true;
            break;
          }
        }
      }
      for (std::size_t j = 0; j < old.items().size(); ++j) {
        if (!old_used[j]) {
          element(&old.items()[j], nullptr, j, item_schema, scope);
        }
      }
      for (std::size_t i = 0; i < now.items().size(); ++i) {
        if (!new_used[i]) {
          element(nullptr, &now.items()[i], i, item_schema, scope);
        }
      }
      return;
    }
    const std::size_t common = std::min(old.items().size(), now.items().size());
    for (std::size_t i = 0; i < std::max(old.items().size(), now.items().size()); ++i) {
      const Node* a = i < old.items().size() ? &old.items()[i] : nullptr;
      const Node* b = i < now.items().size() ? &now.items()[i] : nullptr;
      if (i < common) {
        Scope inner = scope;
        inner.path = document::append_pointer(scope.path, i);
        inner.at_item = false;
        inner.fields.push_back(fmt::format("#{}", i + 1));
        inner.keys.push_back(std::to_string(i));
        node(a, b, item_schema, inner);
      } else {
        element(a, b, i, item_schema, scope);
      }
    }
  }

  // A value put into or taken out of a list without identities.
  void element(const Node* old, const Node* now, std::size_t index, const SchemaNode* item_schema, const Scope& scope) {
    Change change;
    change.path = document::append_pointer(scope.path, index);
    change.kind = now ? ChangeKind::added : ChangeKind::removed;
    if (old) {
      change.old_value = *old;
    }
    if (now) {
      change.new_value = *now;
    }
    change.section = scope.section;
    const std::string value = brief_value(now ? *now : *old, item_schema);
    change.label = fmt::format("{} {} {}", subject(scope), value, now ? "added" : "removed");
    m_out.push_back(std::move(change));
  }

  // The words before the value: `Outcome o-3 "…": status`, `Person: known as`, `Format`.
  static std::string subject(const Scope& scope) {
    std::vector<std::string> fields = scope.fields;
    if (scope.keys.size() >= 2 && scope.keys.back() == "level" && scope.keys[scope.keys.size() - 2] == "importance") {
      fields.pop_back();  // "importance high", not "importance level high"
    }
    std::string field;
    for (const std::string& part : fields) {
      field += field.empty() ? part : " " + part;
    }
    if (scope.item.empty()) {
      return capitalised(field);
    }
    return field.empty() ? scope.item : fmt::format("{}: {}", scope.item, field);
  }

  void emit(const Node* old, const Node* now, const SchemaNode* schema, const Scope& scope) {
    Change change;
    change.path = scope.path;
    change.kind = !old ? ChangeKind::added : !now ? ChangeKind::removed : ChangeKind::changed;
    if (old) {
      change.old_value = *old;
    }
    if (now) {
      change.new_value = *now;
    }
    change.section = scope.section;
    change.item = scope.at_item && change.kind != ChangeKind::changed;
    if (change.item) {
      change.label = fmt::format("{} {}", scope.item, to_string(change.kind));
      m_out.push_back(std::move(change));
      return;
    }
    const auto value = [&](const Node& v) {
      if (!scope.keys.empty() && scope.keys.back() == "importance" && v.is_mapping() && string_field(v, "level")) {
        return string_field(v, "level")->as_string() + said_by_suffix(v);
      }
      return brief_value(v, schema);
    };
    const std::string& suffix = scope.suffix;
    const std::string words = subject(scope);
    switch (change.kind) {
      case ChangeKind::changed:
        change.label = fmt::format("{} {} → {}{}", words, value(*old), value(*now), suffix);
        break;
      case ChangeKind::added:
        change.label = fmt::format("{} set to {}{}", words, value(*now), suffix);
        break;
      case ChangeKind::removed:
        change.label = fmt::format("{} removed (was {})", words, value(*old));
        break;
    }
    m_out.push_back(std::move(change));
  }

 private:
  std::vector<Change>& m_out;
};

}  // namespace

std::string item_identity(const Node& item, const SchemaNode* schema) {
  if (!schema || schema->identity.empty() || !item.is_mapping()) {
    return {};
  }
  const Node* value = item.find(schema->identity);
  if (!value || !value->is_scalar() || value->is_null()) {
    return {};
  }
  return value->is_string() ? value->as_string() : value->text();
}

std::string brief_value(const Node& value, const SchemaNode* schema) {
  switch (value.kind()) {
    case document::Kind::null:
      return "(empty)";
    case document::Kind::boolean:
      return value.as_bool() ? "true" : "false";
    case document::Kind::integer:
    case document::Kind::floating:
      return value.text();
    case document::Kind::string:
      if ((schema && schema->bare) || (!schema && plain_word(value.as_string()))) {
        return plain_word(value.as_string()) ? value.as_string() : quoted(value.as_string());
      }
      return quoted(value.as_string());
    case document::Kind::sequence: {
      std::string out = "[";
      for (const Node& item : value.items()) {
        out += (out.size() > 1 ? ", " : "") + brief_value(item, schema ? schema->items : nullptr);
      }
      return out + "]";
    }
    case document::Kind::mapping: {
      std::string out = "{";
      for (const auto& entry : value.entries()) {
        out += fmt::format("{}{}: {}", out.size() > 1 ? ", " : "", entry.key,
                           brief_value(entry.value, schema ? schema->property(entry.key) : nullptr));
      }
      return out + "}";
    }
  }
  return {};
}

std::vector<Change> diff_documents(const Node& old_root, const Node& new_root, const SchemaNode& schema) {
  std::vector<Change> changes;
  Differ differ(changes);
  Scope scope;
  differ.node(&old_root, &new_root, &schema, scope);
  return changes;
}

std::vector<std::string> split_path(std::string_view path) {
  // A leading "/" is optional here; "" and "/" both name the root.
  if (path.empty() || path == "/") {
    return {};
  }
  return document::split_pointer(path);
}

const Node* find_by_path(const Node& root, std::string_view path, const SchemaNode& schema) {
  const Node* current = &root;
  const SchemaNode* current_schema = &schema;
  for (const std::string& segment : split_path(path)) {
    if (current->is_mapping()) {
      current = current->find(segment);
      current_schema = current_schema ? current_schema->property(segment) : nullptr;
    } else if (current->is_sequence()) {
      const Node* found = nullptr;
      if (current_schema && !current_schema->identity.empty()) {
        for (const Node& item : current->items()) {
          if (item_identity(item, current_schema) == segment) {
            found = &item;
            break;
          }
        }
      }
      if (!found && !segment.empty() && segment.size() < 10 &&
          std::all_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::size_t index = std::stoul(segment);
        found = index < current->items().size() ? &current->items()[index] : nullptr;
      }
      current = found;
      current_schema = current_schema ? current_schema->items : nullptr;
    } else {
      return nullptr;
    }
    if (!current) {
      return nullptr;
    }
  }
  return current;
}

}  // namespace wellbeing::diff
