#include "wellbeing/records/redaction.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <regex>
#include <utility>

#include "wellbeing/schema/builtin.hpp"

namespace wellbeing::records {

namespace {

using document::Node;

// The kinds of detail an "x-redact" annotation names.
enum class Kind { show, date, known_as, names, quotes, references, safeguarding, sharing, text };

constexpr std::array<std::pair<std::string_view, Kind>, 9> k_kinds{{{"show", Kind::show},
                                                                   {"date", Kind::date},
                                                                   {"known_as", Kind::known_as},
                                                                   {"names", Kind::names},
                                                                   {"quotes", Kind::quotes},
                                                                   {"references", Kind::references},
                                                                   {"safeguarding", Kind::safeguarding},
                                                                   {"sharing", Kind::sharing},
                                                                   {"text", Kind::text}}};

// A "$ref" chain longer than this is taken to come back on itself.
constexpr int k_max_refs = 32;

const Node* annotation_node(const Node& schema) { return schema.is_mapping() ? schema.find("x-redact") : nullptr; }

std::optional<Kind> kind_named(const Node& annotation) {
  if (!annotation.is_string()) {
    return std::nullopt;
  }
  for (const auto& [name, kind] : k_kinds) {
    if (annotation.as_string() == name) {
      return kind;
    }
  }
  return std::nullopt;
}

// The "x-redact" on `schema` or, failing that, on the schemas its "$ref"s lead to: the nearest says.
// Unknown values count as text, the strictest.
std::optional<Kind> own_kind(const Node& root, const Node* schema) {
  for (int step = 0; schema && step < k_max_refs; ++step) {
    if (const Node* annotation = annotation_node(*schema)) {
      return kind_named(*annotation).value_or(Kind::text);
    }
    const Node* ref = schema->is_mapping() ? schema->find("$ref") : nullptr;
    if (!ref || !ref->is_string()) {
      return std::nullopt;
    }
    schema = schema::resolve_ref(root, ref->as_string());
  }
  return std::nullopt;
}

bool type_admits(const Node& type, const Node& value) {
  const auto admits = [&](const std::string& name) {
    return (name == "string" && value.is_string()) || (name == "object" && value.is_mapping()) ||
           (name == "array" && value.is_sequence()) || (name == "boolean" && value.is_bool()) ||
           (name == "integer" && value.is_integer()) || (name == "number" && value.is_number()) ||
           (name == "null" && value.is_null());
  };
  if (type.is_string()) {
    return admits(type.as_string());
  }
  return type.is_sequence() &&
         std::any_of(type.items().begin(), type.items().end(), [&](const Node& t) { return t.is_string() && admits(t.as_string()); });
}

// Whether a oneOf/anyOf branch is the one `value` takes: by its type, or by its enum or const.
bool branch_takes(const Node& root, const Node& branch, const Node& value) {
  const Node* schema = schema::follow_refs(root, &branch);
  if (!schema || !schema->is_mapping()) {
    return false;
  }
  if (const Node* constant = schema->find("const")) {
    return constant->equals(value);
  }
  if (const Node* values = schema->find("enum"); values && values->is_sequence()) {
    return std::any_of(values->items().begin(), values->items().end(), [&](const Node& v) { return v.equals(value); });
  }
  const Node* type = schema->find("type");
  return type && type_admits(*type, value);
}

// Whether `value` is one the schema's enum, const and pattern allow (each that it has).
bool allowed(const Node& schema, const Node& value) {
  if (const Node* constant = schema.find("const"); constant && !constant->equals(value)) {
    return false;
  }
  if (const Node* values = schema.find("enum"); values && values->is_sequence() &&
      std::none_of(values->items().begin(), values->items().end(), [&](const Node& v) { return v.equals(value); })) {
    return false;
  }
  const Node* pattern = schema.find("pattern");
  if (!pattern || !pattern->is_string() || !value.is_string()) {
    return true;
  }
  // The schema's few patterns, compiled once per thread.
  thread_local std::map<std::string, std::regex> compiled;
  auto found = compiled.find(pattern->as_string());
  if (found == compiled.end()) {
    try {
      found = compiled.emplace(pattern->as_string(), std::regex(pattern->as_string(), std::regex::ECMAScript)).first;
    } catch (const std::regex_error&) {
      return false;
    }
  }
  return std::regex_search(value.as_string(), found->second);
}

class DocumentRedaction {
 public:
  DocumentRedaction(const Redaction& redaction, Withheld withheld)
      : m_root(schema::record_schema().root), m_redaction(redaction), m_withheld(withheld) {}

