// Validator::validate and is_valid: applies a CompiledSchema (see compiler.cpp) to a document. One
// evaluator serves both: with an issue list it explains every failure; without one it stops at the
// first failure and builds no messages.

#include "wellbeing/schema/validator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <cmath>
#include <functional>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "compiled.hpp"
#include "format.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::schema {

namespace {

using detail::Format;
using detail::MatchResult;
using detail::Schema;
using document::Kind;
using document::Mark;
using document::Node;

// Bounds that keep a hostile schema from running for ever or exhausting the stack. Cycles that do not
// move into the data are refused at compile time; these catch what is left (very long $ref chains,
// combinatorial anyOf nesting).
constexpr std::size_t k_max_steps = 20'000'000;
constexpr std::size_t k_max_depth = 1'000;

constexpr std::size_t k_max_shown_characters = 60;

// ---- words for messages

// `text`, shortened to a readable length.
std::string backticked(std::string_view text) {
  if (util::utf8_length(text) <= k_max_shown_characters) {
    return fmt::format("`{}`", text);
  }
  std::size_t characters = 0;
  std::size_t end = 0;
  while (end < text.size() && characters < k_max_shown_characters) {
    ++end;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
    ++characters;
  }
  return fmt::format("`{}…`", text.substr(0, end));
}

// A value from the document as the object of "got ...", saying what kind of value it is.
std::string kind_and_value(const Node& node) {
  switch (node.kind()) {
    case Kind::null:
      return "an empty value";
    case Kind::boolean:
      return backticked(node.text());
    case Kind::integer:
    case Kind::floating:
      return fmt::format("the number {}", node.text());
    case Kind::string:
      return fmt::format("the string {}", backticked(node.as_string()));
    case Kind::sequence:
      return "a list";
    case Kind::mapping:
      return "a mapping";
  }
  return "a value";
}

// A value from the document as the object of "got ..." when its kind is already clear.
std::string value_text(const Node& node) {
  switch (node.kind()) {
    case Kind::integer:
    case Kind::floating:
      return node.text();
    case Kind::string:
      return backticked(node.as_string());
    default:
      return kind_and_value(node);
  }
}

// A value from the schema, as in "must be `wellbeing/v1`".
std::string literal(const Node& node) {
  switch (node.kind()) {
    case Kind::integer:
    case Kind::floating:
      return node.text();
    case Kind::string:
      return backticked(node.as_string());
    case Kind::boolean:
      return backticked(node.text());
    default:
      return backticked(node.to_json());
  }
}

// One allowed value in a list: strings bare, as people write them in YAML.
std::string enum_item(const Node& node) {
  if (node.is_string()) {
    return node.as_string().empty() ? "\"\"" : node.as_string();
  }
  return node.is_number() ? node.text() : node.to_json();
}

std::string join(const std::vector<std::string>& words, std::string_view last_separator) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      out += i + 1 == words.size() ? last_separator : std::string_view(", ");
    }
    out += words[i];
  }
  return out;
}

std::string enum_list(const std::vector<Node>& values) {
  std::vector<std::string> words;
  for (const Node& value : values) {
    words.push_back(enum_item(value));
  }
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? "" : ", ";
    out += words[i];
  }
  return out;
}

// What a `type` keyword asks for, in words: "a string or empty".
std::string type_words(std::uint8_t types) {
  std::vector<std::string> words;
  if (types & detail::k_object) {
    words.emplace_back("a mapping");
  }
  if (types & detail::k_array) {
    words.emplace_back("a list");
  }
  if (types & detail::k_string) {
    words.emplace_back("a string");
  }
  if (types & detail::k_number) {
    words.emplace_back("a number");
  } else if (types & detail::k_integer) {
    words.emplace_back("a whole number");
  }
  if (types & detail::k_boolean) {
    words.emplace_back("true or false");
  }
  if (types & detail::k_null) {
    words.emplace_back("empty");
  }
  if (words.empty()) {
    return "nothing at all";
  }
  return join(words, " or ");
}

