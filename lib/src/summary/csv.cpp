#include "wellbeing/summary/csv.hpp"

namespace wellbeing::summary {

std::string csv_field(std::string_view value) {
  // OWASP's list of formula triggers, and a line feed too: some spreadsheets skip leading line breaks.
  const bool formula = !value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                                          value[0] == '\t' || value[0] == '\r' || value[0] == '\n');
  const bool quote = formula || value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    return std::string(value);
  }
  std::string out = "\"";
  if (formula) {
    out += '\'';
  }
  for (char c : value) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  out += '"';
  return out;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ',';
    }
    out += csv_field(fields[i]);
  }
  out += "\r\n";
  return out;
}

}  // namespace wellbeing::summary
