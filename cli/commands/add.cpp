// `wellbeing add KIND FILE`: adds a conversation, outcome, action … to a record by inserting text, so that
// every other byte of the file stays as it was; checks the result before writing it atomically.
#include <sys/wait.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <fmt/format.h>

#include "command.hpp"
#include "wellbeing/edit/record_edit.hpp"
#include "wellbeing/edit/scalar.hpp"
#include "wellbeing/edit/unified_diff.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/schema/builtin.hpp"
#include "write_support.hpp"

namespace wellbeing::cli {

namespace {

namespace fs = std::filesystem;
using document::Entry;
using document::Node;
using edit::ItemKind;

enum class FieldType { text, date, integer, number, boolean, list };

// One option of `add KIND`: its flag, the key it sets ("ons4.happy_yesterday" for a nested key), its type.
struct Field {
  std::string_view flag;
  std::string_view key;
  FieldType type;
  std::string_view help;
};

struct KindSpec {
  ItemKind kind;
  std::string_view help;
  std::vector<Field> fields;
};

const std::vector<KindSpec>& specs() {
  using T = FieldType;
  static const std::vector<KindSpec> k_specs{
      {ItemKind::conversation,
       "A wellbeing conversation, with the person's own words",
       {{"--led-by", "led_by", T::text, "Who led it (first name and role)"},
        {"--approach", "approach", T::text, "powerful_questions, appreciative_enquiry, observation or consultation"},
        {"--participant", "participants", T::list, "Someone else who took part (repeat for each)"},
        {"--accessible-format", "accessible_format", T::text, "Format used: easy_read, large_print, bsl, pictures, …"},
        {"--area", "areas", T::list, "An area of wellbeing it was about (repeat for each)"},
        {"--summary", "summary", T::text, "What was talked about"},
        {"--quote", "quotes", T::list, "The person's own words (repeat for each)"}}},
      {ItemKind::outcome,
       "An outcome the person wants: to achieve, change or keep the same",
       {{"--kind", "kind", T::text, "achieve, change or keep"},
        {"--area", "areas", T::list, "An area of wellbeing it concerns (repeat for each)"},
        {"--said", "said", T::text, "The outcome in the person's words"},
        {"--status", "status", T::text, "open (default), in_progress, met, not_met or withdrawn"},
        {"--who-acts", "who_acts", T::list, "self, network, community, service or other_agency (repeat)"},
        {"--service-can-meet", "service_can_meet", T::boolean, "false when this service cannot meet it"},
        {"--referral-to", "referral.to", T::text, "Who the person was helped to reach instead"},
        {"--referral-date", "referral.date", T::date, "When"},
        {"--referral-reference", "referral.reference", T::text, "Their reference"},
        {"--review-request", "review_request", T::text, "The review request (rr-N) made because of it"},
        {"--met-on", "met_on", T::date, "When it was met"}}},
      {ItemKind::action,
       "An action towards an outcome (--outcome o-N), and who does it",
       {{"--who", "who", T::text, "self, network, community, service or other_agency"},
        {"--name", "name", T::text, "Who, by first name or role"},
        {"--what", "what", T::text, "What will be done"},
        {"--due", "due", T::date, "By when"},
        {"--done", "done", T::date, "When it was done"}}},
      {ItemKind::progress,
       "A progress note on an outcome (--outcome o-N)",
       {{"--by", "by", T::text, "Who writes it"}, {"--note", "note", T::text, "What happened"}}},
      {ItemKind::strength,
       "A strength: the person's own, their network's, or their community's",
       {{"--level", "level", T::text, "self, network or community"},
        {"--text", "text", T::text, "The strength"},
        {"--area", "areas", T::list, "An area of wellbeing it helps with (repeat for each)"}}},
      {ItemKind::review,
       "A review of the person's care and support",
       {{"--type", "type", T::text, "first, scheduled, requested or change_of_circumstances"},
        {"--review-request", "review_request", T::text, "The review request (rr-N) it answers"},
        {"--attendee", "attendees", T::list, "Who took part (repeat for each)"},
        {"--working", "working", T::list, "What is working (repeat)"},
        {"--not-working", "not_working", T::list, "What is not working (repeat)"},
        {"--change", "changes", T::list, "What changes (repeat)"},
        {"--next-review-due", "next_review_due", T::date, "When the next review is due"}}},
      {ItemKind::review_request,
       "A review requested from the local authority",
       {{"--requested-by", "requested_by", T::text, "person, carer, provider or other"},
        {"--reason", "reason", T::text, "Why"},
        {"--sent-to", "sent_to", T::text, "Which team"},
        {"--reference", "reference", T::text, "Their reference"},
        {"--status", "status", T::text, "pending (default), accepted, completed or declined"}}},
      {ItemKind::measure,
       "A measure: ONS4 answers, or a licensed tool's score",
       {{"--instrument", "instrument", T::text, "ONS4 (default with the four answers), or the tool's name"},
        {"--life-satisfaction", "ons4.life_satisfaction", T::integer, "ONS4: satisfied with life, 0-10"},
        {"--worthwhile", "ons4.worthwhile", T::integer, "ONS4: things done are worthwhile, 0-10"},
        {"--happy", "ons4.happy_yesterday", T::integer, "ONS4: happy yesterday, 0-10"},
        {"--anxious", "ons4.anxious_yesterday", T::integer, "ONS4: anxious yesterday, 0-10 (lower is better)"},
        {"--score", "score", T::number, "A licensed tool's score (never its items)"},
        {"--licence", "licence", T::text, "The licence reference for that tool"},
        {"--by", "by", T::text, "Who asked"},
        {"--note", "note", T::text, "A note"}}},
      {ItemKind::safeguarding,
       "A safeguarding flag (the account itself belongs in the safeguarding system)",
       {{"--type", "type", T::text, "physical, domestic, sexual, psychological, financial_material, …"},
        {"--person-wishes", "person_wishes", T::text, "What the person wants to happen"},
        {"--action-taken", "action_taken", T::text, "What was done"},
        {"--referral-reference", "referral_reference", T::text, "The local authority's referral reference"},
        {"--no-referral-reason", "no_referral_reason", T::text, "Or why there was no referral"},
        {"--status", "status", T::text, "open (default) or closed"},
        {"--closed-on", "closed_on", T::date, "When it was closed"}}},
      {ItemKind::sharing,
       "A record of information shared outside the service",
       {{"--with", "with", T::text, "Who it was shared with"},
        {"--what", "what", T::text, "What was shared"},
        {"--basis", "basis", T::text, "consent, care_and_treatment, legal_obligation, vital_interests, …"},
        {"--consent-recorded", "consent_recorded", T::boolean, "true when consent is recorded"},
        {"--by", "by", T::text, "Who shared it"}}},
      {ItemKind::evidence,
       "Evidence of the person's views when they cannot take part at present",
       {{"--kind", "kind", T::text, "earlier_views, observation, consultation, abc_chart, advocate_report, other"},
        {"--until", "until", T::date, "The end of the period it covers"},
        {"--by", "by", T::text, "Who gathered it"},
        {"--summary", "summary", T::text, "What it shows"},
        {"--consulted-name", "consulted.name", T::text, "Who was consulted"},
        {"--consulted-role", "consulted.role", T::text, "Their role"},
        {"--consulted-basis", "consulted.basis", T::text, "Why they were consulted"},
        {"--area", "areas", T::list, "An area of wellbeing it concerns (repeat for each)"}}},
      {ItemKind::area,
       "What the person said about one area (--area ID); replaces only the values given",
       {{"--status", "status", T::text, "explored (default when --said is given) or not_yet_explored"},
        {"--said", "said", T::text, "The person's own words"},
        {"--importance", "importance.level", T::text, "high, medium or low, as the person says"},
        {"--said-by", "importance.said_by", T::text, "person, or representative"},
        {"--representative", "importance.representative", T::text, "The representative (r-N) who said it"},
        {"--reason", "importance.reason", T::text, "Why the person could not say"},
        {"--concerns", "concerns", T::list, "A worry (repeat for each), or \"none raised\""},
        {"--evidence", "evidence", T::list, "Evidence (e-N) it rests on (repeat)"}}},
  };
  return k_specs;
}

struct Options {
  const KindSpec* spec = nullptr;
  CLI::App* app = nullptr;
  std::string file;
  std::map<std::string, std::vector<std::string>> values;  // by flag
  std::string from;
  std::string date;
  std::string as_of;
  std::string outcome;
  std::string area;
  bool edit = false;
  bool dry_run = false;
};

Node set_path(const Node& mapping, std::span<const std::string> path, const Node& value) {
  std::vector<Entry> entries(mapping.entries().begin(), mapping.entries().end());
  for (Entry& entry : entries) {
    if (entry.key == path.front()) {
      entry.value = path.size() == 1 ? value : set_path(entry.value.is_mapping() ? entry.value : Node::make_mapping({}),
                                                         path.subspan(1), value);
      return Node::make_mapping(std::move(entries), mapping.mark());
    }
  }
  entries.push_back(Entry{path.front(), {},
                          path.size() == 1 ? value : set_path(Node::make_mapping({}), path.subspan(1), value)});
  return Node::make_mapping(std::move(entries), mapping.mark());
}

std::vector<std::string> split_key(std::string_view key) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = key.find('.', start);
    parts.emplace_back(key.substr(start, dot - start));
    if (dot == std::string_view::npos) {
      return parts;
    }
    start = dot + 1;
  }
}