std::string plural(std::uint64_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

// "expected 1 to 3 items; got 5", from whichever of the two bounds the schema gives.
std::string count_message(std::optional<std::uint64_t> minimum, std::optional<std::uint64_t> maximum,
                          std::uint64_t actual, std::string_view one, std::string_view many) {
  if (minimum && maximum) {
    if (*minimum == *maximum) {
      return fmt::format("expected {}; got {}", plural(*minimum, one, many), actual);
    }
    return fmt::format("expected {} to {} {}; got {}", *minimum, *maximum, *maximum == 1 ? one : many, actual);
  }
  if (minimum) {
    return fmt::format("expected at least {}; got {}", plural(*minimum, one, many), actual);
  }
  return fmt::format("expected at most {}; got {}", plural(maximum.value_or(0), one, many), actual);
}

// ---- value checks

std::uint8_t type_bit(const Node& node) {
  switch (node.kind()) {
    case Kind::null:
      return detail::k_null;
    case Kind::boolean:
      return detail::k_boolean;
    case Kind::integer:
      return detail::k_integer;
    case Kind::floating: {
      const double value = node.as_number();
      return std::isfinite(value) && value == std::floor(value) ? detail::k_integer : detail::k_number;
    }
    case Kind::string:
      return detail::k_string;
    case Kind::sequence:
      return detail::k_array;
    case Kind::mapping:
      return detail::k_object;
  }
  return 0;
}

bool has_type(std::uint8_t types, const Node& node) {
  const std::uint8_t bit = type_bit(node);
  // An integer is a number; a number with no fractional part (1.0) is an integer.
  return (types & bit) != 0 || (bit == detail::k_integer && (types & detail::k_number) != 0);
}

// Same JSON kind, counting integers and other numbers as one.
bool same_kind(const Node& a, const Node& b) { return a.kind() == b.kind() || (a.is_number() && b.is_number()); }

// -1, 0 or 1; exact for two integers.
int compare_numbers(const Node& a, const Node& b) {
  if (a.is_integer() && b.is_integer()) {
    return a.as_integer() < b.as_integer() ? -1 : a.as_integer() > b.as_integer() ? 1 : 0;
  }
  const double x = a.as_number();
  const double y = b.as_number();
  if (std::isnan(x) || std::isnan(y)) {
    return 2;  // unordered: fails every bound
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

bool is_multiple(const Node& value, const Node& divisor) {
  if (value.is_integer() && divisor.is_integer()) {
    return value.as_integer() % divisor.as_integer() == 0;
  }
  const double quotient = value.as_number() / divisor.as_number();
  if (std::isinf(quotient) && std::isfinite(value.as_number())) {
    // The quotient overflows (1e308 / 0.5); fmod is exact, so ask it instead.
    return std::fmod(value.as_number(), divisor.as_number()) == 0;
  }
  if (!std::isfinite(quotient)) {
    return false;
  }
  // Decimal fractions such as 0.0075 / 0.0001 are not exact in binary; allow for rounding.
  return std::fabs(quotient - std::nearbyint(quotient)) <= 1e-9 * std::max(1.0, std::fabs(quotient));
}

// A hash that agrees with Node::equals (numbers by value, mappings regardless of key order).
std::size_t json_hash(const Node& node) {
  switch (node.kind()) {
    case Kind::null:
      return 0x9e37;
    case Kind::boolean:
      return node.as_bool() ? 0x51 : 0x52;
    case Kind::integer:
    case Kind::floating:
      return std::hash<double>{}(node.as_number() == 0 ? 0.0 : node.as_number());
    case Kind::string:
      return std::hash<std::string_view>{}(node.as_string());
    case Kind::sequence: {
      std::size_t hash = 0x1234;
      for (const Node& item : node.items()) {
        hash = hash * 31 + json_hash(item);
      }
      return hash;
    }
    case Kind::mapping: {
      std::size_t hash = 0x4321;
      for (const auto& entry : node.entries()) {
        hash += std::hash<std::string_view>{}(entry.key) ^ (json_hash(entry.value) * 7);
      }
      return hash;
    }
  }
  return 0;
}

bool check_format(Format format, const std::string& text) {
  switch (format) {
    case Format::none:
      return true;
    case Format::date:
      return detail::is_date(text);
    case Format::date_time:
      return detail::is_date_time(text);
    case Format::time:
      return detail::is_time(text);
    case Format::email:
      return detail::is_email(text);
    case Format::uri:
      return detail::is_uri(text);
    case Format::regex:
      return static_cast<bool>(detail::Regex::compile(text));
  }
  return true;
}

std::string_view format_words(Format format) {
  switch (format) {
    case Format::date:
      return "a date (YYYY-MM-DD)";
    case Format::date_time:
      return "a date and time (YYYY-MM-DDThh:mm:ss with Z or an offset such as +01:00)";
    case Format::time:
      return "a time (hh:mm:ss with Z or an offset such as +01:00)";
    case Format::email:
      return "an email address";
    case Format::uri:
      return "a full URI such as https://example.org/page";
    case Format::regex:
      return "a regular expression";
    case Format::none:
      break;
  }
  return "valid";
}

// Follows a chain of "$ref"s to the schema that does the work (cycles were refused at compile time).
const Schema& resolved(const Schema& schema) {
  const Schema* current = &schema;
  for (int hops = 0; current->ref && hops < 1000; ++hops) {
    current = current->ref;
  }
  return *current;
}

// How many keywords take part in validation (annotations do not count); -1 for $ref and boolean schemas.
int keyword_count(const Schema& s) {
  if (s.is_boolean || s.ref) {
    return -1;
  }
  const bool present[] = {
      s.types != 0,
      s.has_enum,
      s.const_value.has_value(),
      s.multiple_of.has_value(),
      s.maximum.has_value(),
      s.minimum.has_value(),
      s.exclusive_maximum.has_value(),
      s.exclusive_minimum.has_value(),
      s.max_length.has_value(),
      s.min_length.has_value(),
      s.pattern != nullptr,
      s.format != Format::none,
      s.items != nullptr || s.has_tuple_items,
      s.additional_items != nullptr && s.has_tuple_items,
      s.contains != nullptr,
      s.max_items.has_value(),
      s.min_items.has_value(),
      s.unique_items,
      !s.properties.empty(),
      !s.pattern_properties.empty(),
      s.additional_properties != nullptr,
      s.property_names != nullptr,
      !s.required.empty(),
      !s.key_dependencies.empty() || !s.schema_dependencies.empty(),
      s.max_properties.has_value(),
      s.min_properties.has_value(),
      !s.all_of.empty(),
      !s.any_of.empty(),
      !s.one_of.empty(),
      s.not_schema != nullptr,
      s.if_schema != nullptr,
  };
  return static_cast<int>(std::count(std::begin(present), std::end(present), true));
}

// The key of a schema that is nothing but `"required": [key]`, as in a oneOf of alternative keys.
std::optional<std::string> single_required_key(const Schema& schema) {
  const Schema& target = resolved(schema);
  if (keyword_count(target) == 1 && target.required.size() == 1) {
    return target.required.front();
  }
  return std::nullopt;
}

// ---- issues

struct Issue {
  Diagnostic diagnostic;
  std::size_t depth = 0;       // length of the path to the value it is about
  std::string expected;        // for type, const and enum: what the value should have been
  std::string key;             // for required: the missing key
  bool kind_mismatch = false;  // the value is of a kind this schema never accepts
};

using Issues = std::vector<Issue>;

struct Step {
  std::string_view key;   // for a mapping value
  std::size_t index = 0;  // for a list item
  bool is_key = false;
  Mark key_mark;
};

class Evaluator {
 public:
  explicit Evaluator(std::string_view file) : m_file(file) {}

  // True when `node` is valid against `schema`. With `out`, every failure below is explained there.
  bool evaluate(const Schema& schema, const Node& node, Issues* out) {
    if (m_stopped) {
      return false;
    }
    if (++m_steps > k_max_steps || m_depth >= k_max_depth) {
      m_stopped = true;
      m_stop_message = m_depth >= k_max_depth
                           ? "validation stopped: the schema nests too deeply for this document"
                           : "validation stopped: checking this document against the schema takes too many steps";
      return false;
    }
    ++m_depth;
    const bool valid = evaluate_schema(schema, node, out);
    --m_depth;
    return valid;
  }

  bool stopped() const { return m_stopped; }
  const std::string& stop_message() const { return m_stop_message; }

  // A pattern that gave up (match limit) while its answer did not produce a message of its own, for
  // example inside "not" or "if".
  const std::optional<Diagnostic>& unreported_limit() const { return m_limit; }

 private:
  bool evaluate_schema(const Schema& schema, const Node& node, Issues* out) {
    if (schema.is_boolean) {
      if (!schema.boolean_value && out) {
        report_false(node, *out);
      }
      return schema.boolean_value;
    }
    if (schema.ref) {
      return evaluate(*schema.ref, node, out);
    }
    bool valid = true;
    bool type_ok = true;
    if (schema.types != 0 && !has_type(schema.types, node)) {
      type_ok = false;
      valid = false;
      if (!out) {
        return false;
      }
      Issue& issue =
          report(*out, node, "type",
                 fmt::format("{} must be {}; got {}", subject(), type_words(schema.types), kind_and_value(node)));
      issue.expected = type_words(schema.types);
      issue.kind_mismatch = true;
    }
    if (schema.const_value && !schema.const_value->equals(node)) {
      valid = false;
      if (!out) {
        return false;
      }
      if (type_ok) {
        const bool other_kind = !same_kind(*schema.const_value, node);
        Issue& issue = report(*out, node, "const",
                              fmt::format("{} must be {}; got {}", subject(), literal(*schema.const_value),
                                          other_kind ? kind_and_value(node) : value_text(node)));
        issue.expected = literal(*schema.const_value);
        issue.kind_mismatch = other_kind;
      }
    }
    if (schema.has_enum && !std::any_of(schema.enum_values.begin(), schema.enum_values.end(),
                                        [&](const Node& value) { return value.equals(node); })) {
      valid = false;
      if (!out) {
        return false;
      }
      if (type_ok) {
        report_enum(schema, node, *out);
      }
    }
    if (node.is_number()) {
      valid = check_number(schema, node, out) && valid;
    } else if (node.is_string()) {
      valid = check_string(schema, node, out) && valid;
    } else if (node.is_sequence()) {
      valid = check_array(schema, node, out) && valid;
    } else if (node.is_mapping()) {
      valid = check_object(schema, node, out) && valid;
    }
    if (!valid && !out) {
      return false;
    }
    return check_combinations(schema, node, out) && valid;
  }

  // ---- numbers, strings

  // Records that `node` fails `keyword`, building the message only when there is somewhere to put it.
  // True when the caller should stop: with no one collecting issues, the first failure decides.
  template <typename Message>
  bool failed(bool& valid, Issues* out, const Node& node, std::string_view keyword, const Message& message) {
    valid = false;
    if (out) {
      report(*out, node, keyword, message());
    }
    return out == nullptr;
  }

  bool check_number(const Schema& schema, const Node& node, Issues* out) {
    bool valid = true;
    auto fail = [&](std::string_view keyword, const auto& message) {
      return failed(valid, out, node, keyword, message);
    };
    if (schema.multiple_of && !is_multiple(node, *schema.multiple_of) && fail("multipleOf", [&] {
          return fmt::format("{} must be a multiple of {}; got {}", subject(), schema.multiple_of->text(), node.text());
        })) {
      return false;
    }
    if (schema.maximum && compare_numbers(node, *schema.maximum) > 0 && fail("maximum", [&] {
          return fmt::format("{} must be at most {}; got {}", subject(), schema.maximum->text(), node.text());
        })) {
      return false;
    }
    if (schema.minimum && compare_numbers(node, *schema.minimum) != 0 && compare_numbers(node, *schema.minimum) != 1 &&
        fail("minimum", [&] {
          return fmt::format("{} must be at least {}; got {}", subject(), schema.minimum->text(), node.text());
        })) {
      return false;
    }
    if (schema.exclusive_maximum && compare_numbers(node, *schema.exclusive_maximum) != -1 &&
        fail("exclusiveMaximum", [&] {
          return fmt::format("{} must be less than {}; got {}", subject(), schema.exclusive_maximum->text(),
                             node.text());
        })) {
      return false;
    }
    if (schema.exclusive_minimum && compare_numbers(node, *schema.exclusive_minimum) != 1 &&
        fail("exclusiveMinimum", [&] {
          return fmt::format("{} must be more than {}; got {}", subject(), schema.exclusive_minimum->text(),
                             node.text());
        })) {
      return false;
    }
    return valid;
  }

  bool check_string(const Schema& schema, const Node& node, Issues* out) {
    const std::string& text = node.as_string();
    bool valid = true;
    auto fail = [&](std::string_view keyword, const auto& message) {
      return failed(valid, out, node, keyword, message);
    };
    if (schema.max_length || schema.min_length) {
      const std::size_t length = util::utf8_length(text);
      if (schema.max_length && length > *schema.max_length && fail("maxLength", [&] {
            return fmt::format("{} must be at most {} long; got {}", subject(),
                               plural(*schema.max_length, "character", "characters"), length);
          })) {
        return false;
      }
      if (schema.min_length && length < *schema.min_length) {
        const auto message = [&] {
          return length == 0 ? fmt::format("{} must not be empty", subject())
                             : fmt::format("{} must be at least {} long; got {}", subject(),
                                           plural(*schema.min_length, "character", "characters"), length);
        };
        if (fail("minLength", message)) {
          return false;
        }
      }
    }
    bool format_ok = true;
    if (schema.format != Format::none && !check_format(schema.format, text)) {
      format_ok = false;
      const auto message = [&] {
        std::string words =
            fmt::format("{} must be {}; got {}", subject(), format_words(schema.format), backticked(text));
        if (schema.format == Format::regex) {
          words += fmt::format(" ({})", detail::Regex::compile(text).error().message);
        }
        return words;
      };
      if (fail("format", message)) {
        return false;
      }
    }
    if (schema.pattern) {
      const MatchResult result = schema.pattern->search(text);
      if (result == MatchResult::too_complex) {
        valid = false;
        note_limit(node, *schema.pattern, out);
        if (!out) {
          return false;
        }
      } else if (result == MatchResult::no_match) {
        valid = false;
        if (!out) {
          return false;
        }
        // A value that is not a date at all need not also be told it does not match the date pattern.
        if (format_ok) {
          report(*out, node, "pattern",
                 fmt::format("{} must match the pattern {}; got {}", subject(), backticked(schema.pattern->source()),
                             backticked(text)));
        }
      }
    }
    return valid;
  }

  // ---- arrays and objects

  struct Noun {
    const char* one;
    const char* many;
  };

  // minItems/maxItems (`what` "Items") or minProperties/maxProperties ("Properties") over `size` entries.
  bool check_size(const Node& node, std::size_t size, std::optional<std::uint64_t> min, std::optional<std::uint64_t> max,
                  std::string_view what, Noun noun, Issues* out) {
    if ((!max || size <= *max) && (!min || size >= *min)) {
      return true;
    }
    if (out) {
      report(*out, node, fmt::format("{}{}", size < min.value_or(0) ? "min" : "max", what),
             count_message(min, max, size, noun.one, noun.many));
    }
    return false;
  }

  bool check_array(const Schema& schema, const Node& node, Issues* out) {
    const auto items = node.items();
    bool valid = true;
    if (!check_size(node, items.size(), schema.min_items, schema.max_items, "Items", {"item", "items"}, out)) {
      valid = false;
      if (!out) {
        return false;
      }
    }
    if (schema.items) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (!descend_item(*schema.items, items, i, out)) {
          valid = false;
          if (!out) {
            return false;
          }
        }
      }
    } else if (schema.has_tuple_items) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (i < schema.tuple_items.size()) {
          if (!descend_item(*schema.tuple_items[i], items, i, out)) {
            valid = false;
          }
        } else if (schema.additional_items) {
          const Schema& additional = resolved(*schema.additional_items);
          if (additional.is_boolean && !additional.boolean_value) {
            valid = false;
            if (out) {
              push_index(i);
              report(*out, items[i], "additionalItems",
                     count_message(std::nullopt, schema.tuple_items.size(), items.size(), "item", "items"));
              m_path.pop_back();
            }
            break;
          }
          if (!descend_item(*schema.additional_items, items, i, out)) {
            valid = false;
          }
        }
        if (!valid && !out) {
          return false;
        }
      }
    }
    if (schema.contains) {
      bool found = false;
      for (std::size_t i = 0; i < items.size() && !found; ++i) {
        found = descend_item(*schema.contains, items, i, nullptr);
      }
      if (!found) {
        valid = false;
        if (!out) {
          return false;
        }
        report(*out, node, "contains",
               items.empty() ? fmt::format("{} must contain at least one matching item; it is empty", subject())
                             : fmt::format("{} must contain at least one matching item; none of its {} match",
                                           subject(), plural(items.size(), "item", "items")));
      }
    }
    if (schema.unique_items && items.size() > 1) {
      std::unordered_map<std::size_t, std::vector<std::size_t>> seen;
      for (std::size_t i = 0; i < items.size(); ++i) {
        std::vector<std::size_t>& bucket = seen[json_hash(items[i])];
        const auto earlier =
            std::find_if(bucket.begin(), bucket.end(), [&](std::size_t j) { return items[j].equals(items[i]); });
        m_steps += bucket.size();
        if (earlier == bucket.end()) {
          bucket.push_back(i);
          continue;
        }
        valid = false;
        if (!out) {
          return false;
        }
        push_index(i);
        report(*out, items[i], "uniqueItems",
               fmt::format("{} repeats item {}; items must be unique", subject(), *earlier + 1));
        m_path.pop_back();
      }
    }
    return valid;
  }

  bool descend_item(const Schema& schema, std::span<const Node> items, std::size_t index, Issues* out) {
    push_index(index);
    const bool valid = evaluate(schema, items[index], out);
    m_path.pop_back();
    return valid;
  }

  // ---- objects

  bool check_object(const Schema& schema, const Node& node, Issues* out) {
    const auto entries = node.entries();
    bool valid = true;
    if (!check_size(node, entries.size(), schema.min_properties, schema.max_properties, "Properties", {"key", "keys"},
                    out)) {
      valid = false;
      if (!out) {
        return false;
      }
    }
    for (const std::string& key : schema.required) {
      if (!node.find(key)) {
        valid = false;
        if (!out) {
          return false;
        }
        report(*out, node, "required", fmt::format("missing required key {}", backticked(key))).key = key;
      }
    }
    for (const auto& dependency : schema.key_dependencies) {
      if (!node.find(dependency.key)) {
        continue;
      }
      for (const std::string& key : dependency.required) {
        if (!node.find(key)) {
          valid = false;
          if (!out) {
            return false;
          }
          report(*out, node, "dependencies",
                 fmt::format("missing key {}, which is needed when {} is given", backticked(key),
                             backticked(dependency.key)));
        }
      }
    }
    const bool check_members = !schema.properties.empty() || !schema.pattern_properties.empty() ||
                               schema.additional_properties || schema.property_names;
    for (std::size_t i = 0; check_members && i < entries.size(); ++i) {
      const document::Entry& entry = entries[i];
      m_path.push_back(Step{entry.key, 0, true, entry.key_mark});
      bool member_valid = check_member(schema, node, entry, out);
      if (schema.property_names) {
        m_key_subject = entry.key;
        member_valid =
            evaluate(*schema.property_names, Node::make_string(entry.key, entry.key_mark), out) && member_valid;
        m_key_subject.reset();
      }
      m_path.pop_back();
      if (!member_valid) {
        valid = false;
        if (!out) {
          return false;
        }
      }
    }
    for (const auto& dependency : schema.schema_dependencies) {
      if (node.find(dependency.name) && !evaluate(*dependency.schema, node, out)) {
        valid = false;
        if (!out) {
          return false;
        }
      }
    }
    return valid;
  }

  // properties, patternProperties and additionalProperties for one member; the member's step is pushed.
  bool check_member(const Schema& schema, const Node& object, const document::Entry& entry, Issues* out) {
    bool valid = true;
    bool matched = false;
    if (const Schema* property = schema.property(entry.key)) {
      matched = true;
      valid = evaluate(*property, entry.value, out);
      if (!valid && !out) {
        return false;
      }
    }
    for (const auto& pattern : schema.pattern_properties) {
      const MatchResult result = pattern.regex->search(entry.key);
      if (result == MatchResult::too_complex) {
        note_limit(Node::make_string(entry.key, entry.key_mark), *pattern.regex, out);
        valid = false;
        matched = true;  // unknown; do not also call it an unknown key
        if (!out) {
          return false;
        }
        continue;
      }
      if (result == MatchResult::match) {
        matched = true;
        valid = evaluate(*pattern.schema, entry.value, out) && valid;
        if (!valid && !out) {
          return false;
        }
      }
    }
    if (matched || !schema.additional_properties) {
      return valid;
    }
    const Schema& additional = resolved(*schema.additional_properties);
    if (additional.is_boolean && !additional.boolean_value) {
      if (out) {
        std::vector<std::string_view> candidates;
        for (const auto& property : schema.properties) {
          if (!object.find(property.name)) {
            candidates.push_back(property.name);
          }
        }
        const std::string suggestion = util::closest_match(entry.key, candidates);
        // Words read as a key: a comma inside a one-line `{ }` ended the text before them, so they stand on the
        // line of the key before, with no value of their own.
        const auto entries = object.entries();
        const auto it = std::find_if(entries.begin(), entries.end(), [&](const auto& e) { return &e == &entry; });
        const bool words = entry.value.is_null() && it != entries.begin() && it != entries.end() &&
                           std::prev(it)->key_mark.line == entry.key_mark.line;
        report_at(*out, entry.key_mark, "additionalProperties",
                  words ? fmt::format("unknown key {}: a comma inside {{ }} ends the text before it, so these "
                                      "words read as a key; put the whole text in double quotes",
                                      backticked(entry.key))
                  : suggestion.empty() ? fmt::format("unknown key {}", backticked(entry.key))
                                       : fmt::format("unknown key {} (did you mean {}?)", backticked(entry.key),
                                                     backticked(suggestion)));
      }
      return false;
    }
    return evaluate(*schema.additional_properties, entry.value, out) && valid;
  }

  // ---- allOf, anyOf, oneOf, not, if/then/else

  bool check_combinations(const Schema& schema, const Node& node, Issues* out) {
    bool valid = true;
    for (const Schema* branch : schema.all_of) {
      if (!evaluate(*branch, node, out)) {
        valid = false;
        if (!out) {
          return false;
        }
      }
    }
    if (!schema.any_of.empty()) {
      const bool any = std::any_of(schema.any_of.begin(), schema.any_of.end(),
                                   [&](const Schema* branch) { return evaluate(*branch, node, nullptr); });
      if (!any) {
        valid = false;
        if (!out) {
          return false;
        }
        report_best_branch("anyOf", schema.any_of, node, *out);
      }
    }
    if (!schema.one_of.empty()) {
      std::vector<std::size_t> matches;
      for (std::size_t i = 0; i < schema.one_of.size(); ++i) {
        if (evaluate(*schema.one_of[i], node, nullptr)) {
          matches.push_back(i);
          if (!out && matches.size() > 1) {
            return false;
          }
        }
      }
      if (matches.size() != 1) {
        valid = false;
        if (!out) {
          return false;
        }
        if (matches.empty()) {
          report_best_branch("oneOf", schema.one_of, node, *out);
        } else {
          report_several_matches(schema, matches, node, *out);
        }
      }
    }
    if (schema.not_schema && evaluate(*schema.not_schema, node, nullptr)) {
      valid = false;
      if (!out) {
        return false;
      }
      report_not(*schema.not_schema, node, *out);
    }
    if (schema.if_schema) {
      const Schema* next = evaluate(*schema.if_schema, node, nullptr) ? schema.then_schema : schema.else_schema;
      if (next && !evaluate(*next, node, out)) {
        valid = false;
      }
    }
    return valid;
  }

  // No alternative matched: explain with the alternative that came closest, or with one sentence when
  // every alternative failed in the same simple way.
  void report_best_branch(std::string_view keyword, const std::vector<const Schema*>& branches, const Node& node,
                          Issues& out) {
    const std::size_t depth = m_path.size();
    std::vector<Issues> results(branches.size());
    for (std::size_t i = 0; i < branches.size(); ++i) {
      evaluate(*branches[i], node, &results[i]);
    }
    if (m_stopped) {
      return;
    }
    auto single_at_value = [&](const Issues& issues) { return issues.size() == 1 && issues.front().depth == depth; };
    // Alternative keys: oneOf: [{required: [a]}, {required: [b]}].
    if (std::all_of(results.begin(), results.end(), [&](const Issues& issues) {
          return single_at_value(issues) && issues.front().diagnostic.keyword == "required";
        })) {
      std::vector<std::string> keys;
      for (const Issues& issues : results) {
        keys.push_back(backticked(issues.front().key));
      }
      report(out, node, keyword, fmt::format("missing required key {}", join(keys, " or ")));
      return;
    }
    // Alternative kinds or values: "must be a list or `none raised`".
    if (std::all_of(results.begin(), results.end(), [&](const Issues& issues) {
          return single_at_value(issues) && !issues.front().expected.empty();
        })) {
      std::vector<std::string> expected;
      for (const Issues& issues : results) {
        if (std::find(expected.begin(), expected.end(), issues.front().expected) == expected.end()) {
          expected.push_back(issues.front().expected);
        }
      }
      Issue& issue =
          report(out, node, keyword,
                 fmt::format("{} must be {}; got {}", subject(), join(expected, " or "), kind_and_value(node)));
      issue.expected = join(expected, " or ");
      issue.kind_mismatch = std::all_of(results.begin(), results.end(),
                                        [](const Issues& issues) { return issues.front().kind_mismatch; });
      return;
    }
    // Otherwise the closest alternative: one whose kind fits, that got past the discriminating keys and
    // values, whose problems are deepest in the data, and fewest.
    auto rank = [&](const Issues& issues) {
      bool wrong_kind = false;
      std::size_t discriminators = 0;
      std::size_t deepest = 0;
      for (const Issue& issue : issues) {
        const std::string& word = issue.diagnostic.keyword;
        wrong_kind = wrong_kind || (issue.depth == depth && issue.kind_mismatch);
        if (((word == "const" || word == "enum") && issue.depth <= depth + 1) ||
            (word == "required" && issue.depth == depth)) {
          ++discriminators;
        }
        deepest = std::max(deepest, issue.depth);
      }
      return std::tuple(wrong_kind, discriminators, std::numeric_limits<std::size_t>::max() - deepest, issues.size());
    };
    std::size_t best = 0;
    for (std::size_t i = 1; i < results.size(); ++i) {
      if (rank(results[i]) < rank(results[best])) {
        best = i;
      }
    }
    for (Issue& issue : results[best]) {
      out.push_back(std::move(issue));
    }
  }

  void report_several_matches(const Schema& schema, const std::vector<std::size_t>& matches, const Node& node,
                              Issues& out) {
    std::vector<std::string> keys;
    for (std::size_t index : matches) {
      if (auto key = single_required_key(*schema.one_of[index])) {
        keys.push_back(backticked(*key));
      }
    }
    if (keys.size() == matches.size()) {
      report(out, node, "oneOf",
             fmt::format("give only one of {}{}", join(keys, " and "), keys.size() == 2 ? ", not both" : ""));
      return;
    }
    std::vector<std::string> numbers;
    for (std::size_t index : matches) {
      numbers.push_back(std::to_string(index + 1));
    }
    report(out, node, "oneOf",
           fmt::format("{} must match exactly one of the {} alternatives in `oneOf`; it matches alternatives {}",
                       subject(), schema.one_of.size(), join(numbers, " and ")));
  }

  void report_not(const Schema& not_schema, const Node& node, Issues& out) {
    const Schema& target = resolved(not_schema);
    if (auto key = single_required_key(target)) {
      if (const document::Entry* entry = node.find_entry(*key)) {
        m_path.push_back(Step{entry->key, 0, true, entry->key_mark});
        report_at(out, entry->key_mark, "not", fmt::format("key {} is not allowed here", backticked(*key)));
        m_path.pop_back();
        return;
      }
    }
    std::string message;
    if (keyword_count(target) == 1 && target.const_value) {
      message = fmt::format("{} must not be {}", subject(), literal(*target.const_value));
    } else if (keyword_count(target) == 1 && target.has_enum) {
      message = fmt::format("{} must not be one of: {}", subject(), enum_list(target.enum_values));
    } else if (keyword_count(target) == 1 && target.types != 0) {
      message = fmt::format("{} must not be {}", subject(), type_words(target.types));
    } else if (target.is_boolean) {
      message = fmt::format("{} is not allowed here", subject());
    } else {
      message = fmt::format("{} must not match the schema in `not`", subject());
    }
    report(out, node, "not", std::move(message));
  }

  void report_enum(const Schema& schema, const Node& node, Issues& out) {
    std::string message;
    std::string expected;
    if (schema.enum_values.size() == 1) {
      expected = literal(schema.enum_values.front());
    } else {
      expected = fmt::format("one of: {}", enum_list(schema.enum_values));
    }
    const bool other_kind = std::none_of(schema.enum_values.begin(), schema.enum_values.end(),
                                         [&](const Node& value) { return same_kind(value, node); });
    // "got `5`" would hide that the value is the text 5 where a number was wanted.
    message =
        fmt::format("{} must be {}; got {}", subject(), expected, other_kind ? kind_and_value(node) : value_text(node));
    if (node.is_string()) {
      std::vector<std::string_view> candidates;
      for (const Node& value : schema.enum_values) {
        if (value.is_string()) {
          candidates.push_back(value.as_string());
        }
      }
      const std::string suggestion = util::closest_match(node.as_string(), candidates);
      if (!suggestion.empty()) {
        message += fmt::format(" (did you mean {}?)", backticked(suggestion));
      }
    }
    Issue& issue = report(out, node, "enum", std::move(message));
    issue.expected = expected;
    issue.kind_mismatch = other_kind;
  }

  void report_false(const Node& node, Issues& out) {
    if (!m_key_subject && !m_path.empty() && m_path.back().is_key) {
      // A property the schema forbids outright: point at its key, as for an unknown key.
      report_at(out, m_path.back().key_mark, "false",
                fmt::format("key {} is not allowed here", backticked(m_path.back().key)));
      return;
    }
    report(out, node, "false",
           m_path.empty() && !m_key_subject ? std::string("no value is allowed here")
                                            : fmt::format("{} is not allowed here", subject()));
  }

  void note_limit(const Node& node, const detail::Regex& regex, Issues* out) {
    const std::string message =
        fmt::format("could not check {} against the pattern {}: the pattern needs too much backtracking for this value",
                    subject(), backticked(regex.source()));
    if (out) {
      report(*out, node, "pattern", message);
    } else if (!m_limit) {
      m_limit = make_diagnostic(node.mark(), "pattern", message);
    }
  }

  // ---- paths and messages

  // The value being checked, in words: "`status`", "`concerns` item 2", "`grid` item 2.1", "key `Foo`",
  // "the document".
  std::string subject() const {
    if (m_key_subject) {
      return fmt::format("key {}", backticked(*m_key_subject));
    }
    std::size_t last_key = m_path.size();
    while (last_key > 0 && !m_path[last_key - 1].is_key) {
      --last_key;
    }
    if (m_path.empty()) {
      return "the document";
    }
    std::string out = last_key > 0 ? backticked(m_path[last_key - 1].key) : std::string();
    // Items count from 1, as people count; a list in a list is "item 2.1".
    for (std::size_t i = last_key; i < m_path.size(); ++i) {
      out += i == last_key ? fmt::format("{}item {}", out.empty() ? "" : " ", m_path[i].index + 1)
                           : fmt::format(".{}", m_path[i].index + 1);
    }
    return out;
  }

  std::string pointer() const {
    std::string out;
    for (const Step& step : m_path) {
      out = step.is_key ? document::append_pointer(out, step.key) : document::append_pointer(out, step.index);
    }
    return out;
  }

  void push_index(std::size_t index) { m_path.push_back(Step{{}, index, false, {}}); }

  Diagnostic make_diagnostic(Mark mark, std::string_view keyword, std::string message) const {
    return Diagnostic{Severity::error,    "schema",
                      std::move(message), Location{m_file, mark.line, mark.column},
                      pointer(),          std::string(keyword)};
  }

  Issue& report(Issues& out, const Node& node, std::string_view keyword, std::string message) {
    return report_at(out, node.mark(), keyword, std::move(message));
  }

  Issue& report_at(Issues& out, Mark mark, std::string_view keyword, std::string message) {
    out.push_back(Issue{make_diagnostic(mark, keyword, std::move(message)), m_path.size(), {}, {}, false});
    return out.back();
  }

  std::string m_file;
  std::vector<Step> m_path;
  std::optional<std::string_view> m_key_subject;  // checking a key against propertyNames
  std::size_t m_steps = 0;
  std::size_t m_depth = 0;
  bool m_stopped = false;
  std::string m_stop_message;
  std::optional<Diagnostic> m_limit;
};

}  // namespace

