// Validator::compile: turns a draft-07 schema document into the linked CompiledSchema, resolving every
// "$ref" once (so recursive schemas are a cycle of pointers, not endless copies) and compiling every
// regular expression once.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

#include "compiled.hpp"
#include "uri.hpp"
#include "wellbeing/schema/embedded.hpp"
#include "wellbeing/util/file.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::schema {

namespace detail {

const Schema* Schema::property(std::string_view name) const {
  const auto found =
      std::lower_bound(properties_sorted.begin(), properties_sorted.end(), name,
                       [this](std::size_t index, std::string_view key) { return properties[index].name < key; });
  if (found == properties_sorted.end() || properties[*found].name != name) {
    return nullptr;
  }
  return properties[*found].schema;
}

}  // namespace detail

namespace {

using detail::Format;
using detail::Schema;
using document::Document;
using document::Mark;
using document::Node;

// The base URI of a root schema that has neither an "$id" nor a base directory: fragments resolve
// against it, and nothing can be fetched from it.
constexpr std::string_view k_default_base = "wellbeing:schema";

constexpr std::array<std::pair<std::string_view, std::uint8_t>, 7> k_type_names{{
    {"null", detail::k_null},
    {"boolean", detail::k_boolean},
    {"integer", detail::k_integer},
    {"number", detail::k_number},
    {"string", detail::k_string},
    {"array", detail::k_array},
    {"object", detail::k_object},
}};

// Keywords whose value is one schema, an array of schemas, or a mapping of names to schemas: the places
// where "$id" can name a schema. (An "$id" inside "enum" or "const" is data, not an identifier.)
constexpr std::array<std::string_view, 9> k_single_schema_keywords{
    "additionalItems", "additionalProperties", "contains", "propertyNames", "not", "if", "then", "else", "items"};
constexpr std::array<std::string_view, 4> k_schema_array_keywords{"items", "allOf", "anyOf", "oneOf"};
constexpr std::array<std::string_view, 4> k_schema_map_keywords{"properties", "patternProperties", "definitions",
                                                                "dependencies"};

struct Place {
  std::size_t document = 0;
  std::string pointer;
};

struct Loaded {
  Document document;
  std::string uri;  // the URI it was loaded from (its retrieval URI)
};

struct Position {
  const Node* node = nullptr;
  std::string base;  // the base URI around the schema (before its own "$id")
};

struct Pending {
  Schema* schema = nullptr;
  const Node* node = nullptr;       // known for subschemas; found by pointer for $ref targets
  std::optional<std::string> base;  // likewise
};

std::string describe(const Node& node) {
  switch (node.kind()) {
    case document::Kind::null:
      return "an empty value";
    case document::Kind::boolean:
      return fmt::format("`{}`", node.text());
    case document::Kind::integer:
    case document::Kind::floating:
      return fmt::format("the number {}", node.text());
    case document::Kind::string:
      return fmt::format("the string `{}`", node.as_string());
    case document::Kind::sequence:
      return "a list";
    case document::Kind::mapping:
      return "a mapping";
  }
  return "a value";
}

bool is_schema_node(const Node& node) { return node.is_bool() || node.is_mapping(); }

// Splits a JSON pointer into unescaped tokens ("/a~1b/c" -> "a/b", "c").
std::vector<std::string> pointer_tokens(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) {
    return tokens;
  }
  std::size_t start = 1;
  while (start <= pointer.size()) {
    const std::size_t slash = std::min(pointer.find('/', start), pointer.size());
    std::string token;
    for (std::size_t i = start; i < slash; ++i) {
      if (pointer[i] == '~' && i + 1 < slash && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
        token += pointer[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += pointer[i];
      }
    }
    tokens.push_back(std::move(token));
    start = slash + 1;
  }
  return tokens;
}

const Node* child_of(const Node& node, const std::string& token) {
  if (node.is_mapping()) {
    return node.find(token);
  }
  if (node.is_sequence() && !token.empty() && token.size() < 10 &&
      std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    const std::size_t index = std::stoul(token);
    return index < node.items().size() ? &node.items()[index] : nullptr;
  }
  return nullptr;
}

class Compiler {
 public:
  Compiler(const CompileOptions& options, CompiledSchema& out) : m_options(options), m_out(out) {
    m_out.assert_formats = options.assert_formats;
  }

