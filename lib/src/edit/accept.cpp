#include "wellbeing/edit/accept.hpp"

#include <set>

#include <fmt/format.h>

namespace wellbeing::edit {

namespace {

// Positions move when text is inserted, so an error is known again by its rule, keyword and pointer.
std::string error_key(const Diagnostic& d, std::string_view pointer) {
  return fmt::format("{}\x1f{}\x1f{}", d.rule, pointer, d.keyword);
}

}  // namespace

Acceptance accept_change(const document::Document& old_record, const Diagnostics& old_findings, Change change,
                         const records::CheckOptions& check) {
  Acceptance result;
  auto reparsed = document::parse(change.text, old_record.path);
  if (!reparsed) {
    result.refusal = "the change would not read back as YAML";
    return result;
  }
  std::multiset<std::string> before;
  for (const Diagnostic& d : old_findings) {
    if (d.severity == Severity::error) {
      before.insert(error_key(d, change.map_pointer(d.pointer)));
      ++result.old_errors;
    }
  }
  for (const Diagnostic& d : validation::check_record(*reparsed, check)) {
    if (d.severity == Severity::error) {
      const auto found = before.find(error_key(d, d.pointer));
      if (found != before.end()) {
        before.erase(found);
      } else {
        result.new_errors.push_back(d);
      }
    } else if (d.pointer.starts_with(change.pointer)) {
      result.entry_notes.push_back(d);
    }
  }
  result.change = std::move(change);
  return result;
}

Acceptance accept_addition(const document::Document& old_record, const Diagnostics& old_findings,
                           const Addition& addition, const records::CheckOptions& check) {
  auto change = add_to_record(old_record.text(), old_record, addition);
  if (!change) {
    Acceptance result;
    result.refusal = std::move(change).error().message;
    return result;
  }
  return accept_change(old_record, old_findings, std::move(change).value(), check);
}

}  // namespace wellbeing::edit
