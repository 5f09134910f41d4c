#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "wellbeing/summary/person.hpp"

namespace wellbeing::summary {

// The flat tables a summary exports (`summary --format csv --rows …`), one row per person, outcome, action
// or person's review. Every cell is text: dates as show_date gives them, lists joined by spaces, flags
// "yes"/"no", and counts never negative (overdue and time to go are separate columns), so no number needs
// a sign a spreadsheet could take for a formula.
enum class RowKind { people, outcomes, actions, reviews };

struct Rows {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// "people", "outcomes", "actions", "reviews".
std::string_view to_string(RowKind kind);

// The rows of `kind` for `people`, in their order (outcomes and actions in record order within a person).
Rows make_rows(std::span<const PersonSummary> people, RowKind kind);

}  // namespace wellbeing::summary