  const Schema* compile_root(const Document& schema) {
    std::string base(k_default_base);
    if (!m_options.base_directory.empty()) {
      const std::filesystem::path name = schema.path.empty() || schema.path == "-"
                                             ? std::filesystem::path("schema.json")
                                             : std::filesystem::path(schema.path).filename();
      const std::filesystem::path file = std::filesystem::absolute(m_options.base_directory / name).lexically_normal();
      base = detail::file_uri(file);
      m_loaded_files.emplace(file.string(), 0);
    }
    add_document(schema, base);
    const Schema* root = get_schema(0, "", nullptr, std::nullopt);
    drain();
    find_cycles();
    return root;
  }

  Diagnostics take_errors() { return std::move(m_errors); }

 private:
  // ---- documents and identifiers

  std::size_t add_document(const Document& document, const std::string& uri) {
    const std::size_t index = m_documents.size();
    m_documents.push_back(Loaded{document, uri});
    m_ids.emplace(uri, Place{index, ""});
    index_ids(index, m_documents.back().document.root, "", uri);
    return index;
  }

  // Records every "$id" (and plain-name fragment "#foo") in the schema positions of a document, and
  // where each schema position is, with the base URI around it.
  void index_ids(std::size_t document, const Node& node, const std::string& pointer, std::string base) {
    m_positions.emplace(std::make_pair(document, pointer), Position{&node, base});
    if (!node.is_mapping()) {
      return;
    }
    const Node* id = node.find("$id");
    if (id && id->is_string() && !node.find("$ref")) {
      const std::string resolved = detail::resolve_uri(base, id->as_string());
      const std::string uri = detail::strip_fragment(resolved);
      const std::string fragment = detail::percent_decode(detail::fragment_of(resolved));
      if (!id->as_string().starts_with('#')) {
        m_ids.emplace(uri, Place{document, pointer});
      }
      if (!fragment.empty() && fragment.front() != '/') {
        m_ids.emplace(uri + "#" + fragment, Place{document, pointer});
      }
      base = uri;
    }
    for (const auto& entry : node.entries()) {
      const std::string child = document::append_pointer(pointer, entry.key);
      const std::string_view key = entry.key;
      if (std::find(k_single_schema_keywords.begin(), k_single_schema_keywords.end(), key) !=
          k_single_schema_keywords.end()) {
        index_ids(document, entry.value, child, base);
      }
      if (std::find(k_schema_array_keywords.begin(), k_schema_array_keywords.end(), key) !=
          k_schema_array_keywords.end()) {
        for (std::size_t i = 0; i < entry.value.items().size(); ++i) {
          index_ids(document, entry.value.items()[i], document::append_pointer(child, i), base);
        }
      }
      if (std::find(k_schema_map_keywords.begin(), k_schema_map_keywords.end(), key) != k_schema_map_keywords.end()) {
        for (const auto& member : entry.value.entries()) {
          index_ids(document, member.value, document::append_pointer(child, member.key), base);
        }
      }
    }
  }

  // The base URI around `pointer` (the document's URI changed by each "$id" above it, not by the
  // schema's own, which compile() applies).
  std::string base_at(std::size_t document, std::string_view pointer) const {
    std::string base = m_documents[document].uri;
    const Node* node = &m_documents[document].document.root;
    for (const std::string& token : pointer_tokens(pointer)) {
      const Node* id = node->find("$id");
      if (id && id->is_string() && !node->find("$ref")) {
        base = detail::strip_fragment(detail::resolve_uri(base, id->as_string()));
      }
      node = child_of(*node, token);
      if (!node) {
        break;
      }
    }
    return base;
  }

