#pragma once

#include "wellbeing/diagnostic.hpp"
#include "wellbeing/document/parser.hpp"
#include "wellbeing/records/config.hpp"
#include "wellbeing/util/date.hpp"

namespace wellbeing::records {

struct CheckOptions {
  Config config;                      // the folder's settings (defaults when it has none)
  util::Date as_of = util::today();   // "today" for the rules that depend on the date
};

// Everything wrong with one record: the schema's findings and the domain rules' findings (with the
// folder's severities and the record's written suppressions applied), sorted by position.
// This is the one check every command uses before trusting or writing a record.
Diagnostics check_record(const document::Document& document, const CheckOptions& options);

}  // namespace wellbeing::records
