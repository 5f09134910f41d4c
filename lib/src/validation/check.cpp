#include "wellbeing/validation/check.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

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

Diagnostics with_format_note(Diagnostics findings, const document::Document& document) {
  const document::Node* schema = document.root.find("schema");
  if (schema != nullptr && schema->is_string() && schema->as_string() == "wellbeing/v1") {
    findings.push_back(Diagnostic{Severity::info,
                                  "format",
                                  fmt::format("this record is wellbeing/v1: `wellbeing migrate {}` turns it into "
                                              "wellbeing/v2, keeping every word (see schemas/README.md)",
                                              document.path),
                                  Location{document.path, schema->mark().line, schema->mark().column},
                                  "/schema",
                                  {}});
    sort_diagnostics(findings);
  }
  return findings;
}

}  // namespace wellbeing::validation
