#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wellbeing {

// A position in a source file, 1-based. Line 0 means "the file as a whole" (no position known).
struct Location {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;

  friend bool operator==(const Location&, const Location&) = default;
};

enum class Severity { info, warning, error };

// "error", "warning" or "info".
std::string_view to_string(Severity severity);

// One finding about an input, as data: the command line renders it as text, JSON, annotations or JUnit,
// so every format shows the same facts.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;     // "yaml", "schema", "io", or a domain rule id such as "WB007"
  std::string message;  // plain words, no location and no trailing full stop
  Location location;
  std::string pointer;  // JSON pointer of the value concerned ("" for the whole document)
  std::string keyword;  // the schema keyword that failed, for schema diagnostics

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

using Diagnostics = std::vector<Diagnostic>;

// Sorts by file, line, column, then severity (errors first) and message, so output is deterministic.
void sort_diagnostics(Diagnostics& diagnostics);

// True when any diagnostic has severity error.
bool has_errors(const Diagnostics& diagnostics);

}  // namespace wellbeing