Node value_of(const Field& field, const std::vector<std::string>& values) {
  const std::string& text = values.front();
  switch (field.type) {
    case FieldType::list: {
      if (field.key == "concerns" && values.size() == 1 && values.front() == "none raised") {
        return Node::make_string(values.front());
      }
      std::vector<Node> items;
      for (const std::string& value : values) {
        items.push_back(Node::make_string(value));
      }
      return Node::make_sequence(std::move(items));
    }
    case FieldType::date:
      parse_date_option(field.flag, text);
      return Node::make_string(text);
    case FieldType::integer: {
      std::int64_t number = 0;
      const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (error != std::errc() || ptr != text.data() + text.size()) {
        throw InputError(fmt::format("{} {}: give a whole number", field.flag, text));
      }
      return Node::make_integer(number, {}, text);
    }
    case FieldType::number: {
      char* end = nullptr;
      const double number = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0') {
        throw InputError(fmt::format("{} {}: give a number", field.flag, text));
      }
      return Node::make_float(number, {}, text);
    }
    case FieldType::boolean:
      if (text == "true" || text == "yes") {
        return Node::make_bool(true, {}, "true");
      }
      if (text == "false" || text == "no") {
        return Node::make_bool(false, {}, "false");
      }
      throw InputError(fmt::format("{} {}: give true or false", field.flag, text));
    case FieldType::text:
      break;
  }
  return Node::make_string(text);
}