  // Loads the schema file behind `uri` (the embedded meta-schema, a mapped URI folder, a file: URI or,
  // for a relative reference, the base directory) and returns where its root is.
  std::optional<Place> find_resource(const std::string& uri, std::string_view reference, const Place& from, Mark mark) {
    if (const auto found = m_ids.find(uri); found != m_ids.end()) {
      return found->second;
    }
    if (uri == k_draft07_uri) {
      auto parsed = document::parse(std::string(embedded_schema(k_draft07_schema)), std::string(k_draft07_schema));
      if (!parsed) {
        m_errors.insert(m_errors.end(), parsed.error().begin(), parsed.error().end());
        return std::nullopt;
      }
      add_document(*parsed, uri);
      return m_ids.at(uri);
    }
    std::optional<std::filesystem::path> file;
    // The folder the file must lie in: a schema reads only files in its own folder (or a mapped one).
    std::filesystem::path confine = m_options.base_directory;
    for (const auto& [prefix, folder] : m_options.uri_folders) {
      if (!prefix.empty() && uri.starts_with(prefix)) {
        file = folder / detail::percent_decode(std::string_view(uri).substr(prefix.size()));
        confine = folder;
        break;
      }
    }
    if (!file) {
      file = detail::file_path(uri);
    }
    // Mapped and file: URIs keep the URI they were asked for as their base; a relative reference that
    // only the base directory could answer gets the file's own URI, so its neighbours resolve too.
    bool keeps_uri = file.has_value();
    const detail::UriParts written = detail::split_uri(reference);
    if (!file && !written.scheme && !written.authority && !written.path.empty() && !m_options.base_directory.empty()) {
      file = m_options.base_directory / detail::percent_decode(written.path);
      keeps_uri = false;
    }
    if (!file) {
      error(from, mark, "$ref", fmt::format("cannot resolve `$ref` `{}`: no schema is known as `{}`", reference, uri));
      return std::nullopt;
    }
    // Checked before anything else about the file, so that nothing outside, not even whether it exists,
    // shows through an error message.
    if (confine.empty() || !util::path_within(*file, confine)) {
      error(from, mark, "$ref",
            fmt::format("cannot resolve `$ref` `{}`: it points outside the schema's folder; a schema may refer "
                        "only to files in its own folder (and below) and to the built-in schemas",
                        reference));
      return std::nullopt;
    }
    const std::filesystem::path normal = std::filesystem::absolute(*file).lexically_normal();
    std::size_t index = 0;
    if (const auto loaded = m_loaded_files.find(normal.string()); loaded != m_loaded_files.end()) {
      index = loaded->second;
    } else {
      std::error_code code;
      if (!std::filesystem::is_regular_file(normal, code)) {
        error(from, mark, "$ref",
              fmt::format("cannot resolve `$ref` `{}`: there is no file `{}`", reference, file->string()));
        return std::nullopt;
      }
      auto parsed = document::parse_file(normal, file->string());
      if (!parsed) {
        m_errors.insert(m_errors.end(), parsed.error().begin(), parsed.error().end());
        error(from, mark, "$ref",
              fmt::format("cannot resolve `$ref` `{}`: `{}` is not valid JSON or YAML", reference, file->string()));
        return std::nullopt;
      }
      index = add_document(*parsed, keeps_uri ? uri : detail::file_uri(normal));
      m_loaded_files.emplace(normal.string(), index);
    }
    m_ids.emplace(uri, Place{index, ""});
    return Place{index, ""};
  }