  // `value`, at the place `schema` describes (nullptr: a place the schema does not know), with the kind
  // `inherited` from the list or choice holding it.
  Node walk(const Node& value, const Node* schema, std::optional<Kind> inherited, int depth = 0) const {
    std::optional<Kind> kind = inherited;
    if (schema) {
      if (const std::optional<Kind> own = own_kind(m_root, schema)) {
        kind = own;
      }
      schema = schema::follow_refs(m_root, schema);
    }
    if (schema && !schema->is_mapping()) {
      schema = nullptr;
    }
    if (schema && depth < k_max_refs) {
      for (const char* choice : {"oneOf", "anyOf"}) {
        const Node* branches = schema->find(choice);
        if (!branches || !branches->is_sequence()) {
          continue;
        }
        for (const Node& branch : branches->items()) {
          if (branch_takes(m_root, branch, value)) {
            return walk(value, &branch, kind, depth + 1);
          }
        }
      }
    }
    switch (value.kind()) {
      case document::Kind::mapping: {
        std::vector<document::Entry> entries;
        entries.reserve(value.size());
        for (const document::Entry& entry : value.entries()) {
          entries.push_back({entry.key, entry.key_mark, walk(entry.value, property(schema, entry.key), std::nullopt)});
        }
        return Node::make_mapping(std::move(entries), value.mark());
      }
      case document::Kind::sequence: {
        const Node* items = schema ? schema->find("items") : nullptr;
        std::vector<Node> out;
        out.reserve(value.size());
        for (const Node& item : value.items()) {
          out.push_back(walk(item, items, kind));
        }
        return Node::make_sequence(std::move(out), value.mark());
      }
      case document::Kind::null:
        return value;
      default:
        return shown(value, schema, kind) ? value : withheld(value, kind);
    }
  }

 private:
  static const Node* property(const Node* schema, const std::string& key) {
    if (!schema) {
      return nullptr;
    }
    if (const Node* properties = schema->find("properties")) {
      if (const Node* found = properties->find(key)) {
        return found;
      }
    }
    const Node* additional = schema->find("additionalProperties");
    return additional && additional->is_mapping() ? additional : nullptr;
  }

  bool shown(const Node& value, const Node* schema, std::optional<Kind> kind) const {
    if (value.is_string() && value.as_string().empty()) {
      return true;
    }
    if (!kind) {
      // Numbers and yes/no answers (scores, counts) may be shown where the schema knows them; a string
      // no annotation lets through is free text.
      return schema && !value.is_string();
    }
    const Redaction& r = m_redaction;
    switch (*kind) {
      case Kind::show:
      case Kind::date:
        // Shown only as what the place allows: a record with errors (rendered with --force) may hold
        // words where an id or an enumeration belongs.
        return schema && allowed(*schema, value);
      case Kind::known_as:
        return r.known_as;
      case Kind::names:
        return r.names;
      case Kind::quotes:
        return r.quotes;
      case Kind::references:
        return r.references;
      case Kind::safeguarding:
        return r.safeguarding;
      case Kind::sharing:
        return r.sharing;
      case Kind::text:
        return false;
    }
    return false;
  }

  Node withheld(const Node& value, std::optional<Kind> kind) const {
    if (m_withheld == Withheld::emptied) {
      return Node::make_string("", value.mark());
    }
    return Node::make_string(std::string(kind == Kind::names ? k_name_withheld : k_withheld), value.mark());
  }