// Leaves out what was left blank: null values, empty text, and lists or mappings left empty.
Node strip_blank(const Node& node) {
  if (node.is_mapping()) {
    std::vector<Entry> entries;
    for (const Entry& entry : node.entries()) {
      Node value = strip_blank(entry.value);
      const bool blank = value.is_null() || (value.is_string() && value.as_string().empty()) ||
                         ((value.is_sequence() || value.is_mapping()) && value.size() == 0);
      if (!blank) {
        entries.push_back(Entry{entry.key, entry.key_mark, std::move(value)});
      }
    }
    return Node::make_mapping(std::move(entries), node.mark());
  }
  if (node.is_sequence()) {
    std::vector<Node> items;
    for (const Node& item : node.items()) {
      if (!item.is_null() && !(item.is_string() && item.as_string().empty())) {
        items.push_back(strip_blank(item));
      }
    }
    return Node::make_sequence(std::move(items), node.mark());
  }
  return node;
}

bool has_content_flags(const Options& options) {
  return std::any_of(options.values.begin(), options.values.end(),
                     [](const auto& entry) { return !entry.second.empty(); });
}

Node fields_from_flags(const Options& options, Node fields) {
  for (const Field& field : options.spec->fields) {
    const auto found = options.values.find(std::string(field.flag));
    if (found == options.values.end() || found->second.empty()) {
      continue;
    }
    if (field.type != FieldType::list && found->second.size() > 1) {
      throw InputError(fmt::format("{} can be given only once", field.flag));
    }
    const auto path = split_key(field.key);
    fields = set_path(fields, path, value_of(field, found->second));
  }
  return fields;
}

std::string read_input(const std::string& from) {
  auto text = document::read_file(from, from == "-" ? "<stdin>" : from, 1 << 20);
  if (!text) {
    throw InputError(fmt::format("{}: {}", from, text.error().message));
  }
  return std::move(text).value();
}

// The fragment given with --from, as a mapping.
Node fragment_from(const std::string& from) {
  const std::string display = from == "-" ? "<stdin>" : from;
  auto parsed = document::parse(read_input(from), display);
  if (!parsed) {
    const Diagnostic& first = parsed.error().front();
    throw InputError(fmt::format("{}:{}:{}: {}", display, first.location.line, first.location.column, first.message));
  }
  if (parsed->root.is_null()) {
    return Node::make_mapping({});
  }
  if (!parsed->root.is_mapping()) {
    throw InputError(fmt::format("{}: give the entry's keys as a mapping (key: value lines)", display));
  }
  return parsed->root;
}

// ---- Checking a candidate --------------------------------------------------------------------------------

