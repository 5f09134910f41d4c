#include "wellbeing/edit/template.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "wellbeing/edit/accept.hpp"
#include "wellbeing/edit/entry_fields.hpp"
#include "wellbeing/edit/scalar.hpp"
#include "wellbeing/records/record.hpp"
#include "wellbeing/util/text.hpp"

namespace wellbeing::edit {

namespace {

using document::Entry;
using document::Node;

// Marks the lines with_problems adds, so that they are taken out again however the person left them.
constexpr std::string_view k_problem_prefix = "#! ";

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
    "# Or simply talk, following the person's lead: approach everyday needs no technique.\n"
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
             "# Then the service. If we cannot meet it, help them reach someone better placed (referral)\n"
             "# and ask the local authority to review their support (review_request).\n#\n" +
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

}  // namespace

std::string entry_template(ItemKind kind, std::string_view file, const Node& prefill) {
  const KindInfo& info = kind_info(kind);
  const std::span<const Field> fields = kind_fields(kind);
  std::string out = fmt::format(
      "# Adding {} to {}.\n"
      "# Fill in the values after the colons; lines starting with # are ignored, and keys left\n"
      "# empty are left out. Save and close the editor to add it. To cancel, empty the file and save.\n"
      "#\n",
      with_article(info), file);
  out += guide_for(kind);
  std::vector<std::string> keys;
  if (!info.date_key.empty()) {
    keys.emplace_back(info.date_key);
  }
  for (const Field& field : fields) {
    const std::string top = split_key(field.key).front();
    if (std::find(keys.begin(), keys.end(), top) == keys.end()) {
      keys.push_back(top);
    }
  }
  for (const std::string& key : keys) {
    out += "\n";
    if (const Node* property = schema_property(kind, key)) {
      if (const Node* description = property->find("description"); description && description->is_string()) {
        out += util::wrap_words(description->as_string(), "# ");
      }
    }
    const Node* value = prefill.find(key);
    bool nested = false;
    for (const Field& field : fields) {
      nested = nested || (field.key.starts_with(key + ".") && split_key(field.key).size() == 2);
    }
    if (nested) {
      out += key + ":\n";
      for (const Field& field : fields) {
        const auto parts = split_key(field.key);
        if (parts.size() == 2 && parts[0] == key) {
          const Node* sub = value ? value->find(parts[1]) : nullptr;
          out += fmt::format("  {}:{}  # {}\n", parts[1], sub ? " " + render_value_line(*sub) : "", field.help);
        }
      }
      continue;
    }
    const Field* field = nullptr;
    for (const Field& candidate : fields) {
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
    out += fmt::format("{}:{}\n", key, value ? " " + render_value_line(*value) : "");
  }
  return out;
}

Node template_prefill(ItemKind kind, const Node& root, std::string_view area, const Node& fields, util::Date date) {
  Node prefill = fields;
  if (kind == ItemKind::area) {
    const records::AreaInfo* info = records::find_area(area);
    const Node* current = info ? root.at_pointer(fmt::format("/areas/{}", info->id)) : nullptr;
    if (current && current->is_mapping()) {
      prefill = strip_blank(*current);
      for (const Entry& entry : fields.entries()) {
        prefill = set_path(prefill, std::vector<std::string>{entry.key}, entry.value);
      }
    }
  }
  prefill = complete_fields(kind, prefill, date);
  if (kind == ItemKind::measure && !prefill.find("instrument")) {
    prefill = set_path(prefill, std::vector<std::string>{"instrument"}, Node::make_string("ONS4"));
  }
  return prefill;
}

EditedEntry read_edited(std::string_view text, const std::string& path, const document::Document& record,
                        const Diagnostics& old_findings, const Addition& base, const records::CheckOptions& check) {
  EditedEntry edited;
  auto parsed = document::parse(std::string(text), path);
  if (!parsed) {
    for (const Diagnostic& d : parsed.error()) {
      edited.problems.push_back(
          fmt::format("line {}, column {}: {}", d.location.line, d.location.column, d.message));
    }
    return edited;
  }
  if (!parsed->root.is_mapping() && !parsed->root.is_null()) {
    edited.problems.emplace_back("write the entry as key: value lines");
    return edited;
  }
  edited.fields = strip_blank(parsed->root.is_null() ? Node::make_mapping({}) : parsed->root);
  Addition addition = base;
  addition.fields = complete_fields(base.kind, edited.fields, check.as_of);
  const Acceptance verdict = accept_addition(record, old_findings, addition, check);
  if (!verdict.refusal.empty()) {
    edited.problems.push_back(verdict.refusal);
  }
  for (const Diagnostic& d : verdict.new_errors) {
    edited.problems.push_back(fmt::format("{}: {}", relative_pointer(d.pointer, verdict.change->pointer), d.message));
  }
  return edited;
}

std::string with_problems(std::string_view text, const std::vector<std::string>& problems) {
  std::string out = fmt::format(
      "{}This entry cannot be added yet: correct it and save again, or empty the file to cancel.\n", k_problem_prefix);
  for (const std::string& problem : problems) {
    out += fmt::format("{}error: {}\n", k_problem_prefix, problem);
  }
  return out + std::string(text);
}

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

std::string without_problems(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::string_view line = text.substr(start, end - start);
    if (!line.starts_with(k_problem_prefix.substr(0, 2))) {
      out += line;
    }
    start = end;
  }
  return out;
}

}  // namespace wellbeing::edit
