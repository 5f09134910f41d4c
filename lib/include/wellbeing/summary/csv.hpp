#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wellbeing::summary {

// One CSV field (RFC 4180) that no spreadsheet will run as a formula. A value starting with `=`, `+`,
// `-`, `@`, a tab, a carriage return or a line feed gets a leading single quote (`'`) and is quoted; a
// value holding a comma, a double quote, a carriage return or a line feed is quoted, with its double
// quotes doubled. Other values are written as they are.
std::string csv_field(std::string_view value);

// One CSV record: the fields joined by commas, ending with CRLF.
std::string csv_record(const std::vector<std::string>& fields);

}  // namespace wellbeing::summary