  std::optional<Place> resolve_ref(const std::string& reference, const std::string& base, const Place& from,
                                   Mark mark) {
    const std::string resolved = detail::resolve_uri(base, reference);
    const std::string uri = detail::strip_fragment(resolved);
    const std::string fragment = detail::percent_decode(detail::fragment_of(resolved));
    const auto resource = find_resource(uri, reference, from, mark);
    if (!resource) {
      return std::nullopt;
    }
    if (!fragment.empty() && fragment.front() != '/') {
      const auto found = m_ids.find(uri + "#" + fragment);
      if (found == m_ids.end()) {
        error(from, mark, "$ref",
              fmt::format("cannot resolve `$ref` `{}`: no schema has the `$id` `#{}`", reference, fragment));
        return std::nullopt;
      }
      return found->second;
    }
    Place target{resource->document, resource->pointer + fragment};
    if (!m_positions.contains(std::make_pair(target.document, target.pointer)) &&
        !m_documents[target.document].document.root.at_pointer(target.pointer)) {
      error(from, mark, "$ref",
            fmt::format("cannot resolve `$ref` `{}`: there is nothing at `{}` in `{}`", reference,
                        fragment.empty() ? "#" : fragment, display_name(target.document)));
      return std::nullopt;
    }
    return target;
  }

  std::string display_name(std::size_t document) const {
    const std::string& path = m_documents[document].document.path;
    return path.empty() ? m_documents[document].uri : path;
  }

  // ---- compiling schema objects

  Schema* get_schema(std::size_t document, const std::string& pointer, const Node* node,
                     std::optional<std::string> base) {
    const auto key = std::make_pair(document, pointer);
    if (const auto found = m_compiled.find(key); found != m_compiled.end()) {
      return found->second;
    }
    Schema& schema = m_out.schemas.emplace_back();
    schema.document = document;
    schema.pointer = pointer;
    m_compiled.emplace(key, &schema);
    m_pending.push_back(Pending{&schema, node, std::move(base)});
    return &schema;
  }

  void drain() {
    // A work list rather than recursion: a schema's subschemas and $ref targets are compiled after it,
    // each once.
    while (!m_pending.empty()) {
      Pending next = std::move(m_pending.back());
      m_pending.pop_back();
      if (!next.node) {
        const auto known = m_positions.find(std::make_pair(next.schema->document, next.schema->pointer));
        if (known != m_positions.end()) {
          next.node = known->second.node;
          next.base = known->second.base;
        } else {
          next.node = m_documents[next.schema->document].document.root.at_pointer(next.schema->pointer);
        }
      }
      const std::string base = next.base ? *next.base : base_at(next.schema->document, next.schema->pointer);
      if (const Node* node = next.node) {
        compile(*next.schema, *node, base);
      }
    }
  }

  void error(const Place& place, Mark mark, std::string keyword, std::string message) {
    m_errors.push_back(Diagnostic{Severity::error, "schema", std::move(message),
                                  Location{m_documents[place.document].document.path, mark.line, mark.column},
                                  place.pointer, std::move(keyword)});
  }

  // Compiles the value of `keyword` (at `pointer`) as a schema; reports and returns nullptr if it is not one.
  const Schema* subschema(const Schema& parent, const Node& node, std::string pointer, std::string_view keyword,
                          const std::string& base) {
    if (!is_schema_node(node)) {
      error(Place{parent.document, pointer}, node.mark(), std::string(keyword),
            fmt::format("`{}` must hold a schema (a mapping, or true or false); got {}", keyword, describe(node)));
      return nullptr;
    }
    return get_schema(parent.document, pointer, &node, base);
  }

  std::optional<document::Node> number_keyword(const Schema& schema, const Node& value, std::string_view keyword) {
    if (!value.is_number()) {
      error(Place{schema.document, document::append_pointer(schema.pointer, keyword)}, value.mark(),
            std::string(keyword), fmt::format("`{}` must be a number; got {}", keyword, describe(value)));
      return std::nullopt;
    }
    return value;
  }

