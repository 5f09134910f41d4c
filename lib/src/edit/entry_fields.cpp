#include "wellbeing/edit/entry_fields.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>

#include "wellbeing/document/parser.hpp"

namespace wellbeing::edit {

namespace {

using document::Entry;
using document::Node;

struct KindFields {
  ItemKind kind;
  std::string_view help;
  std::vector<Field> fields;
};

const std::vector<KindFields>& all_fields() {
  using T = FieldType;
  static const std::vector<KindFields> k_fields{
      {ItemKind::conversation,
       "A wellbeing conversation, with the person's own words",
       {{"--led-by", "led_by", T::text, "Who led it (first name and role)"},
        {"--approach", "approach", T::text,
         "powerful_questions, appreciative_enquiry, observation, consultation or everyday"},
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
        {"--safeguarding", "safeguarding", T::list, "An open safeguarding flag (sg-N) it takes into account (repeat)"},
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
        {"--next-review-due", "next_review_due", T::date, "When the next review is due"},
        {"--absent-reason", "absent_reason", T::text,
         "When neither the person nor a representative took part: why, and how their views were heard"}}},
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
        {"--closed-on", "closed_on", T::date, "When it was closed"},
        {"--area", "areas", T::list, "An area it touches besides protection (repeat for each)"}}},
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
       "What the person said about one area (--area ID): in wellbeing/v2 a new view and new concerns, added after "
       "the earlier ones, which are kept; other values given are replaced",
       {{"--status", "status", T::text, "explored (default when --said is given) or not_yet_explored"},
        {"--said", "said", T::text, "The person's own words (a new view, dated --date)"},
        {"--heard-in", "from", T::list, "The conversation or evidence (c-N, e-N) the view was heard in (repeat)"},
        {"--importance", "importance.level", T::text, "high, medium or low, as the person says; or not_said"},
        {"--said-by", "importance.said_by", T::text, "person, representative, or judgement"},
        {"--representative", "importance.representative", T::text, "The representative (r-N) who said it"},
        {"--reason", "importance.reason", T::text, "Why the person could not say"},
        {"--concerns", "concerns", T::list, "A worry (repeat for each), or \"none raised\""},
        {"--evidence", "evidence", T::list, "Evidence (e-N) it rests on (repeat)"}}},
  };
  return k_fields;
}

const KindFields& fields_of(ItemKind kind) {
  const auto& all = all_fields();
  return *std::find_if(all.begin(), all.end(), [&](const KindFields& entry) { return entry.kind == kind; });
}

util::Expected<Node, util::Failure> value_of(const Field& field, const std::vector<std::string>& values) {
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
    case FieldType::integer: {
      std::int64_t number = 0;
      const auto [ptr, error] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (error != std::errc() || ptr != text.data() + text.size()) {
        return util::unexpected(fmt::format("{} {}: give a whole number", field.flag, text));
      }
      return Node::make_integer(number, {}, text);
    }
    case FieldType::number: {
      char* end = nullptr;
      const double number = std::strtod(text.c_str(), &end);
      if (text.empty() || *end != '\0') {
        return util::unexpected(fmt::format("{} {}: give a number", field.flag, text));
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
      return util::unexpected(fmt::format("{} {}: give true or false", field.flag, text));
    case FieldType::date:  // checked by the caller, so every date option is worded alike
    case FieldType::text:
      break;
  }
  return Node::make_string(text);
}

// "referral.to" as a JSON pointer's tokens: "referral/to".
std::string key_pointer(std::string_view key) {
  std::string pointer(key);
  std::replace(pointer.begin(), pointer.end(), '.', '/');
  return pointer;
}

}  // namespace

std::string_view kind_help(ItemKind kind) { return fields_of(kind).help; }

std::span<const Field> kind_fields(ItemKind kind) { return fields_of(kind).fields; }

bool is_required(ItemKind kind, const Field& field) {
  if (kind == ItemKind::area || !schema_requires(kind, field.key)) {
    return false;
  }
  Node others = Node::make_mapping({});
  for (const Field& other : kind_fields(kind)) {
    if (other.key != field.key) {
      others = set_path(others, split_key(other.key), Node::make_string("given"));
    }
  }
  const Node completed = complete_fields(kind, others, util::today());
  return completed.at_pointer("/" + key_pointer(field.key)) == nullptr;
}

std::vector<Field> missing_fields(ItemKind kind, const Node& entry) {
  std::vector<Field> missing;
  if (kind == ItemKind::area) {
    return missing;
  }
  for (const Field& field : kind_fields(kind)) {
    if (!entry.at_pointer("/" + key_pointer(field.key)) && schema_requires(kind, field.key, &entry)) {
      missing.push_back(field);
    }
  }
  return missing;
}

bool has_values(const FieldValues& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& entry) { return !entry.second.empty(); });
}

util::Expected<Node, util::Failure> fields_from_values(ItemKind kind, const FieldValues& values, Node fields) {
  for (const Field& field : kind_fields(kind)) {
    const auto found = values.find(field.flag);
    if (found == values.end() || found->second.empty()) {
      continue;
    }
    if (field.type != FieldType::list && found->second.size() > 1) {
      return util::unexpected(fmt::format("{} can be given only once", field.flag));
    }
    auto value = value_of(field, found->second);
    if (!value) {
      return util::unexpected(std::move(value).error());
    }
    fields = set_path(fields, split_key(field.key), *value);
  }
  return fields;
}

util::Expected<Node, util::Failure> fields_from_yaml(std::string text, const std::string& display) {
  auto parsed = document::parse(std::move(text), display);
  if (!parsed) {
    const Diagnostic& first = parsed.error().front();
    return util::unexpected(
        fmt::format("{}:{}:{}: {}", display, first.location.line, first.location.column, first.message));
  }
  if (parsed->root.is_null()) {
    return Node::make_mapping({});
  }
  if (!parsed->root.is_mapping()) {
    return util::unexpected(fmt::format("{}: give the entry's keys as a mapping (key: value lines)", display));
  }
  return parsed->root;
}

Node set_path(const Node& mapping, std::span<const std::string> path, const Node& value) {
  std::vector<Entry> entries(mapping.entries().begin(), mapping.entries().end());
  for (Entry& entry : entries) {
    if (entry.key == path.front()) {
      entry.value = path.size() == 1 ? value
                                     : set_path(entry.value.is_mapping() ? entry.value : Node::make_mapping({}),
                                                path.subspan(1), value);
      return Node::make_mapping(std::move(entries), mapping.mark());
    }
  }
  entries.push_back(
      Entry{path.front(), {}, path.size() == 1 ? value : set_path(Node::make_mapping({}), path.subspan(1), value)});
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

}  // namespace wellbeing::edit
