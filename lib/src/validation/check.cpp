#include "wellbeing/validation/check.hpp"

#include <algorithm>
#include <set>

#include "wellbeing/records/record.hpp"
#include "wellbeing/rules/changes.hpp"
#include "wellbeing/rules/rule.hpp"
#include "wellbeing/schema/builtin.hpp"

namespace wellbeing::validation {

Diagnostics check_record(const document::Document& document, const records::CheckOptions& options) {
  Diagnostics diagnostics = schema::record_validator().validate(document);

  // The rules run even when the schema found errors: the view is lenient and they find what they can.
  const records::Record record = records::read_record(document.root);
  Diagnostics findings = rules::run_rules(rules::Context{record, document.root, options, document.path});
  // Every suppression in force is said, as a note, so that nothing is silenced quietly.
  for (Diagnostic& note : rules::suppression_notes(record, document.path)) {
    findings.push_back(std::move(note));
  }

  // A rule that restates the schema says nothing new where the schema already reported the same value:
  // keep the schema's message (the record is invalid either way) and drop the rule's.
  std::set<std::string, std::less<>> schema_pointers;
  for (const Diagnostic& d : diagnostics) {
    schema_pointers.insert(d.pointer);
  }
  for (Diagnostic& finding : findings) {
    const rules::Rule* rule = rules::find_rule(finding.rule);
    if (rule && rule->restates_schema && schema_pointers.contains(finding.pointer)) {
      continue;
    }
    diagnostics.push_back(std::move(finding));
  }
  sort_diagnostics(diagnostics);
  return diagnostics;
}

}  // namespace wellbeing::validation
