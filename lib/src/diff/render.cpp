#include "wellbeing/diff/render.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "wellbeing/diff/canonical.hpp"
#include "wellbeing/util/escape.hpp"
#include "wellbeing/util/json.hpp"
#include "wellbeing/util/style.hpp"

namespace wellbeing::diff {

using document::Node;

namespace {

namespace ansi = util::style;

char marker(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return '+';
    case ChangeKind::removed:
      return '-';
    case ChangeKind::changed:
      return '~';
  }
  return '~';
}

std::string_view colour(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return ansi::k_green;
    case ChangeKind::removed:
      return ansi::k_red;
    case ChangeKind::changed:
      return ansi::k_yellow;
  }
  return ansi::k_yellow;
}


}  // namespace

std::string render_text(const std::vector<Change>& changes, const TextStyle& style) {
  std::string out;
  const std::string* section = nullptr;
  for (const Change& change : changes) {
    if (!section || *section != change.section) {
      section = &change.section;
      out += fmt::format("{}{}\n", style.indent, ansi::paint(ansi::k_bold, change.section, style.color));
    }
    const std::string line = fmt::format("{} {}", marker(change.kind), change.label);
    out += fmt::format("{}  {}\n", style.indent, ansi::paint(colour(change.kind), line, style.color));
    if (style.details && change.item) {
      const Node& value = change.kind == ChangeKind::added ? *change.new_value : *change.old_value;
      for (const std::string& detail : canonical_lines(value, schema_at(change.path), "")) {
        out += fmt::format("{}      {}\n", style.indent, detail);
      }
    }
  }
  return out;
}

std::string render_markdown(const std::vector<Change>& changes, int heading_level) {
  const std::string hashes(static_cast<std::size_t>(std::clamp(heading_level, 1, 6)), '#');
  std::string out;
  const std::string* section = nullptr;
  for (const Change& change : changes) {
    if (!section || *section != change.section) {
      out += fmt::format("{}{} {}\n\n", section ? "\n" : "", hashes, util::escape_markdown(change.section));
      section = &change.section;
    }
    out += fmt::format("- {}\n", util::escape_markdown(change.label));
  }
  return out;
}

nlohmann::ordered_json changes_json(const std::vector<Change>& changes) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Change& change : changes) {
    nlohmann::ordered_json item;
    item["path"] = change.path;
    item["kind"] = std::string(to_string(change.kind));
    item["old"] = change.old_value ? document::to_json_value(*change.old_value) : nlohmann::ordered_json();
    item["new"] = change.new_value ? document::to_json_value(*change.new_value) : nlohmann::ordered_json();
    item["label"] = change.label;
    list.push_back(std::move(item));
  }
  return list;
}

std::string render_json(const std::vector<Change>& changes) {
  nlohmann::ordered_json root;
  root["version"] = util::k_json_version;
  root["changes"] = changes_json(changes);
  return util::json_text(root, 2);
}

}  // namespace wellbeing::diff