  std::optional<std::uint64_t> count_keyword(const Schema& schema, const Node& value, std::string_view keyword) {
    const bool whole = value.is_integer() ? value.as_integer() >= 0
                                          : value.is_number() && value.as_number() >= 0 &&
                                                value.as_number() == std::floor(value.as_number());
    if (!whole) {
      error(Place{schema.document, document::append_pointer(schema.pointer, keyword)}, value.mark(),
            std::string(keyword),
            fmt::format("`{}` must be a whole number, 0 or more; got {}", keyword, describe(value)));
      return std::nullopt;
    }
    if (value.is_integer()) {
      return static_cast<std::uint64_t>(value.as_integer());
    }
    const double number = value.as_number();
    return number >= 1.8e19 ? std::numeric_limits<std::uint64_t>::max() : static_cast<std::uint64_t>(number);
  }

  const detail::Regex* regex(const Schema& schema, const std::string& pattern, const std::string& pointer, Mark mark,
                             std::string_view keyword) {
    auto compiled = detail::Regex::compile(pattern);
    if (!compiled) {
      error(Place{schema.document, pointer}, mark, std::string(keyword),
            fmt::format("invalid regular expression `{}` in `{}`: {}", pattern, keyword, compiled.error().message));
      return nullptr;
    }
    return &m_out.regexes.emplace_back(std::move(*compiled));
  }

  std::optional<std::vector<std::string>> string_list(const Schema& schema, const Node& value,
                                                      const std::string& pointer, std::string_view keyword) {
    if (!value.is_sequence() ||
        !std::all_of(value.items().begin(), value.items().end(), [](const Node& item) { return item.is_string(); })) {
      error(Place{schema.document, pointer}, value.mark(), std::string(keyword),
            fmt::format("`{}` must be a list of key names", keyword));
      return std::nullopt;
    }
    std::vector<std::string> names;
    for (const Node& item : value.items()) {
      names.push_back(item.as_string());
    }
    return names;
  }

  void compile_type(Schema& schema, const Node& value) {
    const Place place{schema.document, document::append_pointer(schema.pointer, "type")};
    std::vector<const Node*> names;
    if (value.is_string()) {
      names.push_back(&value);
    } else if (value.is_sequence()) {
      for (const Node& item : value.items()) {
        names.push_back(&item);
      }
    }
    if (names.empty() && !value.is_sequence()) {
      error(place, value.mark(), "type",
            fmt::format("`type` must be a type name or a list of type names; got {}", describe(value)));
      return;
    }
    std::vector<std::string_view> known;
    for (const auto& [name, bit] : k_type_names) {
      known.push_back(name);
    }
    for (const Node* name : names) {
      const auto found = std::find_if(k_type_names.begin(), k_type_names.end(), [&](const auto& entry) {
        return name->is_string() && entry.first == name->as_string();
      });
      if (found == k_type_names.end()) {
        const std::string suggestion =
            name->is_string() ? util::closest_match(name->as_string(), known) : std::string();
        error(place, name->mark(), "type",
              fmt::format("unknown type {} in `type` (the types are: null, boolean, integer, number, string, array, "
                          "object){}",
                          name->is_string() ? fmt::format("`{}`", name->as_string()) : describe(*name),
                          suggestion.empty() ? "" : fmt::format(" (did you mean `{}`?)", suggestion)));
        continue;
      }
      schema.types |= found->second;
    }
    if (names.empty()) {
      // "type": [] allows nothing; keep a bit pattern no value has.
      schema.types = 0x80;
    }
  }

