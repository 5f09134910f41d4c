#include "wellbeing/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace wellbeing {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

void sort_diagnostics(Diagnostics& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    // Errors before warnings before info at the same position.
    return std::tuple(a.location.file, a.location.line, a.location.column, -static_cast<int>(a.severity),
                      a.message) < std::tuple(b.location.file, b.location.line, b.location.column,
                                              -static_cast<int>(b.severity), b.message);
  });
}

bool has_errors(const Diagnostics& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace wellbeing