struct Attempt {
  std::optional<edit::Change> change;
  std::string failure;       // add_to_record's refusal, when it refused
  Diagnostics new_errors;    // errors the addition would bring
  Diagnostics item_notes;    // warnings and infos about the new entry
  std::size_t old_errors = 0;
};

// The key an error is matched by between the old and the new record (positions move; pointers are mapped).
std::string error_key(const Diagnostic& d, std::string_view pointer) {
  return fmt::format("{}\x1f{}\x1f{}", d.rule, pointer, d.keyword);
}

Attempt attempt(const document::Document& old_document, const Diagnostics& old_findings, const edit::Addition& addition,
                const records::CheckOptions& check) {
  Attempt result;
  auto change = edit::add_to_record(*old_document.source, old_document, addition);
  if (!change) {
    result.failure = change.error();
    return result;
  }
  auto reparsed = document::parse(change->text, old_document.path);
  if (!reparsed) {
    result.failure = "the change would not read back as YAML";
    return result;
  }
  std::multiset<std::string> before;
  for (const Diagnostic& d : old_findings) {
    if (d.severity == Severity::error) {
      before.insert(error_key(d, change->map_pointer(d.pointer)));
      ++result.old_errors;
    }
  }
  for (const Diagnostic& d : records::check_record(*reparsed, check)) {
    if (d.severity == Severity::error) {
      const auto found = before.find(error_key(d, d.pointer));
      if (found != before.end()) {
        before.erase(found);
      } else {
        result.new_errors.push_back(d);
      }
    } else if (d.pointer.starts_with(change->pointer)) {
      result.item_notes.push_back(d);
    }
  }
  result.change = std::move(change).value();
  return result;
}

// ---- The editor ------------------------------------------------------------------------------------------

const Node* schema_property(std::string_view definition, std::string_view key) {
  const Node& root = schema::record_schema().root;
  const Node* node = root.at_pointer(fmt::format("/definitions/{}", definition));
  for (const std::string& part : split_key(key)) {
    node = schema::follow_refs(root, node);
    if (!node) {
      return nullptr;
    }
    const Node* properties = node ? node->find("properties") : nullptr;
    node = properties ? properties->find(part) : nullptr;
  }
  return node;
}

std::string wrap_comment(std::string_view text, std::size_t indent) {
  std::string out;
  std::string line;
  const std::string prefix = std::string(indent, ' ') + "# ";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view word = text.substr(start, end - start);
    if (!line.empty() && prefix.size() + line.size() + 1 + word.size() > 100) {
      out += prefix + line + "\n";
      line.clear();
    }
    line += line.empty() ? std::string(word) : " " + std::string(word);
    start = end + 1;
  }
  if (!line.empty()) {
    out += prefix + line + "\n";
  }
  return out;
}

constexpr std::string_view k_conversation_guide =
    "# Ask in a way that suits the person: proportionate, accessible, and realistic for their\n"
    "# capacity at present. The person is the expert; never assume what matters to them.\n"
    "#\n"
    "# Powerful questions (open, reflective, strengths-based), for example:\n"
    "#   Why do you think that means so much to you?\n"
    "#   What works well about the support you have?\n"
    "#   Why do you think that didn't quite go as expected?\n"
    "#   What made you decide to take that approach?\n"
    "# Appreciative enquiry: a time when things went well, what helped then, how it could help now:\n"
    "#   Tell me about a time when things were going well for you?\n"
    "#   What did you learn about your strengths at that time?\n"
    "#   If you had a magic wand what would the future look like?\n"
    "#   What is it that you value most in your life now?\n"
    "#   What small changes would make the most difference?\n"
    "#\n";

std::string areas_guide() {
  std::string out = "# The nine areas of wellbeing (no order of importance; how much each matters is theirs to say):\n";
  for (const records::AreaInfo& area : records::k_areas) {
    out += fmt::format("#   {:<16} {}\n", area.id, area.wording);
  }
  return out + "#\n";
}

