#pragma once

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/config.hpp"

namespace wellbeing::validation {

// Everything wrong with one record: the schema's findings and the domain rules' findings (with the
// folder's severities and the record's written suppressions applied), sorted by position.
// This is the one check every command uses before trusting or writing a record.
Diagnostics check_record(const document::Document& document, const records::CheckOptions& options);

}  // namespace wellbeing::validation
