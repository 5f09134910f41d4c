#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/node.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/records/record.hpp"

namespace wellbeing::rules {

// What one rule found in one place: the message (plain words, no trailing full stop) and where.
struct Finding {
  std::string message;
  std::string pointer;  // JSON pointer of the value concerned
  document::Mark mark;  // where that value starts (0:0 when it is absent and nothing better is known)
};

using Findings = std::vector<Finding>;

// What a rule looks at: the record's view, the document it was read from (for rules that scan every
// value), the folder's settings and "today", and the record's display path (for the file name).
struct Context {
  const records::Record& record;
  const document::Node& root;
  const records::CheckOptions& options;
  std::string_view file;  // "records/p-0001.yaml", or "<stdin>"
};

// A rule of practice, checked over a record. `check` never fails and never throws: the view is lenient,
// so a rule sees empty fields where the record is broken and simply finds less.
struct Rule {
  std::string_view id;       // stable: "WB007"; never renumbered or reused
  Severity severity;         // the default; a folder's wellbeing.yaml can change it or turn it off
  std::string_view title;    // what good practice looks like, as a short sentence
  std::string_view message;  // the form of its findings, with <placeholders>
  std::string_view reason;   // why: the law or practice it protects
  bool restates_schema;      // the schema checks the same thing: dropped where the schema already spoke
  Findings (*check)(const Context& context);
  // A rule that protects people (from risk to others, from abuse or neglect): a folder's settings cannot
  // turn it off or below its default severity; only a suppression on one entry, with its reason, silences it.
  bool protects = false;
};

// Every rule, in id order.
std::span<const Rule> all_rules();

// The rule with this id ("WB007", case-sensitive), or nullptr.
const Rule* find_rule(std::string_view id);

// Runs every rule that is not off in `context.options.config`, as diagnostics (rule = its id, file =
// context.file) with the folder's severities applied; a finding inside an item (at the item's pointer or
// below it) that suppresses the rule is dropped. Not sorted.
Diagnostics run_rules(const Context& context);

// Problems with the `rules:` settings of a folder's wellbeing.yaml that its schema cannot see: a rule id
// that is not a rule. Each is an error located at the key in `config.path` (line 0 when unreadable).
Diagnostics check_config_rules(const records::Config& config);

}  // namespace wellbeing::rules