  const Node& m_root;
  const Redaction& m_redaction;
  Withheld m_withheld;
};

bool admits_strings(const Node& schema) {
  if (const Node* type = schema.find("type")) {
    return type_admits(*type, Node::make_string("x"));
  }
  if (const Node* constant = schema.find("const")) {
    return constant->is_string();
  }
  if (const Node* values = schema.find("enum"); values && values->is_sequence()) {
    return std::any_of(values->items().begin(), values->items().end(), [](const Node& v) { return v.is_string(); });
  }
  return false;
}

}  // namespace

std::string format_date(const ShownDate& date) {
  const std::string text = util::format_date(date.date);
  return date.month_only ? text.substr(0, 7) : text;
}

Redaction Redaction::keeping(const std::vector<std::string>& keep) {
  const auto kept = [&](std::string_view what) { return std::find(keep.begin(), keep.end(), what) != keep.end(); };
  Redaction redaction;
  redaction.on = true;
  redaction.known_as = kept("known_as");
  redaction.names = kept("names");
  redaction.quotes = kept("quotes");
  redaction.dates = kept("dates");
  redaction.references = kept("references");
  redaction.safeguarding = kept("safeguarding");
  redaction.sharing = kept("sharing");
  return redaction;
}

document::Node Redaction::apply(const document::Node& root, Withheld withheld) const {
  if (!on) {
    return root;
  }
  const DocumentRedaction redaction(*this, withheld);
  return redaction.walk(root, &schema::record_schema().root, std::nullopt);
}

ShownDate Redaction::date(util::Date date) const {
  if (shows(dates)) {
    return {date, false};
  }
  return {util::Date{date.year(), date.month(), std::chrono::day{1}}, true};
}

std::optional<ShownDate> Redaction::date(const std::optional<util::Date>& date) const {
  return date ? std::optional<ShownDate>(this->date(*date)) : std::nullopt;
}

std::vector<RedactionPlace> redaction_places(const document::Node& root) {
  std::vector<RedactionPlace> places;
  // `kind`: the "x-redact" reaching this place from the list, choice or reference above it. A schema
  // that refers back into itself is followed only so deep.
  std::function<void(const Node&, const std::string&, std::string, int)> visit =
      [&](const Node& schema, const std::string& path, std::string kind, int depth) {
        if (!schema.is_mapping() || depth > 4 * k_max_refs) {
          return;
        }
        if (const Node* annotation = annotation_node(schema)) {
          kind = annotation->is_string() ? annotation->as_string() : std::string("?");
        }
        if (const Node* ref = schema.find("$ref"); ref && ref->is_string()) {
          if (const Node* target = schema::resolve_ref(root, ref->as_string())) {
            visit(*target, path, kind, depth + 1);
          }
          return;
        }
        if (admits_strings(schema)) {
          places.push_back({path.empty() ? "/" : path, kind});
        }
        if (const Node* properties = schema.find("properties"); properties && properties->is_mapping()) {
          for (const document::Entry& child : properties->entries()) {
            visit(child.value, path + "/" + child.key, "", depth + 1);
          }
        }
        if (const Node* additional = schema.find("additionalProperties")) {
          visit(*additional, path + "/*", "", depth + 1);
        }
        if (const Node* items = schema.find("items")) {
          visit(*items, path + "/*", kind, depth + 1);
        }
        for (const char* keyword : {"oneOf", "anyOf"}) {
          if (const Node* branches = schema.find(keyword); branches && branches->is_sequence()) {
            for (const Node& branch : branches->items()) {
              visit(branch, path, kind, depth + 1);
            }
          }
        }
      };
  visit(root, "", "", 0);
  return places;
}

std::vector<std::string> unannotated_strings(const document::Node& schema) {
  std::vector<std::string> found;
  for (const RedactionPlace& place : redaction_places(schema)) {
    const bool known = std::any_of(k_kinds.begin(), k_kinds.end(), [&](const auto& k) { return k.first == place.kind; });
    if (!known) {
      found.push_back(place.path);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace wellbeing::records
