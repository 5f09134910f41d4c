#pragma once

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/config.hpp"

namespace wellbeing::validation {

// Everything wrong with one record: the schema's findings and the domain rules' findings (with the
// folder's severities and the record's written suppressions applied), sorted by position.
// This is the one check every command uses before trusting or writing a record.
Diagnostics check_record(const document::Document& document, const records::CheckOptions& options);

// `findings` of `document` with, when the record is wellbeing/v1, a note (info, [format]) on its schema
// line saying how to move it to v2 (`wellbeing migrate FILE`); sorted again. For `wellbeing validate`,
// not for reports.
Diagnostics with_format_note(Diagnostics findings, const document::Document& document);

}  // namespace wellbeing::validation
