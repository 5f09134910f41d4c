#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wellbeing/diff/diff.hpp"

namespace wellbeing::diff {

struct TextStyle {
  bool color = false;   // ANSI colours: sections bold, added green, removed red, changed yellow
  bool details = true;  // under an added or removed item, its values (canonical lines)
  std::string indent;   // put before every line
};

// The changes as text, grouped under their sections:
//   Outcomes
//     ~ Outcome o-3 "Back to the allotment on Saturdays": status open → met
// ('+' added, '-' removed, '~' changed). Empty when there are no changes.
std::string render_text(const std::vector<Change>& changes, const TextStyle& style = {});

// The changes as Markdown: a heading per section at `heading_level` (1–6), then a bullet per change, with
// Markdown's special characters escaped. Empty when there are no changes.
std::string render_markdown(const std::vector<Change>& changes, int heading_level = 2);

// The changes as a JSON array of {"path", "kind": "added"|"removed"|"changed", "old", "new", "label"};
// "old" is null when added and "new" is null when removed; values are JSON (YAML's .nan and .inf become null).
nlohmann::ordered_json changes_json(const std::vector<Change>& changes);

// diff's JSON: {"version": 1, "changes": changes_json(changes)} (2-space indent, no trailing newline).
std::string render_json(const std::vector<Change>& changes);


}  // namespace wellbeing::diff