std::string guide_for(ItemKind kind) {
  switch (kind) {
    case ItemKind::conversation:
    case ItemKind::area:
      return std::string(k_conversation_guide) + areas_guide();
    case ItemKind::outcome:
      return "# Outcomes are what the person wants to achieve, to change, or to keep the same.\n"
             "# Strengths first: what can they do themselves? What can family, friends or the community do?\n"
             "# Then the service. If we cannot meet it, help them reach someone who can (referral) and,\n"
             "# if we can no longer meet their outcomes, request a review (review_request).\n#\n" +
             std::string(k_conversation_guide) + areas_guide();
    case ItemKind::strength:
      return "# Strengths first: what the person can do (self), then family and friends (network),\n"
             "# then their community.\n#\n" +
             areas_guide();
    case ItemKind::review:
      return "# A review records who took part, what is working, what is not, what changes, and the\n"
             "# next review date (at least every 12 months, sooner when things change).\n#\n" +
             std::string(k_conversation_guide);
    case ItemKind::safeguarding:
      return "# Protection from abuse and neglect comes first. Write a flag only: the detailed account\n"
             "# belongs in the restricted safeguarding system, not in this file that many people read.\n#\n";
    case ItemKind::sharing:
      return "# Caldicott: share the minimum necessary, with a lawful basis, and record every time.\n#\n";
    case ItemKind::measure:
      return "# ONS4: four answers from 0 to 10. For anxious_yesterday, lower is better.\n"
             "# Licensed tools (WEMWBS, ASCOT, Outcomes Star …): the score and licence only, never the items.\n#\n";
    default:
      return {};
  }
}

std::string render_value_line(const Node& value) {
  if (value.is_string()) {
    return edit::quote_scalar(value.as_string(), edit::Context::block);
  }
  return edit::render_flow(value);
}

// The file the editor opens: guidance as comments, then every key of the entry with its description,
// filled in where a value is known.
std::string template_text(const KindSpec& spec, const std::string& file, const Node& prefill) {
  const edit::KindInfo& info = edit::kind_info(spec.kind);
  std::string out = fmt::format(
      "# Adding {} {} to {}.\n"
      "# Fill in the values after the colons; lines starting with # are ignored, and keys left\n"
      "# empty are left out. Save and close the editor to add it. To cancel, empty the file and save.\n"
      "#\n",
      std::string_view("aeiou").find(info.title.front()) != std::string_view::npos ? "an" : "a", info.title, file);
  out += guide_for(spec.kind);
  std::vector<std::string> keys;
  if (!info.date_key.empty()) {
    keys.emplace_back(info.date_key);
  }
  for (const Field& field : spec.fields) {
    const std::string top = split_key(field.key).front();
    if (std::find(keys.begin(), keys.end(), top) == keys.end()) {
      keys.push_back(top);
    }
  }
  for (const std::string& key : keys) {
    out += "\n";
    if (const Node* property = schema_property(info.definition, key)) {
      if (const Node* description = property->find("description"); description && description->is_string()) {
        out += wrap_comment(description->as_string(), 0);
      }
    }
    const Node* value = prefill.find(key);
    bool nested = false;
    for (const Field& field : spec.fields) {
      nested = nested || (field.key.starts_with(key + ".") && split_key(field.key).size() == 2);
    }
    if (nested) {
      out += key + ":\n";
      for (const Field& field : spec.fields) {
        const auto parts = split_key(field.key);
        if (parts.size() == 2 && parts[0] == key) {
          const Node* sub = value ? value->find(parts[1]) : nullptr;
          out += fmt::format("  {}:{}  # {}\n", parts[1], sub ? " " + render_value_line(*sub) : "", field.help);
        }
      }
      continue;
    }
    const Field* field = nullptr;
    for (const Field& candidate : spec.fields) {
      if (candidate.key == key) {
        field = &candidate;
      }
    }
    if (field && field->type == FieldType::list && !(value && value->is_string())) {
      out += key + ":\n";
      if (value && value->is_sequence() && value->size() > 0) {
        for (const Node& item : value->items()) {
          out += "  - " + render_value_line(item) + "\n";
        }
      } else {
        out += "  -\n";
      }
      continue;
    }
    out += fmt::format("{}:{}", key, value ? " " + render_value_line(*value) : "");
    out += field && field->type != FieldType::text ? "\n" : "\n";
  }
  return out;
}

// The text without lines that hold only a comment or spaces: empty means "cancel".
bool only_comments(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const std::string_view line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos && line[first] != '#') {
      return false;
    }
    start = end + 1;
  }
  return true;
}

constexpr std::string_view k_error_prefix = "#! ";

std::string without_error_lines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(start, end - start);
    if (!line.starts_with(k_error_prefix.substr(0, 2))) {
      out += line;
    }
    start = end;
  }
  return out;
}

