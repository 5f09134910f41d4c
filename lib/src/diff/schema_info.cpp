#include "wellbeing/diff/schema_info.hpp"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>

#include "wellbeing/schema/builtin.hpp"

namespace wellbeing::diff {

using document::Node;

const SchemaNode* SchemaNode::property(std::string_view key) const {
  for (const auto& [name, node] : properties) {
    if (name == key) {
      return node;
    }
  }
  return nullptr;
}

std::size_t SchemaNode::property_rank(std::string_view key) const {
  for (std::size_t i = 0; i < properties.size(); ++i) {
    if (properties[i].first == key) {
      return i;
    }
  }
  return properties.size();
}

namespace {

// Builds SchemaNodes from the schema's JSON, sharing the nodes of each definition.
class Builder {
 public:
  explicit Builder(const Node& root) : m_root(root) {}

  const SchemaNode* build(const Node& schema, int depth = 0) {
    SchemaNode& out = m_nodes.emplace_back();
    if (!schema.is_mapping() || depth > 32) {
      return &out;
    }
    if (const Node* ref = schema.find("$ref"); ref && ref->is_string()) {
      if (const SchemaNode* target = resolve(ref->as_string(), depth)) {
        out = *target;
      }
    }
    for (const char* combinator : {"allOf", "anyOf", "oneOf"}) {
      if (const Node* list = schema.find(combinator)) {
        for (const Node& alternative : list->items()) {
          absorb(out, *build(alternative, depth + 1));
        }
      }
    }
    if (const Node* title = schema.find("title"); title && title->is_string()) {
      out.title = title->as_string();
    }
    if (const Node* identity = schema.find("x-identity"); identity && identity->is_string()) {
      out.identity = identity->as_string();
    }
    if (schema.find("enum") || schema.find("const") || schema.find("format")) {
      out.bare = true;
    }
    if (const Node* type = schema.find("type"); type && type->is_string() && type->as_string() != "string" &&
                                                type->as_string() != "array" && type->as_string() != "object") {
      out.bare = true;
    }
    if (const Node* items = schema.find("items"); items && items->is_mapping()) {
      out.items = build(*items, depth + 1);
    }
    if (const Node* properties = schema.find("properties"); properties && properties->is_mapping()) {
      out.properties.clear();
      std::string shared_ref;
      bool all_share = properties->size() > 1;
      for (const auto& entry : properties->entries()) {
        out.properties.emplace_back(entry.key, build(entry.value, depth + 1));
        const Node* ref = entry.value.find("$ref");
        const std::string target = ref && ref->is_string() ? ref->as_string() : std::string();
        if (target.empty() || (!shared_ref.empty() && target != shared_ref)) {
          all_share = false;
        }
        shared_ref = target;
      }
      out.keyed = all_share;
      if (all_share) {
        const SchemaNode* shared = resolve(shared_ref, depth);
        out.item_title = shared ? shared->title : std::string();
      }
    }
    return &out;
  }

  std::deque<SchemaNode> take() { return std::move(m_nodes); }

 private:
  const SchemaNode* resolve(const std::string& ref, int depth) {
    if (auto found = m_refs.find(ref); found != m_refs.end()) {
      return found->second;
    }
    const Node* target = schema::resolve_ref(m_root, ref);
    if (!target) {
      return nullptr;
    }
    m_refs[ref] = nullptr;  // a reference cycle resolves to nothing rather than recursing forever
    const SchemaNode* built = build(*target, depth + 1);
    m_refs[ref] = built;
    return built;
  }

  // What an alternative of oneOf/anyOf/allOf adds to the node being built.
  static void absorb(SchemaNode& out, const SchemaNode& alternative) {
    if (out.identity.empty()) {
      out.identity = alternative.identity;
    }
    if (!out.items) {
      out.items = alternative.items;
    }
    if (out.properties.empty()) {
      out.properties = alternative.properties;
      out.keyed = alternative.keyed;
      out.item_title = alternative.item_title;
    }
    out.bare = out.bare || alternative.bare;
  }

  const Node& m_root;
  std::deque<SchemaNode> m_nodes;
  std::map<std::string, const SchemaNode*> m_refs;
};

struct BuiltSchema {
  std::deque<SchemaNode> nodes;
  const SchemaNode* root = nullptr;
};

BuiltSchema build_record_schema() {
  BuiltSchema built;
  const Node& schema_root = schema::record_schema().root;
  Builder builder(schema_root);
  const SchemaNode* root = builder.build(schema_root);
  built.nodes = builder.take();
  built.root = root;  // deque moves keep element addresses
  return built;
}

}  // namespace

const SchemaNode& record_schema() {
  static const BuiltSchema built = build_record_schema();
  return *built.root;
}

const SchemaNode* schema_at(std::string_view path, const SchemaNode& root) {
  const SchemaNode* current = &root;
  if (path.starts_with('/')) {
    path.remove_prefix(1);
  }
  while (current && !path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    // Identities and positions are not property names, so a list's items come first.
    current = current->items ? current->items : current->property(segment);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return current;
}

std::string key_label(std::string_view key) {
  std::string out(key);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

std::string lower_title(std::string_view title) {
  std::string out(title);
  const bool acronym = out.size() > 1 && std::isupper(static_cast<unsigned char>(out[1]));
  if (!out.empty() && !acronym) {
    out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  }
  return out;
}

bool natural_less(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const bool digit_a = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
    const bool digit_b = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
    if (digit_a && digit_b) {
      std::size_t end_a = i;
      std::size_t end_b = j;
      while (end_a < a.size() && std::isdigit(static_cast<unsigned char>(a[end_a]))) {
        ++end_a;
      }
      while (end_b < b.size() && std::isdigit(static_cast<unsigned char>(b[end_b]))) {
        ++end_b;
      }
      std::string_view run_a = a.substr(i, end_a - i);
      std::string_view run_b = b.substr(j, end_b - j);
      while (run_a.size() > 1 && run_a.front() == '0') {
        run_a.remove_prefix(1);
      }
      while (run_b.size() > 1 && run_b.front() == '0') {
        run_b.remove_prefix(1);
      }
      if (run_a.size() != run_b.size()) {
        return run_a.size() < run_b.size();
      }
      if (run_a != run_b) {
        return run_a < run_b;
      }
      i = end_a;
      j = end_b;
    } else {
      if (a[i] != b[j]) {
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      }
      ++i;
      ++j;
    }
  }
  if (a.size() - i != b.size() - j) {
    return a.size() - i < b.size() - j;
  }
  return a < b;
}

}  // namespace wellbeing::diff