  void compile(Schema& schema, const Node& node, std::string base) {
    schema.mark = node.mark();
    const Place here{schema.document, schema.pointer};
    if (node.is_bool()) {
      schema.is_boolean = true;
      schema.boolean_value = node.as_bool();
      return;
    }
    if (!node.is_mapping()) {
      error(here, node.mark(), "", fmt::format("a schema must be a mapping, or true or false; got {}", describe(node)));
      return;
    }
    auto at = [&](std::string_view keyword) { return document::append_pointer(schema.pointer, keyword); };

    if (const Node* ref = node.find("$ref")) {
      // draft-07: "$ref" replaces the whole schema object; its other keywords are ignored.
      if (!ref->is_string()) {
        error(Place{schema.document, at("$ref")}, ref->mark(), "$ref",
              fmt::format("`$ref` must be a string; got {}", describe(*ref)));
        return;
      }
      schema.ref_text = ref->as_string();
      if (const auto target = resolve_ref(schema.ref_text, base, Place{schema.document, at("$ref")}, ref->mark())) {
        schema.ref = get_schema(target->document, target->pointer, nullptr, std::nullopt);
      }
      return;
    }
    if (const Node* id = node.find("$id"); id && id->is_string()) {
      base = detail::strip_fragment(detail::resolve_uri(base, id->as_string()));
    }

    for (const auto& entry : node.entries()) {
      const std::string_view keyword = entry.key;
      const Node& value = entry.value;
      const std::string pointer = at(keyword);
      const Place place{schema.document, pointer};
      if (keyword == "type") {
        compile_type(schema, value);
      } else if (keyword == "enum") {
        if (!value.is_sequence()) {
          error(place, value.mark(), "enum", fmt::format("`enum` must be a list of values; got {}", describe(value)));
          continue;
        }
        schema.has_enum = true;
        schema.enum_values.assign(value.items().begin(), value.items().end());
      } else if (keyword == "const") {
        schema.const_value = value;
      } else if (keyword == "multipleOf") {
        if (!value.is_number() || !(value.as_number() > 0)) {
          error(place, value.mark(), "multipleOf",
                fmt::format("`multipleOf` must be a number greater than 0; got {}", describe(value)));
          continue;
        }
        schema.multiple_of = value;
      } else if (keyword == "maximum") {
        schema.maximum = number_keyword(schema, value, keyword);
      } else if (keyword == "minimum") {
        schema.minimum = number_keyword(schema, value, keyword);
      } else if (keyword == "exclusiveMaximum") {
        schema.exclusive_maximum = number_keyword(schema, value, keyword);
      } else if (keyword == "exclusiveMinimum") {
        schema.exclusive_minimum = number_keyword(schema, value, keyword);
      } else if (keyword == "maxLength") {
        schema.max_length = count_keyword(schema, value, keyword);
      } else if (keyword == "minLength") {
        schema.min_length = count_keyword(schema, value, keyword);
      } else if (keyword == "maxItems") {
        schema.max_items = count_keyword(schema, value, keyword);
      } else if (keyword == "minItems") {
        schema.min_items = count_keyword(schema, value, keyword);
      } else if (keyword == "maxProperties") {
        schema.max_properties = count_keyword(schema, value, keyword);
      } else if (keyword == "minProperties") {
        schema.min_properties = count_keyword(schema, value, keyword);
      } else if (keyword == "pattern") {
        if (!value.is_string()) {
          error(place, value.mark(), "pattern", fmt::format("`pattern` must be a string; got {}", describe(value)));
          continue;
        }
        schema.pattern = regex(schema, value.as_string(), pointer, value.mark(), keyword);
      } else if (keyword == "format") {
        if (!value.is_string()) {
          error(place, value.mark(), "format", fmt::format("`format` must be a string; got {}", describe(value)));
          continue;
        }
        if (m_options.assert_formats) {
          schema.format = format_of(value.as_string());
        }
      } else if (keyword == "items") {
        if (value.is_sequence()) {
          schema.has_tuple_items = true;
          for (std::size_t i = 0; i < value.items().size(); ++i) {
            if (const Schema* item =
                    subschema(schema, value.items()[i], document::append_pointer(pointer, i), keyword, base)) {
              schema.tuple_items.push_back(item);
            }
          }
        } else {
          schema.items = subschema(schema, value, pointer, keyword, base);
        }
      } else if (keyword == "additionalItems") {
        schema.additional_items = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "contains") {
        schema.contains = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "uniqueItems") {
        if (!value.is_bool()) {
          error(place, value.mark(), "uniqueItems",
                fmt::format("`uniqueItems` must be true or false; got {}", describe(value)));
          continue;
        }
        schema.unique_items = value.as_bool();
      } else if (keyword == "properties" || keyword == "patternProperties" || keyword == "definitions") {
        if (!value.is_mapping()) {
          error(place, value.mark(), std::string(keyword),
                fmt::format("`{}` must be a mapping of names to schemas; got {}", keyword, describe(value)));
          continue;
        }
        for (const auto& member : value.entries()) {
          const Schema* child =
              subschema(schema, member.value, document::append_pointer(pointer, member.key), keyword, base);
          if (!child) {
            continue;
          }
          if (keyword == "properties") {
            schema.properties.push_back(detail::NamedSchema{member.key, child});
          } else if (keyword == "patternProperties") {
            if (const detail::Regex* compiled = regex(schema, member.key, document::append_pointer(pointer, member.key),
                                                      member.key_mark, keyword)) {
              schema.pattern_properties.push_back(detail::PatternSchema{compiled, child});
            }
          }
        }
      } else if (keyword == "additionalProperties") {
        schema.additional_properties = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "propertyNames") {
        schema.property_names = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "required") {
        if (auto names = string_list(schema, value, pointer, keyword)) {
          schema.required = std::move(*names);
        }
      } else if (keyword == "dependencies") {
        if (!value.is_mapping()) {
          error(place, value.mark(), "dependencies",
                fmt::format("`dependencies` must be a mapping; got {}", describe(value)));
          continue;
        }
        for (const auto& member : value.entries()) {
          const std::string member_pointer = document::append_pointer(pointer, member.key);
          if (member.value.is_sequence()) {
            if (auto names = string_list(schema, member.value, member_pointer, keyword)) {
              schema.key_dependencies.push_back(detail::KeyDependency{member.key, std::move(*names)});
            }
          } else if (const Schema* child = subschema(schema, member.value, member_pointer, keyword, base)) {
            schema.schema_dependencies.push_back(detail::NamedSchema{member.key, child});
          }
        }
      } else if (keyword == "allOf" || keyword == "anyOf" || keyword == "oneOf") {
        if (!value.is_sequence() || value.items().empty()) {
          error(place, value.mark(), std::string(keyword),
                fmt::format("`{}` must be a list of one or more schemas; got {}", keyword,
                            value.is_sequence() ? "an empty list" : describe(value)));
          continue;
        }
        auto& list = keyword == "allOf" ? schema.all_of : keyword == "anyOf" ? schema.any_of : schema.one_of;
        for (std::size_t i = 0; i < value.items().size(); ++i) {
          if (const Schema* child =
                  subschema(schema, value.items()[i], document::append_pointer(pointer, i), keyword, base)) {
            list.push_back(child);
          }
        }
      } else if (keyword == "not") {
        schema.not_schema = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "if") {
        schema.if_schema = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "then") {
        schema.then_schema = subschema(schema, value, pointer, keyword, base);
      } else if (keyword == "else") {
        schema.else_schema = subschema(schema, value, pointer, keyword, base);
      }
      // Any other keyword ("title", "x-identity", ...) is an annotation and is ignored.
    }
    if (!schema.if_schema) {
      // Without "if", "then" and "else" have no effect (draft-07).
      schema.then_schema = nullptr;
      schema.else_schema = nullptr;
    }
    schema.properties_sorted.resize(schema.properties.size());
    for (std::size_t i = 0; i < schema.properties.size(); ++i) {
      schema.properties_sorted[i] = i;
    }
    std::sort(schema.properties_sorted.begin(), schema.properties_sorted.end(),
              [&](std::size_t a, std::size_t b) { return schema.properties[a].name < schema.properties[b].name; });
  }