int run_editor(const fs::path& file) {
  const char* visual = std::getenv("VISUAL");
  const char* editor = visual && *visual ? visual : std::getenv("EDITOR");
  const std::string command = editor && *editor ? editor : "vi";
  const pid_t child = ::fork();
  if (child < 0) {
    throw InputError("cannot start the editor");
  }
  if (child == 0) {
    const std::string script = command + " \"$@\"";
    ::execl("/bin/sh", "sh", "-c", script.c_str(), command.c_str(), file.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      throw InputError("lost track of the editor");
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string relative_pointer(std::string_view pointer, std::string_view base) {
  if (pointer.starts_with(base)) {
    pointer.remove_prefix(base.size());
  }
  if (pointer.starts_with("/")) {
    pointer.remove_prefix(1);
  }
  std::string out(pointer);
  std::replace(out.begin(), out.end(), '/', '.');
  return out.empty() ? "the entry" : out;
}

struct Edited {
  Node fields;
  fs::path kept;  // the edited file, kept until the entry is written
};

// Opens the editor until what was written is valid or empty; nullopt when it was cancelled.
std::optional<Edited> edit_interactively(const Options& options, const std::string& display,
                                         const document::Document& document, const Diagnostics& old_findings,
                                         const records::CheckOptions& check, const Node& prefill,
                                         const edit::Addition& base) {
  std::string pattern = (fs::temp_directory_path() /
                         fmt::format("wellbeing-add-{}-XXXXXX.yaml", edit::kind_info(options.spec->kind).name))
                            .string();
  const int fd = ::mkstemps(pattern.data(), 5);
  if (fd < 0) {
    throw InputError("cannot create a file for the editor");
  }
  ::close(fd);
  const fs::path path(pattern);
  std::string text = template_text(*options.spec, display, prefill);
  bool reopened = false;  // the editor was opened again with errors
  while (true) {
    {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << text;
    }
    const int status = run_editor(path);
    if (status != 0) {
      fs::remove(path);
      write_out(stderr, fmt::format("wellbeing: the editor exited with status {}; nothing was added\n", status));
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // An editor that returns at once (not waiting for the person) would otherwise reopen forever.
    if (reopened && saved == text) {
      fs::remove(path);
      write_out(stderr, "wellbeing: the entry was saved unchanged after its errors; nothing was added\n");
      return std::nullopt;
    }
    text = without_error_lines(saved);
    if (only_comments(text)) {
      fs::remove(path);
      write_out(stderr, "wellbeing: the file was left empty; nothing was added\n");
      return std::nullopt;
    }
    std::vector<std::string> problems;
    Node fields;
    auto parsed = document::parse(text, path.string());
    if (!parsed) {
      for (const Diagnostic& d : parsed.error()) {
        problems.push_back(fmt::format("line {}, column {}: {}", d.location.line, d.location.column, d.message));
      }
    } else if (!parsed->root.is_mapping() && !parsed->root.is_null()) {
      problems.emplace_back("write the entry as key: value lines");
    } else {
      fields = strip_blank(parsed->root.is_null() ? Node::make_mapping({}) : parsed->root);
      edit::Addition addition = base;
      addition.fields = edit::complete_fields(base.kind, fields, check.as_of);
      const Attempt result = attempt(document, old_findings, addition, check);
      if (!result.failure.empty()) {
        problems.push_back(result.failure);
      }
      for (const Diagnostic& d : result.new_errors) {
        problems.push_back(fmt::format("{}: {}", relative_pointer(d.pointer, result.change->pointer), d.message));
      }
    }
    if (problems.empty()) {
      return Edited{fields, path};
    }
    std::string header = fmt::format("{}This entry cannot be added yet: correct it and save again, or empty the "
                                     "file to cancel.\n",
                                     k_error_prefix);
    for (const std::string& problem : problems) {
      header += fmt::format("{}error: {}\n", k_error_prefix, problem);
    }
    text = header + text;
    reopened = true;
  }
}

// ---- Running ---------------------------------------------------------------------------------------------

std::string render_findings(const Diagnostics& diagnostics, std::string_view source) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    out += format_diagnostic_text(d, source, use_color(ColorChoice::automatic, stderr));
  }
  return out;
}

int run(const Options& options, const GlobalOptions& global) {
  const KindSpec& spec = *options.spec;
  const edit::KindInfo& info = edit::kind_info(spec.kind);
  const util::Date as_of = options.as_of.empty() ? util::today() : parse_date_option("--as-of", options.as_of);
  std::optional<util::Date> date;
  if (!options.date.empty()) {
    date = parse_date_option("--date", options.date);
  }
  if (spec.kind == ItemKind::area && options.area.empty()) {
    throw InputError("say which area to update with --area (dignity, health, protection, control, participation, "
                     "social_economic, relationships, accommodation, contribution)");
  }
  if ((spec.kind == ItemKind::action || spec.kind == ItemKind::progress) && options.outcome.empty()) {
    throw InputError(fmt::format("say which outcome the {} is for with --outcome o-N", info.title));
  }

  auto real = write::resolve(options.file);
  if (!real) {
    return report_failure(real.error());
  }
  const records::CheckOptions check = check_options_for(*real, as_of);

  edit::Addition base;
  base.kind = spec.kind;
  base.outcome = options.outcome;
  base.area = options.area;

  // What to add: a fragment, flags, or the editor.
  Node fields = Node::make_mapping({});
  const bool interactive =
      options.edit || (options.from.empty() && !has_content_flags(options) && ::isatty(STDIN_FILENO));
  if (!options.from.empty()) {
    fields = strip_blank(fragment_from(options.from));
  } else if (!interactive && !has_content_flags(options)) {
    throw InputError(fmt::format("say what to add: options (see `wellbeing add {} --help`), --from FILE, or --edit "
                                 "to write it in an editor",
                                 info.name));
  }
  fields = fields_from_flags(options, fields);
  if (date) {
    fields = set_path(fields, std::vector<std::string>{std::string(info.date_key)}, Node::make_string(options.date));
  }
  const util::Date default_date = date.value_or(as_of);

  std::optional<fs::path> kept;
  if (interactive) {
    auto read = write::read_for_update(*real, document::ParseOptions{}.max_bytes);
    if (!read) {
      return report_failure(read.error());
    }
    auto parsed = document::parse(read->text, options.file);
    if (!parsed) {
      write_out(stderr, render_findings(parsed.error(), read->text));
      write_out(stderr, fmt::format("wellbeing: error: {} cannot be read as YAML; fix it first\n", options.file));
      return k_exit_findings;
    }
    const Diagnostics old_findings = records::check_record(*parsed, check);
    // The template starts from what is known: for an area, what the record already says about it.
    Node prefill = fields;
    if (spec.kind == ItemKind::area) {
      const records::AreaInfo* area = records::find_area(options.area);
      const Node* current = area ? parsed->root.at_pointer(fmt::format("/areas/{}", area->id)) : nullptr;
      if (current && current->is_mapping()) {
        prefill = strip_blank(*current);
        for (const Entry& entry : fields.entries()) {
          prefill = set_path(prefill, std::vector<std::string>{entry.key}, entry.value);
        }
      }
    }
    prefill = edit::complete_fields(spec.kind, prefill, default_date);
    if (spec.kind == ItemKind::measure && !prefill.find("instrument")) {
      prefill = set_path(prefill, std::vector<std::string>{"instrument"}, Node::make_string("ONS4"));
    }
    auto edited = edit_interactively(options, options.file, *parsed, old_findings, check, prefill, base);
    if (!edited) {
      return k_exit_findings;
    }
    fields = edited->fields;
    kept = edited->kept;
  }
  base.fields = edit::complete_fields(spec.kind, fields, default_date);
  auto keep_note = [&] {
    if (kept) {
      write_out(stderr, fmt::format("wellbeing: what you wrote is kept in {} (add it with --from)\n", kept->string()));
    }
  };

  // Lock, read, change, check, write. A dry run only reads.
  std::optional<write::Lock> lock;
  if (!options.dry_run) {
    auto acquired = write::Lock::acquire(*real);
    if (!acquired) {
      keep_note();
      return report_failure(acquired.error());
    }
    lock.emplace(std::move(acquired).value());
  }
  auto read = write::read_for_update(*real, document::ParseOptions{}.max_bytes);
  if (!read) {
    keep_note();
    return report_failure(read.error());
  }
  auto parsed = document::parse(read->text, options.file);
  if (!parsed) {
    write_out(stderr, render_findings(parsed.error(), read->text));
    write_out(stderr, fmt::format("wellbeing: error: {} cannot be read as YAML, so nothing can be added to it "
                                  "safely; fix it first\n",
                                  options.file));
    keep_note();
    return k_exit_findings;
  }
  const Diagnostics old_findings = records::check_record(*parsed, check);
  const Attempt result = attempt(*parsed, old_findings, base, check);
  if (!result.failure.empty()) {
    write_out(stderr, fmt::format("wellbeing: error: cannot add the {} to {}: {}\n", info.title, options.file,
                                  result.failure));
    keep_note();
    return k_exit_findings;
  }
  const edit::Change& change = *result.change;
  if (!result.new_errors.empty()) {
    write_out(stderr, render_findings(result.new_errors, change.text));
    write_out(stderr, fmt::format("wellbeing: error: the {} would make {} invalid ({} error(s) above, shown where "
                                  "it would go); nothing was written\n",
                                  info.title, options.file, result.new_errors.size()));
    keep_note();
    return k_exit_findings;
  }
  if (options.dry_run) {
    write_out(stdout, edit::unified_diff(read->text, change.text, "a/" + options.file, "b/" + options.file));
  }
  if (!result.item_notes.empty()) {
    write_out(stderr, render_findings(result.item_notes, change.text));
  }
  if (result.old_errors > 0) {
    write_out(stderr, fmt::format("wellbeing: warning: {} already had {} error(s) (see `wellbeing validate {}`); "
                                  "this {} adds none\n",
                                  options.file, result.old_errors, options.file, info.title));
  }
  if (options.dry_run) {
    return k_exit_ok;
  }
  if (auto failure = write::replace_file(*read, change.text)) {
    keep_note();
    return report_failure(*failure);
  }
  if (kept) {
    fs::remove(*kept);
  }
  const std::string what =
      spec.kind == ItemKind::area ? fmt::format("updated area {}", options.area)
                                  : fmt::format("added {} {}", info.title, change.id);
  write_out(stdout, fmt::format("{}:{}: {}\n", options.file, change.line, what));
  (void)global;
  return k_exit_ok;
}

}  // namespace

Command register_add(CLI::App& app, const GlobalOptions& global) {
  CLI::App* add = app.add_subcommand(
      "add", "Add a conversation, outcome, action, note … to a record, leaving every other byte as it was");
  add->require_subcommand(1);
  std::vector<std::shared_ptr<Options>> all;
  for (const KindSpec& spec : specs()) {
    auto options = std::make_shared<Options>();
    options->spec = &spec;
    const edit::KindInfo& info = edit::kind_info(spec.kind);
    CLI::App* sub = add->add_subcommand(std::string(info.name), std::string(spec.help));
    options->app = sub;
    sub->add_option("file", options->file, "The record (symlinks are followed)")->required();
    if (spec.kind == ItemKind::action || spec.kind == ItemKind::progress) {
      sub->add_option("--outcome", options->outcome, "The outcome it belongs to (o-N)")->option_text("ID");
    }
    if (spec.kind == ItemKind::area) {
      sub->add_option("--area", options->area, "The area to update: dignity, health, protection, control, …")
          ->option_text("ID");
    }
    for (const Field& field : spec.fields) {
      CLI::Option* option = sub->add_option(std::string(field.flag), options->values[std::string(field.flag)],
                                            std::string(field.help));
      option->option_text(field.type == FieldType::date      ? "DATE"
                          : field.type == FieldType::list    ? "TEXT ..."
                          : field.type == FieldType::integer ? "N"
                          : field.type == FieldType::boolean ? "true|false"
                                                             : "TEXT");
      if (field.type == FieldType::list) {
        option->allow_extra_args(false);
      }
    }
    if (!info.date_key.empty()) {
      sub->add_option("--date", options->date,
                      fmt::format("The date ({}), YYYY-MM-DD (default: today, or --as-of)", info.date_key))
          ->option_text("DATE");
    }
    sub->add_option("--from", options->from, "Take the entry from a YAML file of its keys (- for standard input)")
        ->option_text("FILE");
    sub->add_flag("--edit", options->edit, "Write it in $VISUAL or $EDITOR, from a template with prompts (the "
                                           "default when no content is given and standard input is a terminal)");
    sub->add_flag("-n,--dry-run", options->dry_run, "Show the change as a unified diff and write nothing");
    sub->add_option("--as-of", options->as_of, "The date the checks take as today, YYYY-MM-DD (default: today)")
        ->option_text("DATE");
    sub->footer(
        "The entry is inserted where a person would put it (the end of its list, in date order for dated lists),\n"
        "in the file's own style; no other byte changes. Its id is the next free one. The result is checked\n"
        "first: an entry that would make the record invalid is refused (exit 1), and a record that already has\n"
        "errors still takes an entry that adds none, with a warning.\n"
        "Exit status: 0 added; 1 refused (invalid, or nowhere safe to put it); 2 usage or unreadable file;\n"
        "4 the file changed while the command ran; 5 another writer holds FILE.lock. Nothing is written\n"
        "unless the exit status is 0.");
    all.push_back(options);
  }
  add->footer("Run `wellbeing add KIND --help` for the options of each kind. Exit status: 0 added, 1 refused, 2 "
              "usage error, 4 the file changed underneath, 5 locked.");
  return Command{add, [all, &global] {
                   for (const auto& options : all) {
                     if (options->app->parsed()) {
                       return run(*options, global);
                     }
                   }
                   return k_exit_usage;
                 }};
}

}  // namespace wellbeing::cli
