#pragma once
// Whether a record takes an entry: add's one guarantee is that an entry is accepted when it brings no
// error the record did not already have, so a record with errors still takes an entry that adds none.

#include <cstddef>
#include <optional>
#include <string>

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/edit/record_edit.hpp"
#include "wellbeing/validation/check.hpp"

namespace wellbeing::edit {

// The verdict on one change to a record.
struct Acceptance {
  std::optional<Change> change;  // the change judged; empty when the entry could not be placed
  std::string refusal;           // why it could not be placed or read back; empty otherwise
  Diagnostics new_errors;        // errors in the new text that the old record did not have
  Diagnostics entry_notes;       // warnings and infos on the new entry itself
  std::size_t old_errors = 0;    // errors the old record already had

  // True when the change was placed and brings no new error.
  bool accepted() const { return change && refusal.empty() && new_errors.empty(); }
};

// Judges `change` to `old_record`, whose check_record findings are `old_findings`: the new text is parsed
// and checked with `check`, and each error is matched against the old ones by rule, keyword and place
// (old places moved as the change moves them); an error without a match is new.
Acceptance accept_change(const document::Document& old_record, const Diagnostics& old_findings, Change change,
                         const records::CheckOptions& check);

// Places `addition` in `old_record` (add_to_record) and judges the change; a refusal to place it is
// given in `refusal`.
Acceptance accept_addition(const document::Document& old_record, const Diagnostics& old_findings,
                           const Addition& addition, const records::CheckOptions& check);

}  // namespace wellbeing::edit