  static Format format_of(std::string_view name) {
    if (name == "date") {
      return Format::date;
    }
    if (name == "date-time") {
      return Format::date_time;
    }
    if (name == "time") {
      return Format::time;
    }
    if (name == "email") {
      return Format::email;
    }
    if (name == "uri") {
      return Format::uri;
    }
    if (name == "regex") {
      return Format::regex;
    }
    return Format::none;  // other formats are annotations only
  }

  // ---- endless loops

  // A schema that applies itself to the same value again ({"$ref": "#"} at the root, or an "allOf" that
  // leads back to where it started) would recurse for ever: refuse it here rather than at validation.
  void find_cycles() {
    struct Edge {
      const Schema* target;
      std::string_view keyword;
    };
    auto in_place = [](const Schema& schema) {
      std::vector<Edge> edges;
      if (schema.ref) {
        edges.push_back({schema.ref, "$ref"});
        return edges;
      }
      for (const Schema* child : schema.all_of) {
        edges.push_back({child, "allOf"});
      }
      for (const Schema* child : schema.any_of) {
        edges.push_back({child, "anyOf"});
      }
      for (const Schema* child : schema.one_of) {
        edges.push_back({child, "oneOf"});
      }
      for (const auto& dependency : schema.schema_dependencies) {
        edges.push_back({dependency.schema, "dependencies"});
      }
      for (const auto& [child, keyword] :
           {std::pair{schema.not_schema, "not"}, std::pair{schema.if_schema, "if"},
            std::pair{schema.then_schema, "then"}, std::pair{schema.else_schema, "else"}}) {
        if (child) {
          edges.push_back({child, keyword});
        }
      }
      return edges;
    };
    enum class State : std::uint8_t { unseen, open, done };
    std::unordered_map<const Schema*, State> state;
    struct Frame {
      const Schema* schema;
      std::vector<Edge> edges;
      std::size_t next = 0;
    };
    for (const Schema& start : m_out.schemas) {
      if (state[&start] != State::unseen) {
        continue;
      }
      std::vector<Frame> stack;
      stack.push_back(Frame{&start, in_place(start)});
      state[&start] = State::open;
      while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.next == frame.edges.size()) {
          state[frame.schema] = State::done;
          stack.pop_back();
          continue;
        }
        const Edge edge = frame.edges[frame.next++];
        State& target = state[edge.target];
        if (target == State::open) {
          const Schema& from = *frame.schema;
          const std::string where = edge.target->pointer.empty() ? "#" : "#" + edge.target->pointer;
          const Node* node = m_documents[from.document].document.root.at_pointer(from.pointer);
          const Node* value = node ? node->find(edge.keyword) : nullptr;
          error(
              Place{from.document, document::append_pointer(from.pointer, edge.keyword)},
              value ? value->mark() : from.mark, std::string(edge.keyword),
              fmt::format("`{}` leads back to `{}` without going deeper into the data, an endless loop",
                          edge.keyword == "$ref" ? fmt::format("$ref` `{}", from.ref_text) : std::string(edge.keyword),
                          where));
        } else if (target == State::unseen) {
          target = State::open;
          stack.push_back(Frame{edge.target, in_place(*edge.target)});
        }
      }
    }
  }

  const CompileOptions& m_options;
  CompiledSchema& m_out;
  std::deque<Loaded> m_documents;      // a deque: compiled schemas keep pointers to nodes inside
  std::map<std::string, Place> m_ids;  // absolute URI (or URI#name) -> schema
  std::map<std::string, std::size_t> m_loaded_files;
  std::map<std::pair<std::size_t, std::string>, Schema*> m_compiled;
  std::map<std::pair<std::size_t, std::string>, Position> m_positions;
  std::vector<Pending> m_pending;
  Diagnostics m_errors;
};

}  // namespace

util::Expected<Validator, Diagnostics> Validator::compile(const document::Document& schema,
                                                          const CompileOptions& options) {
  auto compiled = std::make_shared<CompiledSchema>();
  Compiler compiler(options, *compiled);
  compiled->root = compiler.compile_root(schema);
  Diagnostics errors = compiler.take_errors();
  if (!errors.empty()) {
    sort_diagnostics(errors);
    errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
    return util::unexpected(std::move(errors));
  }
  return Validator(std::shared_ptr<const CompiledSchema>(std::move(compiled)));
}

}  // namespace wellbeing::schema