Diagnostics Validator::validate(const document::Document& document) const {
  Evaluator evaluator(document.path);
  Issues issues;
  evaluator.evaluate(*m_compiled->root, document.root, &issues);
  Diagnostics diagnostics;
  diagnostics.reserve(issues.size() + 2);
  for (Issue& issue : issues) {
    diagnostics.push_back(std::move(issue.diagnostic));
  }
  if (const auto& limit = evaluator.unreported_limit()) {
    const bool reported = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
      return d.keyword == "pattern" && d.message.starts_with("could not check");
    });
    if (!reported) {
      diagnostics.push_back(*limit);
    }
  }
  if (evaluator.stopped()) {
    const Mark mark = document.root.mark();
    diagnostics.push_back(Diagnostic{Severity::error, "schema", evaluator.stop_message(),
                                     Location{document.path, mark.line, mark.column}, "", ""});
  }
  // Several branches (allOf, if/then) can find the same problem; report it once, in file order.
  std::sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.message, a.pointer, a.keyword) <
           std::tie(b.location.file, b.location.line, b.location.column, b.message, b.pointer, b.keyword);
  });
  diagnostics.erase(std::unique(diagnostics.begin(), diagnostics.end()), diagnostics.end());
  sort_diagnostics(diagnostics);
  return diagnostics;
}

bool Validator::is_valid(const document::Node& node) const {
  Evaluator evaluator("");
  return evaluator.evaluate(*m_compiled->root, node, nullptr) && !evaluator.unreported_limit() && !evaluator.stopped();
}

}  // namespace wellbeing::schema
